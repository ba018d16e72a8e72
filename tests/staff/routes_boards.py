"""Boards: administrators' board settings, the board pages, and the public branding routes."""
from .roles import ADMIN, PUBLIC

READERS = {"administrator", "board_officer", "board_member", "safeguarding_lead"}
OFFICERS = {"administrator", "board_officer"}

ROUTES = {
    "staff.admin_boards": ("/staff/admin/boards", ADMIN),
    "staff.admin_board_new": ("/staff/admin/boards/new", ADMIN),
    "staff.admin_board": ("/staff/admin/boards/northvale-sab", ADMIN),
    "staff.boards": ("/staff/boards", READERS),
    "staff.board": ("/staff/boards/northvale-sab", READERS),
    "staff.board_targets": ("/staff/boards/northvale-sab/targets", OFFICERS),
    "staff.board_actions": ("/staff/boards/northvale-sab/actions", OFFICERS),
    "staff.board_action": ("/staff/boards/northvale-sab/actions/999", OFFICERS),
    "brand_css": ("/b/northvale-sab/brand.css", PUBLIC),
    "brand_logo": ("/b/northvale-sab/logo.svg", PUBLIC),
}
