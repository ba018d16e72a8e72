"""Shared helpers for the real-browser tests: walking a survey, running axe, reading the page."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_FILE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Served by a Playwright route on the app's own origin, so the page's CSP (script-src 'self') stays on.
AXE_PATH = "/__browser-tests__/axe.min.js"
TIMEOUT_MS = 15_000

REFERENCE_ALPHABET = "0-9A-HJKMNP-TV-Z"  # as voicecapture.codes.ALPHABET
REFERENCE_RE = re.compile(rf"\b[{REFERENCE_ALPHABET}]{{4}}-[{REFERENCE_ALPHABET}]{{4}}\b")
QUESTION_RE = re.compile(r"/r/([^/?#]+)/q/([^/?#]+)")
CHECK_RE = re.compile(r"/r/([^/?#]+)/check(?:$|[?#])")
DONE_RE = re.compile(r"/r/([^/?#]+)/done(?:$|[?#])")

# Language-neutral selectors: button wording changes with the language.
START_BUTTON = "main form button.govuk-button--start"
CONTINUE_BUTTON = "main form button[type=submit]:not([name=skip_section])"
SEND_BUTTON = "main form button.govuk-button"
QUICK_EXIT = "a[data-quick-exit]"

ELSEWHERE_HTML = "<!DOCTYPE html><html lang='en'><title>Elsewhere</title><p>Somewhere else.</p></html>"


def enabled_languages() -> list[str]:
    from voicecapture.config import DEFAULT_LANGUAGES
    return [code.strip() for code in DEFAULT_LANGUAGES.split(",") if code.strip()]


def rtl_languages() -> list[str]:
    from voicecapture.i18n import describe
    return [code for code in enabled_languages() if describe(code).direction == "rtl"]


@lru_cache(maxsize=1)
def _catalogue():
    from voicecapture.surveys.catalogue import load_catalogue
    return load_catalogue(ROOT / "surveys")


def question_type(survey_id: str, key: str) -> str:
    survey = _catalogue().get(survey_id)
    assert survey is not None, f"survey {survey_id!r} is not in surveys/"
    question = survey.question(key)
    assert question is not None, f"question {key!r} is not in survey {survey_id!r}"
    return question.type


def is_local(url: str) -> bool:
    return urlsplit(url).hostname in ("127.0.0.1", "localhost")


def install_routes(context) -> None:
    """No real network: other hosts get a tiny local page; axe is served from the app's origin."""
    axe_source = AXE_FILE.read_text(encoding="utf-8") if AXE_FILE.exists() else None

    def handle(route):
        url = route.request.url
        if not is_local(url):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=ELSEWHERE_HTML)
        elif urlsplit(url).path == AXE_PATH:
            assert axe_source is not None, f"axe-core is missing at {AXE_FILE}: run `npm ci`"
            route.fulfill(status=200, content_type="application/javascript; charset=utf-8", body=axe_source)
        else:
            route.continue_()

    context.route("**/*", handle)


CARRY_ON = "main form + p a.govuk-link"  # the help page's "Carry on without asking for contact"


def submit(page, selector: str):
    """Click a submit button and wait for the page it leads to; returns the final response."""
    with page.expect_navigation(wait_until="load", timeout=TIMEOUT_MS) as navigation:
        page.click(selector)
    return navigation.value


def start_survey(page, base_url: str, board: str, survey: str, lang: str | None = None):
    url = f"{base_url}/s/{board}/{survey}" + (f"?lang={lang}" if lang else "")
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    return url


def click_start(page) -> str:
    response = submit(page, START_BUTTON)
    assert response.status == 200, f"Start now led to {page.url} with HTTP {response.status}"
    match = QUESTION_RE.search(page.url)
    assert match, f"Start now should lead to the first question, got {page.url}"
    return match.group(1)


def answer_current(page, text: str = "It was fine, thank you.") -> None:
    """Answer the question on screen with its first option, or a short text."""
    textarea = page.locator("main textarea[name=answer]")
    if textarea.count():
        textarea.fill(text)
    else:
        choices = page.locator("main input[name=answer]")
        assert choices.count(), f"no answer field on {page.url}"
        choices.first.check()


def answer_and_continue(page) -> None:
    answer_current(page)
    before = page.url
    response = submit(page, CONTINUE_BUTTON)
    assert response.status == 200, (
        f"Continue on {before} gave HTTP {response.status} at {page.url}: "
        f"{page.locator('.govuk-error-summary').all_inner_texts()}")


def walk_to_check(page, on_question=None, max_steps: int = 40) -> str:
    """Answer each question with its first option until the check-answers page; returns the draft token.

    on_question(page, key) is called on each question page before it is answered; if it returns
    the string "stop", the walk ends there (and returns None)."""
    for _ in range(max_steps):
        if CHECK_RE.search(page.url):
            return CHECK_RE.search(page.url).group(1)
        if "/help?" in page.url:  # an answer that says the person is not safe: help first, then carry on
            submit(page, CARRY_ON)
            continue
        match = QUESTION_RE.search(page.url)
        assert match, f"expected a question or the check page, got {page.url}"
        if on_question is not None and on_question(page, match.group(2)) == "stop":
            return None
        answer_and_continue(page)
    pytest.fail(f"did not reach the check page after {max_steps} questions (now at {page.url})")


def send_answers(page) -> str:
    response = submit(page, SEND_BUTTON)
    assert response.status == 200 and DONE_RE.search(page.url), (
        f"Send my answers led to {page.url} with HTTP {response.status}")
    return reference_on_page(page)


def reference_on_page(page) -> str:
    panel = page.locator(".govuk-panel").inner_text()
    found = REFERENCE_RE.findall(panel)
    assert len(found) == 1, f"expected exactly one reference like XXXX-XXXX in the panel, found {found!r}: {panel!r}"
    return found[0]


# ---------------------------------------------------------------- axe


def run_axe(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        page.add_script_tag(url=origin + AXE_PATH)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )


def describe_violations(label: str, url: str, violations: list[dict], max_nodes: int = 3) -> str:
    lines = [f"== {label}: {url} — {len(violations)} violation(s)"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']}) — {len(v['nodes'])} node(s)")
        for node in v["nodes"][:max_nodes]:
            html = " ".join(node["html"].split())
            summary = " ".join((node.get("summary") or "").split())
            lines.append(f"      target: {' > '.join(str(t) for t in node['target'])}")
            lines.append(f"      html:   {html[:400]}")
            if summary:
                lines.append(f"      why:    {summary[:400]}")
        if len(v["nodes"]) > max_nodes:
            lines.append(f"      ... and {len(v['nodes']) - max_nodes} more")
    return "\n".join(lines)


class AxeAudit:
    """Runs axe on several pages and fails once at the end, listing every violation on every page."""

    def __init__(self):
        self.reports: list[str] = []
        self.audited: list[str] = []

    def check(self, page, label: str) -> None:
        violations = run_axe(page)
        self.audited.append(label)
        if violations:
            self.reports.append(describe_violations(label, page.url, violations))

    def assert_clean(self) -> None:
        assert not self.reports, (
            f"axe found violations on {len(self.reports)} of {len(self.audited)} page(s) "
            f"(tags {', '.join(AXE_TAGS)}):\n" + "\n".join(self.reports))


# ---------------------------------------------------------------- layout

NO_HORIZONTAL_SCROLL_JS = """() => {
    const root = document.documentElement;
    const width = window.innerWidth;
    const wide = [];
    if (root.scrollWidth > width) {
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
                const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
                wide.push(`${tag} [${Math.round(box.left)}..${Math.round(box.right)}]`);
            }
        }
    }
    return {scrollWidth: root.scrollWidth, innerWidth: width, dir: root.dir, wide: wide.slice(0, 8)};
}"""


def horizontal_overflow(page) -> dict | None:
    """None if the page fits the viewport's width; otherwise what sticks out."""
    result = page.evaluate(NO_HORIZONTAL_SCROLL_JS)
    return None if result["scrollWidth"] <= result["innerWidth"] else result


STAFF_PASSWORD = "correct horse battery staple"


def staff_sign_in(page, base_url: str, email: str, password: str = STAFF_PASSWORD) -> None:
    page.goto(f"{base_url}/staff/sign-in")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/staff/")
