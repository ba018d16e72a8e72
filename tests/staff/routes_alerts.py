"""The safeguarding alerts queue: leads and administrators; contact details for leads only."""
LEADS = {"safeguarding_lead"}
ALERT_ROLES = {"safeguarding_lead", "administrator"}

ROUTES = {
    "staff.alerts_queue": ("/staff/alerts", ALERT_ROLES),
    "staff.alert_page": ("/staff/alerts/999", ALERT_ROLES),
    "staff.alert_status": (None, ALERT_ROLES),
    "staff.alert_note": (None, ALERT_ROLES),
    "staff.alert_contact": ("/staff/alerts/999/contact", LEADS),
}
