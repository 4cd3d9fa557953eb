"""Key-point coverage by sentence embeddings (all-MiniLM-L6-v2 shipped in a PyPI package).

The model is loaded from site-packages with HF_HUB_OFFLINE=1: nothing is fetched at run time.
Without the `eval` extra installed, a lexical fallback (rapidfuzz) is used and reported.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from .. import embeddings

# Calibrated with `python -m assistant.evals.calibrate` on evals/gold: key points score
# 0.525-0.95 against the statements they summarise and at most 0.388 against other articles'
# key points; the threshold is the midpoint of that gap.
EMBED_THRESHOLD = 0.46
LEXICAL_THRESHOLD = 60


def _model() -> Any:
    return embeddings.model()


def method() -> str:
    return "embedding:all-MiniLM-L6-v2" if _model() is not None else "lexical:rapidfuzz"


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def best_similarity(key_point: str, sentences: list[str]) -> float:
    sentences = [s for s in sentences if s.strip()]
    if not sentences:
        return 0.0
    model = _model()
    if model is None:
        return max(fuzz.token_set_ratio(key_point, s) for s in sentences) / 100.0
    vecs = model.encode([key_point, *sentences], normalize_embeddings=True)
    return float(max(vecs[1:] @ vecs[0]))


def covered(key_point: str, sentences: list[str]) -> bool:
    threshold = EMBED_THRESHOLD if _model() is not None else LEXICAL_THRESHOLD / 100.0
    return best_similarity(key_point, sentences) >= threshold
