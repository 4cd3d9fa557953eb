"""Quotation marks paired into quote spans, per paragraph, for every style news text uses.

Double quotes (straight, curly, and the doubled '' of some archives) are paired first;
single quotes (curly, and straight ones where an article quotes with them, as British
papers do) only outside double quotes, and a straight ' counts only where it cannot be an
apostrophe (it opens after a space or a bracket, and closes before a space or punctuation).
A quote left open at the paragraph's end runs to that end (`open_end`): news style leaves a
quote that continues in the next paragraph without its closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # of the opening mark
    end: int  # after the closing mark, or the paragraph's end when open_end
    inner_start: int
    inner_end: int
    open_end: bool = False


_DOUBLE = re.compile(r"'''|''|``|[\"“”„]")
_OPENERS = " \t\n([{—–-/:;,"
_AFTER_CLOSE = " \t\n.,;:!?)]}—–-…"


def _double_marks(text: str) -> list[tuple[int, int, str]]:
    """(position, length, role) of double-quote marks; role is 'open', 'close' or 'both'."""
    out = []
    for m in _DOUBLE.finditer(text):
        ch = m.group(0)
        role = "open" if ch in "“„``" else "close" if ch == "”" else "both"
        pos, end = m.start(), m.end()
        if ch == "'''":  # a nested single quote that opens or closes with the doubled one:
            ch = "''"    # ''She said, 'Why?''' - the double mark is the outer pair
            if pos > 0 and text[pos - 1] not in _OPENERS:
                pos += 1
            end = pos + 2
        if role == "open" and pos > 0 and text[pos - 1] not in " \t\n([{" and \
                (end == len(text) or text[end] in _AFTER_CLOSE):
            role = "close"  # an opening mark typed where a quote ends: “It's unusual,“ said X
        out.append((pos, len(ch), role))
    return out


def _pair(text: str, marks: list[tuple[int, int, str]]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: tuple[int, int] | None = None
    for pos, n, role in marks:
        if opened is None:
            if role == "close":
                continue  # a stray closing mark: the quote began in an earlier paragraph
            if role == "both" and pos + n < len(text) and text[pos + n] in " \t\n" and \
                    pos > 0 and text[pos - 1] not in _OPENERS:
                continue  # a straight mark that reads as a closing one
            opened = (pos, n)
            continue
        if role == "open" and text[opened[0]:opened[0] + opened[1]] in "“„``":
            # a new opening mark before any close: the earlier quote was left open
            spans.append(_span(text, opened, len(text), 0, open_end=False, cut=pos))
            opened = (pos, n)
            continue
        spans.append(_span(text, opened, pos, n))
        opened = None
    if opened is not None:
        spans.append(_span(text, opened, len(text), 0, open_end=True))
    return spans


def _span(text: str, opened: tuple[int, int], close: int, close_len: int, *,
          open_end: bool = False, cut: int | None = None) -> QuoteSpan:
    start, n = opened
    end = cut if cut is not None else close + close_len
    inner_end = cut if cut is not None else close
    while inner_end > start + n and text[inner_end - 1] in " \t\n":
        inner_end -= 1
    if open_end or cut is not None:
        end = inner_end
    return QuoteSpan(start=start, end=end, inner_start=start + n, inner_end=inner_end,
                     open_end=open_end)


def _single_marks(text: str, blocked: list[QuoteSpan]) -> list[tuple[int, int, str]]:
    out = []
    for i, ch in enumerate(text):
        if ch not in "'‘’" or any(b.start <= i < b.end for b in blocked):
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch == "‘" or before in _OPENERS and after not in " \t\n":
            out.append((i, 1, "open"))
        elif before not in " \t\n" and after in _AFTER_CLOSE:
            out.append((i, 1, "close"))
    return out


def _pair_single(text: str, marks: list[tuple[int, int, str]]) -> list[QuoteSpan]:
    """Single quotes nest rarely and close explicitly; a possessive like "officials' " can
    look like a close, so a close only ends a quote that some opening mark began."""
    spans: list[QuoteSpan] = []
    opened: int | None = None
    for pos, _, role in marks:
        if role == "open":
            if opened is None:
                opened = pos
            continue
        if opened is not None:
            spans.append(_span(text, (opened, 1), pos, 1))
            opened = None
    if opened is not None and opened + 1 < len(text) and (
            text[opened + 1].isupper() or text[opened + 1].isdigit()) and \
            text[:opened].rstrip()[-1:] in {"", ":", ","}:
        # a quote left open begins the paragraph or follows its frame ("she said: ‘...");
        # "at the ‘Ain Al-Asad base" marks a letter of a transliterated name
        spans.append(_span(text, (opened, 1), len(text), 0, open_end=True))
    return [s for s in spans if s.inner_end - s.inner_start >= 2]


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quote of one paragraph, in order, offsets relative to `text`."""
    doubles = _pair(text, _double_marks(text))
    singles = _pair_single(text, _single_marks(text, doubles))
    # a single-quoted span overlapping a double one is a nested quote or a misread apostrophe
    singles = [s for s in singles if not any(d.start < s.end and s.start < d.end
                                             for d in doubles)]
    return sorted(doubles + singles, key=lambda q: q.start)
