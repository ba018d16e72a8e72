"""What every template can use: the current language, the language switcher, the quick-exit address."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, has_request_context, request, url_for
from flask_babel import format_number
from jinja2 import pass_context

from .branding import version_of
from .i18n import board_languages, current_language, describe


@pass_context
def language_links(context) -> list[dict]:
    """Links to this page in each language the page's board offers; they work without JavaScript."""
    current = current_language()
    links = []
    for language in board_languages(context.get("board")).values():
        query = urlencode({**request.args, "lang": language.code})
        links.append({"language": language, "current": language.code == current.code, "href": f"{request.path}?{query}"})
    return links


def quick_exit_url(board=None) -> str:
    return (board.quick_exit_url if board is not None and board.quick_exit_url
            else current_app.config["SETTINGS"].quick_exit_url)


def board_brand(board) -> dict:
    """The board's header stylesheet and logo for respondent pages (staff pages keep the service's look).

    Each URL carries a hash of its content, so browsers may cache it for a year and still see changes.
    """
    if board is None or not has_request_context() or request.blueprint == "staff":
        return {}
    brand = {}
    if board.brand_colour:
        brand["css"] = url_for("brand_css", board_slug=board.slug, v=version_of(board.brand_colour))
    if board.logo_svg:
        brand["logo"] = url_for("brand_logo", board_slug=board.slug, v=version_of(board.logo_svg))
    return brand


def text_direction(code: str) -> str:
    """"rtl" or "ltr" for a language code (a quote's detected language, say); "auto" when it is not known."""
    try:
        return describe(code).direction
    except (ValueError, TypeError, LookupError):
        return "auto"


def init_app(app) -> None:
    app.jinja_env.filters["text_direction"] = text_direction
    app.jinja_env.globals.update(current_language=current_language, language_links=language_links,
                                 quick_exit_url=quick_exit_url, format_number=format_number, board=None,
                                 board_brand=board_brand)
