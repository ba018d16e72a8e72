"""The migrations build exactly the tables the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from voicecapture import models  # noqa: F401
from voicecapture.db import make_engine
from voicecapture.migrate import upgrade


def test_migrations_match_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []


def test_upgrade_keeps_existing_data_and_downgrade_works(tmp_path):
    """Later migrations run on a database that already holds boards, invitations and responses."""
    import sqlite3

    from alembic import command

    from voicecapture.migrate import alembic_config
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "71371c9a9a65")  # the first release
    db = sqlite3.connect(tmp_path / "old.db")
    db.execute("insert into board (slug, name, kind, help_phone, help_text, quick_exit_url, created_at) "
               "values ('b', 'Board', 'adults', '', '', '', '2026-01-01 00:00:00')")
    db.execute("insert into invitation (token, board_id, survey_id, agency, area, work_kind, risk_type, risk_location, "
               "language, max_uses, uses, created_at) values ('t', 1, 'msp-adult', '', '', '', '', '', '', 1, 0, "
               "'2026-01-01 00:00:00')")
    db.commit()
    db.close()
    upgrade(url)
    db = sqlite3.connect(tmp_path / "old.db")
    assert db.execute("select slug, brand_colour, languages from board").fetchall() == [("b", "", "[]")]
    assert db.execute("select token, batch from invitation").fetchall() == [("t", "")]
    db.close()
    command.downgrade(alembic_config(url), "base")
