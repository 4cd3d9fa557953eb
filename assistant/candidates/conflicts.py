"""Two accounts in the text that disagree on a count: "The ministry said 12 people were
killed, while local officials put the toll at 20."

A reader should hold back on either number. Code can see this one kind of conflict without
reading the story: two statements of different speakers, close together, about the same
measure (deaths, injuries, arrests, a crowd), whose numbers share nothing.
"""

from __future__ import annotations

import re

from ..article import Article
from .model import Attribution, Cue

# what is counted: one group per measure, so "12 killed" and "20 injured" are no conflict
_MEASURES = (
    r"\b(?:killed|dead|died|deaths?|death toll|fatalities|toll|lives)\b",
    r"\b(?:injured|wounded|hurt|injuries)\b",
    r"\b(?:arrested|arrests|detained|detentions)\b",
    r"\b(?:attended|crowd|turnout|attendance|protesters|demonstrators|rallied)\b",
    r"\b(?:missing|displaced|evacuated|homeless)\b",
)
_COMPILED = tuple(re.compile(m, re.IGNORECASE) for m in _MEASURES)
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
_WINDOW = 400  # characters between the two statements: the same passage of the story
_NEAR = 25  # characters between a number and the word for what it counts
_AFTER = 10  # how much farther a measure word before its number counts as


def _counts(text: str) -> dict[int, tuple[set[str], tuple[int, int]]]:
    """Per measure, the numbers that count it and where the first count is: a number belongs
    to the measure word nearest to it, within a few words ("40 people were still missing
    and that the toll ...": 40 counts the missing, not the toll)."""
    marks = [(g, m.start(), m.end()) for g, rx in enumerate(_COMPILED) for m in rx.finditer(text)]
    out: dict[int, tuple[set[str], tuple[int, int]]] = {}
    for n in _NUMBER.finditer(text):
        # a count comes before what it counts ("45 were hurt"); "the toll at 20" is the
        # other way round and farther
        near = [(a - n.end() if a >= n.end() else n.start() - b + _AFTER, g, a, b)
                for g, a, b in marks if a >= n.end() or b <= n.start()]
        near = [x for x in near if x[0] <= _NEAR]
        if not near:
            continue
        _, g, a, b = min(near)
        out.setdefault(g, (set(), (min(a, n.start()), max(b, n.end()))))[0].add(
            n.group(0).replace(",", ""))
    return out


def count_conflicts(article: Article, claims: list[Attribution]) -> list[Cue]:
    """A conflict cue on the later of two statements that give different counts of one
    measure; the earlier one is the account it disagrees with."""
    cues: list[Cue] = []
    ordered = sorted(claims, key=lambda c: c.start)
    counted = [_counts(article.text[c.start:c.end]) for c in ordered]
    for i, later in enumerate(ordered):
        text = article.text[later.start:later.end]
        counts = counted[i]
        for j, earlier in enumerate(ordered[:i]):
            if earlier.speaker == later.speaker or later.start - earlier.end > _WINDOW:
                continue
            before = counted[j]
            clash = next((g for g, (nums, _) in counts.items()
                          if g in before and not nums & before[g][0]), None)
            if clash is None:
                continue
            # the cue: the later count and what it counts ("toll at 20", "20 people died")
            a, b = counts[clash][1]
            cues.append(Cue(kind="conflict", cue=text[a:b], start=later.start, end=later.end,
                            sentence=later.sentence))
            break
    return cues
