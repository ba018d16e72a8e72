"""VoiceCapture: hearing the people that safeguarding services work with."""
from __future__ import annotations

from . import numeric_threads  # noqa: F401 - first, before anything loads NumPy
from flask import Flask
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader

from flask_login import LoginManager

from . import access, db, i18n, security
from .config import Settings, load_settings
from .surveys.catalogue import load_catalogue


def create_app(settings: Settings | None = None) -> Flask:
    """The one application factory: the web server, the CLI and the tests all build the app here."""
    settings = settings or load_settings()
    app = Flask(__name__)
    app.config.update(settings.flask_config())
    app.jinja_loader = ChoiceLoader([
        PackageLoader("voicecapture"),
        PackageLoader("worker"),  # the report templates, which the worker and the report pages both draw
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # A survey file with any problem stops the app here, rather than serving half a survey.
    app.extensions["surveys"] = load_catalogue(settings.surveys_dir)
    db.init_app(app)
    i18n.init_app(app)
    security.init_app(app)

    from . import pages, respond, staff, templating
    from .data.users import load_user
    from .staff import account, nav
    from .surveys import wording
    wording.init_app(app)
    templating.init_app(app)
    pages.init_app(app)
    access.init_app(app)
    login = LoginManager(app)
    login.user_loader(load_user)
    app.register_blueprint(respond.blueprint)
    app.register_blueprint(staff.blueprint)
    account.init_app(app)
    nav.init_app(app)
    from worker.celery_app import create_celery
    app.extensions["celery"] = create_celery(app)
    return app
