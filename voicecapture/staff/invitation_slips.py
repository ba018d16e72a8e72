"""Printable A6 slips in the person's language: the one staff page that is translated, because it is theirs."""
from __future__ import annotations

from flask import current_app, render_template
from flask_babel import gettext
from markupsafe import Markup

from ..access import requires
from ..i18n import choose_language, use_language
from . import blueprint
from . import invitation_present as present
from .invitations import INVITERS, _batch_or_abort


def _slip(invitation, board, heading: str) -> tuple:
    """One slip, rendered in the invitation's language (English when none was chosen or it is not enabled)."""
    language = choose_language(invitation.language, "en")
    use_language(language)
    survey = current_app.extensions["surveys"].get(invitation.survey_id)
    short = present.short_link(invitation)
    html = render_template(
        "staff/invitation_slip_card.html", invitation=invitation, slip_board=board, language=language,
        heading=heading, minutes=survey.minutes if survey is not None else 10, short_link=short,
        qr=present.qr_svg(short or present.link(invitation),
                          gettext("QR code. Scan it with a phone camera to open the feedback form.")))
    return language, Markup(html)


@blueprint.get("/invitations/<int:invitation_id>/slip")
@requires(*INVITERS)
def invitation_slip(invitation_id: int):
    invitation, board = present.managed_or_abort(invitation_id, "invitation.slip")
    language, slip = _slip(invitation, board, "h1")
    return render_template("staff/invitation_slip.html", slips=[slip], page_language=language,
                           back=("staff.invitation", {"invitation_id": invitation.id}))


@blueprint.get("/invitations/batch/<batch>/slips")
@requires(*INVITERS)
def invitation_batch_slips(batch: str):
    rows = _batch_or_abort(batch, "invitation.batch_slips")
    slips = [_slip(invitation, board, "h2")[1] for invitation, board in rows]
    english = choose_language("en")
    use_language(english)  # the page around the slips is the member of staff's: each slip says its own lang
    return render_template("staff/invitation_slip.html", slips=slips, page_language=english, batch_size=len(rows),
                           back=("staff.invitation_batch", {"batch": batch}))
