"""The database every test runs on: SQLite (the embedded default) or a real PostgreSQL server.

`VOICECAPTURE_TEST_DATABASE=postgresql` runs the whole suite on PostgreSQL. The suite then starts its own
throwaway cluster from Debian's `postgresql` package (initdb in a temporary folder, on a free loopback port,
tuned for speed and thrown away afterwards), or uses the server at `VOICECAPTURE_TEST_POSTGRES_URL` if set
(a URL whose user may create databases). Either way, the schema is migrated once with Alembic into a template
database and every test gets its own copy: `CREATE DATABASE ... TEMPLATE` takes a few milliseconds.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from voicecapture.local_services import PostgresCluster, free_port
from voicecapture.migrate import upgrade

BACKEND = os.environ.get("VOICECAPTURE_TEST_DATABASE", "sqlite")
if BACKEND not in ("sqlite", "postgresql"):
    raise SystemExit(f"VOICECAPTURE_TEST_DATABASE is {BACKEND!r}; use sqlite or postgresql")
POSTGRESQL = BACKEND == "postgresql"


# Durability is not what is under test: without fsync each test's CREATE DATABASE takes milliseconds.
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "max_connections": "400"}


class TestDatabases:
    """Hands out a fresh, migrated database per test on the chosen backend."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self._numbers = itertools.count(1)
        self._cluster: Optional[PostgresCluster] = None
        if POSTGRESQL:
            admin_url = os.environ.get("VOICECAPTURE_TEST_POSTGRES_URL")
            if not admin_url:
                self._folder = Path(tempfile.mkdtemp(prefix="voicecapture-pg-"))
                self._cluster = PostgresCluster(self._folder, free_port(), FAST).start()
                admin_url = self._cluster.url()
            self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")
            self.prefix = f"vc_test_{os.getpid()}_"
            self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
            self._template = self._create(self.prefix + "template")
            upgrade(self._template)
        else:
            self._template = workdir / "template.db"
            upgrade(f"sqlite:///{self._template}")

    def _create(self, name: str, template: Optional[str] = None) -> str:
        with self._admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def new(self, folder: Path, name: str = "test") -> str:
        """The URL of a new database holding the migrated schema and nothing else."""
        if POSTGRESQL:
            return self._create(f"{self.prefix}{next(self._numbers)}", template=self.prefix + "template")
        path = folder / f"{name}.db"
        shutil.copy(self._template, path)
        return f"sqlite:///{path}"

    def empty(self, folder: Path, name: str = "empty") -> str:
        """The URL of a new database with no tables at all (for migration tests and `voicecapture db upgrade`)."""
        if POSTGRESQL:
            return self._create(f"{self.prefix}{next(self._numbers)}")
        return f"sqlite:///{folder / f'{name}.db'}"

    def close(self) -> None:
        if POSTGRESQL:
            self._admin.dispose()
            if self._cluster:
                self._cluster.stop(mode="immediate")
                shutil.rmtree(self._folder, ignore_errors=True)


def query(url: str, sql: str, **params) -> list[tuple]:
    """Rows from plain SQL (committed, if it changes anything) on either backend, for tests that look
    underneath the data layer."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def scalar(url: str, sql: str, **params):
    return query(url, sql, **params)[0][0]
