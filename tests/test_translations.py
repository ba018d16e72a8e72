"""Every respondent-facing message is translated in every enabled language, and the catalogues are current."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from voicecapture.config import DEFAULT_LANGUAGES, PROJECT_ROOT
from voicecapture.i18n import describe, review_state

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")
TRANSLATIONS = PROJECT_ROOT / "translations"
LANGUAGES = [code for code in DEFAULT_LANGUAGES.split(",") if code != "en"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    """The messages in the code, templates and surveys right now (as 'make messages' extracts them)."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([str(Path(sys.executable).parent / "pybabel"), "-q", "extract", "-F", "babel.cfg",
                    "-k", "lazy_gettext", "-k", "N_", "--no-location", "--no-wrap", "-o", str(pot), "."],
                   cwd=PROJECT_ROOT, check=True)
    with pot.open("rb") as handle:
        return {m.id: m for m in read_po(handle) if m.id}


def catalogue(code: str):
    with (TRANSLATIONS / describe(code).catalogue / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def is_survey_text(message) -> bool:
    """Survey wording carries the extractor's comment naming the survey (interface text carries none)."""
    return any(c.startswith(("survey ", "block ")) for c in message.auto_comments)


def test_the_template_is_current(extracted):
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        committed = {m.id for m in read_po(handle) if m.id}
    assert set(extracted) == committed, "run 'make messages' and translate what changed"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated(extracted, code):
    language = describe(code)
    cat = catalogue(code)
    missing, broken = [], []
    for msgid, source in extracted.items():
        # Easy-read survey wording lives with each question (easy_read:), not in the catalogue.
        if language.easy_read and is_survey_text(source):
            continue
        message = cat.get(msgid)
        strings = [] if message is None else (list(message.string) if isinstance(message.string, (list, tuple))
                                              else [message.string])
        if not strings or not all(s and s.strip() for s in strings) or (message and message.fuzzy):
            missing.append(msgid)
            continue
        wanted = sorted(PLACEHOLDER.findall(msgid[-1] if isinstance(msgid, tuple) else msgid))
        broken += [(msgid, s) for s in strings if sorted(PLACEHOLDER.findall(s)) != wanted]
        if isinstance(msgid, tuple):
            assert len(strings) == cat.num_plurals, f"{code}: {msgid[0]!r} needs {cat.num_plurals} plural forms"
    assert not missing, f"{code}: {len(missing)} untranslated, e.g. {missing[:5]}"
    assert not broken, f"{code}: placeholders changed: {broken[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_says_whether_a_qualified_translator_has_checked_it(code):
    path = TRANSLATIONS / describe(code).catalogue / "LC_MESSAGES" / "messages.po"
    assert review_state(path).startswith(("draft", "checked by")), review_state(path)


def test_right_to_left_is_known_from_the_language():
    assert describe("ur").direction == "rtl"
    assert describe("gu").direction == describe("pl").direction == describe("en-easy").direction == "ltr"
    assert describe("en-easy").html_lang == "en" and describe("en-easy").easy_read
