"""Encryption at rest for what a person disclosed and how to reach them (Fernet: AES with an HMAC).

The keys come from the environment (CONTACT_KEY), never from the database, so a copy of the database alone
reveals nothing. A list of keys lets a key be rotated: the first encrypts, any of them decrypts.
"""
from __future__ import annotations

import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app


class SealError(RuntimeError):
    """Sealed data that none of the configured keys opens (a key was lost or changed)."""


def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise SealError("CONTACT_KEY must be Fernet keys (32 url-safe base64-encoded bytes), "
                        "separated by commas") from error


def _current() -> MultiFernet:
    return _fernet(current_app.config["SETTINGS"].contact_keys)


def seal(value: dict) -> bytes:
    return _current().encrypt(json.dumps(value, ensure_ascii=False, sort_keys=True).encode())


def unseal(token: bytes) -> dict:
    if not token:
        return {}
    try:
        return json.loads(_current().decrypt(bytes(token)))
    except InvalidToken as error:
        raise SealError("these details were encrypted with a key that is no longer in CONTACT_KEY") from error
