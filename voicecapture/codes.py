"""Short codes people read aloud or type: response references and invitation codes, shown as XXXX-XXXX.

Crockford's base32: no I, L, O or U, so nothing is misread; typing I or L for 1 and O for 0 is forgiven.
"""
from __future__ import annotations

import re
import secrets
from typing import Optional

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
_READS_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{chars[:4]}-{chars[4:]}"


def normalise(text: str) -> Optional[str]:
    """'7kq2 m9xd', '7KQ2-M9XD', 'OKQ2M9XL' -> the stored form XXXX-XXXX, or None if it cannot be a code."""
    chars = re.sub(r"[\s\-]", "", (text or "")[:40]).upper().translate(_READS_AS)
    if len(chars) != LENGTH or any(c not in ALPHABET for c in chars):
        return None
    return f"{chars[:4]}-{chars[4:]}"
