"""Recordings for "Listen": administrators manage each board's."""
from .roles import ADMIN

ROUTES = {
    "staff.admin_recordings": ("/staff/admin/boards/northvale-sab/recordings", ADMIN),
    "staff.admin_recording_upload": (None, ADMIN),
    "staff.admin_recording_remove": (None, ADMIN),
}
