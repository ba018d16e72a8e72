"""Whether an uploaded file is a recording the service can play: its name, its size and its first bytes.

The name alone is not enough: a renamed document must not be played to a respondent as audio.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

MB = 1024 * 1024
MAX_BYTES = 5 * MB  # about five minutes of speech as MP3; a question takes well under one


@dataclass(frozen=True)
class Kind:
    name: str
    a_file: str  # "an MP3 file": the article follows how the name is said
    content_type: str
    looks_right: Callable[[bytes], bool]


def _mp3(head: bytes) -> bool:
    # An ID3 tag, or straight into an MPEG audio frame (11 sync bits set).
    return head[:3] == b"ID3" or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)


KINDS = {
    "mp3": Kind("MP3", "an MP3 file", "audio/mpeg", _mp3),
    "ogg": Kind("OGG", "an OGG file", "audio/ogg", lambda head: head[:4] == b"OggS"),
    "m4a": Kind("M4A", "an M4A file", "audio/mp4", lambda head: head[4:8] == b"ftyp"),
    "wav": Kind("WAV", "a WAV file", "audio/wav", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WAVE"),
}
WHICH = "an MP3, OGG, M4A or WAV file"


def extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def content_type(filename: str) -> str:
    return KINDS[extension(filename)].content_type


def size_text(size: int) -> str:
    """"7.2 MB", or "40 KB" below a megabyte."""
    return f"{round(size / MB, 1):g} MB" if size >= MB else f"{max(1, round(size / 1024))} KB"


def too_big(size: Optional[int]) -> str:
    """`size` may be the whole request's (a few hundred bytes more than the file), or unknown."""
    if not size:
        this_one = ""
    elif size_text(size) == size_text(MAX_BYTES):
        this_one = f"; this one is just over {size_text(MAX_BYTES)}"
    else:
        this_one = f"; this one is {size_text(size)}"
    return (f"The file must be {size_text(MAX_BYTES)} or smaller{this_one}. "
            "Record a shorter clip, or save it again at a lower quality")


def problem(filename: str, size: int, head: bytes) -> Optional[str]:
    """Why this file cannot be a recording, in words a person can act on; None if it can.

    `head` is the file, or at least its first 12 bytes.
    """
    if not filename:
        return f"Choose a recording to upload: {WHICH}"
    kind = KINDS.get(extension(filename))
    if kind is None:
        return f"“{filename}” is not a recording the service can play. Choose {WHICH}"
    if size == 0:
        return f"“{filename}” is empty. Choose the recording again, or record it again"
    if size > MAX_BYTES:
        return too_big(size)
    if not kind.looks_right(head):
        return (f"“{filename}” is not really {kind.a_file}, although its name ends in .{extension(filename)}. "
                f"Save or export it again as {kind.name}, or choose another file")
    return None
