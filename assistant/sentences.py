"""Splitting model-written prose into sentences without cutting "U.S.", "U. S.", "Gen." or
"Jan. 8": the one splitter for trimming, summary checks and answers."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "sgt", "capt", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "cmdr", "brig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "corp", "ltd", "co", "dept", "univ", "est", "approx", "fig", "mt", "ft"])
_END = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+|$)")


def _is_break(text: str, m: re.Match[str]) -> bool:
    """A full stop ends a sentence unless it closes an abbreviation or an initial and the
    next word does not start a sentence."""
    after = text[m.end():].lstrip()
    if not after:
        return True
    if m.group(0).startswith(("!", "?", "…")):
        return after[:1].isupper() or after[:1] in "\"“‘'("
    word = re.search(r"([A-Za-z]+)\.?$", text[:m.start() + 1].rstrip("."))
    token = word.group(1) if word else ""
    if len(token) == 1 and token.isupper():
        return False  # an initial: "U. S.", "John F. Kennedy"
    if re.search(r"(?:\b[A-Za-z]\.){2,}$", text[:m.start() + 1]):
        return after[:1].isupper() and not re.match(r"[A-Z][a-z]*\b", after) or False
    if token.lower() in ABBREVIATIONS:
        return False
    return after[:1].isupper() or after[:1].isdigit() or after[:1] in "\"“‘'("


def split(text: str) -> list[str]:
    """Sentences of `text`, whitespace kept inside, trimmed at the edges."""
    out, start = [], 0
    for m in _END.finditer(text):
        if _is_break(text, m):
            piece = text[start:m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def complete(sentence: str) -> bool:
    """Ends like a sentence, and not on an initial or an abbreviation ("... The U.")."""
    if not re.search(r"[.!?…][\"”’)\]]*$", sentence):
        return False
    if re.search(r"(?<![.\w])[A-Z]\.[\"”’)\]]*$", sentence):
        return False  # a lone initial: "... The U."
    last = re.search(r"(?<![.\w])([A-Za-z]+)\.[\"”’)\]]*$", sentence)
    return not (last and last.group(1).lower() in ABBREVIATIONS)


def whole_sentences(text: str) -> str:
    """Prose that stops mid-sentence (cut by a length bound, or closed early by the model)
    keeps its complete sentences, or marks the cut with an ellipsis."""
    parts = split(text.strip())
    if not parts or complete(parts[-1]):
        return " ".join(parts)
    done = [p for p in parts if complete(p)]
    return " ".join(done) if done else parts[-1] + "…"


def clip(text: str, n: int) -> str:
    """At most `n` characters, cut at a sentence end when one is past the middle."""
    if len(text) <= n:
        return text
    kept = ""
    for s in split(text):
        if len(kept) + len(s) + 1 > n:
            break
        kept = f"{kept} {s}".strip()
    return kept if len(kept) > n // 2 else text[:n].rstrip() + "…"
