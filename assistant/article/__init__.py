"""Reading the article: what the user gave becomes an `Article` with exact offsets."""

from .load import (
    MAX_BYTES,
    decode_bytes,
    html_to_text,
    load_article,
    looks_like_html,
    read_source,
    read_text,
)
from .model import Article, Paragraph, ParagraphKind, Sentence
from .quotes import QuoteSpan, quote_spans
from .safety import Flag, neutralise, visible
from .segment import MIN_WORDS, parse_article

__all__ = ["MAX_BYTES", "MIN_WORDS", "Article", "Flag", "neutralise", "visible", "Paragraph", "ParagraphKind", "QuoteSpan",
           "Sentence", "decode_bytes", "html_to_text", "load_article", "looks_like_html",
           "parse_article", "quote_spans", "read_source", "read_text"]
