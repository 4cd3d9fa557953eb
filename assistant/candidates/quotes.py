"""Quotes of a sentence: a whole statement in the speaker's words (direct) or a quoted
fragment inside reported speech, from the paragraph's paired quote marks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..article import Article, Paragraph, QuoteSpan, Sentence, quote_spans
from .model import Attribution, Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

_SPEECH_BEFORE = re.compile(
    r"\b(?:(?:said|says|say|saying|added|adding|wrote|writes|declared|stated|tweeted|posted|"
    r"insisted|warned|replied|responded|continued|explained|noted|quipped)"
    r"(?:\s+(?:that|simply|only|then|again|flatly|bluntly|also|later))?"
    r"|(?:told|tells|telling|asked|asks)(?:\s+[\w.'’-]+){1,3})\s*[,:]?$", re.IGNORECASE)
_FRAME_AFTER = re.compile(r"^\s*,?\s*(?:[\w.'’-]+,?\s+){0,6}?(said|says|added|told|asked|wrote|"
                          r"tweeted|insisted|warned|declared|explained|continued|noted|replied|"
                          r"according|read|reads)\b", re.IGNORECASE)


# a colon or a quotation mark hanging off the verb: it introduces or closes a quote ('' and
# `` are the doubled marks of some archives)
QUOTE_MARKS = frozenset({":", '"', "“", "'", "‘", "''", "``"})
QUOTATION_MARKS = QUOTE_MARKS - {":"}
CLOSING_MARKS = QUOTATION_MARKS | {"”", "’"}


def quote_mark_child(tok: Token, before: int | None = None) -> bool:
    """A quote mark hangs off the verb (before token index `before`, when given)."""
    return any(c.is_punct and c.text in QUOTE_MARKS and (before is None or c.i < before)
               for c in tok.children)


# 'His answer: "Never."', 'Ruiz's response was blunt:': what someone said, named as a noun
RESPONSE_NOUNS = frozenset({"response", "answer", "reply", "retort", "reaction", "message",
                            "verdict", "assessment", "advice", "warning", "explanation"})
_RESPONSE_BEFORE = re.compile(rf"(?:\w['’]s|\b(?:his|her|their|its))\s+(?:\w+\s+)?"
                              rf"(?:{'|'.join(sorted(RESPONSE_NOUNS))})"
                              r"(?:\s+(?:was|is)(?:\s+\w+){0,2})?\s*:$", re.IGNORECASE)


# what a name follows, not a statement: an owner ("CNN's") or a preposition ("on", "in")
_TITLE_BEFORE = re.compile(r"(?:\w['’]s|\b(?:on|in|of|at|from|for|by|with|to|called|titled|"
                           r"entitled|dubbed|named))$", re.IGNORECASE)


def _is_direct(sent: Sentence, start: int, end: int, inner: str, open_end: bool) -> bool:
    """A whole statement in quotes: it starts a clause ("X said: '...'", '"...," X said'),
    follows a speech verb, or is followed by its frame; a quoted title or phrase at the end
    of narration is a fragment."""
    before = sent.text[:max(0, start - sent.start)].rstrip()
    after = sent.text[max(0, end - sent.start):]
    text = inner.rstrip()
    # ('Asked if she would run, Ruiz said: "We'll see."', 'His answer: "Never."': the colon
    # after the saying verb or the noun for what was said introduces the answer itself)
    answer = before.endswith(":") and bool(_SPEECH_BEFORE.search(before) or
                                           _RESPONSE_BEFORE.search(before)) and \
        text[-1:] in ".?!…" and not after.strip()
    if not text[:1].isupper() or len(text.split()) < 2 and not answer:
        return False
    if _TITLE_BEFORE.search(before):
        return False  # 'Appearing on CNN's "State of the Union," Ruiz said': a show's name
    if len(text.split()) < 4:
        # a short quote is a statement only when it is the whole sentence ('"Nobody likes
        # cuts."') or ends at its frame ('"This is unacceptable," tweeted X'); else it may be
        # a title or a scare-quoted phrase
        return not before and (text[-1:] in ".?!…" and not after.strip() or
                               text[-1:] in ",?!" and bool(_FRAME_AFTER.match(after))) or answer
    if not before or before.endswith((",", ":", ";", "—", "–", "-")) or open_end:
        return True
    if _SPEECH_BEFORE.search(before):
        return True
    return text[-1:] in ",.?!…" and bool(_FRAME_AFTER.match(after))


def titled_quote(p: Paragraph, q: Quote) -> bool:
    """The quote follows an owner or a preposition: a name ("CNN's "State of the Union"")."""
    return bool(_TITLE_BEFORE.search(p.text[:q.start - p.start].rstrip()))


def sentence_quotes(p: Paragraph, s: Sentence) -> list[Quote]:
    """Quotes that open in this sentence (a quote left open may run past its end)."""
    out = []
    for q in p.quotes:
        if not s.start <= q.start < s.end:
            continue
        inner_end = q.inner_end
        inner = p.text[q.inner_start - p.start:inner_end - p.start]
        if inner.rstrip().endswith(","):
            inner_end -= len(inner) - len(inner.rstrip()) + 1
        out.append(Quote(start=q.start, end=q.end, inner_start=q.inner_start,
                         inner_end=inner_end, open_end=q.open_end,
                         direct=_is_direct(s, q.start, q.end, inner, q.open_end)))
    return out


def inside_open_quote(p: Paragraph, s: Sentence) -> bool:
    """The sentence continues a quote that an earlier sentence of the paragraph opened."""
    return any(q.start < s.start and q.end >= s.end and q.open_end for q in p.quotes) or any(
        q.start < s.start < q.end for q in p.quotes)


def find_quotes(sent: Sentence, article: Article | None = None) -> list[Quote]:
    """Quotes of one sentence (the paragraph is looked up in `article` when given)."""
    if article is not None:
        p = next((x for x in article.paragraphs if x.index == sent.paragraph), None)
        if p is not None:
            return sentence_quotes(p, sent)
    base = Paragraph(index=sent.paragraph, start=sent.start, end=sent.end, text=sent.text,
                     kind="body")
    base.quotes = [QuoteSpan(start=sent.start + q.start, end=sent.start + q.end,
                             inner_start=sent.start + q.inner_start,
                             inner_end=sent.start + q.inner_end, open_end=q.open_end)
                   for q in quote_spans(sent.text)]
    return sentence_quotes(base, sent)


_OPENING_MARKS = "\"“‘'"


def quote_run_owners(article: Article, claims: list[Attribution]) -> list[Attribution]:
    """A quote that runs over several paragraphs (each opens with a quote mark, only the last
    closes it) is one speaker's even when the speaker is named only in its last paragraph
    ('"The waves were higher than the piers.' / '"Nobody has seen it," Lund said.'): claims
    for the earlier paragraphs that nobody owned."""
    out: list[Attribution] = []
    pending: list[tuple[Sentence, Quote]] = []
    for p in article.paragraphs:
        if p.kind != "body" or p.doc is None or not p.sentences:
            continue
        lead = len(p.text) - len(p.text.lstrip())
        first = next((q for q in p.quotes if q.start == p.start + lead), None)
        if first is None or p.text[lead:lead + 1] not in _OPENING_MARKS:
            pending = []
            continue
        owner = next((c for c in claims if c.kind == "direct" and c.quote is not None and
                      c.quote.start == first.start and not c.is_fact), None)
        if owner is not None:
            out += [Attribution(sentence=s, speaker=owner.speaker,
                                speaker_type=owner.speaker_type, role=owner.role,
                                start=q.start, end=q.end, kind="direct", quote=q,
                                channel=owner.channel, resolved_from="continued quote")
                    for s, q in pending]
            pending = []
        elif first.open_end and not any(c.start < first.end and first.start < c.end
                                        for c in claims):
            s = p.sentences[0]
            q = next((x for x in sentence_quotes(p, s) if x.start == first.start), None)
            pending = pending + [(s, q)] if q is not None else []
        else:
            pending = []
    return out
