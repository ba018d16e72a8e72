"""Data protection: the retention page and a board's archive of everything it holds."""
from .roles import ADMIN
from .routes_boards import OFFICERS

ROUTES = {
    "staff.admin_retention": ("/staff/admin/retention", ADMIN),
    "staff.board_archive": ("/staff/boards/northvale-sab/export/all.zip", OFFICERS),
}
