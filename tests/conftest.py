"""Fixtures: each test gets a fresh app on its own migrated database (SQLite, or PostgreSQL: see databases.py)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from voicecapture import create_app
from voicecapture.cli import main
from voicecapture.config import load_settings

from .databases import TestDatabases
from .pages import RespondentClient


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    """Migrate once with Alembic (as users do); each test gets a copy."""
    found = TestDatabases(tmp_path_factory.mktemp("template"))
    yield found
    found.close()


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory):
    """Theme models built once for the whole run and shared with worker processes, as in production."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture
def settings(tmp_path, databases, model_cache):
    return load_settings(env={"SECRET_KEY": "test-secret"}, instance_dir=tmp_path, model_cache_dir=model_cache,
                         database_url=databases.new(tmp_path))


def app_with_demo_boards(settings):
    """An app for tests, on these settings, with the demo boards in its database."""
    app = create_app(settings)
    app.config.update(TESTING=True)
    with app.app_context():
        from voicecapture.demo import DEMO_BOARDS
        from voicecapture.data.boards import upsert_board
        for spec in DEMO_BOARDS:
            upsert_board(**spec)
    return app


@pytest.fixture
def app(settings):
    app = app_with_demo_boards(settings)
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def run(tmp_path, monkeypatch, databases):
    """The voicecapture command, run as a user would, on its own database (run.database_url), migrated by it."""
    url = databases.empty(tmp_path, "cli")
    monkeypatch.setenv("VOICECAPTURE_INSTANCE", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SECRET_KEY", "x")
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, list(args), catch_exceptions=False)
    assert invoke("db", "upgrade").exit_code == 0
    invoke.database_url = url
    return invoke


@pytest.fixture
def client(app):
    return RespondentClient(app)


@pytest.fixture
def db(app):
    """A plain session for assertions about what was stored."""
    from sqlmodel import Session
    with Session(app.extensions["db_engine"]) as session:
        yield session
