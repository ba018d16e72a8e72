"""Fixtures for the real-browser tests: a gunicorn server on a fresh database, and Debian's Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from voicecapture.local_services import free_port

from .helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, STAFF_PASSWORD, TIMEOUT_MS, install_routes

# Never let Playwright fetch a browser of its own.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

SERVER_START_SECONDS = 30
# Settings that would make the server differ from the one these tests describe.
_UNSET = ("LANGUAGES", "SURVEYS_DIR", "TRANSLATIONS_DIR", "VOICECAPTURE_ENV", "QUICK_EXIT_URL", "DRAFT_DAYS")


def _tool(name: str) -> str:
    for candidate in (Path(sys.executable).parent / name, ROOT / ".venv" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"cannot find the {name!r} command (looked next to {sys.executable} and in {ROOT}/.venv/bin)")
    return found


@dataclass(frozen=True)
class LiveServer:
    base_url: str
    database_url: str
    instance_dir: Path


def _run(args: list[str], env: dict) -> None:
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, model_cache, databases):
    instance = tmp_path_factory.mktemp("voicecapture")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    database_url = databases.empty(instance)
    env = {key: value for key, value in os.environ.items() if key not in _UNSET}
    env.update(VOICECAPTURE_INSTANCE=str(instance), DATABASE_URL=database_url,
               SECRET_KEY="test-secret", BASE_URL=base_url,
               MODEL_CACHE_DIR=str(model_cache),
               PUBLIC_RATE_LIMIT="1000000 per minute")  # every test's browser is the same address
    cli = _tool("voicecapture")
    _run([cli, "db", "upgrade"], env)
    _run([cli, "alerts", "check"], env)  # trains the screening classifier once, as a deployment would
    _run([cli, "demo-data", "--responses", "0"], env)

    log_path = instance / "gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [_tool("gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}", "voicecapture.wsgi:app"],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"gunicorn exited with {server.returncode}:\n{log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"{base_url}/healthz did not answer 200 within {SERVER_START_SECONDS}s:\n"
                            f"{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield LiveServer(base_url=base_url, database_url=database_url, instance_dir=instance)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server.base_url


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing. The browser tests need Debian's chromium package "
                    "(apt-get install chromium); Playwright's own browser download is never used.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_context(chromium):
    """Factory for browser contexts that cannot reach the real network; all are closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 375, "height": 667})
        context = chromium.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        install_routes(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()



@pytest.fixture(scope="session")
def cli(live_server):
    """Run a `voicecapture` command on the live server's database, as someone with shell access would."""
    env = {**os.environ, "DATABASE_URL": live_server.database_url, "SECRET_KEY": "test-secret",
           "VOICECAPTURE_INSTANCE": str(live_server.instance_dir)}

    def run(*args: str) -> str:
        result = subprocess.run([_tool("voicecapture"), *args], env=env, cwd=ROOT, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, f"voicecapture {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout
    return run


@pytest.fixture(scope="session")
def make_staff(live_server):
    """Make a staff account in the live server's database with the CLI, as an administrator would."""
    env = {**os.environ, "DATABASE_URL": live_server.database_url, "SECRET_KEY": "test-secret",
           "VOICECAPTURE_INSTANCE": str(live_server.instance_dir)}

    def make(email: str, role: str, board: str | None = None, name: str | None = None) -> str:
        args = [_tool("voicecapture"), "user", "create", "--email", email, "--name", name or f"Axe {role}",
                "--role", role, "--password-stdin"] + (["--board", board] if board else [])
        subprocess.run(args, input=STAFF_PASSWORD + "\n", env=env, cwd=ROOT, check=True, capture_output=True,
                       text=True)
        return email
    return make
