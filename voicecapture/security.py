"""Headers, CSRF and compression for every response, and the size limit of each request."""
from __future__ import annotations

from typing import Callable

from flask import current_app, request
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise

CSP = "; ".join([
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])

csrf = CSRFProtect()
compress = Compress()
# Limits are declared on what they guard (sign-in, password links, codes, every respondent page); storage from
# RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)


def allows_uploads_up_to(max_bytes: int) -> Callable:
    """A route that takes files bigger than MAX_CONTENT_LENGTH (64 KB for every other route): its own limit."""
    def decorate(view: Callable) -> Callable:
        view.max_content_length = max_bytes
        return view
    return decorate


def _route_size_limit() -> None:
    limit = getattr(current_app.view_functions.get(request.endpoint), "max_content_length", None)
    if limit is not None:
        request.max_content_length = limit


def init_app(app) -> None:
    # First: CSRF protection reads the form, and the route's own limit must apply by then.
    app.before_request(_route_size_limit)
    csrf.init_app(app)
    compress.init_app(app)
    limiter.init_app(app)
    proxies = app.config["SETTINGS"].proxy_count
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    static_dir = app.static_folder
    # WhiteNoise serves the static files itself, with the .gz files made at build time.
    app.wsgi_app = WhiteNoise(app.wsgi_app, root=static_dir, prefix="static/", max_age=31536000 if
                              app.config["SETTINGS"].production else 60)
    app.after_request(_headers)


def _headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    # Token links must never leak to another site, least of all to the quick-exit destination.
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if current_app.config["SETTINGS"].production:
        # Browsers only ever use https for this site once they have seen it (the deployment terminates TLS).
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint and request.endpoint.startswith("respond."):
        response.headers["Cache-Control"] = "no-store"
    return response
