"""Staff pages: sign-in, and the work of administrators, practitioners, advocates and board officers."""
from flask import Blueprint

blueprint = Blueprint("staff", __name__, url_prefix="/staff")

# Each module registers its routes on the blueprint and its links in the staff navigation.
from . import (account, admin, advocacy, alerts, board_admin, board_archive, boards, invitations,  # noqa: E402,F401
               recordings, reports, retention)
