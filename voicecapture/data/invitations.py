from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Optional

from sqlmodel import select

from ..db import session, transactional
from ..models import Board, Invitation, utcnow

# 32 random bytes: 256 bits, well over the 128 the links need to be unguessable.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def invitation_by_token(token: str) -> Optional[Invitation]:
    if not token or len(token) > 64:
        return None
    return session().exec(select(Invitation).where(Invitation.token == token)).first()


def invitation_problem(invitation: Invitation, now: Optional[datetime] = None) -> Optional[str]:
    """Why the link can no longer be used ('expired' or 'used'), or None."""
    now = now or utcnow()
    if invitation.expires_at is not None and invitation.expires_at <= now:
        return "expired"
    if invitation.max_uses is not None and invitation.uses >= invitation.max_uses:
        return "used"
    return None


@transactional
def create_invitation(board: Board, survey_id: str, *, agency: str = "", area: str = "", work_kind: str = "",
                      risk_type: str = "", risk_location: str = "", language: str = "",
                      max_uses: Optional[int] = 1, expires_in_days: Optional[int] = 28) -> Invitation:
    invitation = Invitation(
        token=new_token(), board_id=board.id, survey_id=survey_id, agency=agency, area=area,
        work_kind=work_kind, risk_type=risk_type, risk_location=risk_location, language=language,
        max_uses=max_uses,
        expires_at=utcnow() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    session().add(invitation)
    return invitation
