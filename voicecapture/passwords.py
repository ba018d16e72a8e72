"""Password hashing (argon2id) and the rules for a new password."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified when no account matches, so a sign-in takes as long whether or not the account exists.
_DUMMY_HASH = _hasher.hash("not a real password: timing only")
MIN_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def problem_with(password: str, email: str = "") -> str | None:
    """Why a new password is not acceptable, or None. Length, not complexity rules (NCSC guidance)."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters. Three random words make a good password."
    if len(password) > 200:
        return "Use 200 characters or fewer."
    if email and password.lower() == email.lower():
        return "Do not use your email address as your password."
    return None
