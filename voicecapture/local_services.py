"""PostgreSQL and Redis servers from Debian's packages, run by us on loopback: `make run-prod` (the production
topology without containers) and the PostgreSQL test run both use them.

PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user the package creates.
"""
from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path
from typing import Optional


class ServiceError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_tool(name: str) -> str:
    """Debian keeps the server's programs out of PATH, under /usr/lib/postgresql/<version>/bin."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    path = found[-1] if found else shutil.which(name)
    if not path:
        raise ServiceError(f"{name} is missing: install Debian's postgresql package (bin/ensure-system-packages does)")
    return path


class PostgresCluster:
    """A cluster in `folder` (created on first start, kept after), listening on 127.0.0.1:`port`.

    The superuser `postgres` has a password, kept in `folder`/password; `settings` are extra server settings."""

    def __init__(self, folder: Path, port: int, settings: Optional[dict] = None):
        self.folder, self.port, self.settings = Path(folder).resolve(), port, settings or {}
        self.data = self.folder / "data"
        self._as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self._started = False

    @property
    def password(self) -> str:
        return (self.folder / "password").read_text().strip()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres:{self.password}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as_postgres, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        if done.returncode:
            raise ServiceError(f"{Path(args[0]).name} failed ({done.returncode}): {done.stdout.strip()[-2000:]}")

    def _check_reachable(self) -> None:
        """As root the server runs as `postgres`, which must be able to pass through every folder above its own."""
        for parent in self.folder.parents:
            if parent.exists() and not parent.stat().st_mode & 0o001:
                raise ServiceError(f"PostgreSQL runs as the postgres user, which cannot enter {parent}: keep the "
                                   f"data in a folder it can reach (RUN_PROD_DIR), or run as an ordinary user")

    def _initdb(self) -> None:
        if self._as_postgres:
            self._check_reachable()
        self.folder.mkdir(parents=True, exist_ok=True)
        password = self.folder / "password"
        password.write_text(secrets.token_hex(16) + "\n")
        password.chmod(0o600)
        if self._as_postgres:
            uid = pwd.getpwnam("postgres").pw_uid
            os.chown(self.folder, uid, -1)
            os.chown(password, uid, -1)
        self._run(postgres_tool("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=scram-sha-256",
                  f"--pwfile={password}", "-E", "UTF8", "--locale=C.UTF-8")

    def running(self) -> bool:
        status = [*self._as_postgres, postgres_tool("pg_ctl"), "-D", str(self.data), "status"]
        return (self.data / "PG_VERSION").exists() and subprocess.run(status, stdout=subprocess.DEVNULL).returncode == 0

    def start(self) -> "PostgresCluster":
        """Start it, unless it is already running (then it is left running afterwards too)."""
        if self.running():
            return self
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        options = {"listen_addresses": "127.0.0.1", "unix_socket_directories": str(self.folder), **self.settings}
        flags = f"-p {self.port} " + " ".join(f"-c {key}={value}" for key, value in options.items())
        self._run(postgres_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", flags, "-w", "-t", "60", "start")
        self._started = True
        return self

    def create_database(self, name: str) -> str:
        """The database's URL, creating it if it does not exist yet."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with engine.connect() as connection:
            if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
                connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        engine.dispose()
        return self.url(name)

    def stop(self, mode: str = "fast") -> None:
        if not self._started:
            return
        self._started = False
        subprocess.run([*self._as_postgres, postgres_tool("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class RedisServer:
    """redis-server on 127.0.0.1:`port`, with its append-only file in `folder` so queued tasks survive a restart."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = Path(folder).resolve(), port
        self.process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self) -> "RedisServer":
        """Start it, unless one already answers on the port (then it is left running afterwards too)."""
        if self._answers():
            return self
        server = shutil.which("redis-server")
        if not server:
            raise ServiceError("redis-server is missing: install Debian's redis-server package")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [server, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder), "--appendonly", "yes",
             "--appendfsync", "everysec", "--save", "", "--logfile", str(self.folder / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise ServiceError(f"redis-server did not start on port {self.port}: see {self.folder / 'redis.log'}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
