""""Listen" in real Chromium. The speech engine is the device's, outside the product: a test voice stands in for
it where the test needs one, and the device's real voice list decides the "no voice" case otherwise."""
from __future__ import annotations

import pytest

from .helpers import click_start, start_survey

pytestmark = pytest.mark.browser

# A stand-in for the device's speech engine: one Polish voice, and a record of what it was asked to say.
FAKE_VOICES = """() => {
  window.__spoken = [];
  const voices = [{lang: "pl-PL", name: "Test Polish", default: false, localService: true, voiceURI: "pl"}];
  Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => voices, cancel: () => {}, addEventListener: () => {},
    speak: (u) => { window.__spoken.push({text: u.text, lang: u.lang}); setTimeout(() => u.onend && u.onend(), 50); },
  }});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
}"""


def _question(context, base_url, lang):
    page = context.new_page()
    start_survey(page, base_url, "northvale-sab", "feel-safer", lang)
    click_start(page)
    return page


def test_listen_reads_the_question_in_the_pages_language_only_when_pressed(new_context, base_url):
    context = new_context()
    context.add_init_script(f"({FAKE_VOICES})()")
    page = _question(context, base_url, "pl")
    button = page.locator(".vc-listen__button")
    assert button.is_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__spoken") == [], "it never starts by itself"
    button.click()
    page.wait_for_function("window.__spoken.length === 1")
    spoken = page.evaluate("window.__spoken[0]")
    assert spoken["lang"] == "pl-PL"
    heading = page.locator("h1").inner_text().strip()
    assert spoken["text"].startswith(heading.rstrip("?"))
    assert page.locator("main input[name=answer]").first.evaluate("e => e.labels[0].innerText.trim()") in spoken["text"]


def test_listen_says_clearly_when_there_is_no_voice_for_the_language(new_context, base_url):
    context = new_context()
    context.add_init_script(f"({FAKE_VOICES})()")  # a Polish voice only: none for Gujarati
    page = _question(context, base_url, "gu")
    page.locator(".vc-listen__button").click()
    status = page.locator(".vc-listen__status")
    status.wait_for(state="visible")
    assert page.evaluate("window.__spoken") == []
    assert status.get_attribute("role") == "status" and len(status.inner_text()) > 20


def test_without_javascript_there_is_no_listen_button(new_context, base_url):
    page = _question(new_context(java_script_enabled=False), base_url, "en")
    assert not page.locator(".vc-listen__button").is_visible()


def test_a_boards_recording_is_played_when_there_is_one(new_context, base_url, cli, tmp_path):
    folder = tmp_path / "northvale-sab" / "feel-safer" / "ur"
    folder.mkdir(parents=True)
    (folder / "ascs_safety.mp3").write_bytes(b"ID3 test recording")
    cli("recordings", "import", str(tmp_path))
    context = new_context()
    # The device's audio output stands in: record what is played instead of playing it.
    context.add_init_script("""
      window.__played = [];
      HTMLMediaElement.prototype.play = function () { window.__played.push(this.src); return Promise.resolve(); };
    """)
    page = _question(context, base_url, "ur")
    page.locator(".vc-listen__button").click()
    page.wait_for_function("window.__played.length === 1")
    assert page.evaluate("window.__played[0]").endswith("/audio/northvale-sab/feel-safer/ur/ascs_safety")
    assert page.evaluate("document.documentElement.dir") == "rtl"
