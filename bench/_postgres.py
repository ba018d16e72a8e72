"""PostgreSQL for the benchmarks: Debian's server on loopback (voicecapture.local_services), tuned like a
small production server, either thrown away afterwards or kept in bench/results/ with its data loaded.

    with throwaway_cluster() as cluster:        # an empty cluster in a temporary folder, removed afterwards
        url = cluster.create_database("voicecapture")
    with kept_cluster() as cluster:             # bench/results/postgres/, kept between runs
        url, timings = loaded_database(cluster, sqlite_file)   # copied from the SQLite file the first time

Durability stays as in production: fsync, synchronous_commit and full_page_writes keep their defaults (on),
unlike the test suite's clusters.
"""
from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from _data import RESULTS, migrate
from _server import process_tree_cpu_seconds

from voicecapture.local_services import PostgresCluster, free_port, postgres_tool

KEPT_FOLDER = RESULTS / "postgres"

# A small dedicated database server (2 cores, a few GiB of memory for PostgreSQL) with SSD storage.
SERVER_SETTINGS = {
    "shared_buffers": "1GB",
    "effective_cache_size": "3GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "512MB",
    "random_page_cost": "1.1",
    "checkpoint_completion_target": "0.9",
    "max_wal_size": "4GB",  # a million responses' load would otherwise checkpoint every few seconds
}


def describe_settings() -> str:
    return ", ".join(f"{key}={value}" for key, value in SERVER_SETTINGS.items()) + "; fsync on"


@contextlib.contextmanager
def throwaway_cluster():
    """An empty cluster in a temporary folder, stopped and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="vc-bench-pg-"))
    folder.chmod(0o755)  # as root the server runs as the postgres user, which must enter the folder
    cluster = PostgresCluster(folder / "cluster", free_port(), SERVER_SETTINGS)
    try:
        yield cluster.start()
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def kept_cluster(folder: Path = KEPT_FOLDER):
    """The cluster in bench/results/postgres (made on first use), running for the duration only."""
    cluster = PostgresCluster(folder, free_port(), SERVER_SETTINGS)
    if cluster.running():
        raise SystemExit(f"a PostgreSQL cluster is already running in {folder} (another benchmark?); stop it with "
                         f"runuser -u postgres -- {postgres_tool('pg_ctl')} -D {cluster.data} stop")
    try:
        yield cluster.start()
    finally:
        cluster.stop()


def cluster_cpu_seconds(cluster: PostgresCluster) -> float:
    """CPU used so far by the postmaster and every backend, live or exited (reaped backends count in the
    postmaster's children time: connections come and go)."""
    postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    return process_tree_cpu_seconds(postmaster)


def database_name(sqlite_file: Path) -> str:
    return sqlite_file.stem.replace("-", "_")


def loaded_database(cluster: PostgresCluster, sqlite_file: Path) -> tuple[str, dict | None]:
    """The URL of a database holding what `sqlite_file` holds, copied now if the cluster has none yet:
    (url, {"copy": seconds, "vacuum": seconds (VACUUM ANALYZE and CHECKPOINT), "size": bytes on disk}, or None
    when it was already there)."""
    name = database_name(sqlite_file)
    if _exists(cluster, name):
        migrate(cluster.url(name))  # as for the SQLite file: the code may have newer migrations
        return cluster.url(name), None
    partial = f"{name}_partial"
    _drop(cluster, partial)
    url = cluster.create_database(partial)
    timings = copy_from_sqlite(sqlite_file, url)
    _rename(cluster, partial, name)
    return cluster.url(name), timings


def copy_from_sqlite(sqlite_file: Path, url: str) -> dict:
    """Migrate (the SQLite file has the newest schema too: _data.cached_database sees to it), COPY every row,
    reset the id sequences, then VACUUM ANALYZE, as autovacuum would in time (the planner's statistics and the
    visibility map that index-only scans need), and CHECKPOINT, so no timing run shares the disk with the flush
    of the loaded pages."""
    migrate(url)
    started = time.perf_counter()
    with contextlib.closing(sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True)) as source:
        _copy_rows(source, url)
    copied = time.perf_counter() - started
    started = time.perf_counter()
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE)")
        connection.exec_driver_sql("CHECKPOINT")
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    engine.dispose()
    return {"copy": copied, "vacuum": time.perf_counter() - started, "size": size}


def _copy_rows(source: sqlite3.Connection, url: str) -> None:
    """Every table's rows through COPY, in one transaction. Foreign keys are not checked while copying (the
    SQLite file enforced them), so the tables can go in any order."""
    tables = [name for (name,) in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version'")]
    with psycopg.connect(_libpq_url(url)) as target, target.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        for table in tables:
            columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
            quoted = ", ".join(f'"{column}"' for column in columns)
            with cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
                for row in source.execute(f'SELECT {quoted} FROM "{table}"'):
                    copy.write_row(row)
            if "id" in columns:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                               f'COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false) '
                               f"WHERE pg_get_serial_sequence('\"{table}\"', 'id') IS NOT NULL")


def _libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _admin_execute(cluster: PostgresCluster, sql: str, params: dict | None = None):
    """One statement on the maintenance database, outside a transaction (as CREATE and DROP DATABASE need);
    its first row, if it returns rows."""
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            result = connection.execute(text(sql), params or {})
            return result.first() if result.returns_rows else None
    finally:
        engine.dispose()


def _exists(cluster: PostgresCluster, name: str) -> bool:
    return _admin_execute(cluster, "SELECT 1 FROM pg_database WHERE datname = :n", {"n": name}) is not None


def _drop(cluster: PostgresCluster, name: str) -> None:
    _admin_execute(cluster, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _rename(cluster: PostgresCluster, old: str, new: str) -> None:
    _admin_execute(cluster, f'ALTER DATABASE "{old}" RENAME TO "{new}"')


def server_version(url: str) -> str:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        version = connection.execute(text("SHOW server_version")).scalar_one()
    engine.dispose()
    return version

