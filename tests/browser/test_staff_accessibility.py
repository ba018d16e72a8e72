"""axe-core on the staff pages: staff include disabled people too."""
from __future__ import annotations

import pytest

from .helpers import STAFF_PASSWORD as PASSWORD, AxeAudit

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def administrator(make_staff):
    return make_staff("axe-admin@example.org", "administrator", name="Axe Admin")


def test_staff_pages_have_no_axe_violations(new_context, base_url, administrator):
    page = new_context(viewport={"width": 1024, "height": 768}).new_page()
    audit = AxeAudit()
    page.goto(f"{base_url}/staff/sign-in")
    audit.check(page, "sign in")
    page.fill("#email", administrator)
    page.fill("#password", "wrong password for the error state")
    page.click("button[type=submit]")
    audit.check(page, "sign in, error state")
    page.fill("#email", administrator)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/staff/")
    audit.check(page, "staff home")
    for path, label in [("/staff/admin/users", "users"), ("/staff/admin/audit", "audit log"),
                        ("/staff/admin/audit?since=yesterday", "audit log, error state")]:
        page.goto(base_url + path)
        audit.check(page, label)
    page.goto(f"{base_url}/staff/admin/users")
    page.click("a.govuk-link >> text=Axe Admin")
    audit.check(page, "one user")
    page.goto(f"{base_url}/staff/admin/users")
    page.click("button >> text=Add person")
    audit.check(page, "users, error state")
    audit.assert_clean()
