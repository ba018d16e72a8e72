"""The migrations build exactly the tables the models describe, on SQLite and on PostgreSQL."""
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from voicecapture import models  # noqa: F401
from voicecapture.db import make_engine
from voicecapture.migrate import alembic_config, upgrade

from .databases import query


def test_migrations_match_models(tmp_path, databases):
    url = databases.empty(tmp_path, "m")
    upgrade(url)
    engine = make_engine(url)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_keeps_existing_data_and_downgrade_works(tmp_path, databases):
    """Later migrations run on a database that already holds boards, invitations and responses."""
    url = databases.empty(tmp_path, "old")
    upgrade(url, "71371c9a9a65")  # the first release
    query(url, "insert into board (slug, name, kind, help_phone, help_text, quick_exit_url, created_at) "
               "values ('b', 'Board', 'adults', '', '', '', '2026-01-01 00:00:00')")
    query(url, "insert into invitation (token, board_id, survey_id, agency, area, work_kind, risk_type, risk_location, "
               "language, max_uses, uses, created_at) values ('t', (select id from board), 'msp-adult', '', '', '', '', "
               "'', '', 1, 0, '2026-01-01 00:00:00')")
    upgrade(url)
    assert query(url, "select slug, brand_colour, cast(languages as text) from board") == [("b", "", "[]")]
    assert query(url, "select token, batch from invitation") == [("t", "")]
    command.downgrade(alembic_config(url), "base")
