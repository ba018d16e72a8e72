"""Pages outside a survey: the home page and plain-language error pages."""
from __future__ import annotations

from flask import current_app, render_template, request
from flask_babel import gettext
from werkzeug.exceptions import HTTPException

from .access import public
from .i18n import choose_language, use_language


@public
def home():
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages))
    return render_template("home.html")


@public
def healthz():
    return {"status": "ok"}


def error_page(error: HTTPException):
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages))
    titles = {
        400: gettext("Sorry, something was wrong with that request"),
        404: gettext("Page not found"),
        405: gettext("Sorry, something was wrong with that request"),
        413: gettext("That was too much to send at once"),
        429: gettext("Please wait a minute before trying again"),
    }
    title = titles.get(error.code, gettext("Sorry, there is a problem with the service"))
    return render_template("error.html", title=title, code=error.code), error.code


def server_error(error):
    # The person sees a plain page; the traceback goes to the log for whoever runs the service.
    current_app.logger.error("Unhandled error on %s %s", request.method, request.path, exc_info=error)
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages))
    return render_template("error.html", title=gettext("Sorry, there is a problem with the service"), code=500), 500


def init_app(app) -> None:
    app.add_url_rule("/", "pages.home", home)
    app.add_url_rule("/healthz", "pages.healthz", healthz)
    app.register_error_handler(HTTPException, error_page)
    app.register_error_handler(Exception, server_error)
