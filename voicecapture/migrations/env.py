"""Alembic environment: the database URL comes from the same settings as the app."""
from alembic import context
from sqlmodel import SQLModel

from voicecapture import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from voicecapture.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        # Batch mode lets later migrations alter tables on SQLite too.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
