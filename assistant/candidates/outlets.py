"""Outlets: is a name a news organisation, which one, and where are outlets named in a text.

A name is an outlet when it is a known one, when a media word says so ("the state-run X news
agency", "the website X", "X newspaper"), when it is state media ("Iranian state media"), or
when it is shaped like a paper's name ("The Herald Sun"). "Reports", "media reports" and
"Israeli media" name no outlet: they are "unnamed reports".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..article.safety import mixed_script
from . import outlet_names as on

_POSSESSOR = r"(?:[A-Z][\w./&-]*(?:\s[A-Z][\w./&-]*)*['’]s\s+)"
_DET = r"(?:(?i:the|a|an|that|this)\s+)"
_LEAD = re.compile(
    rf"^{_DET}?{_POSSESSOR}?(?:(?:{on.MEDIA_ADJ}|[A-Z][\w-]+(?:-\w+)*)\s+)*"
    rf"(?:{on.MEDIA_NOUN})\s*,?\s+(?P<name>[A-Z0-9].*)$")
_TRAIL = re.compile(
    rf"^{_DET}?{_POSSESSOR}?(?:(?:{on.MEDIA_ADJ})\s+)*(?P<name>[A-Z0-9].*?)\s+"
    rf"(?:{on.MEDIA_NOUN})$")
_BARE_AGENCY = re.compile(r"(?:(?i:the|an|a|its|their)\s+)?(?i:agency)\s*,?\s*")
_NAME_WORD = re.compile(r"\b(?!(?:The|A|An|That|This)\b)[A-Z0-9]")
_CAPITAL_MEDIA = re.compile(r"^(Radio|Channel|Television|TV|Kanal)\s+[A-Z0-9]")
_NOT_MEDIA = re.compile(
    r"\b(ministry|government|commission|department|council|parliament|cabinet|administration|"
    r"police|army|military|office|court|authority|authorities|presidency|embassy|"
    r"intelligence|security|defen[cs]e|forces?|party|university|institute|foundation|"
    r"bank|fund|union|committee|corps|guards?|brigades?|observatory|hall|arena|stadium|"
    r"theat(?:er|re))\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for canon, forms in on.OUTLETS.items():
        for f in (canon, *forms):
            if len(f) <= 3:
                exact[f] = canon
            else:
                folded[f.lower()] = canon
    return exact, folded


def known_outlet(name: str) -> str | None:
    """A well-known outlet by any of its forms ("Tass" = "TASS"), or None."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    if not bare[:1].isupper() and not bare[:1].isdigit():
        return None
    exact, folded = _known()
    return exact.get(bare) or exact.get(name.strip()) or folded.get(bare.lower()) or \
        folded.get(name.strip().lower())


def _clean(name: str) -> str:
    clean = re.sub(r"['’]s$", "", name.strip()).strip(" ,.:;\"“”‘’'")
    return " ".join(clean.split())


def canonical_outlet(name: str) -> str | None:
    """Map a surface form to a canonical outlet name, or None if it is not an outlet."""
    clean = _clean(name)
    if not clean or len(clean) > 80 or mixed_script(clean):
        return None  # a lookalike ("Reutеrs" with a Cyrillic е) is no known outlet
    hit = known_outlet(clean)
    if hit:
        return hit
    bare = re.sub(r"^(the|a|an)\s+", "", clean, flags=re.IGNORECASE)
    state = on.STATE_MEDIA.match(bare)
    if state:
        return f"{state.group(1)} state media" if state.group(1) else "state media"
    if on.GENERIC_REPORTS.match(bare):
        return "unnamed reports"
    for pattern in (_LEAD, _TRAIL):
        m = pattern.match(clean)
        if m and m.group("name") != clean:
            inner = m.group("name").strip(" ,")
            if not _NAME_WORD.search(inner):
                continue  # "The newspaper", "A local paper": a description, no name in it
            if re.fullmatch(on.MEDIA_ADJ, inner, re.IGNORECASE) and not known_outlet(inner) \
                    and not re.match(r"(?i:the|a|an)\s", clean):
                continue  # "Conservative radio host X" opening a sentence: no outlet named
            if pattern is _LEAD and _BARE_AGENCY.fullmatch(clean[:m.start("name")]):
                return known_outlet(inner)  # "The agency, FEMA": an agency, not news
            if not _NOT_MEDIA.search(inner) and len(inner.split()) <= 6:
                return known_outlet(inner) or _bare(inner)
    if _CAPITAL_MEDIA.match(bare) and len(bare.split()) <= 5 and not _NOT_MEDIA.search(bare):
        return _bare(bare)
    owner = re.match(r"^[A-Z][\w./&-]*(?:\s[A-Z][\w./&-]*)*['’]s\s+(?P<rest>[A-Z].*)$", bare)
    if owner:  # "RFE/RL's Radio Mashaal": the outlet is what the owner runs
        inner = canonical_outlet(owner.group("rest"))
        if is_named_outlet(inner):
            return inner
    words = bare.split()
    if len(words) >= 2 and words[0][:1].isupper() and on.OUTLET_SUFFIX.search(bare) and \
            len(words) <= 5 and not _NOT_MEDIA.search(bare) and all(
                w[:1].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words):
        if bare.endswith("Agency") and not re.search(r"\b(News|Press)\s+Agency$", bare):
            return None  # "the Defense Intelligence Agency" is not a news agency
        return _bare(bare)
    return None


def _bare(name: str) -> str:
    """Names found by shape, not by the list, are given without a leading article."""
    return re.sub(r"^(?:the|The)\s+", "", name.strip())


def is_named_outlet(canon: str | None) -> bool:
    """A real outlet, not "unnamed reports"."""
    return canon is not None and canon != "unnamed reports"


@lru_cache(maxsize=1)
def _known_regex() -> re.Pattern[str]:
    forms = sorted({f for canon, fs in on.OUTLETS.items() for f in (canon, *fs)},
                   key=len, reverse=True)
    alts = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:(?i:the)\s+)?(?:{alts})(?:['’]s)?(?![\w-])", re.IGNORECASE)


_DESCRIBED = re.compile(
    rf"(?:\b(?:the|a|an)\s+)?{_POSSESSOR}?(?:(?:{on.MEDIA_ADJ})\s+)*"
    rf"(?:(?:[A-Z][\w.&'’-]*\s+){{1,4}}(?:{on.MEDIA_NOUN})\b"
    rf"|(?:{on.MEDIA_NOUN})\s*,?\s+(?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){{0,3}})"
    rf"|\b(?:[A-Z][a-z]+\s+)?state(?:-run)?\s+(?:media|television|TV|broadcaster|news agency|"
    rf"radio)\b")


# "Radio Mashaal", "RFE/RL's Radio Farda", "Kanal 13": the media word first
_MEDIA_FIRST = re.compile(
    rf"(?<![\w/-]){_POSSESSOR}?(?:Radio|Channel|Television|TV|Kanal)\s+[A-Z0-9][\w-]*"
    r"(?:\s+[A-Z0-9][\w-]*){0,2}")
_SHAPED = re.compile(
    r"(?<![\w/-])(?:[Tt]he\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}"
    r"(?:Times|Post|News|Daily|Journal|Herald|Tribune|Gazette|Telegraph|Chronicle|Standard|"
    r"Observer|Express|Mail|Courier|Dispatch|Examiner|Inquirer|Ledger|Sentinel|Bulletin|"
    r"Monitor|Insider|Radio|TV|Television|Broadcasting)(?![\w-])")


def find_outlets_in(text: str) -> list[tuple[int, int, str]]:
    """Every outlet mention as (start, end, canonical) in a piece of text: known names, names
    with a media word, state media. Anaphora ("the agency") are resolved elsewhere."""
    hits: list[tuple[int, int, str]] = []

    def add(a: int, b: int, canon: str | None) -> None:
        owner = re.match(r"(.+?)['’]s?\s+[A-Z]", canon or "")
        if owner and is_named_outlet(canonical_outlet(owner.group(1))):
            # "the Financial Times' Big Read podcast": the show is the outlet's
            canon = canonical_outlet(owner.group(1))
        if canon and not any(x < b and a < y for x, y, _ in hits):
            hits.append((a, b, canon))

    for m in _DESCRIBED.finditer(text):
        add(m.start(), m.end(), canonical_outlet(m.group(0)))
    for m in _MEDIA_FIRST.finditer(text):
        add(m.start(), m.end(), canonical_outlet(m.group(0)))
    for m in _SHAPED.finditer(text):
        add(m.start(), m.end(), canonical_outlet(m.group(0)))
    for m in _known_regex().finditer(text):
        surface = m.group(0)
        if len(_clean(surface)) <= 3 and _clean(surface) not in _known()[0]:
            continue  # short forms only in their exact case ("AP", not "ap")
        core = re.sub(r"^(?i:the)\s+", "", surface)
        if not (core[:1].isupper() or core[:1].isdigit()):
            continue
        after = text[m.end():m.end() + 30]
        # "CBS's Face the Nation": after a possessive the capital word is the outlet's show
        if not re.search(r"['’]s$", surface) and re.match(r"\s+[A-Z][a-z]", after) and \
                not re.match(
                r"\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
                r"February|March|April|May|June|July|August|September|October|November|"
                r"December|On|In|That|It|The|A|An|He|She|They|Has|Had|Was|Reported|Said)\b",
                after):
            continue  # part of a longer name ("The National Security Council")
        add(m.start(), m.end(), known_outlet(_clean(surface)))
    return sorted(hits)
