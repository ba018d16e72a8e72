"""Languages and catalogues. Adding a language is a catalogue in translations/ and a code in LANGUAGES.

Easy-read English is a language of its own ("en-easy"): the interface from its catalogue, the survey
wording from each question's easy_read text. Babel has no locale for it, so catalogues are looked up by
our language code rather than by Babel locale.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import current_app, g, has_app_context
from flask_babel import Babel, Domain

EASY_READ_SUFFIX = "-easy"


@dataclass(frozen=True)
class Language:
    code: str          # used in links and stored with each response: en, en-easy, ur ...
    html_lang: str     # the page's lang attribute
    name: str          # the language's name in that language, for the switcher
    direction: str     # ltr or rtl
    easy_read: bool = False

    @property
    def catalogue(self) -> str:
        return self.code.replace("-", "_")

    @property
    def babel_locale(self) -> str:
        return self.html_lang


def describe(code: str) -> Language:
    base = code[: -len(EASY_READ_SUFFIX)] if code.endswith(EASY_READ_SUFFIX) else code
    locale = Locale.parse(base, sep="-")
    direction = "rtl" if locale.character_order == "right-to-left" else "ltr"
    if base != code:
        return Language(code, base, "Easy read", direction, easy_read=True)
    name = locale.get_display_name(locale) or code
    return Language(code, base, name[:1].upper() + name[1:], direction)


def read_catalogue(po_path: Path) -> Translations:
    """Compile a .po file in memory: what is in the repository is exactly what is served."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def review_state(po_path: Path) -> str:
    """Whether a qualified translator has checked the catalogue, from its '# Review state:' header comment.

    A comment rather than a header field, because Babel keeps only the standard fields when it updates.
    """
    with po_path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("# Review state:"):
                return line.split(":", 1)[1].strip()
    return "unknown"


class LanguageDomain(Domain):
    """Flask-Babel's message domain, keyed by our language code instead of the Babel locale."""

    def get_translations(self):
        if not has_app_context():
            return NullTranslations()
        return current_app.extensions["catalogues"].get(current_language().code, NullTranslations())


def init_app(app) -> None:
    settings = app.config["SETTINGS"]
    languages = {code: describe(code) for code in settings.languages}
    catalogues = {}
    for language in languages.values():
        po_path = settings.translations_dir / language.catalogue / "LC_MESSAGES" / "messages.po"
        if po_path.exists():
            catalogues[language.code] = read_catalogue(po_path)
        elif language.code != "en":
            raise RuntimeError(f"Language {language.code!r} is enabled in LANGUAGES but {po_path} does not exist.")
    app.extensions["languages"] = languages
    app.extensions["catalogues"] = catalogues
    babel = Babel(app, locale_selector=lambda: current_language().babel_locale)
    babel.domain_instance = LanguageDomain()


def enabled_languages() -> dict[str, Language]:
    return current_app.extensions["languages"]


def current_language() -> Language:
    language = g.get("language")
    if language is None:
        languages = enabled_languages()
        language = languages.get(current_app.config["SETTINGS"].default_language) or next(iter(languages.values()))
    return language


def offered_languages(codes) -> dict[str, Language]:
    """The enabled languages among `codes` (a board's list), or all of them if it lists none."""
    languages = enabled_languages()
    codes = set(codes or ())
    return {code: language for code, language in languages.items() if code in codes} or languages


def board_languages(board=None) -> dict[str, Language]:
    return offered_languages(getattr(board, "languages", None))


def choose_language(*preferences: str | None, accept_languages=None,
                    offered: dict[str, Language] | None = None) -> Language:
    """The first offered language among explicit preferences, then the browser's, then the default.

    `offered` is what the page's board offers (`board_languages`); every enabled language if not given.
    """
    languages = offered or enabled_languages()
    for code in preferences:
        if code and code in languages:
            return languages[code]
    if accept_languages is not None:
        by_html_lang = {}
        for language in languages.values():
            by_html_lang.setdefault(language.html_lang, language)
        best = accept_languages.best_match(list(by_html_lang))
        if best:
            return by_html_lang[best]
    if "language" in g and current_language().code in languages:
        return current_language()
    default = current_app.config["SETTINGS"].default_language
    return languages[default] if default in languages else next(iter(languages.values()))


def use_language(language: Language) -> None:
    g.language = language
    # Flask-Babel caches the locale per request; forget it so formatting follows the new language.
    ctx = getattr(g, "_flask_babel", None)
    if ctx is not None:
        ctx.__dict__.pop("babel_locale", None)
