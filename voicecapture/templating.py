"""What every template can use: the current language, the language switcher, the quick-exit address."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, request
from flask_babel import format_number

from .i18n import current_language, enabled_languages


def language_links() -> list[dict]:
    """Links to this page in each enabled language; they work without JavaScript."""
    current = current_language()
    links = []
    for language in enabled_languages().values():
        query = urlencode({**request.args, "lang": language.code})
        links.append({"language": language, "current": language.code == current.code, "href": f"{request.path}?{query}"})
    return links


def quick_exit_url(board=None) -> str:
    return (board.quick_exit_url if board is not None and board.quick_exit_url
            else current_app.config["SETTINGS"].quick_exit_url)


def init_app(app) -> None:
    app.jinja_env.globals.update(current_language=current_language, language_links=language_links,
                                 quick_exit_url=quick_exit_url, format_number=format_number, board=None)
