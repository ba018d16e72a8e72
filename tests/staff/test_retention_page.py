"""The data retention page: what is kept, for how long and why, and what the last run removed."""
from __future__ import annotations

from datetime import timedelta

from bs4 import BeautifulSoup

from voicecapture import retention
from voicecapture.models import AuditEvent, utcnow

from .conftest import signed_in


def _cells(page, row_id):
    return [cell.get_text(" ", strip=True) for cell in page.find(id=row_id).find_all(["th", "td"])]


def test_administrators_see_each_period_why_and_its_setting(app, people):
    html = signed_in(app, people, "administrator").get("/staff/admin/retention")
    assert html.status_code == 200
    page = BeautifulSoup(html.get_data(as_text=True), "html.parser")
    assert "has not run yet" in page.find(id="last-run").find_next("p").get_text()
    free_text = _cells(page, "kind-free-text")
    assert free_text[:2] == ["Free text as the person typed it", "730 days (2 years) after the response was sent"]
    assert free_text[3] == "FREE_TEXT_RETENTION_DAYS" and free_text[4] == "No run yet"
    assert _cells(page, "kind-alert-evidence")[1] == "365 days (1 year) after the alert was closed"
    assert _cells(page, "kind-audit-events")[1:4:2] == ["2190 days (6 years)", "AUDIT_RETENTION_DAYS"]
    assert _cells(page, "kind-contacts")[3:5] == ["CONTACT_RETENTION_DAYS", "By the alerts sweep"]
    rows = [row.find("th").get_text(strip=True) for row in page.find(id="kinds").find("tbody").find_all("tr")]
    assert rows == ["Answers and their codes", "Free text as the person typed it",
                    "De-identified comments, their themes and sentiment", "Contact details a person gave",
                    "What was said that raised a safeguarding alert", "Audit log", "Answers not sent yet (drafts)"]
    assert all(row.find_all("td")[1].get_text(strip=True) for row in page.find(id="kinds").find_all("tr")[1:]), \
        "every kind of data says why it is kept"


def test_the_page_shows_the_last_run_and_what_is_due(app, people, db, settings):
    old = utcnow() - timedelta(days=settings.audit_retention_days, minutes=5)
    db.add_all([AuditEvent(action="test.old", at=old) for _ in range(3)])
    db.commit()
    http = signed_in(app, people, "administrator")
    page = BeautifulSoup(http.get("/staff/admin/retention").get_data(as_text=True), "html.parser")
    assert _cells(page, "kind-audit-events")[4:] == ["No run yet", "3"]
    with app.app_context():
        retention.enforce()
    page = BeautifulSoup(http.get("/staff/admin/retention").get_data(as_text=True), "html.parser")
    last = page.find(id="last-run").find_next("p").get_text(" ", strip=True)
    assert utcnow().strftime("%d %B %Y") in last and "removed 3 items" in last
    assert _cells(page, "kind-audit-events")[4:] == ["3", "0"]
    assert _cells(page, "kind-free-text")[4:] == ["0", "0"]


def test_no_one_else_sees_the_retention_page(app, people):
    for role in ("board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate"):
        assert signed_in(app, people, role).get("/staff/admin/retention").status_code == 403, role
    assert "Data retention" not in signed_in(app, people, "board_officer").get("/staff/").get_data(as_text=True)
    assert "Data retention" in signed_in(app, people, "administrator").get("/staff/").get_data(as_text=True)
