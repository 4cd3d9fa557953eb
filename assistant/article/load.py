"""Reading what the user gave: files, stdin, strings and HTML pages, decoded and checked."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .model import Article
from .segment import MIN_WORDS, parse_article

MAX_BYTES = 5_000_000


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


def load_article(source: str | Path | None = None, *, text: str | None = None,
                 html: bool | None = None, min_words: int = MIN_WORDS) -> Article:
    """One entry point for files, stdin ('-') and strings; HTML is detected or forced."""
    text, label, title = read_text(source, text=text, html=html)
    return parse_article(text, source=label, title=title, min_words=min_words)


def read_text(source: str | Path | None = None, *, text: str | None = None,
              html: bool | None = None) -> tuple[str, str, str | None]:
    """(text, source label, title): the article's text, read and decoded, main text of HTML
    extracted; segmenting and parsing come after (`parse_article`)."""
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
    return text, label, title
