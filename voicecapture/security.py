"""Headers, CSRF and compression for every response."""
from __future__ import annotations

from flask import request
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
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
# Limits are declared on the routes they guard (sign-in, password links); storage from RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)


def init_app(app) -> None:
    csrf.init_app(app)
    compress.init_app(app)
    limiter.init_app(app)
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
    if request.endpoint and request.endpoint.startswith("respond."):
        response.headers["Cache-Control"] = "no-store"
    return response
