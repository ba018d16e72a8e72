"""One spelling for screening: texts and patterns are compared after the same folding.

People type on phones without accents ("nie czuje sie bezpiecznie"), with curly apostrophes, or with Arabic
short vowels; none of that should decide whether a disclosure is seen. Texts are case-folded; patterns keep
their case (casefold would turn the regex escape \\S into \\s) and are compiled to ignore case instead.
"""
from __future__ import annotations

import re
import unicodedata

# Accents on Latin letters, Arabic short vowels and the superscript alef: optional in everyday writing.
_OPTIONAL_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")
# Letters NFKD does not take apart, and the apostrophes and dashes phones type.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "’": "'", "‘": "'", "ʼ": "'",
                          "`": "'", "–": "-", "—": "-", "\u200c": "", "\u200d": "", "ـ": ""})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Drop optional marks and unify letters (used for patterns and texts alike)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return unicodedata.normalize("NFC", _OPTIONAL_MARKS.sub("", decomposed))


def normalise_text(text: str) -> str:
    """A text as the screening patterns see it: folded, lower case, single spaces."""
    return _SPACES.sub(" ", fold(text.casefold())).strip()


def compile_pattern(pattern: str) -> re.Pattern:
    """A pattern as written in surveys/screening/<lang>.yaml, folded like the texts and case-blind."""
    return re.compile(fold(pattern), re.IGNORECASE)
