"""Answer options every survey shares. Their wording is interface text, translated in the catalogues."""
from __future__ import annotations

from .model import ANY_VARIANT, Option


def N_(message: str) -> str:
    """Marks a message for extraction; translated where it is shown."""
    return message


def _option(key: str, code: str, label: str, picture: str, exclusive: bool = False) -> Option:
    return Option(key=key, code=code, label={ANY_VARIANT: label}, picture=picture, exclusive=exclusive, builtin=True)


FACES = (
    _option("face_1", "FACE_1", N_("Very unhappy"), "face-1"),
    _option("face_2", "FACE_2", N_("Unhappy"), "face-2"),
    _option("face_3", "FACE_3", N_("In the middle"), "face-3"),
    _option("face_4", "FACE_4", N_("Happy"), "face-4"),
    _option("face_5", "FACE_5", N_("Very happy"), "face-5"),
)

YES_NO_UNSURE = (
    _option("yes", "YES", N_("Yes"), "tick"),
    _option("no", "NO", N_("No"), "cross"),
    _option("not_sure", "NOT_SURE", N_("Not sure"), "not-sure"),
)

SCALE_0_10 = tuple(_option(str(n), str(n), str(n), f"scale-{n}") for n in range(11))

DONT_KNOW = _option("dont_know", "DK", N_("Don't know"), "dont-know", exclusive=True)
PREFER_NOT_TO_SAY = _option("prefer_not_to_say", "PNTS", N_("Prefer not to say"), "private", exclusive=True)

BUILTIN_OPTIONS = {
    "faces": FACES,
    "yes_no_unsure": YES_NO_UNSURE,
    "scale_0_10": SCALE_0_10,
}
