from __future__ import annotations

from typing import Optional

from sqlmodel import col, select

from ..db import session, transactional
from ..models import Agency, Area, Board, BoardAction, BoardSurvey, MetricTarget, utcnow
from . import audit


def get_board(board_id: int) -> Optional[Board]:
    return session().get(Board, board_id)


def board_by_slug(slug: str) -> Optional[Board]:
    return session().exec(select(Board).where(Board.slug == slug)).first()


def list_boards() -> list[Board]:
    return list(session().exec(select(Board).order_by(Board.slug)))


def offers_survey(board: Board, survey_id: str) -> bool:
    return session().get(BoardSurvey, (board.id, survey_id)) is not None


@transactional
def upsert_board(slug: str, name: str, kind: str = "adults", help_phone: str = "", help_text: str = "",
                 surveys: tuple[str, ...] = ()) -> Board:
    db = session()
    board = board_by_slug(slug) or Board(slug=slug, name=name)
    board.name, board.kind, board.help_phone, board.help_text = name, kind, help_phone, help_text
    db.add(board)
    db.flush()
    for survey_id in surveys:
        if db.get(BoardSurvey, (board.id, survey_id)) is None:
            db.add(BoardSurvey(board_id=board.id, survey_id=survey_id))
    return board


# --- Administrators: board settings, surveys offered, languages, agencies and areas -------------------------

SETTINGS_FIELDS = ("name", "kind", "help_phone", "help_text", "quick_exit_url", "brand_colour", "logo_svg",
                   "alert_ack_hours", "escalation_lead_id")


def offered_surveys(board: Board) -> list[str]:
    return sorted(session().exec(select(BoardSurvey.survey_id).where(BoardSurvey.board_id == board.id)))


def _set_surveys(board: Board, survey_ids) -> None:
    db = session()
    wanted = set(survey_ids)
    for row in db.exec(select(BoardSurvey).where(BoardSurvey.board_id == board.id)):
        if row.survey_id not in wanted:
            db.delete(row)
    for survey_id in wanted - set(offered_surveys(board)):
        db.add(BoardSurvey(board_id=board.id, survey_id=survey_id))


@transactional
def create_board(slug: str, settings: dict, surveys=(), languages=()) -> Board:
    board = Board(slug=slug, **{key: settings[key] for key in SETTINGS_FIELDS}, languages=list(languages))
    session().add(board)
    session().flush()
    _set_surveys(board, surveys)
    audit.record("board.create", target=f"board:{board.id}", board_id=board.id,
                 detail={"slug": slug, "name": board.name, "surveys": sorted(surveys), "languages": list(languages)})
    return board


@transactional
def update_board(board: Board, settings: dict, surveys=(), languages=()) -> Board:
    """Change a board's settings; the audit event lists which fields changed (not the logo text itself)."""
    board = session().get(Board, board.id)
    changed = [key for key in SETTINGS_FIELDS if getattr(board, key) != settings[key]]
    for key in changed:
        setattr(board, key, settings[key])
    before_surveys = offered_surveys(board)
    if list(board.languages or []) != list(languages):
        board.languages = list(languages)
        changed.append("languages")
    session().add(board)
    _set_surveys(board, surveys)
    session().flush()
    if before_surveys != sorted(surveys):
        changed.append("surveys")
    audit.record("board.update", target=f"board:{board.id}", board_id=board.id,
                 detail={"changed": changed, "surveys": sorted(surveys), "languages": list(languages)})
    return board


PLACE_MODELS = {"agency": Agency, "area": Area}


def list_places(board: Board, kind: str) -> list:
    model = PLACE_MODELS[kind]
    return list(session().exec(select(model).where(model.board_id == board.id).order_by(model.name)))


@transactional
def add_place(board: Board, kind: str, name: str) -> Optional[str]:
    """Add an agency or area; a message instead if the board already has one by that name (any case)."""
    model = PLACE_MODELS[kind]
    if any(place.name.lower() == name.lower() for place in list_places(board, kind)):
        return f"This board already has {'an agency' if kind == 'agency' else 'an area'} called {name}"
    place = model(board_id=board.id, name=name)
    session().add(place)
    session().flush()
    audit.record(f"{kind}.add", target=f"{kind}:{place.id}", board_id=board.id, detail={"name": name})
    return None


@transactional
def remove_place(board: Board, kind: str, place_id: int) -> bool:
    model = PLACE_MODELS[kind]
    place = session().get(model, place_id)
    if place is None or place.board_id != board.id:
        return False
    session().delete(place)
    audit.record(f"{kind}.remove", target=f"{kind}:{place_id}", board_id=board.id, detail={"name": place.name})
    return True


# --- Board officers: targets and "you said, we did" ------------------------------------------------------------

def boards_with_slugs(slugs: Optional[set[str]]) -> list[Board]:
    """The boards named (None: every board), in slug order."""
    query = select(Board).order_by(Board.slug)
    if slugs is not None:
        query = query.where(col(Board.slug).in_(sorted(slugs)))
    return list(session().exec(query))


@transactional
def set_targets(board: Board, values: dict[str, Optional[float]], user_id: Optional[int]) -> list[str]:
    """Set or clear (None) each metric's target; returns the metric keys that changed."""
    db = session()
    existing = {row.metric: row for row in db.exec(select(MetricTarget).where(MetricTarget.board_id == board.id))}
    changed = []
    for metric, value in values.items():
        row = existing.get(metric)
        if value is None and row is not None:
            db.delete(row)
        elif value is not None and (row is None or row.target != value):
            row = row or MetricTarget(board_id=board.id, metric=metric, target=value)
            row.target, row.updated_by, row.updated_at = value, user_id, utcnow()
            db.add(row)
        else:
            continue
        changed.append(metric)
    if changed:
        audit.record("board.targets", target=f"board:{board.id}", board_id=board.id,
                     detail={key: values[key] for key in changed})
    return changed


def list_actions(board: Board) -> list[BoardAction]:
    return list(session().exec(select(BoardAction).where(BoardAction.board_id == board.id)
                               .order_by(col(BoardAction.quarter).desc(), col(BoardAction.id).desc())))


def get_action(board: Board, action_id: int) -> Optional[BoardAction]:
    action = session().get(BoardAction, action_id)
    return action if action is not None and action.board_id == board.id else None


@transactional
def save_action(board: Board, fields: dict, user_id: Optional[int], action_id: Optional[int] = None) -> BoardAction:
    """Add a "you said, we did" action, or change one of this board's (action_id)."""
    db = session()
    if action_id is None:
        action = BoardAction(board_id=board.id, created_by=user_id, **fields)
        verb = "board.action_add"
    else:
        action = db.get(BoardAction, action_id)
        if action is None or action.board_id != board.id:
            raise LookupError(f"no action {action_id} on board {board.slug}")
        for key, value in fields.items():
            setattr(action, key, value)
        action.updated_at = utcnow()
        verb = "board.action_update"
    db.add(action)
    db.flush()
    audit.record(verb, target=f"board_action:{action.id}", board_id=board.id,
                 detail={"quarter": action.quarter, "status": action.status})
    return action
