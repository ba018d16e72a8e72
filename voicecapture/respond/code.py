"""Short codes: a person types the code from their slip instead of the long link, and goes to the same place."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext

from ..access import public
from ..data import invitations
from ..i18n import choose_language, use_language
from ..security import limiter
from . import blueprint
from .views import _problem

# Codes are much shorter than link tokens: slow down anyone trying codes one after another.
CODE_LIMIT = "30 per minute"


def _follow(text: str):
    invitation = invitations.invitation_by_code(text)
    if invitation is None:
        return _problem("unknown")
    lang = request.args.get("lang")
    return redirect(url_for(".invitation_start", token=invitation.token, **({"lang": lang} if lang else {})))


@blueprint.get("/c/<code>")
@public
@limiter.limit(CODE_LIMIT)
def code(code: str):
    return _follow(code)


@blueprint.get("/c")
@public
@limiter.limit(CODE_LIMIT)
def code_form():
    """The home page's 'Do you have a code?' form (a GET, so it works without JavaScript)."""
    text = request.args.get("code", "")
    if text.strip():
        return _follow(text)
    use_language(choose_language(request.args.get("lang"), accept_languages=request.accept_languages))
    return render_template("home.html", code_error=gettext("Enter the code from your slip, for example 7KQ2-M9XD")), 400
