"""Segmenting: paragraphs (body, headline, caption, boilerplate), sentences with ids and exact
offsets, and the quotes of each paragraph.

Nothing is deleted from the text: boilerplate, credit lines, captions and the headline are
marked, so every offset still points into the text the user gave (or extracted from HTML).
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..nlp import get_nlp
from .model import Article, Paragraph, ParagraphKind, Sentence
from .quotes import QuoteSpan, quote_spans
from .safety import scan

MIN_WORDS = 40

_BOILERPLATE = re.compile(
    r"^\s*(accessibility links|breaking news|skip to (main )?content|advertisement|"
    r"share( this| on \w+)?( article| story| page)?|related( articles| stories| coverage| content)?|"
    r"menu|search|home|close|log ?in|sign ?in|save|open in app|back to top|"
    r"read more|more on this story|sign up.*newsletter.*|subscribe( now)?|follow us.*|"
    r"(image|photo|video) (source|caption).*|copyright .*|© .*|all rights reserved\.?|"
    r"cookies? (settings|policy)|top stories|most read|listen to this article|"
    r"print|email|facebook|twitter|whatsapp|linkedin|comments?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
# A link to another story: "Read more: Coast guard says ferries unsafe", "RELATED: ..."
_TEASER = re.compile(r"^\s*(?:read more|read also|also read|related|see also|watch|more|"
                     r"recommended|listen|explainer)\s*:\s*\S", re.IGNORECASE)
# Credit lines and bylines: "(Reporting by A; Editing by B)", "By Jane Doe", "Contributing: ..."
_CREDIT = re.compile(
    r"^\s*[(\[]?\s*(?:(?:additional |editing |graphics )?reporting by|writing by|editing by|"
    r"compiled by|contributing(?: reporting)?(?: by)?\s*:?|with reporting by|"
    r"additional reporting)\b", re.IGNORECASE)
# The same credit at the end of the last paragraph's line, after its final sentence.
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*([(\[]\s*(?:(?:additional |editing |graphics )?reporting|writing|"
    r"editing|compiled|with reporting) by\b[^()\[\]]*[)\]])\s*$", re.IGNORECASE)
# The credit a story closes on: "Jane Roe contributed reporting from Kabul.", "The
# Associated Press contributed to this report."
_CONTRIBUTED = re.compile(
    r"^\s*[A-Z](?:(?!\b(?:said|says|told)\b)[^.!?\"“”]){0,150}?\bcontributed (?:(?:reporting|"
    r"research)(?: (?:from|in) [^.!?\"“”]{1,60})?|to this (?:report|story|article))\.?\s*$")
_BYLINE = re.compile(r"^\s*By\s+(?:[A-Z][\w.'’-]+\s?){1,4}(?:(?:and|&|,)\s+(?:[A-Z][\w.'’-]+\s?){1,4})*"
                     r"(?:[,|–-].{0,60})?$")
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPTION_END = re.compile(rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$")
_CAPTION_MARK = re.compile(
    r"(\((AP|AFP|Reuters)? ?Photo\b|\bPhoto( by|:)|Getty Images|REUTERS/|/ ?AFP\b|"
    r"^\s*(Caption|Image|Photo|Pictured)\s*:|\bFile photo\b)",
    re.IGNORECASE,
)
# a sentence closed inside single quotes ("Ruiz said: 'We will not back down.'"); a headline
# quoting someone has no full stop there ("Ruiz: 'We will not back down'")
_CLOSED_SINGLE = re.compile(r"[.?!…][’']\s*$")
_QUOTE_CHARS = "\"“”‘’'"
# A quote that ends on "?" or "!" ends spaCy's sentence too: '"Why now?" Kay asked.' Its
# frame follows as a sentence of its own, which begins with the speaker and a speech verb.
# ("...?'''": a nested quote closing with the doubled '' of some archives)
_QUESTION_QUOTE = re.compile(r"^[\"“‘']{1,2}.*[?!][\"”’']{1,3}$", re.DOTALL)
_FRAME_SENTENCE = re.compile(
    r"^(?:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){0,5}?\s+(?:said|says|asked|asks|added|told|wrote|"
    r"shouted|yelled|cried|exclaimed|replied|responded|wondered|demanded|insisted|warned|"
    r"declared|explained|continued|tweeted|posted|joked|quipped)\b[^\"“”]*$")


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    sep = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in _cut_credit_lines(text, spans):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if chunk.strip():
            out.append((a + lead, a + trail))
    return out


def _cut_credit_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A credit line or byline on its own line stays its own paragraph even without a blank
    line around it ("...program.\n(Reporting by A; Editing by B)"), and so does a credit
    that ends the last paragraph's line ("...program. (Reporting by A)")."""
    out = []
    for a, b in spans:
        start, pos = a, a
        while pos < b:
            end = text.find("\n", pos, b)
            end = b if end < 0 else end
            line = text[pos:end]
            tail = _TRAILING_CREDIT.search(line)
            if tail and line[:tail.start(1)].strip():  # "... program. (Reporting by A)"
                cut = pos + tail.start(1)
                out += [(start, cut), (cut, end)]
                start = end
            elif (pos > a or end < b) and (
                    _CREDIT.match(line) or (_BYLINE.match(line) and len(line.split()) <= 14)):
                out += [(start, pos), (pos, end)]
                start = end
            pos = end + 1
        out.append((start, b))
    return [(x, y) for x, y in out if text[x:y].strip()]


def _headline_cased(words: list[str]) -> bool:
    """"CNN President On Trump: 'We Do Not Pay ...'": most words capitalised, as headlines are."""
    alpha = [w for w in words if w[:1].isalpha() or w[1:2].isalpha()]
    caps = [w for w in alpha if w.lstrip("'‘’\"“").strip()[:1].isupper()]
    return len(alpha) >= 4 and len(caps) > 0.6 * len(alpha)


def _classify(text: str, index: int, seen_body: bool) -> ParagraphKind:
    words = text.split()
    if len(words) <= 8 and _BOILERPLATE.match(text):
        return "boilerplate"
    if (_CREDIT.match(text) or _CONTRIBUTED.match(text)) and len(words) <= 40:
        return "boilerplate"
    if _TEASER.match(text) and len(words) <= 20:
        return "boilerplate"
    if _BYLINE.match(text) and len(words) <= 14:
        return "boilerplate"
    has_quote = any(c in text for c in "\"“”")
    if _CAPTION_MARK.search(text) and not has_quote:
        return "caption"
    if _CAPTION_END.search(text) and not has_quote and len(words) <= 60:
        return "caption"
    if not seen_body and len(words) <= 20 and not text.rstrip().endswith((".", "?", "!", '"', "”")) \
            and not (_CLOSED_SINGLE.search(text) and not _headline_cased(words)):
        return "title"
    return "body"


def parse_article(text: str, *, source: str = "", title: str | None = None,
                  min_words: int = MIN_WORDS) -> Article:
    """Segment into paragraphs and sentences with ids and offsets; refuse non-articles."""
    if not text.strip():
        raise InputError(f"{source or 'input'} is empty", reason="empty", source=source)
    paragraphs: list[Paragraph] = []
    seen_body = False
    for i, (a, b) in enumerate(_split_paragraphs(text)):
        kind = _classify(text[a:b], i, seen_body)
        if kind == "title" and (title is not None or any(p.kind == "title" for p in paragraphs)):
            kind = "body" if len(text[a:b].split()) > 6 else "boilerplate"
        seen_body = seen_body or kind == "body"
        paragraphs.append(Paragraph(index=i, start=a, end=b, text=text[a:b], kind=kind))
    body = [p for p in paragraphs if p.kind == "body"]
    n_words = sum(len(p.text.split()) for p in body)
    if n_words < min_words:
        raise InputError(
            f"{source or 'input'} is too short to be an article ({n_words} words of body text; "
            f"at least {min_words} needed)", reason="too_short", source=source)
    nlp = get_nlp()
    for p, doc in zip(body, nlp.pipe(p.text for p in body), strict=True):
        p.doc = doc
        p.quotes = [QuoteSpan(start=p.start + q.start, end=p.start + q.end,
                              inner_start=p.start + q.inner_start,
                              inner_end=p.start + q.inner_end, open_end=q.open_end)
                    for q in quote_spans(p.text)]
        for sent in doc.sents:
            stext = sent.text.strip()
            if not stext:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = p.start + sent.start_char + lead
            p.sentences.append(Sentence(id="", start=start, end=start + len(stext),
                                        text=stext, paragraph=p.index, span=sent))
    _merge_splits(body)
    if title is None:
        title = next((p.text for p in paragraphs if p.kind == "title"), None)
    return Article(text=text, paragraphs=paragraphs, title=title, source=source,
                   flags=scan(text))


def _crosses(quotes: list[QuoteSpan], boundary: int) -> bool:
    """A closed quote runs over this sentence boundary (spaCy cut inside a quote)."""
    return any(q.start < boundary < q.end and not q.open_end for q in quotes)


def _frame_of(quote: str, sentence: str) -> bool:
    """`sentence` is the frame of the question or exclamation quoted just before it."""
    return bool(_QUESTION_QUOTE.match(quote)) and bool(_FRAME_SENTENCE.match(sentence))


def _merge_splits(body: list[Paragraph]) -> None:
    """spaCy cuts inside quotes and after a closing mark; glue '"A. B," he said.' back into one
    sentence so a quote and its attribution stay together. A quote left open at the end of a
    paragraph is not glued: its sentences follow each other as the quote continues."""
    n = 0
    for p in body:
        merged: list[Sentence] = []
        for s in p.sentences:
            if merged and (s.text[:1].islower() or s.text in _QUOTE_CHARS or
                           _crosses(p.quotes, s.start) or _frame_of(merged[-1].text, s.text)):
                prev = merged[-1]
                prev.end = s.end
                prev.text = p.text[prev.start - p.start:s.end - p.start]
                if p.doc is not None and prev.span is not None and s.span is not None:
                    prev.span = p.doc[prev.span.start:s.span.end]
                continue
            merged.append(s)
        for s in merged:
            n += 1
            s.id = f"S{n}"
        p.sentences = merged
