"""Replaces what could identify a person in a comment with a placeholder such as "[phone]".

Runs before any comment text leaves the database for a report. Identifiers with a fixed shape go first
(email, NHS and National Insurance numbers, dates of birth, phone numbers, postcodes, street addresses),
then people's names (person_names). Ordinary dates ("last Tuesday", "in March") are kept: they help a
reader and do not identify anyone.
"""
from __future__ import annotations

import re

from .person_names import find_names

NAME, PHONE, EMAIL, ADDRESS, POSTCODE = "[name]", "[phone]", "[email]", "[address]", "[postcode]"
NHS_NUMBER, NI_NUMBER, DATE_OF_BIRTH = "[NHS number]", "[NI number]", "[date of birth]"
PLACEHOLDER = re.compile(r"\[(?:name|phone|email|address|postcode|NHS number|NI number|date of birth)\]")

_EMAIL = re.compile(r"[\w.+'’-]+@[\w-]+(?:\.[\w-]+)+")

_NI = re.compile(r"(?<![\w])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])", re.IGNORECASE)

# Ten digits written 3-3-4 are taken as an NHS number; run together, only if the check digit agrees.
_NHS = re.compile(r"(?<![\w+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w])")

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = rf"""(?:
    \d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})
  | \d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+\d{{2,4}}
  | {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
  | (?:in\s+)?(?:19|20)\d{{2}}
)"""
_BIRTH_WORDS = r"""
    born(?:\s+on)? | d\.?o\.?b\.? | date\s+of\s+birth | birthday(?:\s+is)?
  | urodzon[yaei](?:\s+dnia)? | ur\. | data\s+urodzenia | născut[ăa]?(?:\s+pe|\s+în)? | nascut[ăa]?(?:\s+pe|\s+in)?
  | data\s+na[șs]terii | nascid[oa](?:\s+em|\s+a)? | data\s+de\s+nascimento | taariikhda\s+dhalashada | dhashay
  | تاریخ\s+پیدائش | تاريخ\s+الميلاد | مواليد | પ્રતિ\s+જન્મ\s+તારીખ | જન્મ\s+તારીખ | ਜਨਮ\s+ਮਿਤੀ | জন্ম\s+তারিখ
"""
_DATE_OF_BIRTH = re.compile(rf"(?<![\w])((?:{_BIRTH_WORDS})\s*(?:is|was|:|-|–)?\s*)({_DATE})(?![\w])",
                            re.IGNORECASE | re.VERBOSE)

_SEP = r"[ .-]?"
_PHONE = re.compile(rf"""(?<![\w+])(?:
    (?:\+|00)\s?44\s?(?:\(0\)\s?)?\d{{2,4}}{_SEP}\d{{3,4}}{_SEP}\d{{3,4}}
  | \(0\d{{2,4}}\)\s?\d{{3,4}}{_SEP}\d{{3,4}}
  | 0\d{{2,4}}{_SEP}\d{{3,4}}{_SEP}\d{{3,4}}
  | \+(?!44)\d{{1,3}}(?:[ -]?\(?\d{{2,4}}\)?){{2,5}}
)(?![\w])""", re.VERBOSE)

_POSTCODE = re.compile(r"(?<![\w])[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![\w])", re.IGNORECASE)

_STREET = (r"(?i:street|st|road|rd|avenue|ave|lane|ln|crescent|cres|terrace|gardens|gdns|grove|mews|boulevard|"
           r"close|drive|dr|court|ct|place|pl|way|walk|row|square|sq|hill|park|rise|view|green|parade|gate|vale|"
           r"croft|chase|wharf|yard|estate|heights|fields)\.?")
# Written in lower case, only street types that are not also everyday words ("a 5 minute walk", "very close").
_STREET_LOWER = r"(?:street|road|avenue|lane|crescent|terrace|gardens|grove|mews|boulevard)"
_FLAT = r"(?i:flat|apartment|apt|unit|room)\s+\d+[a-z]?,?\s+"
_ADDRESS = re.compile(
    rf"(?<![\w])(?:{_FLAT})?\d{{1,4}}[a-zA-Z]?,?\s+"
    rf"(?:(?:[A-Z][\w'’-]*\s+){{1,3}}{_STREET}|(?i:(?:[a-z][\w'’-]*\s+){{1,2}}{_STREET_LOWER}))(?![\w])")
_LIVES_ON = re.compile(
    rf"(?<![\w])((?i:live|lives|lived|living|moved|move|staying|stay)\s+(?i:on|in|at|to|into)\s+(?:the\s+)?)"
    rf"((?:[A-Z][\w'’-]*\s+){{1,3}}{_STREET})(?![\w])")


def _nhs_number(match: re.Match) -> str:
    digits = match.group(1) + match.group(3) + match.group(4)
    if match.group(2) or (not digits.startswith("0") and _nhs_check_digit_ok(digits)):
        return NHS_NUMBER
    return match.group(0)


def _nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number's Modulus 11 check."""
    remainder = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone(match: re.Match) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    if text.startswith(("+44", "0044", "+ 44")):
        national = digits[2:] if digits.startswith("44") else digits[4:]
        national = national[1:] if national.startswith("0") else national
        ok = len(national) in (9, 10)
    elif text.startswith("+"):
        ok = 8 <= len(digits) <= 15
    else:
        ok = len(digits) in (10, 11)
    return PHONE if ok else text


def _outside_placeholders(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    taken = [m.span() for m in PLACEHOLDER.finditer(text)]
    return [(s, e) for s, e in spans if not any(s < te and ts < e for ts, te in taken)]


def deidentify(text: str) -> str:
    """The comment with identifying details replaced by placeholders; everything else kept as written."""
    text = _EMAIL.sub(EMAIL, text)
    text = _NI.sub(NI_NUMBER, text)
    text = _NHS.sub(_nhs_number, text)
    text = _DATE_OF_BIRTH.sub(lambda m: m.group(1) + DATE_OF_BIRTH, text)
    text = _PHONE.sub(_phone, text)
    text = _POSTCODE.sub(POSTCODE, text)
    text = _ADDRESS.sub(ADDRESS, text)
    text = _LIVES_ON.sub(lambda m: m.group(1) + ADDRESS, text)
    for start, end in reversed(_outside_placeholders(text, find_names(text))):
        text = text[:start] + NAME + text[end:]
    return text
