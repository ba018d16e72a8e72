"""Staff pages: sign-in, and the work of administrators, practitioners, advocates and board officers."""
from flask import Blueprint

blueprint = Blueprint("staff", __name__, url_prefix="/staff")

from . import account, admin  # noqa: E402,F401  (routes register themselves on the blueprint)
