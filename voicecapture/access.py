"""Every route makes an explicit access decision, with one of these decorators.

`public` for pages anyone may open; `requires(...)` for staff, by role and, where a route belongs to one
board, by that board. A route with neither is refused outright (see `init_app`), and a test lists any
route that forgets.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Callable, Optional

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user

from .models import ROLES


@dataclass(frozen=True)
class AccessDecision:
    public: bool
    roles: tuple[str, ...] = ()
    board_arg: Optional[str] = None


def public(view: Callable) -> Callable:
    view.access = AccessDecision(public=True)
    return view


def requires(*roles: str, board_arg: Optional[str] = None) -> Callable:
    """Signed-in staff holding one of `roles` (on the board named by the `board_arg` URL part, if given)."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown roles {sorted(unknown)}; roles are {ROLES}")

    decision = AccessDecision(public=False, roles=tuple(roles), board_arg=board_arg)

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("staff.sign_in", next=request.full_path.rstrip("?")))
            if not _allows(decision, kwargs):
                abort(403)
            return view(*args, **kwargs)

        guarded.access = decision
        return guarded
    return decorate


def _allows(decision: AccessDecision, view_args: dict) -> bool:
    if decision.public:
        return True
    board_slug = view_args.get(decision.board_arg) if decision.board_arg else None
    return current_user.is_authenticated and current_user.holds(decision.roles, board_slug=board_slug)


STAFF = ROLES  # any signed-in member of staff


def decision_for(endpoint: str) -> Optional[AccessDecision]:
    view = current_app.view_functions.get(endpoint)
    return getattr(view, "access", None)


def may_open(endpoint: str, view_args: dict) -> bool:
    """Whether the person may use this route, for code that runs before the route's own check (error pages)."""
    decision = decision_for(endpoint)
    return decision is not None and _allows(decision, view_args)


def _refuse_undecided():
    """Fail closed: a route that made no access decision is never served."""
    if request.endpoint is None or request.endpoint == "static":
        return None
    if decision_for(request.endpoint) is None:
        current_app.logger.error("Route %s has no access decision; refused", request.endpoint)
        abort(403)
    return None


def init_app(app) -> None:
    app.before_request(_refuse_undecided)
