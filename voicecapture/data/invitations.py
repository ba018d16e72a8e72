"""Invitations: the links (and short codes) that carry the context of one piece of work, never a name."""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Iterable, Optional

from sqlalchemy import or_
from sqlmodel import col, select

from .. import codes
from ..db import session, transactional
from ..models import Board, Invitation, utcnow
from . import audit
from .boards import boards_with_slugs

# 32 random bytes: 256 bits, well over the 128 the links need to be unguessable.
TOKEN_BYTES = 32
PAGE_SIZE = 50
CONTEXT_FIELDS = ("agency", "area", "work_kind", "risk_type", "risk_location", "language")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def invitation_by_token(token: str) -> Optional[Invitation]:
    if not token or len(token) > 64:
        return None
    return session().exec(select(Invitation).where(Invitation.token == token)).first()


def invitation_by_code(text: str) -> Optional[Invitation]:
    code = codes.normalise(text)
    if code is None:
        return None
    return session().exec(select(Invitation).where(Invitation.short_code == code)).first()


def invitation_problem(invitation: Invitation, now: Optional[datetime] = None) -> Optional[str]:
    """Why the link can no longer be used ('expired' or 'used'), or None."""
    now = now or utcnow()
    if invitation.expires_at is not None and invitation.expires_at <= now:
        return "expired"
    if invitation.max_uses is not None and invitation.uses >= invitation.max_uses:
        return "used"
    return None


def _unused_short_code(taken: set[str]) -> str:
    """A code no other invitation has. 32^8 codes make a clash rare; checking makes it impossible."""
    for _ in range(20):
        code = codes.new_code()
        if code not in taken and session().exec(
                select(Invitation.id).where(Invitation.short_code == code)).first() is None:
            taken.add(code)
            return code
    raise RuntimeError("could not find an unused short code")


def _new_invitation(board: Board, survey_id: str, *, agency: str = "", area: str = "", work_kind: str = "",
                    risk_type: str = "", risk_location: str = "", language: str = "",
                    max_uses: Optional[int] = 1, expires_in_days: Optional[int] = 28,
                    created_by: Optional[int] = None, batch: str = "",
                    taken: Optional[set[str]] = None) -> Invitation:
    """Adds to the current transaction; the caller commits."""
    invitation = Invitation(
        token=new_token(), board_id=board.id, survey_id=survey_id, agency=agency, area=area,
        work_kind=work_kind, risk_type=risk_type, risk_location=risk_location, language=language,
        max_uses=max_uses,
        expires_at=utcnow() + timedelta(days=expires_in_days) if expires_in_days else None,
        created_by=created_by, batch=batch, short_code=_unused_short_code(taken if taken is not None else set()),
    )
    session().add(invitation)
    return invitation


@transactional
def create_invitation(board: Board, survey_id: str, **context) -> Invitation:
    return _new_invitation(board, survey_id, **context)


@transactional
def create_by_staff(user, board: Board, survey_id: str, **context) -> Invitation:
    invitation = _new_invitation(board, survey_id, created_by=user.id, **context)
    session().flush()
    audit.record("invitation.create", target=f"invitation:{invitation.id}", board_id=board.id, user=user,
                 detail={"survey": survey_id, "short_code": invitation.short_code})
    return invitation


def new_batch_id() -> str:
    return f"{utcnow():%Y%m%d}-{secrets.token_hex(4)}"


@transactional
def create_batch(user, rows: list[dict]) -> str:
    """All rows or none: one transaction. Each row: board (a Board), survey_id and the context fields."""
    batch, taken = new_batch_id(), set()
    for row in rows:
        row = dict(row)
        _new_invitation(row.pop("board"), row.pop("survey_id"), created_by=user.id, batch=batch, taken=taken,
                        **row)
    audit.record("invitation.bulk_create", target=f"batch:{batch}", user=user,
                 detail={"count": len(rows), "boards": sorted({r["board"].slug for r in rows})})
    return batch


def boards_for(user) -> list[Board]:
    """Boards this person may make invitations for (practitioners and board officers; every one for admins)."""
    slugs = user.boards_for("administrator", "practitioner", "board_officer")
    return sorted(boards_with_slugs(slugs), key=lambda board: board.name)


def _visible_to(query, user):
    """Practitioners see what they made; board officers their boards'; administrators everything."""
    officer_of = user.boards_for("administrator", "board_officer")
    if officer_of is None:
        return query
    return query.where(or_(Invitation.created_by == user.id, col(Board.slug).in_(officer_of or [""])))


def list_visible(user, before_id: Optional[int] = None, limit: int = PAGE_SIZE) -> list[tuple[Invitation, Board]]:
    """Newest first, paged by id (keyset). Only invitations and their use counts: never answers."""
    query = _visible_to(select(Invitation, Board).join(Board, Board.id == Invitation.board_id), user)
    if before_id:
        query = query.where(Invitation.id < before_id)
    rows = list(session().exec(query.order_by(col(Invitation.id).desc()).limit(limit)))
    audit.record_read("invitation.list", user=user, detail={"before": before_id or "", "shown": len(rows)})
    return rows


def may_manage(user, invitation: Invitation, board: Board) -> bool:
    return invitation.created_by == user.id or user.holds(("administrator", "board_officer"), board_slug=board.slug)


def invitation_and_board(invitation_id: int) -> tuple[Optional[Invitation], Optional[Board]]:
    row = session().exec(select(Invitation, Board).join(Board, Board.id == Invitation.board_id)
                         .where(Invitation.id == invitation_id)).first()
    return row if row is not None else (None, None)


def batch_rows(batch: str) -> list[tuple[Invitation, Board]]:
    if not batch:
        return []
    return list(session().exec(select(Invitation, Board).join(Board, Board.id == Invitation.board_id)
                               .where(Invitation.batch == batch).order_by(Invitation.id)))


def record_read(action: str, user, invitations: Iterable[Invitation]) -> None:
    """Looking at invitations (a page, a slip, a download) is audited like reading anything else."""
    items = list(invitations)
    target = f"invitation:{items[0].id}" if len(items) == 1 else f"batch:{items[0].batch}" if items else ""
    board_ids = {i.board_id for i in items}
    audit.record_read(action, target=target, user=user, board_id=board_ids.pop() if len(board_ids) == 1 else None,
                      detail={"count": len(items)})


@transactional
def revoke(user, invitation: Invitation) -> None:
    """Stop the link now: it expires at this moment (uses and context are kept for the figures)."""
    invitation = session().merge(invitation)
    invitation.expires_at = utcnow()
    session().add(invitation)
    audit.record("invitation.revoke", target=f"invitation:{invitation.id}", board_id=invitation.board_id, user=user)
