"""Quarterly reports, comments and the board's data export."""
from .routes_boards import OFFICERS, READERS

ROUTES = {
    "staff.board_reports": ("/staff/boards/northvale-sab/reports", READERS),
    "staff.board_report": ("/staff/boards/northvale-sab/reports/999", READERS),
    "staff.board_report_progress": ("/staff/boards/northvale-sab/reports/999/progress", READERS),
    "staff.board_report_file": ("/staff/boards/northvale-sab/reports/999/pdf", READERS),
    "staff.board_export": ("/staff/boards/northvale-sab/export/responses.csv", OFFICERS),
    "staff.board_comments": ("/staff/boards/northvale-sab/comments", OFFICERS),
    "staff.board_comment": ("/staff/boards/northvale-sab/comments/999", OFFICERS),
}
