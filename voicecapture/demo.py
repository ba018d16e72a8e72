"""Synthetic demo data: fictional boards and realistic-looking responses. No real people or places."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from flask import current_app

from .data import boards, responses
from .models import utcnow
from .surveys.logic import is_visible
from .surveys.model import Question, Survey

DEMO_BOARDS = [
    dict(slug="northvale-sab", name="Northvale Safeguarding Adults Board", kind="adults", help_phone="0300 555 0101",
         help_text="Monday to Friday, 9am to 5pm.", surveys=("msp-adult", "feel-safer")),
    dict(slug="northvale-scp", name="Northvale Safeguarding Children Partnership", kind="children",
         help_phone="0300 555 0102", help_text="Monday to Friday, 9am to 5pm.",
         surveys=("child-review", "parent-conference")),
    dict(slug="eastmere-sab", name="Eastmere Safeguarding Adults Board", kind="adults", help_phone="0300 555 0199",
         help_text="Open every day, 8am to 8pm.", surveys=("msp-adult", "feel-safer")),
]

AGENCIES = ["Adult Social Care", "Police", "Community Health", "Mental Health Trust", "Housing", "Children's Social Care"]
AREAS = ["North", "South", "East", "West", "Rural"]
RISK_TYPES = ["physical", "psychological", "financial", "neglect", "domestic_abuse", "self_neglect", "sexual"]
RISK_LOCATIONS = ["own_home", "own_home", "care_home", "community", "hospital"]
LANGUAGE_WEIGHTS = {"en": 70, "en-easy": 8, "ur": 8, "gu": 8, "pl": 6}
MODE_WEIGHTS = {"self": 70, "with_help": 12, "on_behalf": 10, "phone": 5, "paper": 3}

# Short, invented comments in the kind of words people use; none names anyone.
COMMENTS = {
    "en": {
        "good": ["The social worker listened to me and did what she said she would.", "They explained everything.",
                 "I felt believed for the first time.", "Quick response, I was kept informed.",
                 "My advocate helped me say what I wanted.", "Nothing, it was all fine."],
        "bad": ["I had to wait weeks to hear anything.", "Too many different workers.",
                "Nobody told me what was happening after the meeting.", "The report came the night before.",
                "I still don't feel safe at home.", "Use simpler words please."],
    },
    "ur": {"good": ["انہوں نے میری بات غور سے سنی۔", "مجھے ہر بات سمجھائی گئی۔"],
           "bad": ["مجھے بہت انتظار کرنا پڑا۔", "کسی نے مجھے نہیں بتایا کہ آگے کیا ہوگا۔"]},
    "gu": {"good": ["તેમણે મારી વાત ધ્યાનથી સાંભળી.", "મને બધું સમજાવવામાં આવ્યું."],
           "bad": ["મારે ઘણી રાહ જોવી પડી.", "મીટિંગ પછી શું થશે તે કોઈએ કહ્યું નહીં."]},
    "pl": {"good": ["Wysłuchano mnie i potraktowano poważnie.", "Wszystko mi wyjaśniono."],
           "bad": ["Musiałam długo czekać na odpowiedź.", "Za dużo zmian pracowników."]},
}


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _comment(rng: random.Random, language: str, question: Question) -> str:
    pool = COMMENTS.get(language, COMMENTS["en"])
    negative = any(word in question.key for word in ("better", "worr", "help"))
    return rng.choice(pool["bad" if negative else "good"])


def _answer(rng: random.Random, question: Question, language: str) -> dict:
    if not question.required and rng.random() < (0.45 if question.is_text else 0.15):
        return {"o": [], "t": ""}
    if question.is_text:
        return {"o": [], "t": _comment(rng, language if language in COMMENTS else "en", question)}
    keys = [o.key for o in question.options]
    if question.type == "scale_0_10":
        return {"o": [str(min(10, max(0, round(rng.gauss(7.4, 2.0)))))], "t": ""}
    if question.is_multiple:
        plain = [o.key for o in question.options if not o.exclusive]
        picked = [k for k in plain if rng.random() < 0.45] or [rng.choice(keys)]
        return {"o": [k for k in keys if k in picked], "t": ""}
    # Earlier options are the more positive ones in every question set: lean towards them.
    weights = [0.6 ** i for i in range(len(keys))]
    return {"o": [rng.choices(keys, weights=weights)[0]], "t": ""}


def simulate_answers(rng: random.Random, survey: Survey, language: str) -> dict:
    answers: dict = {}
    for question in survey.questions:
        if is_visible(survey, question, answers):
            answers[question.key] = _answer(rng, question, language)
    return answers


def _quarter_starts(now: datetime, count: int) -> list[datetime]:
    """The first days of the last `count` quarters, oldest first (financial quarters start on calendar ones)."""
    year, month = now.year, 1 + 3 * ((now.month - 1) // 3)
    starts = []
    for _ in range(count):
        starts.append(datetime(year, month, 1, tzinfo=timezone.utc))
        year, month = (year, month - 3) if month > 3 else (year - 1, month + 9)
    return list(reversed(starts))


DEMO_STAFF = [
    # (email, name, role, board slug or None for every board)
    ("admin@demo.example", "Alex Administrator", "administrator", None),
    ("officer@demo.example", "Bola Board Officer", "board_officer", "northvale-sab"),
    ("member@demo.example", "Chris Board Member", "board_member", "northvale-sab"),
    ("lead@demo.example", "Dana Safeguarding Lead", "safeguarding_lead", "northvale-sab"),
    ("practitioner@demo.example", "Eli Practitioner", "practitioner", "northvale-sab"),
    ("advocate@demo.example", "Fran Advocate", "advocate", "northvale-sab"),
]


def load_demo_staff() -> str:
    """One fictional account per role, sharing a password made for this install and shown once."""
    import secrets

    from .data import users
    if users.user_by_email(DEMO_STAFF[0][0]) is not None:
        return "Demo staff accounts already exist (their password was shown when they were made)."
    password = "-".join(secrets.choice(_WORDS) for _ in range(4))
    for email, name, role, slug in DEMO_STAFF:
        board = boards.board_by_slug(slug) if slug else None
        users.create_user(email, name, password, [(role, board.id if board else None)])
    emails = ", ".join(email for email, *_ in DEMO_STAFF)
    return f"Demo staff accounts ({emails}) share the password: {password}"


_WORDS = ("amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbour", "island", "juniper", "kestrel",
          "lantern", "meadow", "nectar", "orchard", "pebble", "quarry", "river", "saffron", "thistle", "upland",
          "valley", "willow", "yarrow")


def load_demo(count: int, seed: int = 2026) -> str:
    rng = random.Random(seed)
    catalogue = current_app.extensions["surveys"]
    languages = [code for code in LANGUAGE_WEIGHTS if code in current_app.extensions["languages"]]
    demo_boards = [boards.upsert_board(**spec) for spec in DEMO_BOARDS]
    now = utcnow()
    quarters = _quarter_starts(now, 6)
    batch, stored = [], 0
    for _ in range(count):
        board = rng.choice(demo_boards)
        spec = next(s for s in DEMO_BOARDS if s["slug"] == board.slug)
        survey = catalogue.get(rng.choice(spec["surveys"]))
        start = rng.choice(quarters)
        submitted = min(now, start + timedelta(days=rng.uniform(0, 91), seconds=rng.uniform(0, 86400)))
        language = _weighted(rng, {k: LANGUAGE_WEIGHTS[k] for k in languages})
        batch.append(dict(
            survey=survey, board_id=board.id, language=language,
            answers=simulate_answers(rng, survey, language), mode=_weighted(rng, MODE_WEIGHTS), submitted_at=submitted,
            agency=rng.choice(AGENCIES), area=rng.choice(AREAS),
            work_kind="s42_enquiry" if survey.audience == "adult" else rng.choice(["cp_conference", "cla_review"]),
            risk_type=rng.choice(RISK_TYPES) if survey.audience == "adult" else "",
            risk_location=rng.choice(RISK_LOCATIONS) if survey.audience == "adult" else "",
        ))
        if len(batch) == 500:
            stored += responses.store_responses(batch)
            batch = []
    if batch:
        stored += responses.store_responses(batch)
    base = current_app.config["SETTINGS"].base_url
    links = "\n".join(f"  {base}/s/{spec['slug']}/{survey_id}" for spec in DEMO_BOARDS for survey_id in spec["surveys"])
    return f"{len(demo_boards)} demo boards and {stored} synthetic responses added. Open links:\n{links}"
