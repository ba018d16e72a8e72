"""Staff accounts, their roles on boards, sign-in with lockout, and password resets."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Iterable, Optional

from flask import current_app
from flask_login import UserMixin
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlmodel import select

from .. import passwords
from ..db import session, transactional
from ..models import Board, RoleGrant, User, utcnow
from . import audit

LOCK_AFTER_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
RESET_LINK_HOURS = 24


@dataclass
class StaffUser(UserMixin):
    """The signed-in person as the app sees them: account and role grants (board slug None = every board)."""
    id: int
    email: str
    name: str
    grants: list[tuple[str, Optional[str]]] = field(default_factory=list)

    def holds(self, roles: Iterable[str], board_slug: Optional[str] = None) -> bool:
        roles = set(roles)
        for role, slug in self.grants:
            if role in roles and (slug is None or board_slug is None or slug == board_slug):
                return True
        return False

    def boards_for(self, *roles: str) -> Optional[set[str]]:
        """Slugs of the boards where the person holds any of `roles`; None means every board."""
        slugs: set[str] = set()
        for role, slug in self.grants:
            if role in roles:
                if slug is None:
                    return None
                slugs.add(slug)
        return slugs

    @property
    def role_names(self) -> list[str]:
        return sorted({role for role, _ in self.grants})


def _staff_user(user: User) -> StaffUser:
    rows = session().exec(
        select(RoleGrant.role, Board.slug).join(Board, Board.id == RoleGrant.board_id, isouter=True)
        .where(RoleGrant.user_id == user.id)
    ).all()
    return StaffUser(id=user.id, email=user.email, name=user.name, grants=[(role, slug) for role, slug in rows])


def load_user(user_id: str) -> Optional[StaffUser]:
    user = session().get(User, int(user_id)) if str(user_id).isdigit() else None
    return _staff_user(user) if user is not None and user.active else None


def user_by_email(email: str) -> Optional[User]:
    return session().exec(select(User).where(User.email == email.strip().lower())).first()


def list_users() -> list[StaffUser]:
    return [_staff_user(user) for user in session().exec(select(User).order_by(User.email))]


@transactional
def create_user(email: str, name: str, password: str, grants: Iterable[tuple[str, Optional[int]]] = ()) -> User:
    user = User(email=email.strip().lower(), name=name.strip(), password_hash=passwords.hash_password(password))
    session().add(user)
    session().flush()
    for role, board_id in grants:
        session().add(RoleGrant(user_id=user.id, role=role, board_id=board_id))
    audit.record("user.create", target=f"user:{user.id}", detail={"email": user.email, "grants": list(grants)})
    return user


@transactional
def grant_role(user: User, role: str, board_id: Optional[int]) -> None:
    exists = session().exec(select(RoleGrant).where(
        RoleGrant.user_id == user.id, RoleGrant.role == role, RoleGrant.board_id == board_id)).first()
    if exists is None:
        session().add(RoleGrant(user_id=user.id, role=role, board_id=board_id))
        audit.record("user.grant", target=f"user:{user.id}", board_id=board_id, detail={"role": role})


@transactional
def authenticate(email: str, password: str) -> Optional[StaffUser]:
    """The account for these details, or None, saying nothing about which part was wrong.

    Unknown accounts cost the same argon2 check as known ones; five failures lock an account for 15
    minutes, and a locked account is refused even with the right password.
    """
    now = utcnow()
    user = user_by_email(email)
    locked = user is not None and user.locked_until is not None and user.locked_until > now
    correct = passwords.verify(user.password_hash if user is not None else None, password)
    if user is None or not user.active or locked or not correct:
        if user is not None and not locked:
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= LOCK_AFTER_FAILURES:
                user.locked_until, user.failed_sign_ins = now + LOCK_FOR, 0
            session().add(user)
        audit.record("staff.sign_in_failed", target=f"user:{user.id}" if user else "",
                     detail={"email": email.strip().lower()[:254], "locked": locked})
        return None
    user.failed_sign_ins, user.locked_until, user.last_sign_in_at = 0, None, now
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    session().add(user)
    staff = _staff_user(user)
    audit.record("staff.sign_in", target=f"user:{user.id}", user=staff)  # UserMixin: counts as signed in
    return staff


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def reset_token(user: User) -> str:
    # The token carries part of the current hash: once the password changes, the link stops working.
    return _reset_serializer().dumps({"u": user.id, "h": user.password_hash[-16:]})


def user_for_reset_token(token: str) -> Optional[User]:
    try:
        data = _reset_serializer().loads(token, max_age=RESET_LINK_HOURS * 3600)
    except (SignatureExpired, BadSignature):
        return None
    user = session().get(User, data.get("u")) if isinstance(data, dict) else None
    if user is None or not user.active or user.password_hash[-16:] != data.get("h"):
        return None
    return user


@transactional
def set_password(user: User, password: str) -> None:
    user.password_hash = passwords.hash_password(password)
    user.failed_sign_ins, user.locked_until = 0, None
    session().add(user)
    audit.record("user.password_set", target=f"user:{user.id}")


@transactional
def record_reset_link(user: User) -> None:
    audit.record("user.reset_link", target=f"user:{user.id}")


def get_account(user_id: int) -> Optional[User]:
    return session().get(User, user_id)


@transactional
def revoke_role(user: User, grant_id: int) -> bool:
    grant = session().get(RoleGrant, grant_id)
    if grant is None or grant.user_id != user.id:
        return False
    session().delete(grant)
    audit.record("user.revoke", target=f"user:{user.id}", board_id=grant.board_id, detail={"role": grant.role})
    return True


def grants_of(user: User) -> list[tuple[RoleGrant, Optional[str]]]:
    return list(session().exec(
        select(RoleGrant, Board.slug).join(Board, Board.id == RoleGrant.board_id, isouter=True)
        .where(RoleGrant.user_id == user.id).order_by(RoleGrant.role)
    ).all())


@transactional
def set_active(user: User, active: bool) -> None:
    """Deactivated accounts cannot sign in and are signed out at their next request; nothing is deleted."""
    user.active = active
    session().add(user)
    audit.record("user.activate" if active else "user.deactivate", target=f"user:{user.id}")
