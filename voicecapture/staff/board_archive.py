"""A board's archive: one ZIP of everything it holds, for administrators and the board's own officers."""
from __future__ import annotations

from flask import Response, current_app, stream_with_context

from ..access import requires
from ..board_archive import archive, filename
from ..data import audit
from ..models import utcnow
from . import blueprint
from .boards import OFFICERS, _board_or_404


@blueprint.get("/boards/<board_slug>/export/all.zip")
@requires(*OFFICERS, board_arg="board_slug")
def board_archive(board_slug: str):
    board = _board_or_404(board_slug)
    made_at = utcnow()
    audit.record_read("board.export", target=f"board:{board.id}", board_id=board.id, detail={"what": "everything"})
    return Response(stream_with_context(archive(board, current_app.extensions["surveys"], made_at)),
                    mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{filename(board, made_at)}"',
                             "Cache-Control": "no-store"})
