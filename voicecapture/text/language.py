"""Which of the project's languages a comment is written in.

The script settles Gujarati, Gurmukhi (Punjabi) and Bengali outright, and letters that only Urdu uses settle
Urdu against Arabic. Everything else goes to Lingua, restricted to the languages the project serves, which
keeps it accurate on the short texts people leave in feedback.
"""
from __future__ import annotations

import re

LANGUAGES = ("en", "ur", "gu", "pa", "pl", "ro", "ar", "so", "bn", "pt")
UNDETERMINED = "und"
MIN_CONFIDENCE = 0.55  # below this Lingua is guessing between look-alike languages ("Nic", "Nu știu")
MIN_LETTERS = 3
# Most comments are in English, and Lingua is least sure of English on short texts ("Good" looks Somali to it).
ENGLISH_PRIOR = 2.0

_GUJARATI = re.compile(r"[\u0A80-\u0AFF]")
_GURMUKHI = re.compile(r"[\u0A00-\u0A7F]")
_BENGALI = re.compile(r"[\u0980-\u09FF]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
# Letters of Urdu's alphabet that Arabic does not use (ٹ ڈ ڑ ں ے ۓ ھ ہ ک ی گ چ پ ژ).
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06BA\u06D2\u06D3\u06BE\u06C1\u06A9\u06CC\u06AF\u0686\u067E\u0698]")
# Arabic spellings that Urdu replaces with its own letters (ة ى ك ي).
_ARABIC_ONLY = re.compile(r"[\u0629\u0649\u0643\u064A]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters that, among the project's languages, only one of them uses.
_LATIN_LETTERS = ((re.compile(r"[ąęłńśźżĄĘŁŃŚŹŻ]"), "pl"), (re.compile(r"[ășțăȘȚĂşţŞŢ]"), "ro"),
                  (re.compile(r"[ãõçÃÕÇ]"), "pt"))

_detector = None


def _lingua():
    global _detector
    if _detector is None:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
        codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
        _detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    return _detector


def detect_language(text: str) -> str:
    """One of LANGUAGES, or "und" when the text is too short or the evidence is weak."""
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return UNDETERMINED
    for script, code in ((_GUJARATI, "gu"), (_GURMUKHI, "pa"), (_BENGALI, "bn")):
        if script.search(text):
            return code
    if _ARABIC_SCRIPT.search(text):
        urdu, arabic = len(_URDU_ONLY.findall(text)), len(_ARABIC_ONLY.findall(text))
        if urdu != arabic:
            return "ur" if urdu > arabic else "ar"
    confidences = _lingua().compute_language_confidence_values(text)
    scores = {c.language.iso_code_639_1.name.lower(): c.value for c in confidences}
    scores["en"] = scores.get("en", 0.0) * ENGLISH_PRIOR
    best = max(scores, key=scores.get)
    if scores[best] >= MIN_CONFIDENCE * sum(scores.values()):
        return best
    # Too short for Lingua to be sure: a letter only one language uses can still settle it ("Nu știu").
    marked = {code for letters, code in _LATIN_LETTERS if letters.search(text)}
    return marked.pop() if len(marked) == 1 else UNDETERMINED
