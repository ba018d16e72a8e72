"""The respondent's journey: link -> start -> one question per page -> check answers -> confirmation."""
from flask import Blueprint

blueprint = Blueprint("respond", __name__)

from . import views  # noqa: E402,F401  (routes register themselves on the blueprint)
from . import code  # noqa: E402,F401  (short codes from printed slips)
from . import help  # noqa: E402,F401  (help straight after an answer that raises a safeguarding alert)
from . import recordings  # noqa: E402,F401  (a board's recorded audio for "Listen")
