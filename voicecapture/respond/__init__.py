"""The respondent's journey: link -> start -> one question per page -> check answers -> confirmation."""
from flask import Blueprint, current_app

from ..security import limiter

blueprint = Blueprint("respond", __name__)


def _public_limit() -> str:
    return current_app.config["SETTINGS"].public_rate_limit


# Every respondent page, per address: generous for a shared office or care home, a wall for a flood.
# Applied once, when this module is imported: a limit added per app would be counted once per app made.
limiter.limit(_public_limit)(blueprint)

from . import views  # noqa: E402,F401  (routes register themselves on the blueprint)
from . import code  # noqa: E402,F401  (short codes from printed slips)
from . import help  # noqa: E402,F401  (help straight after an answer that raises a safeguarding alert)
from . import recordings  # noqa: E402,F401  (a board's recorded audio for "Listen")
from . import privacy  # noqa: E402,F401  (what is kept and for how long; deleting your answers)
