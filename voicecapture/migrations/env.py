"""Alembic environment: the database URL comes from the same settings as the app."""
from alembic import context
from sqlmodel import SQLModel

from voicecapture import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from voicecapture.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    # SQLite alters a table by copying it, which foreign-key enforcement would stop half-way; integrity is
    # checked as a whole once the migrations are done instead.
    engine = make_engine(config.get_main_option("sqlalchemy.url"), foreign_keys=False)
    with engine.connect() as connection:
        # Batch mode lets later migrations alter tables on SQLite too.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")
    engine.dispose()


run_migrations_online()
