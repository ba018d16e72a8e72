"""Uploads over their route's size limit (413): each upload page says so itself, to people who may open it.

The request is refused when its form is first read (by CSRF protection, before the route and its access check
run), so the route's access decision is checked here again.
"""
from __future__ import annotations

from typing import Callable

from flask import request

from ..access import may_open
from ..pages import error_page
from . import blueprint

_PAGES: dict[str, Callable] = {}


def page_for(endpoint: str) -> Callable:
    """Register how `endpoint` shows a too-big upload: called with the route's URL parts, it returns a
    response, or None for the usual error page (a URL naming nothing, say)."""
    def register(render: Callable) -> Callable:
        _PAGES[endpoint] = render
        return render
    return register


@blueprint.errorhandler(413)
def _too_large(error):
    render = _PAGES.get(request.endpoint)
    view_args = request.view_args or {}
    page = render(**view_args) if render and may_open(request.endpoint, view_args) else None
    return page or error_page(error)
