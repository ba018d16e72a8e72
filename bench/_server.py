"""Shared helper for the benchmarks: start VoiceCapture under gunicorn on a fresh database, or use --url.

    with bench_server() as server:          # migrated temp database, demo boards, gunicorn with 2 workers
        server.url, server.database_url, server.pids()
    with bench_server(database="postgresql", redis=True) as server:   # as production: PostgreSQL and Redis
        server.services                     # {"PostgreSQL": cpu_seconds, "Redis": cpu_seconds}

The standard library only, unless PostgreSQL is asked for (then SQLAlchemy and psycopg, from the app's venv).
"""
from __future__ import annotations

import base64
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"

OPEN_LINKS = {
    "msp-adult": "/s/northvale-sab/msp-adult",
    "feel-safer": "/s/eastmere-sab/feel-safer",
    "child-review": "/s/northvale-scp/child-review",
    "parent-conference": "/s/northvale-scp/parent-conference",
}

CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bin(name: str) -> str:
    path = VENV_BIN / name
    return str(path) if path.exists() else name


@dataclass
class Service:
    """What the server is given: a name and description, the settings that point the app at it, and its CPU so
    far (None when it runs inside the app, as SQLite does)."""
    name: str
    label: str
    env: dict
    cpu_seconds: Callable[[], float] | None = None


@dataclass
class Server:
    url: str
    database_url: str | None = None  # None when measuring a server given with --url
    master_pid: int | None = None
    workers: int = 0
    log_path: Path | None = None
    database: str = ""
    broker: str = ""
    # CPU seconds so far of the processes outside gunicorn that serve it (database server, Redis), by name.
    services: dict[str, Callable[[], float]] = field(default_factory=dict)

    def pids(self) -> list[int]:
        """The gunicorn master and every process below it (the workers)."""
        if self.master_pid is None:
            return []
        return [self.master_pid, *descendants(self.master_pid)]

    def cpu_seconds(self) -> float:
        """user + system CPU of the master and the workers alive now (from /proc/<pid>/stat)."""
        return sum(process_cpu_seconds(pid) for pid in self.pids())


def descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        children = []
        task_dir = Path(f"/proc/{parent}/task")
        try:
            for task in task_dir.iterdir():
                try:
                    children += [int(c) for c in (task / "children").read_text().split()]
                except OSError:
                    pass
        except OSError:
            pass
        if not children:  # kernels without CONFIG_PROC_CHILDREN: scan /proc for the parent pid
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit() and _ppid(int(entry.name)) == parent:
                    children.append(int(entry.name))
        found += children
        frontier += children
    return found


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may contain spaces.
    return raw[raw.rindex(")") + 2:].split()


def _ppid(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def process_cpu_seconds(pid: int) -> float:
    """utime + stime of one process (fields 14 and 15 of /proc/<pid>/stat)."""
    fields = _stat_fields(pid)
    if not fields:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def process_tree_cpu_seconds(pid: int) -> float:
    """CPU of a process and everything below it, including children that have exited: a reaped child's time
    moves into its parent's cutime + cstime (fields 16 and 17), which is how short-lived backends count."""
    total = 0.0
    for member in (pid, *descendants(pid)):
        fields = _stat_fields(member)
        if fields:
            total += sum(int(value) for value in fields[11:15]) / CLK_TCK
    return total


def wait_healthy(url: str, timeout: float = 30.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError) as error:
            last = error
        time.sleep(0.2)
    raise RuntimeError(f"{url}/healthz did not answer within {timeout:.0f} s ({last})")


def sqlite_database(folder: Path, _services: contextlib.ExitStack) -> Service:
    return Service("SQLite", "SQLite, a fresh file (WAL), inside the gunicorn workers",
                   {"DATABASE_URL": f"sqlite:///{folder / 'bench.db'}"})


def postgresql_database(_folder: Path, services: contextlib.ExitStack) -> Service:
    from _postgres import cluster_cpu_seconds, describe_settings, server_version, throwaway_cluster
    cluster = services.enter_context(throwaway_cluster())
    url = cluster.create_database("voicecapture")
    return Service("PostgreSQL",
                   f"PostgreSQL {server_version(url)}, a throwaway cluster on loopback ({describe_settings()})",
                   {"DATABASE_URL": url}, lambda: cluster_cpu_seconds(cluster))


DATABASES = {"sqlite": sqlite_database, "postgresql": postgresql_database}


def broker(folder: Path, services: contextlib.ExitStack, redis: bool) -> Service:
    """Without Redis, Celery queues through kombu's SQLAlchemy transport on a SQLite file and rate-limit counts
    stay in each worker's memory; with it, both go to Redis, as `make run-prod` and docker-compose.yml set."""
    if not redis:
        return Service("SQLite broker", "kombu's SQLAlchemy transport on a SQLite file (no REDIS_URL); rate-limit "
                       "counts in each worker's memory", {})
    from voicecapture.local_services import RedisServer
    server = RedisServer(folder / "redis", free_port()).start()
    services.callback(server.stop)
    return Service("Redis", "Redis, a throwaway redis-server on loopback (REDIS_URL for Celery, "
                   "RATELIMIT_STORAGE_URI for rate-limit counts, as in production)",
                   {"REDIS_URL": f"{server.url}/0", "RATELIMIT_STORAGE_URI": f"{server.url}/1"},
                   lambda: process_tree_cpu_seconds(server.process.pid))


@contextlib.contextmanager
def bench_server(url: str | None = None, workers: int = 2, quiet: bool = True, database: str = "sqlite",
                 redis: bool = False):
    """Yield a Server: the one at `url`, or a fresh gunicorn on a temporary migrated database (SQLite, or a
    throwaway PostgreSQL cluster), with Celery's broker in a SQLite file or a throwaway Redis."""
    if url:
        url = url.rstrip("/")
        wait_healthy(url, timeout=10)
        yield Server(url=url)
        return

    with tempfile.TemporaryDirectory(prefix="vc-bench-") as tmp, contextlib.ExitStack() as services:
        tmp_path = Path(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        store = DATABASES[database](tmp_path, services)
        queue = broker(tmp_path, services, redis)
        env = {
            **os.environ,
            "VOICECAPTURE_INSTANCE": str(tmp_path),
            **store.env,
            **queue.env,
            "SECRET_KEY": "bench",
            "CONTACT_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),  # a Fernet key: production needs one
            # One address sends everything here: the respondent rate limit would measure itself.
            "PUBLIC_RATE_LIMIT": "1000000 per minute",
            "BASE_URL": base,
        }
        env.pop("VOICECAPTURE_ENV", None)
        setup_out = subprocess.DEVNULL if quiet else None
        for command in (["db", "upgrade"], ["demo-data", "--responses", "0"]):
            subprocess.run([_bin("voicecapture"), *command], cwd=ROOT, env=env, check=True,
                           stdout=setup_out)

        log_path = tmp_path / "gunicorn.log"
        server_env = {**env, "VOICECAPTURE_ENV": "production"}
        with open(log_path, "wb") as log:
            process = subprocess.Popen(
                [_bin("gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                 "--error-logfile", "-", "voicecapture.wsgi:app"],
                cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(base, timeout=60, process=process)
            yield Server(url=base, database_url=store.env["DATABASE_URL"], master_pid=process.pid, workers=workers,
                         log_path=log_path, database=store.label, broker=queue.label,
                         services={service.name: service.cpu_seconds for service in (store, queue)
                                   if service.cpu_seconds})
        except BaseException:
            if log_path.exists():
                sys.stderr.write(log_path.read_text(errors="replace")[-3000:])
            raise
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop of master and workers
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
