"""How an invitation is shown to staff: its links, QR code, use status and context in words (never answers)."""
from __future__ import annotations

from typing import Optional

import segno
from babel import Locale
from flask import abort, current_app
from flask_login import current_user
from markupsafe import Markup, escape

from ..data import invitations
from ..models import Invitation, utcnow
from ..sac import RISK_LOCATION_LABELS, RISK_TYPE_LABELS, WORK_KIND_LABELS
from ..surveys.model import pick


def base_url() -> str:
    return current_app.config["SETTINGS"].base_url.rstrip("/")


def link(invitation: Invitation) -> str:
    return f"{base_url()}/i/{invitation.token}"


def short_link(invitation: Invitation) -> str:
    return f"{base_url()}/c/{invitation.short_code}" if invitation.short_code else ""


def survey_title(survey_id: str) -> str:
    survey = current_app.extensions["surveys"].get(survey_id)
    return pick(survey.title, "*") if survey is not None else survey_id


def language_label(code: str) -> str:
    """'Urdu (اردو)': staff read the English name, and see the name the person will recognise."""
    language = current_app.extensions["languages"].get(code)
    if language is None:
        return code
    if language.easy_read:
        return "Easy read English"
    english = Locale.parse(language.html_lang, sep="-").get_display_name("en")
    return english if english == language.name else f"{english} ({language.name})"


def context_text(invitation: Invitation) -> str:
    parts = [invitation.agency, invitation.area, WORK_KIND_LABELS.get(invitation.work_kind, invitation.work_kind),
             RISK_TYPE_LABELS.get(invitation.risk_type, invitation.risk_type),
             RISK_LOCATION_LABELS.get(invitation.risk_location, invitation.risk_location),
             language_label(invitation.language) if invitation.language else ""]
    return ", ".join(p for p in parts if p) or "No context given"


def is_expired(invitation: Invitation) -> bool:
    return invitation.expires_at is not None and invitation.expires_at <= utcnow()


def use_status(invitation: Invitation) -> str:
    """'Used 1 of 1', 'Not used yet', 'Expired': how many times the link was used, and nothing more."""
    expired = is_expired(invitation)
    if invitation.uses:
        used = (f"Used {invitation.uses} of {invitation.max_uses}" if invitation.max_uses is not None
                else f"Used {invitation.uses} times")
        full = invitation.max_uses is not None and invitation.uses >= invitation.max_uses
        return used + (", expired" if expired and not full else "")
    return "Expired" if expired else "Not used yet"


def qr_svg(url: str, label: str, css_class: str = "vc-qr") -> Markup:
    """The QR code as inline SVG (no image requests, no inline styles for the CSP), named for screen readers."""
    svg = segno.make(url, error="m").svg_inline(scale=1, border=4, omitsize=True, svgclass=css_class,
                                                lineclass=None, dark="#000", light="#fff")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def managed_or_abort(invitation_id: int, action: str):
    """The invitation and its board if the signed-in person may see it (creator, board officer, administrator).

    The board comes from the invitation, so the route's decorator cannot check it: this does, and audits the read.
    """
    invitation, board = invitations.invitation_and_board(invitation_id)
    if invitation is None:
        abort(404)
    if not invitations.may_manage(current_user, invitation, board):
        abort(403)
    invitations.record_read(action, current_user, [invitation])
    return invitation, board


def expiry_text(invitation: Invitation) -> Optional[str]:
    if invitation.expires_at is None:
        return "Never"
    return invitation.expires_at.strftime("%d %B %Y %H:%M UTC")
