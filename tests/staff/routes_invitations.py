"""Invitation routes: practitioners, board officers and administrators; the short code is public."""
from .roles import PUBLIC

INVITERS = {"practitioner", "board_officer", "administrator"}

ROUTES = {
    "staff.invitations": ("/staff/invitations", INVITERS),
    "staff.invitation": ("/staff/invitations/999999", INVITERS),
    "staff.invitation_stop": (None, INVITERS),
    "staff.invitation_slip": ("/staff/invitations/999999/slip", INVITERS),
    "staff.invitation_upload": ("/staff/invitations/upload", INVITERS),
    "staff.invitation_template": ("/staff/invitations/upload/template.csv", INVITERS),
    "staff.invitation_batch": ("/staff/invitations/batch/20260101-00000000", INVITERS),
    "staff.invitation_batch_csv": ("/staff/invitations/batch/20260101-00000000.csv", INVITERS),
    "staff.invitation_batch_slips": ("/staff/invitations/batch/20260101-00000000/slips", INVITERS),
    "respond.code": ("/c/AAAA-AAAA", PUBLIC),
    "respond.code_form": ("/c?code=AAAA-AAAA", PUBLIC),
}
