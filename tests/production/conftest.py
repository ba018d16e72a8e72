"""The production topology, for real: `bin/run-prod` (as `make run-prod` starts it) with its own PostgreSQL and
Redis from Debian's packages, gunicorn, both workers and beat, each a process of its own.

These tests run in the PostgreSQL pass of `make test`: the topology is always on PostgreSQL, so running it
again in the SQLite pass would test nothing new.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from voicecapture.local_services import PostgresCluster, RedisServer, free_port

from ..databases import POSTGRESQL, query
from ..waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 240
# Settings that would point the deployment elsewhere than its own folder, database and broker.
_UNSET = ("DATABASE_URL", "REDIS_URL", "VOICECAPTURE_INSTANCE", "VOICECAPTURE_ENV", "RATELIMIT_STORAGE_URI",
          "LANGUAGES", "SURVEYS_DIR", "TRANSLATIONS_DIR", "SECRET_KEY", "CONTACT_KEY", "BASE_URL", "MAIL_DIR")

LEAD_EMAIL = "lead@eastmere.example"
# Run by `bin/run-prod python -c`: the demo boards and one safeguarding lead, the only setup a board needs.
SETUP = f"""
from voicecapture import create_app
from voicecapture.data.boards import board_by_slug, upsert_board
from voicecapture.data.users import create_user, user_by_email
from voicecapture.db import transaction
from voicecapture.demo import DEMO_BOARDS
app = create_app()
with app.app_context():
    with transaction():
        for spec in DEMO_BOARDS:
            upsert_board(**spec)
    with transaction():
        if not user_by_email("{LEAD_EMAIL}"):
            board = board_by_slug("eastmere-sab")
            create_user("{LEAD_EMAIL}", "Demo Lead", "correct horse battery staple", [("safeguarding_lead", board.id)])
"""




@dataclass
class Deployment:
    state: Path
    port: int
    redis_port: int
    env: dict
    process: subprocess.Popen
    database_url: str
    log: Path
    restarted_redis: list = field(default_factory=list)  # servers the test started: it stops them too

    def pid(self, name: str) -> int:
        return int((self.state / "pids" / f"{name}.pid").read_text())

    def kill(self, name: str) -> int:
        """SIGKILL, as a crash or the out-of-memory killer would: no chance to finish or hand work back."""
        pid = self.pid(name)
        os.kill(pid, signal.SIGKILL)
        return pid

    def restart_redis(self, down_seconds: float) -> RedisServer:
        """Kill Redis, leave it down a while, start it again on the same port and data (its append-only file)."""
        self.kill("redis")
        time.sleep(down_seconds)
        server = RedisServer(self.state / "redis", self.redis_port).start()
        self.restarted_redis.append(server)
        return server

    def healthy(self) -> bool:
        """The web answers /healthz (False while it is starting again, rather than an error)."""
        return _healthy(self.port)

    def count(self, sql: str) -> int:
        return query(self.database_url, sql)[0][0]

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return answer.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="module")
def production(model_cache):
    if not POSTGRESQL:
        pytest.skip("the production topology runs in the PostgreSQL pass (VOICECAPTURE_TEST_DATABASE=postgresql)")
    # Not under pytest's own temporary folder: PostgreSQL runs as the postgres user, which cannot enter it.
    state = Path(tempfile.mkdtemp(prefix="voicecapture-prod-"))
    state.chmod(0o755)
    port, pg_port, redis_port = free_port(), free_port(), free_port()
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    env.update(RUN_PROD_DIR=str(state), PORT=str(port), PG_PORT=str(pg_port), REDIS_PORT=str(redis_port),
               BIN=str(Path(sys.executable).parent), MODEL_CACHE_DIR=str(model_cache),
               # The sweep every 5 s, not 5 minutes, so a test need not wait long for what it re-queues.
               SWEEP_SECONDS="5",
               # Fifty clients on one address: the respondent rate limit is tested on its own.
               PUBLIC_RATE_LIMIT="1000000 per minute")
    run_prod = [sys.executable, str(ROOT / "bin" / "run-prod")]
    log = state / "run-prod.log"
    process = subprocess.Popen(run_prod, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    deployment = Deployment(state, port, redis_port, env, process, "", log)
    try:
        wait_for(lambda: _healthy(port) or process.poll() is not None, START_SECONDS, "the web to answer /healthz")
        assert process.poll() is None, f"run-prod stopped:\n{deployment.output()}"
        subprocess.run([*run_prod, "python", "-c", SETUP], env=env, cwd=ROOT, check=True)
        deployment.database_url = PostgresCluster(state / "postgres", pg_port).url("voicecapture")
        yield deployment
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for server in deployment.restarted_redis:
            server.stop()
        shutil.rmtree(state, ignore_errors=True)
