"""Recorded audio a board supplies for its questions, played by "Listen" instead of the browser's voice.

A board puts files in RECORDINGS_DIR as <board>/<survey>/<language>/<question key>.<mp3|ogg|m4a|wav>, for
example northvale-sab/msp-adult/gu/feel_safer.mp3. Nothing else is needed: the question page finds them.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from flask import abort, current_app, send_file, url_for

from ..access import public
from . import blueprint

KINDS = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "m4a": "audio/mp4", "wav": "audio/wav"}
_PART = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


def _file(board: str, survey: str, language: str, key: str) -> Optional[Path]:
    if not all(_PART.match(part) for part in (board, survey, language, key)):
        return None  # never a path outside the folder
    folder = current_app.config["SETTINGS"].recordings_dir / board / survey / language
    for extension in KINDS:
        path = folder / f"{key}.{extension}"
        if path.is_file():
            return path
    return None


def recording_url(board_slug: str, survey_id: str, language: str, key: str) -> str:
    """The recording's address, or "" when the board has supplied none for this question and language."""
    if _file(board_slug, survey_id, language, key) is None:
        return ""
    return url_for("respond.recording", board=board_slug, survey=survey_id, language=language, key=key)


@blueprint.get("/audio/<board>/<survey>/<language>/<key>")
@public
def recording(board: str, survey: str, language: str, key: str):
    path = _file(board, survey, language, key)
    if path is None:
        abort(404)
    return send_file(path, mimetype=KINDS[path.suffix[1:]], max_age=3600, conditional=True)
