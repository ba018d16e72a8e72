"""Free-text answers analysed in batches: read what is waiting, analyse it offline, store the result.

Plain functions the worker, the report pipeline, the demo data and the tests call. The theme model is built
from surveys/themes.yaml and analysts' corrections, once per process, and again whenever either changes.
"""
from __future__ import annotations

import functools
import hashlib
import threading
from dataclasses import dataclass

from flask import current_app

from . import jobs
from .model_cache import load_or_build
from .data import comments
from .text import CommentModel, ThemeModel, analyse, load_taxonomy, taxonomy_model

BATCH = 256
KNOWN_TEXTS = 10_000  # analyses of distinct texts kept for reuse: tens of megabytes at most
ANALYSE_RESPONSE = "voicecapture.comments.analyse_response"


@dataclass(frozen=True)
class CurrentModel:
    version: str
    model: object


_lock = threading.Lock()
_cache: dict[str, CurrentModel] = {}
_known: dict[tuple[str, str], object] = {}  # (model version, text) -> its analysis


def _taxonomy():
    """The taxonomy file, read again only when it changes (pages and every batch ask for it)."""
    path = current_app.config["SETTINGS"].surveys_dir / "themes.yaml"
    return _taxonomy_at(path, path.stat().st_mtime_ns if path.exists() else 0)  # missing: its own clear error


@functools.lru_cache(maxsize=4)
def _taxonomy_at(path, _modified_ns: int):
    return load_taxonomy(path)


def theme_definitions() -> dict[str, dict]:
    """{theme key: {"label", "description"}} in the taxonomy's order."""
    return {theme.key: {"label": theme.label, "description": theme.description} for theme in _taxonomy().themes}


def current_model() -> CurrentModel:
    """The tagger for the taxonomy and corrections as they are now; rebuilt only when either changes."""
    taxonomy = _taxonomy()
    key = f"{taxonomy.fingerprint}:{comments.corrections_fingerprint()}"
    version = hashlib.sha256(key.encode()).hexdigest()[:16]
    with _lock:
        if version not in _cache:
            _cache.clear()
            _cache[version] = CurrentModel(version, _load_or_build(version, taxonomy))
        return _cache[version]


def _load_or_build(version: str, taxonomy) -> CommentModel:
    """The model saved by another process for this version, or a new one (saved for the others)."""
    def load(folder):
        return CommentModel(ThemeModel.load(folder / "themes"), ThemeModel.load(folder / "sentiment"))

    def save(model, folder):
        model.themes.save(folder / "themes")
        model.sentiment.save(folder / "sentiment")

    return load_or_build(current_app.config["SETTINGS"].model_cache_dir / version, load,
                         lambda: taxonomy_model(taxonomy, comments.corrections()), save)


def queue_response(response_id: int) -> None:
    """After a response is committed: ask a worker to analyse its free text (the sweep catches a lost message)."""
    jobs.enqueue(ANALYSE_RESPONSE, response_id)


def _analysed_rows(pending: list[comments.PendingText], model: CurrentModel) -> list[dict]:
    """Each distinct text is analysed once per model, and remembered: short answers ("Nothing", "No") repeat
    word for word, and demo data draws every comment from a small pool."""
    keys = [(model.version, item.text or "") for item in pending]
    if len(_known) > KNOWN_TEXTS:
        _known.clear()
    new = list(dict.fromkeys(key for key in keys if key not in _known))
    if new:
        _known.update(zip(new, analyse([text for _version, text in new], model.model)))
    results = [_known[key] for key in keys]
    return [{"answer_id": item.answer_id, "response_id": item.response_id, "board_id": item.board_id,
             "submitted_at": item.submitted_at, "survey_id": item.survey_id, "question_key": item.question_key,
             "language": result.language, "redacted": result.redacted_text, "sentiment": result.sentiment,
             "themes": list(result.themes), "scores": dict(result.scores), "model_version": model.version}
            for item, result in zip(pending, results)]


def analyse_pending(*, response_ids=None, board_id=None, progress=None) -> int:
    """Analyse every free-text answer not yet analysed (of these responses, or this board). Returns how many.
    `progress(done)` is called after each batch (the report pipeline's heartbeat)."""
    model = current_model()
    done = 0
    while True:
        pending = comments.pending_texts(BATCH, response_ids=response_ids, board_id=board_id)
        if not pending:
            return done
        comments.store_analyses(_analysed_rows(pending, model))
        done += len(pending)
        if progress is not None:
            progress(done)


def reanalyse_stale(limit: int = 2000, board_id=None, since=None) -> int:
    """Theme again, with the current model, comments an older model themed (analysts' corrections stay)."""
    model = current_model()
    stale = comments.needing_reanalysis(model.version, limit, board_id=board_id, since=since)
    if not stale:
        return 0
    results = analyse([text or "" for _id, text in stale], model.model)
    comments.update_analyses([{"id": comment_id, "themes": list(result.themes), "scores": dict(result.scores),
                               "sentiment": result.sentiment, "model_version": model.version}
                              for (comment_id, _text), result in zip(stale, results)])
    return len(stale)
