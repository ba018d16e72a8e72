"""Recorded audio a board supplies for its questions, played by "Listen" instead of the browser's voice.

Administrators upload recordings on the board's recordings page, or load a folder of them with
`voicecapture recordings import`. They are kept in the database, so every web process serves the same ones.
"""
from __future__ import annotations

from flask import Response, abort, request, url_for

from ..access import public
from ..data import recordings
from . import blueprint


def recording_url(board_slug: str, survey_id: str, language: str, key: str) -> str:
    """The recording's address, or "" when the board has supplied none for this question and language."""
    if key not in recordings.recorded_keys(board_slug, survey_id, language):
        return ""
    return url_for("respond.recording", board=board_slug, survey=survey_id, language=language, key=key)


@blueprint.get("/audio/<board>/<survey>/<language>/<key>")
@public
def recording(board: str, survey: str, language: str, key: str):
    found = recordings.get(board, survey, language, key)
    if found is None:
        abort(404)
    response = Response(found.data, mimetype=found.content_type)
    response.set_etag(found.sha256)
    # Browsers ask for audio in ranges (to seek; Safari before it plays at all). Like every respondent
    # response it is sent with Cache-Control: no-store (security.py), so the phone keeps no copy.
    return response.make_conditional(request, accept_ranges=True, complete_length=found.size)
