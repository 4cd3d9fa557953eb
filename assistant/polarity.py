"""Does a passage assert what a statement denies, or the reverse? Code the 1.5B judge needs.

Small models read "X denied that the attack targeted the base" next to "a rocket attack on
the base" as support: both speak of the attack and the base. Two readings catch it:

- a negator right before shared words ("had not collapsed" / "collapsed");
- a denial's scope, read from the dependency parse: the clause a verb of denial governs
  ("denied that ...", "rejected claims that ...") or the subject of "... are not true / false /
  baseless". When another text asserts most of that scope without denying it, the two clash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

_STOP = frozenset(["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for",
                   "with", "from", "that", "this", "these", "those", "was", "were", "is", "are",
                   "be", "been", "has", "have", "had", "will", "would", "could", "said", "says",
                   "say", "also", "its", "their", "his", "her", "they", "he", "she", "it", "as",
                   "but", "not", "than", "into", "about", "after", "before", "over", "more",
                   "most", "some", "any", "which", "who", "whom", "what", "when", "where"])
# "denied ..." is read by its scope below, not by the three words after it
_NEGATORS = frozenset(["not", "no", "never", "without"])
_NOT_NEGATING = frozenset(["only", "just", "merely", "doubt"])
_DENY_VERBS = frozenset(["deny", "reject", "dismiss", "refute", "dispute", "rebut"])
# predicates that call a claim false; "true", "accurate", "correct" count when negated
_FALSE = frozenset(["false", "untrue", "baseless", "unfounded", "incorrect", "fabricated",
                    "wrong", "fake", "groundless"])
_TRUE = frozenset(["true", "accurate", "correct"])
# the wrapper nouns around a denied proposition ("claims about ...", "the report that ...")
_WRAPPERS = frozenset(["claim", "report", "allegation", "rumor", "rumour", "account",
                       "assertion", "suggestion", "statement", "news", "story", "idea"])
MIN_SCOPE = 3  # content words a denied proposition needs before it can clash
ASSERTED_SHARE = 0.7  # of the denied words another text must assert
VARIANT_MIN = 85  # similarity of two spellings of one name


def content(text: str) -> set[str]:
    """Content words as 6-letter stems ("intercepted" and "intercepting" meet)."""
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in _STOP}


def _stem(word: str) -> str:
    return re.sub(r"(ing|ed|es|s)$", "", word)[:6] if len(word) > 5 else word[:6]


def _stems(text: str) -> set[str]:
    """Content words without their endings ("shelling" and "shelled" meet)."""
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower())
            if len(w) > 2 and w not in _STOP}


def _negated_terms(text: str) -> set[str]:
    """Content stems within three words after a negator ("had not collapsed" -> collaps);
    "not only", "not just" and "no doubt" add rather than deny."""
    words = re.findall(r"[a-z0-9']+", text.lower())
    out: set[str] = set()
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (w in _NEGATORS or w.endswith("n't")) and nxt not in _NOT_NEGATING:
            out |= {_stem(x) for x in words[i + 1:i + 4] if len(x) > 2 and x not in _STOP}
    return out


def denied_scopes(text: str) -> list[set[str]]:
    """Content stems of each proposition `text` denies, from the spaCy parse."""
    if not any(w in text.lower() for w in ("den", "reject", "dismiss", "refut", "disput",
                                           "rebut", "not", "n't", *_FALSE)):
        return []
    from .nlp import get_nlp

    scopes = []
    for tok in get_nlp()(text):
        lemma = tok.lemma_.lower()
        heads = []
        if lemma in _DENY_VERBS and tok.pos_ == "VERB":
            negated = any(c.dep_ == "neg" for c in tok.children)
            if not negated:  # "did not dispute the report" accepts it
                heads = [c for c in tok.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
        elif tok.dep_ in ("acomp", "attr") and (lemma in _FALSE or lemma in _TRUE):
            negated = any(c.dep_ == "neg" for c in (*tok.children, *tok.head.children))
            if (lemma in _TRUE) == negated:
                heads = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        for h in heads:
            words = " ".join(w.text for w in h.subtree if w.lemma_.lower() not in _WRAPPERS)
            scope = _stems(words)
            if len(scope) >= MIN_SCOPE:
                scopes.append(scope)
    return scopes


def _shared(scope: set[str], text: str) -> set[str]:
    """Words of `scope` in `text`, allowing spelling variants of names ("Asad" / "Assad",
    "Qasem" / "Qassem")."""
    stems = _stems(text)
    return {w for w in scope if w in stems or any(
        len(w) >= 4 and t[:1] == w[:1] and fuzz.ratio(w, t) >= VARIANT_MIN for t in stems)}


def _asserts(text: str, scope: set[str]) -> bool:
    """`text` states most of `scope` and denies none of it."""
    shared = _shared(scope, text)
    if len(shared) < ASSERTED_SHARE * len(scope):
        return False
    return not (shared & _negated_terms(text)) and not any(
        len(shared & s) >= 2 for s in denied_scopes(text))


def polarity_clash(statement: str, passage: str) -> bool:
    """A shared content word negated on one side only, or one text denying what the other
    asserts."""
    shared = _stems(statement) & _stems(passage)
    if (_negated_terms(statement) ^ _negated_terms(passage)) & shared:
        return True
    return any(_asserts(passage, s) for s in denied_scopes(statement)) or any(
        _asserts(statement, s) for s in denied_scopes(passage))


def denial_asserted(statement: str, passages: Sequence[str]) -> int | None:
    """The index of the first passage that asserts what `statement` denies ("X denied that
    the attack targeted the base" / "a rocket attack on the base"), whatever the judge said:
    the judge tends to call such a pair "not mentioned" or a support."""
    scopes = denied_scopes(statement)
    for i, p in enumerate(passages):
        if any(_asserts(p, s) for s in scopes):
            return i
    return None

