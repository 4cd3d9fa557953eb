"""Do two names refer to the same speaker or outlet? Shared by the eval's scorers and the
checks of model-written text."""

from __future__ import annotations

import re

from .candidates import TITLES, canonical_outlet

_STOP = {"the", "a", "an", "some", "of", "s"}


def norm_tokens(name: str) -> frozenset[str]:
    name = re.sub(r"['’]s\b", "", name.lower())
    words = re.findall(r"[a-z0-9]+", name.replace(".", ""))
    return frozenset(w for w in words if w not in _STOP and w not in TITLES)


def speaker_matches(pred: str, names: list[str]) -> bool:
    p = norm_tokens(pred)
    if not p:
        return False
    for n in names:
        g = norm_tokens(n)
        if g and (p == g or p <= g or g <= p):
            return True
    return False


_GENERIC_OUTLET = {"news", "agency", "newspaper", "daily", "tv", "television", "radio",
                   "channel", "network", "website", "site", "broadcaster", "media", "press",
                   "service", "magazine", "online"}


def _acronym(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in {"of", "the", "and"})


def outlet_matches(pred: str, gold: str) -> bool:
    """ANNOTATION.md's loose rule: canonical name or short form, the name without generic
    words ("Fars" = "Fars News Agency"), an acronym ("KCNA"), and "state media" for any
    country's state media."""
    a = canonical_outlet(pred) or pred
    b = canonical_outlet(gold) or gold
    ta, tb = norm_tokens(a), norm_tokens(b)
    if ta == tb:
        return True
    ca, cb = ta - _GENERIC_OUTLET, tb - _GENERIC_OUTLET
    if ca and ca == cb:
        return True
    if {"state", "media"} <= ta and {"state", "media"} <= tb and (not ca - {"state"} or
                                                                   not cb - {"state"}):
        return True
    wa = re.findall(r"[a-z0-9]+", a.lower())
    wb = re.findall(r"[a-z0-9]+", b.lower())
    return (len(wa) == 1 and len(wb) > 2 and wa[0] == _acronym(wb)) or (
        len(wb) == 1 and len(wa) > 2 and wb[0] == _acronym(wa))
