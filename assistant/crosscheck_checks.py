"""Same event or not? What code can check around the model's cross-check verdict.

A reference supports an item only when it tells of the same event. Code checks what it can
read reliably: when each text was published (a `published` date, or a dateline in the text),
and the numbers each gives for the same thing ("two rockets" / "10 missiles"). A reference
far apart in time that does not name the article's month is about another event; the same
event with other numbers is told differently.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|" \
    r"Oct|Nov|Dec"
_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
# A written date counts as the publication date only as a dateline: at the start of a line or
# after "Published"/"Updated"/"Posted" (a date at the end of a photo caption is not one).
_LEAD = r"(?:^|\n)\s*(?:(?:published|updated|posted|date)\s*:?\s*)?(?:[A-Za-z]+,\s+)?"
_MDY = re.compile(rf"{_LEAD}({_MONTH_RE})\.?\s+(\d{{1,2}}),\s+(20\d\d|19\d\d)\b", re.I)
_DMY = re.compile(rf"{_LEAD}(\d{{1,2}})\s+({_MONTH_RE})\.?\s+(20\d\d|19\d\d)\b", re.I)
FAR_DAYS = 30
_NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "dozen": 12, "twenty": 20}
# Things counted in news whose numbers must agree for two texts to tell one event.
_KINDS = {"rocket": "projectile", "missile": "projectile", "projectile": "projectile",
          "shell": "projectile", "drone": "drone", "dead": "dead", "killed": "dead",
          "death": "dead", "people": "people", "soldier": "troops", "troop": "troops",
          "injured": "injured", "wounded": "injured", "battery": "battery", "base": "base",
          "official": "official", "strike": "strike", "attack": "attack", "job": "job"}


def _month(name: str) -> int:
    low = name.lower()[:3]
    return next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(low))


def text_date(text: str) -> date | None:
    """A publication date in the first lines of a text: ISO, "March 31, 2020", "31 March 2020"."""
    head = text[:400]
    try:
        if m := _ISO.search(head):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _MDY.search(head):
            return date(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        if m := _DMY.search(head):
            return date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    except (ValueError, StopIteration):
        return None
    return None


def counts(text: str) -> dict[str, set[int]]:
    """{kind: numbers} for "two rockets", "10 missiles", "at least 14 people killed"."""
    out: dict[str, set[int]] = {}
    words = re.findall(r"[A-Za-z]+|\d[\d,]*", text)
    for i, w in enumerate(words):
        n = int(w.replace(",", "")) if w[0].isdigit() else _NUMBER_WORDS.get(w.lower())
        if n is None or (w.lower() in {"a", "an"}):
            continue
        for nxt in words[i + 1:i + 4]:
            stem = nxt.lower().rstrip("s")
            kind = _KINDS.get(stem) or _KINDS.get(nxt.lower())
            if kind:
                out.setdefault(kind, set()).add(n)
                break
    return out


def number_clash(item: str, passage: str) -> str | None:
    a, b = counts(item), counts(passage)
    for kind in a.keys() & b.keys():
        if not a[kind] & b[kind]:
            return (f"the reference gives {', '.join(map(str, sorted(b[kind])))} where the "
                    f"article gives {', '.join(map(str, sorted(a[kind])))} ({kind})")
    return None


def agreeing_counts(item: str, passage: str) -> int:
    """How many of the item's counted things ("two rockets") the passage gives the same
    number for: the passage that shows the item's specifics is its evidence."""
    a, b = counts(item), counts(passage)
    return sum(1 for kind in a.keys() & b.keys() if a[kind] & b[kind])


def far_apart(article_date: date | None, ref_date: date | None, passage: str) -> str | None:
    """Published over a month apart, and the passage does not name the article's month."""
    if article_date is None or ref_date is None:
        return None
    days = abs((ref_date - article_date).days)
    if days <= FAR_DAYS:
        return None
    month = MONTHS[article_date.month - 1]
    if re.search(rf"\b{month}|\b{month[:3]}\.", passage.lower()) and \
            str(article_date.year) in passage:
        return None
    return f"published {days} days from the article: another event"


Verdict = Literal["supported", "contradicted", "not_mentioned"]


def same_event_verdict(verdict: Verdict, item: str, passage: str, article_date: date | None,
                       ref_date: date | None) -> tuple[Verdict, str | None]:
    """Adjust a verdict that code shows to be about another event (a different time: neither
    supported nor contradicted, but not_mentioned), or a "supported" one that tells the same
    event with other numbers (contradicted; or not_mentioned when the dates cannot say it is
    the same event)."""
    if verdict == "not_mentioned":
        return verdict, None
    far = far_apart(article_date, ref_date, passage)
    if far:
        return "not_mentioned", far
    if verdict != "supported":
        return verdict, None
    clash = number_clash(item, passage)
    if clash:
        if article_date is not None and ref_date is not None:
            return "contradicted", clash
        return "not_mentioned", clash
    return verdict, None
