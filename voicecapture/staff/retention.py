"""Administrators: what personal data is kept, for how long and why, and what the retention run removed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flask import current_app, render_template

from .. import retention
from ..access import requires
from ..data.retention import last_run
from . import blueprint, nav

nav.add("Data retention", "staff.admin_retention", ("administrator",),
        "How long each kind of data is kept and why, and what the nightly retention run removed.")


@dataclass(frozen=True)
class KindOfData:
    what: str
    kept_for: str
    why: str
    setting: str
    counted_as: Optional[str] = None  # its key in the run's counts; None: nothing removes it


def period(days: int) -> str:
    return f"{days} days ({days // 365} year{'s' if days // 365 > 1 else ''})" if days % 365 == 0 else f"{days} days"


def kinds_of_data(settings) -> list[KindOfData]:
    return [
        KindOfData("Answers and their codes", "Kept",
                   "Reports count them for every quarter and compare years, and they name no one.", "None"),
        KindOfData("Free text as the person typed it",
                   f"{period(settings.free_text_retention_days)} after the response was sent",
                   "Long enough for reports to compare a quarter with the same one a year before; after that the "
                   "de-identified comment is all a report needs.", "FREE_TEXT_RETENTION_DAYS", "free_text"),
        KindOfData("De-identified comments, their themes and sentiment", "Kept for reports",
                   "Names, numbers and addresses are taken out, and reports count the themes of every quarter.",
                   "None"),
        KindOfData("Contact details a person gave", f"{period(settings.contact_retention_days)} after they gave them",
                   "Only needed until the safeguarding team has been in touch; the alerts sweep deletes them "
                   "within a minute of the end of the period.", "CONTACT_RETENTION_DAYS", "contacts"),
        KindOfData("What was said that raised a safeguarding alert",
                   f"{period(settings.alert_evidence_retention_days)} after the alert was closed",
                   "The safeguarding team may need to look back at it after closing an alert; the alert and its "
                   "history stay.", "ALERT_EVIDENCE_RETENTION_DAYS", "alert_evidence"),
        KindOfData("Audit log", period(settings.audit_retention_days),
                   "It shows who read or changed what, for as long as safeguarding records are kept.",
                   "AUDIT_RETENTION_DAYS", "audit_events"),
        KindOfData("Answers not sent yet (drafts)", f"{period(settings.draft_days)}, then deleted",
                   "A person can come back to unsent answers for a few days; nobody can open them after that, "
                   "so they are deleted at the next daily run.", "DRAFT_DAYS", "expired_drafts"),
    ]


@blueprint.get("/admin/retention")
@requires("administrator")
def admin_retention():
    last = last_run()
    return render_template("staff/admin_retention.html", kinds=kinds_of_data(current_app.config["SETTINGS"]),
                           last=last, removed=last.detail.get("removed", {}) if last else {}, due=retention.due(),
                           swept_elsewhere={"contacts"})
