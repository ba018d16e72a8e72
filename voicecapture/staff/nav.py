"""The staff navigation: each area of the staff pages adds its own links, shown to the roles that can use them."""
from __future__ import annotations

from dataclasses import dataclass

from flask_login import current_user


@dataclass(frozen=True)
class NavItem:
    label: str
    endpoint: str
    roles: tuple[str, ...]
    description: str = ""


_ITEMS: list[NavItem] = []


def add(label: str, endpoint: str, roles: tuple[str, ...], description: str = "") -> None:
    if all(item.endpoint != endpoint for item in _ITEMS):
        _ITEMS.append(NavItem(label, endpoint, tuple(roles), description))


def visible_items() -> list[NavItem]:
    if not current_user.is_authenticated:
        return []
    return [item for item in _ITEMS if current_user.holds(item.roles)]


def init_app(app) -> None:
    app.jinja_env.globals["staff_nav"] = visible_items
