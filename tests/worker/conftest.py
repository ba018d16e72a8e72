"""Fixtures for the pipeline tests: a real Redis server (Debian's redis-server) and real Celery workers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from voicecapture import create_app
from voicecapture.config import load_settings
from voicecapture.local_services import RedisServer, ServiceError, free_port


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A throwaway Redis server on a free loopback port, started for these tests and stopped after them."""
    try:
        server = RedisServer(tmp_path_factory.mktemp("redis"), free_port()).start()
    except ServiceError as error:
        pytest.fail(f"{error} (bin/ensure-system-packages installs it)")
    yield f"{server.url}/0"
    server.stop()


@dataclass
class Deployment:
    """The environment a web process and its workers share: one database, one broker."""
    env: dict
    instance: Path

    def app(self):
        settings = load_settings(env=self.env)
        app = create_app(settings)
        app.config.update(TESTING=True)
        return app


@pytest.fixture
def deployment(tmp_path, databases, redis_url, model_cache):
    import redis
    redis.Redis.from_url(redis_url).flushdb()  # no messages left over from another test
    env = {"SECRET_KEY": "test-secret", "VOICECAPTURE_INSTANCE": str(tmp_path),
           "DATABASE_URL": databases.new(tmp_path), "REDIS_URL": redis_url,
           "MODEL_CACHE_DIR": str(model_cache),
           "PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", str(tmp_path))}
    return Deployment(env, tmp_path)


@pytest.fixture
def embedded_deployment(deployment):
    """The same, on the embedded default: no REDIS_URL, so the broker is a SQLite file in the instance folder."""
    del deployment.env["REDIS_URL"]
    return deployment


class Worker:
    """A real `celery worker` process on the deployment's broker and database."""

    def __init__(self, deployment: Deployment, name: str):
        celery = Path(sys.executable).parent / "celery"
        self.log = deployment.instance / f"{name}.log"
        self.process = subprocess.Popen(
            [str(celery), "-A", "worker.main", "worker", "--pool", "solo", "--hostname", f"{name}@%h",
             "--queues", "alerts,comments,reports,maintenance", "--loglevel", "info", "--without-gossip",
             "--without-mingle", "--without-heartbeat"],
            cwd=ROOT, env=deployment.env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True)

    def kill(self) -> None:
        """As a crash or an out-of-memory kill would: no chance to finish or hand anything back."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def start_worker(deployment):
    workers: list[Worker] = []

    def start(name: str = "worker") -> Worker:
        worker = Worker(deployment, name)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
