"""GOV.UK Frontend macros for a question, rendered once per distinct input and kept.

The macros are pure functions of their parameters, and a question page is drawn from a handful of
parameter sets (per question, language, answer chosen and error). The macros are the largest cost of a
page, so their output is cached per process. Free text a person typed is never cached.
"""
from __future__ import annotations

import json
import threading
from collections import OrderedDict

from flask import current_app
from markupsafe import Markup

MACROS = {
    "radios": ("govuk_frontend_jinja/components/radios/macro.html", "govukRadios"),
    "checkboxes": ("govuk_frontend_jinja/components/checkboxes/macro.html", "govukCheckboxes"),
    "textarea": ("govuk_frontend_jinja/components/textarea/macro.html", "govukTextarea"),
}
CACHE_SIZE = 4096

_cache: OrderedDict[str, Markup] = OrderedDict()
_lock = threading.Lock()


def _render(component: dict) -> Markup:
    template, name = MACROS[component["macro"]]
    macro = getattr(current_app.jinja_env.get_template(template).module, name)
    return Markup(macro(component["params"]))


def render_component(component: dict) -> Markup:
    if component["params"].get("value"):
        return _render(component)
    key = json.dumps(component, sort_keys=True, default=str, ensure_ascii=False)
    with _lock:
        html = _cache.get(key)
        if html is not None:
            _cache.move_to_end(key)
            return html
    html = _render(component)
    with _lock:
        _cache[key] = html
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return html
