"""Turn what the user gave (text, stdin, HTML) into an `Article` with exact offsets.

Nothing is deleted from the text: boilerplate, captions and the headline are marked, so
every offset still points into the text the user gave (or the text extracted from HTML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import InputError
from .nlp import get_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

MIN_WORDS = 40
MAX_BYTES = 5_000_000
ParagraphKind = Literal["body", "title", "boilerplate", "caption"]

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
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPTION_END = re.compile(rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?\s*$")
_CAPTION_MARK = re.compile(
    r"(\((AP|AFP|Reuters)? ?Photo\b|\bPhoto( by|:)|Getty Images|REUTERS/|/ ?AFP\b|"
    r"^\s*(Caption|Image|Photo|Pictured)\s*:|\bFile photo\b)",
    re.IGNORECASE,
)
_QUOTE_CHARS = "\"“”"


@dataclass
class Sentence:
    id: str
    start: int
    end: int
    text: str
    paragraph: int
    span: SpacySpan | None = field(default=None, repr=False)


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    kind: ParagraphKind
    sentences: list[Sentence] = field(default_factory=list)
    doc: Doc | None = field(default=None, repr=False)


@dataclass
class Article:
    """Cleaned, segmented article; `text` is what every offset refers to."""

    text: str
    paragraphs: list[Paragraph]
    title: str | None = None
    source: str = ""

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs if p.kind == "body" for s in p.sentences]

    def sentence(self, sid: str) -> Sentence | None:
        return self._index().get(sid)

    def _index(self) -> dict[str, Sentence]:
        cached: dict[str, Sentence] | None = getattr(self, "_sid_index", None)
        if cached is None:
            cached = {s.id: s for s in self.sentences}
            self._sid_index = cached
        return cached

    @property
    def body_text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs if p.kind == "body")

    def numbered(self, sentence_ids: list[str] | None = None) -> str:
        """Body sentences as '[S3] ...' lines grouped by paragraph, for the model to point at."""
        keep = set(sentence_ids) if sentence_ids is not None else None
        blocks = []
        for p in self.paragraphs:
            if p.kind != "body":
                continue
            lines = [f"[{s.id}] {_one_line(s.text)}" for s in p.sentences
                     if keep is None or s.id in keep]
            if lines:
                blocks.append("\n".join(lines))
        return "\n\n".join(blocks)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def decode_bytes(data: bytes, source: str = "") -> str:
    if len(data) > MAX_BYTES:
        raise InputError(f"{source or 'input'} is {len(data)} bytes; the limit is {MAX_BYTES}",
                         reason="too_large", source=source)
    if b"\x00" in data[:8192]:
        raise InputError(f"{source or 'input'} looks binary, not text", reason="binary",
                         source=source, hint="give a .txt, .md or .html file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source or 'input'} is not valid UTF-8 (byte {exc.start})",
                         reason="encoding", source=source,
                         hint="convert it first, e.g. iconv -f latin1 -t utf-8") from exc
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise InputError(f"{source or 'input'} looks binary, not text", reason="binary",
                         source=source, hint="give a .txt, .md or .html file")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_text(html: str, source: str = "") -> tuple[str, str | None]:
    """Main text and title of a page, by trafilatura (navigation, links lists and images dropped)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               include_images=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(f"no article text found in the HTML of {source or 'input'}",
                         reason="empty_html", source=source)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    # trafilatura puts one paragraph per line; blank lines keep paragraphs apart for us.
    return "\n\n".join(line for line in text.splitlines() if line.strip()), title


def read_source(path: str | Path) -> tuple[str, str]:
    """Read a file (or '-' for stdin) and return (text, source label)."""
    import sys

    label = "stdin" if str(path) == "-" else str(path)
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {label}", reason="missing", source=label) from exc
    except IsADirectoryError as exc:
        raise InputError(f"{label} is a directory, not an article file", reason="unreadable",
                         source=label) from exc
    except OSError as exc:
        raise InputError(f"cannot read {label}: {exc.strerror}", reason="unreadable",
                         source=label) from exc
    return decode_bytes(data, label), label


def _split_paragraphs(text: str) -> list[tuple[int, int]]:
    sep = re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", text) else re.compile(r"\n\s*")
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if chunk.strip():
            out.append((a + lead, a + trail))
    return out


def _classify(text: str, index: int, seen_body: bool) -> ParagraphKind:
    words = text.split()
    if len(words) <= 8 and _BOILERPLATE.match(text):
        return "boilerplate"
    has_quote = any(c in text for c in _QUOTE_CHARS)
    if _CAPTION_MARK.search(text) and not has_quote:
        return "caption"
    if _CAPTION_END.search(text) and not has_quote and len(words) <= 60:
        return "caption"
    if not seen_body and len(words) <= 20 and not text.rstrip().endswith((".", "?", "!", '"', "”")):
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
    n = 0
    for p, doc in zip(body, nlp.pipe(p.text for p in body), strict=True):
        p.doc = doc
        for sent in doc.sents:
            stext = sent.text.strip()
            if not stext:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = p.start + sent.start_char + lead
            n += 1
            p.sentences.append(Sentence(id=f"S{n}", start=start, end=start + len(stext),
                                        text=stext, paragraph=p.index, span=sent))
    _merge_quote_splits(body)
    if title is None:
        title = next((p.text for p in paragraphs if p.kind == "title"), None)
    return Article(text=text, paragraphs=paragraphs, title=title, source=source)


def _merge_quote_splits(body: list[Paragraph]) -> None:
    """spaCy sometimes cuts after a closing quote mark; glue '"..." he said.' back together."""
    n = 0
    for p in body:
        merged: list[Sentence] = []
        for s in p.sentences:
            if merged and (s.text[:1].islower() or s.text in _QUOTE_CHARS or
                           (merged[-1].text.count('"') % 2 == 1)):
                prev = merged[-1]
                end = s.end
                prev.end = end
                prev.text = (p.doc.text if p.doc is not None else "")[
                    prev.start - p.start:end - p.start] or prev.text + " " + s.text
                if p.doc is not None and prev.span is not None and s.span is not None:
                    prev.span = p.doc[prev.span.start:s.span.end]
                continue
            merged.append(s)
        for s in merged:
            n += 1
            s.id = f"S{n}"
        p.sentences = merged


def load_article(source: str | Path | None = None, *, text: str | None = None,
                 html: bool | None = None, min_words: int = MIN_WORDS) -> Article:
    """One entry point for files, stdin ('-') and strings; HTML is detected or forced."""
    if text is None:
        if source is None:
            raise InputError("no article given", reason="empty")
        text, label = read_source(source)
    else:
        label = str(source) if source else "text"
    is_html = html if html is not None else (
        str(label).lower().endswith((".html", ".htm")) or looks_like_html(text))
    title = None
    if is_html:
        text, title = html_to_text(text, label)
    return parse_article(text, source=label, title=title, min_words=min_words)
