"""Database tables. Only the data layer (voicecapture.data) queries them."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware UTC: SQLModel stores it the same way on SQLite and PostgreSQL."""
    return datetime.now(timezone.utc)


# How the views were given: by the person, or through an advocate or worker in one of these ways.
MODES = ("self", "with_help", "on_behalf", "phone", "paper", "best_interests")
ROLES = ("administrator", "board_officer", "board_member", "safeguarding_lead", "practitioner", "advocate")
WORK_KINDS = ("s42_enquiry", "cp_conference", "cla_review")


class Board(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=60)
    name: str = Field(max_length=200)
    kind: str = Field(default="adults", max_length=20)  # adults | children
    help_phone: str = Field(default="", max_length=40)
    help_text: str = Field(default="", max_length=500)
    quick_exit_url: str = Field(default="", max_length=500)
    # Branding for the respondent pages: header colour (checked for contrast with white text) and a logo.
    brand_colour: str = Field(default="", max_length=7)
    logo_svg: str = Field(default="", max_length=20000)
    # Languages this board offers respondents (codes from LANGUAGES); empty means all enabled languages.
    languages: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Safeguarding alerts: working hours a lead has to acknowledge one before it goes to the escalation lead.
    alert_ack_hours: int = Field(default=4)
    escalation_lead_id: Optional[int] = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class Agency(SQLModel, table=True):
    """An organisation whose work a board asks about (council adult social care, police, a health trust)."""
    __table_args__ = (UniqueConstraint("board_id", "name", name="uq_agency_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    name: str = Field(max_length=120)


class Area(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("board_id", "name", name="uq_area_name"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    name: str = Field(max_length=120)


class BoardSurvey(SQLModel, table=True):
    """A survey a board offers on its open link."""
    board_id: int = Field(foreign_key="board.id", primary_key=True)
    survey_id: str = Field(primary_key=True, max_length=60)


class Invitation(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    token: str = Field(index=True, unique=True, max_length=64)
    board_id: int = Field(foreign_key="board.id", index=True)
    survey_id: str = Field(max_length=60)
    agency: str = Field(default="", max_length=120)
    area: str = Field(default="", max_length=120)
    work_kind: str = Field(default="", max_length=30)
    risk_type: str = Field(default="", max_length=60)
    risk_location: str = Field(default="", max_length=60)
    language: str = Field(default="", max_length=20)
    max_uses: Optional[int] = Field(default=1)  # None: any number of uses
    uses: int = Field(default=0)
    expires_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    created_by: Optional[int] = Field(default=None, foreign_key="user.id", index=True)
    # A short code a person can type instead of the link (printed on the slip); unique while it matters.
    short_code: Optional[str] = Field(default=None, index=True, unique=True, max_length=16)
    batch: str = Field(default="", max_length=40)  # bulk uploads: which upload made it


class Draft(SQLModel, table=True):
    """Answers in progress, reachable by an unguessable token until submitted or expired."""
    id: Optional[int] = Field(default=None, primary_key=True)
    token: str = Field(index=True, unique=True, max_length=64)
    survey_id: str = Field(max_length=60)
    survey_version: int
    language: str = Field(max_length=20)
    mode: str = Field(default="self", max_length=20)
    board_id: int = Field(foreign_key="board.id", index=True)
    invitation_id: Optional[int] = Field(default=None, foreign_key="invitation.id", index=True)
    answers: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="open", max_length=20)  # open | submitted
    response_id: Optional[int] = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class Response(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("draft_id", name="uq_response_draft"),
                      # Reports and board pages read one board's quarters.
                      Index("ix_response_board_submitted", "board_id", "submitted_at"))

    id: Optional[int] = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=20)
    draft_id: Optional[int] = None  # one response per draft, whatever the browser does; none if keyed in
    survey_id: str = Field(index=True, max_length=60)
    survey_version: int
    variant: str = Field(default="", max_length=30)
    language: str = Field(max_length=20)
    mode: str = Field(default="self", max_length=20)
    board_id: int = Field(foreign_key="board.id", index=True)
    invitation_id: Optional[int] = Field(default=None, foreign_key="invitation.id")
    agency: str = Field(default="", max_length=120)
    area: str = Field(default="", max_length=120)
    work_kind: str = Field(default="", max_length=30)
    risk_type: str = Field(default="", max_length=60)
    risk_location: str = Field(default="", max_length=60)
    started_at: datetime
    submitted_at: datetime = Field(default_factory=utcnow, index=True)
    # Entered by an advocate or worker on the person's behalf (mode says how); None when self-completed.
    entered_by: Optional[int] = Field(default=None, foreign_key="user.id", index=True)
    updated_at: Optional[datetime] = None


class Answer(SQLModel, table=True):
    """One coded answer; a multiple-choice question gives one row per chosen option."""
    __table_args__ = (UniqueConstraint("response_id", "question_key", "option_key", name="uq_answer_option"),
                      # Covers what a report counts, so its million index reads need no table reads.
                      Index("ix_answer_response_question_code", "response_id", "question_key", "code"))

    id: Optional[int] = Field(default=None, primary_key=True)
    response_id: int = Field(foreign_key="response.id", index=True)
    question_key: str = Field(max_length=60)
    option_key: str = Field(default="", max_length=60)
    code: str = Field(max_length=60)
    text: Optional[str] = None


class User(SQLModel, table=True):
    """A member of staff. Respondents never have accounts."""
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    name: str = Field(max_length=120)
    password_hash: str = Field(max_length=200)
    active: bool = True
    failed_sign_ins: int = 0
    locked_until: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    last_sign_in_at: Optional[datetime] = None


class RoleGrant(SQLModel, table=True):
    """One role for one user on one board; board_id None means every board (administrators)."""
    __table_args__ = (UniqueConstraint("user_id", "role", "board_id", name="uq_role_grant"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    role: str = Field(max_length=30)
    board_id: Optional[int] = Field(default=None, foreign_key="board.id")


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what to which thing, when and from where. Nothing updates these; the retention run
    deletes them after AUDIT_RETENTION_DAYS."""
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: Optional[int] = Field(default=None, index=True)
    actor: str = Field(default="", max_length=254)
    action: str = Field(index=True, max_length=60)
    target: str = Field(default="", max_length=120)
    board_id: Optional[int] = Field(default=None, index=True)
    detail: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ip: str = Field(default="", max_length=64)


class Recording(SQLModel, table=True):
    """A board's recording of one question in one language, played by "Listen" instead of the device's voice.

    Kept in the database, audio and all, so every web process on every machine serves the same one.
    """
    __table_args__ = (UniqueConstraint("board_id", "survey_id", "language", "question_key", name="uq_recording"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id")
    survey_id: str = Field(max_length=60)
    language: str = Field(max_length=20)
    question_key: str = Field(max_length=60)
    content_type: str = Field(max_length=40)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int
    sha256: str = Field(max_length=64)  # of the audio: its ETag, for conditional and range requests
    uploaded_by: Optional[int] = Field(default=None, foreign_key="user.id")  # None: the command line
    uploaded_at: datetime = Field(default_factory=utcnow)


class MetricTarget(SQLModel, table=True):
    """A board's target for one metric card in its reports."""
    __table_args__ = (UniqueConstraint("board_id", "metric", name="uq_metric_target"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    metric: str = Field(max_length=60)
    target: float
    updated_by: Optional[int] = Field(default=None, foreign_key="user.id")
    updated_at: datetime = Field(default_factory=utcnow)


class BoardAction(SQLModel, table=True):
    """"You said, we did": what people told the board and what the board did about it."""
    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    quarter: str = Field(max_length=10)  # financial quarter, e.g. 2026-27Q2
    theme: str = Field(default="", max_length=60)  # a theme key from surveys/themes.yaml; empty: none in particular
    you_said: str = Field(max_length=1000)
    we_did: str = Field(default="", max_length=2000)
    status: str = Field(default="planned", max_length=20)  # planned | in_progress | done
    created_by: Optional[int] = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Comment(SQLModel, table=True):
    """A free-text answer as reports see it: its language, de-identified text, themes and sentiment.

    Written by the worker after the response is stored; the raw text stays in Answer and never leaves the
    database for a report. `submitted_at` is copied from the response so a quarter's comments need no join.
    """
    __table_args__ = (UniqueConstraint("answer_id", name="uq_comment_answer"),
                      Index("ix_comment_board_submitted", "board_id", "submitted_at"))  # a board's quarter

    id: Optional[int] = Field(default=None, primary_key=True)
    answer_id: int = Field(foreign_key="answer.id")
    response_id: int = Field(foreign_key="response.id", index=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    submitted_at: datetime = Field(index=True)
    survey_id: str = Field(max_length=60)
    question_key: str = Field(max_length=60)
    language: str = Field(default="und", max_length=20)
    redacted: str = Field(default="")
    sentiment: str = Field(default="neutral", max_length=10)  # positive | neutral | negative
    themes: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # How sure the model is of each theme it gave; reports quote the comments most typical of a theme.
    scores: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    model_version: str = Field(default="", max_length=64)
    analysed_at: datetime = Field(default_factory=utcnow)
    # An analyst's correction wins over the model and teaches it from the next run on.
    corrected_by: Optional[int] = Field(default=None, foreign_key="user.id")
    corrected_at: Optional[datetime] = None


REPORT_STATES = ("pending", "in_progress", "stored", "failed")


class Report(SQLModel, table=True):
    """A board's quarterly engagement report: the request, its progress, and the inputs it was built from.

    `inputs` holds every count, quote and definition the report shows, so rendering it again from the stored
    inputs always gives the same files.
    """
    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id", index=True)
    quarter: str = Field(max_length=10)
    status: str = Field(default="pending", max_length=20, index=True)
    requested_by: Optional[int] = Field(default=None, foreign_key="user.id")  # None: the quarterly schedule
    requested_at: datetime = Field(default_factory=utcnow)
    started_at: Optional[datetime] = None
    finished_at: Optional[datetime] = None
    attempts: int = 0
    progress: str = Field(default="", max_length=200)
    error: str = Field(default="", max_length=2000)
    inputs: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fingerprint: str = Field(default="", max_length=64)  # sha256 of the inputs


class ReportFile(SQLModel, table=True):
    """One output of a stored report (html, pdf, csv, xlsx), kept in the database so every process sees it."""
    report_id: int = Field(foreign_key="report.id", primary_key=True)
    kind: str = Field(primary_key=True, max_length=10)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    sha256: str = Field(max_length=64)


ALERT_STATES = ("new", "acknowledged", "action_taken", "closed")


class Alert(SQLModel, table=True):
    """A response (or a draft, while it is being answered) that screening says a person must look at.

    One per draft and one per response: a draft's alert carries on to its response. `evidence` holds what the
    person said that raised it, encrypted like contact details, until ALERT_EVIDENCE_RETENTION_DAYS after the alert
    is closed; reasons name the category and question only.
    """
    __table_args__ = (UniqueConstraint("draft_id", name="uq_alert_draft"),
                      UniqueConstraint("response_id", name="uq_alert_response"),
                      Index("ix_alert_board_status", "board_id", "status"))

    id: Optional[int] = Field(default=None, primary_key=True)
    board_id: int = Field(foreign_key="board.id")
    survey_id: str = Field(max_length=60)
    draft_id: Optional[int] = Field(default=None, foreign_key="draft.id")
    response_id: Optional[int] = Field(default=None, foreign_key="response.id")
    invitation_id: Optional[int] = Field(default=None, foreign_key="invitation.id")
    language: str = Field(default="", max_length=20)
    mode: str = Field(default="self", max_length=20)
    categories: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reasons: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    evidence: bytes = Field(default=b"", sa_column=Column(LargeBinary, nullable=False))
    status: str = Field(default="new", max_length=20)
    raised_at: datetime = Field(default_factory=utcnow, index=True)
    due_at: datetime  # acknowledged by then, or it escalates
    acknowledged_at: Optional[datetime] = None
    acknowledged_by: Optional[int] = Field(default=None, foreign_key="user.id")
    escalated_at: Optional[datetime] = None
    closed_at: Optional[datetime] = None
    updated_at: datetime = Field(default_factory=utcnow)


class AlertEvent(SQLModel, table=True):
    """What happened to an alert, by whom and when: raised, emailed, acknowledged, notes, escalation."""
    id: Optional[int] = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    user_id: Optional[int] = Field(default=None, foreign_key="user.id")  # None: the system
    kind: str = Field(max_length=30)
    status: str = Field(default="", max_length=20)  # the status after this event, when it changed
    note: str = Field(default="", max_length=4000)


class AlertNotice(SQLModel, table=True):
    """One email about an alert to one member of staff; sent by a worker, at most once in effect."""
    __table_args__ = (UniqueConstraint("alert_id", "kind", "user_id", name="uq_alert_notice"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    kind: str = Field(max_length=20)  # new | escalation | contact
    user_id: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: Optional[datetime] = Field(default=None, index=True)
    attempts: int = 0
    error: str = Field(default="", max_length=500)


class ContactRequest(SQLModel, table=True):
    """How and when a person asked to be contacted, encrypted, apart from their answers; deleted on schedule."""
    __table_args__ = (UniqueConstraint("alert_id", name="uq_contact_alert"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id")
    sealed: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    delete_after: datetime = Field(index=True)
