"""Whole journeys in real Chromium: keyboard only, without JavaScript, right to left, quick exit,
double submission and 200% text size."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from ..databases import query
from .helpers import (
    CARRY_ON, CHECK_RE, CONTINUE_BUTTON, DONE_RE, QUESTION_RE, QUICK_EXIT, REFERENCE_RE, SEND_BUTTON, TIMEOUT_MS,
    click_start, enabled_languages, horizontal_overflow, reference_on_page, rtl_languages,
    send_answers, start_survey, walk_to_check,
)

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/vc-shots")
NARROW = {"width": 320, "height": 640}
MAX_TABS = 80

# ---------------------------------------------------------------- keyboard only

ACTIVE_JS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    return {tag: e.tagName.toLowerCase(), type: e.type || '', name: e.name || '', cls: e.className || '',
            text: (e.innerText || e.value || '').trim().slice(0, 60), checked: !!e.checked,
            html: e.outerHTML.slice(0, 200)};
}"""

# The focused element, or for a GOV.UK radio/checkbox (an invisible input) its label's drawn box,
# must show an outline or a box-shadow.
FOCUS_VISIBLE_JS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return {ok: false, why: 'nothing has focus'};
    const transparent = c => /^(transparent|rgba\\(\\d+, \\d+, \\d+, 0\\))$/.test(c);
    const shows = s => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor))
                    || (s.boxShadow && s.boxShadow !== 'none');
    const own = getComputedStyle(e);
    if (shows(own)) return {ok: true};
    if (e.matches('input[type=radio], input[type=checkbox]') && e.labels && e.labels.length) {
        for (const pseudo of ['::before', '::after']) {
            if (shows(getComputedStyle(e.labels[0], pseudo))) return {ok: true};
        }
    }
    return {ok: false, why: `outline ${own.outlineStyle} ${own.outlineWidth} ${own.outlineColor}; ` +
                            `box-shadow ${own.boxShadow}`, html: e.outerHTML.slice(0, 200)};
}"""


class Keyboard:
    """Moves focus with Tab / Shift+Tab only, checking on every stop that focus can be seen."""

    def __init__(self, page):
        self.page = page
        self.invisible: dict[str, str] = {}

    def active(self) -> dict | None:
        return self.page.evaluate(ACTIVE_JS)

    def press_tab(self, shift: bool = False) -> dict | None:
        self.page.keyboard.press("Shift+Tab" if shift else "Tab")
        focus = self.page.evaluate(FOCUS_VISIBLE_JS)
        active = self.active()
        if active and not focus["ok"]:
            self.invisible.setdefault(f"{active['tag']}.{active['cls']}", f"{focus['why']} — {focus.get('html')}")
        return active

    def tab_to(self, selector: str, shift: bool = False) -> int:
        for presses in range(1, MAX_TABS + 1):
            self.press_tab(shift)
            if self.page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
                return presses
        pytest.fail(f"{'Shift+' if shift else ''}Tab never reached {selector!r} on {self.page.url}")

    def enter_and_wait(self):
        with self.page.expect_navigation(wait_until="load", timeout=TIMEOUT_MS) as navigation:
            self.page.keyboard.press("Enter")
        return navigation.value

    def checked_value(self) -> str | None:
        return self.page.evaluate(
            "() => (document.querySelector('main input[name=answer]:checked') || {}).value || null")


# English, and a right-to-left journey in each right-to-left language, through every kind of question
# (child-review has faces, the 0-10 scale, several-answer and typed questions; its first face raises
# the help page, which is passed by keyboard too).
KEYBOARD_JOURNEYS = [("en", "northvale-sab", "feel-safer"), ("ar", "northvale-scp", "child-review"),
                     ("ur", "northvale-sab", "msp-adult")]
TYPED = {"en": "Better street lighting.", "ar": "إنارة أفضل في الشارع.", "ur": "گلی میں بہتر روشنی۔"}


@pytest.mark.parametrize("lang, board, survey", KEYBOARD_JOURNEYS, ids=[j[0] for j in KEYBOARD_JOURNEYS])
def test_keyboard_only_journey(new_context, base_url, lang, board, survey):
    page = new_context().new_page()
    keys = Keyboard(page)
    direction = "rtl" if lang in RTL_LANGUAGES else "ltr"
    start_survey(page, base_url, board, survey, lang)

    first = keys.press_tab()
    assert first and "govuk-skip-link" in first["cls"], f"the first Tab stop should be the skip link, got {first}"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
    focus = page.evaluate(FOCUS_VISIBLE_JS)
    assert focus["ok"], f"the focused skip link shows no outline or box-shadow: {focus}"

    keys.tab_to("main form button.govuk-button--start")
    assert keys.enter_and_wait().status == 200
    assert QUESTION_RE.search(page.url), f"Start now (Enter) should open the first question, got {page.url}"

    kinds = set()
    for _ in range(40):
        if CHECK_RE.search(page.url):
            break
        assert page.evaluate("document.documentElement.dir") == direction, f"{page.url} is not {direction}"
        if "/help?" in page.url:  # the person said they are not safe: help first, carried on from by keyboard
            keys.tab_to(CARRY_ON)
            assert keys.enter_and_wait().status == 200
            kinds.add("help")
            continue
        assert QUESTION_RE.search(page.url), f"unexpected page {page.url}"
        if page.locator("main textarea[name=answer]").count():
            keys.tab_to("main textarea[name=answer]")
            page.keyboard.type(TYPED[lang])
            kinds.add("typed")
        else:
            keys.tab_to("main input[name=answer]")
            first_option = page.evaluate("document.activeElement.value")
            page.keyboard.press("Space")
            assert keys.checked_value() == first_option, "Space did not choose the focused option"
            kinds.add(page.evaluate("document.activeElement.type"))
            if page.locator("main input[type=radio][name=answer]").count() > 1:
                page.keyboard.press("ArrowDown")
                second = keys.checked_value()
                assert second and second != first_option, "ArrowDown did not move to the next option"
                page.keyboard.press("ArrowUp")
                assert keys.checked_value() == first_option, "ArrowUp did not move back"
        keys.tab_to(CONTINUE_BUTTON)
        # Shift+Tab goes back into the answer, Tab returns to Continue.
        back = keys.press_tab(shift=True)
        assert back and back["name"] == "answer", f"Shift+Tab from Continue should reach the answer, got {back}"
        keys.tab_to(CONTINUE_BUTTON)
        response = keys.enter_and_wait()
        assert response.status == 200, f"Continue gave HTTP {response.status} on {page.url}"
    assert CHECK_RE.search(page.url), f"did not reach the check page, at {page.url}"
    assert {"radio", "typed"} <= kinds, kinds
    if survey == "child-review":
        assert {"checkbox", "help"} <= kinds, kinds
    if direction == "rtl":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"keyboard-{lang}-check.png"), full_page=True)

    keys.tab_to(SEND_BUTTON)
    assert keys.enter_and_wait().status == 200
    assert DONE_RE.search(page.url), f"Send my answers (Enter) should open the done page, got {page.url}"
    assert REFERENCE_RE.search(page.locator(".govuk-panel").inner_text())
    reference_on_page(page)
    assert not keys.invisible, "focus cannot be seen on these Tab stops:\n" + "\n".join(
        f"  {where}: {why}" for where, why in keys.invisible.items())


# ---------------------------------------------------------------- without JavaScript


def test_msp_adult_without_javascript(new_context, base_url):
    page = new_context(java_script_enabled=False).new_page()
    start_survey(page, base_url, "northvale-sab", "msp-adult", "en")
    click_start(page)
    walk_to_check(page)
    reference = send_answers(page)
    assert REFERENCE_RE.fullmatch(reference)


# ---------------------------------------------------------------- right to left, narrow screens


def _no_scroll(page, label: str, problems: list[str]) -> None:
    overflow = horizontal_overflow(page)
    if overflow:
        problems.append(f"{label} ({page.url}): scrollWidth {overflow['scrollWidth']} > innerWidth "
                        f"{overflow['innerWidth']}; sticking out: {overflow['wide']}")


# Urdu is right to left whatever the language data says; English is the left-to-right baseline.
RTL_LANGUAGES = sorted(set(rtl_languages()) | ({"ur"} & set(enabled_languages())))


@pytest.mark.parametrize("lang", RTL_LANGUAGES + ["en"])
def test_narrow_screen_layout_and_direction(new_context, base_url, lang):
    rtl = lang in RTL_LANGUAGES
    page = new_context(viewport=NARROW).new_page()
    problems: list[str] = []
    shots: list[Path] = []
    if rtl:
        SHOTS.mkdir(parents=True, exist_ok=True)

    def visit(label: str) -> None:
        direction = page.evaluate("document.documentElement.dir")
        if rtl:
            assert direction == "rtl", f"{label}: <html dir> is {direction!r}, expected 'rtl' for {lang}"
        else:
            assert direction == "ltr", f"{label}: <html dir> is {direction!r}, expected 'ltr' for {lang}"
        _no_scroll(page, label, problems)
        if rtl:
            shot = SHOTS / f"{lang}-{label.replace(' ', '-')}.png"
            page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)

    start_survey(page, base_url, "northvale-scp", "child-review", lang)
    visit("start")
    click_start(page)
    shot_keys = {"meeting_kind": "question-radios", "took_part": "question-checkboxes",
                 "meeting_feeling": "question-faces", "listened_acted": "question-scale",
                 "house_good": "question-text"}

    def on_question(page, key):
        if key in shot_keys:
            visit(shot_keys[key])
        else:
            _no_scroll(page, f"question {key}", problems)

    walk_to_check(page, on_question)
    visit("check")
    send_answers(page)
    visit("done")
    assert not problems, f"horizontal scrolling at 320px in {lang}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- quick exit


def _open_first_question(page, base_url) -> None:
    start_survey(page, base_url, "northvale-sab", "feel-safer", "en")
    click_start(page)


def test_quick_exit_replaces_history(new_context, base_url):
    page = new_context().new_page()
    _open_first_question(page, base_url)
    question_url = page.url
    exit_url = page.locator(QUICK_EXIT).get_attribute("href")
    assert exit_url and not exit_url.startswith(base_url), f"quick exit should leave the site, href={exit_url!r}"
    history_before = page.evaluate("history.length")

    with page.expect_navigation(url=lambda url: url.rstrip("/") == exit_url.rstrip("/"), timeout=TIMEOUT_MS):
        page.click(QUICK_EXIT)
    assert page.url.rstrip("/") == exit_url.rstrip("/")
    assert page.evaluate("history.length") == history_before, "quick exit added a history entry (use location.replace)"

    page.go_back(wait_until="load")
    assert page.url != question_url and not QUESTION_RE.search(page.url), (
        f"Back after quick exit returned to the survey question: {page.url}")


def test_escape_twice_quick_exit(new_context, base_url):
    page = new_context().new_page()
    _open_first_question(page, base_url)
    exit_url = page.locator(QUICK_EXIT).get_attribute("href")
    history_before = page.evaluate("history.length")
    with page.expect_navigation(url=lambda url: url.rstrip("/") == exit_url.rstrip("/"), timeout=TIMEOUT_MS):
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    assert page.evaluate("history.length") == history_before


# ---------------------------------------------------------------- double submission


def _responses_for(database_url: str, token: str) -> list[str]:
    drafts = query(database_url, "SELECT id FROM draft WHERE token = :token", token=token)
    assert drafts, f"no draft with token {token}"
    return [reference for (reference,) in query(database_url, "SELECT reference FROM response WHERE draft_id = :id",
                                                id=drafts[0][0])]


def _wait_for_done(page) -> None:
    """Without JavaScript the second click aborts the first navigation; wait for the one that lands."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        try:
            page.wait_for_url(DONE_RE, timeout=TIMEOUT_MS)
            page.wait_for_load_state("load")
            return
        except PlaywrightError:
            if time.monotonic() > deadline:
                raise


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_double_click_send_stores_one_response(new_context, live_server, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    start_survey(page, live_server.base_url, "northvale-sab", "feel-safer", "en")
    click_start(page)
    token = walk_to_check(page)

    page.dblclick(SEND_BUTTON)
    _wait_for_done(page)

    response = page.goto(f"{live_server.base_url}/r/{token}/done")
    assert response.status == 200
    reference = reference_on_page(page)
    stored = _responses_for(live_server.database_url, token)
    assert stored == [reference], f"expected exactly one stored response {reference!r} for the draft, found {stored!r}"


# ---------------------------------------------------------------- 200% text


def test_text_at_200_percent_does_not_scroll_sideways(new_context, base_url):
    page = new_context(viewport=NARROW).new_page()
    start_survey(page, base_url, "northvale-scp", "child-review", "en")
    click_start(page)
    problems: list[str] = []

    def on_question(page, key):
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        _no_scroll(page, f"question {key} at 200% text", problems)

    walk_to_check(page, on_question)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    _no_scroll(page, "check your answers at 200% text", problems)
    assert not problems, "horizontal scrolling at 320px with 200% text:\n" + "\n".join(problems)
