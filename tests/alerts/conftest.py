"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and an app that sends to it."""
from __future__ import annotations

import pytest
from aiosmtpd.controller import Controller

from voicecapture.config import load_settings

from voicecapture.local_services import free_port

from ..conftest import app_with_demo_boards
from ..staff.conftest import people  # noqa: F401 - the staff fixture, one account per role


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler name
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def smtp_app(settings, smtp):
    """The app with SMTP settings from the environment, as production gives them."""
    env = {"SECRET_KEY": "test-secret", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp.port), "SMTP_TLS": "none",
           "MAIL_FROM": "VoiceCapture <alerts@voicecapture.test>"}
    smtp_settings = load_settings(env=env, instance_dir=settings.instance_dir, model_cache_dir=settings.model_cache_dir,
                                  database_url=settings.database_url)
    app = app_with_demo_boards(smtp_settings)
    yield app
    app.extensions["db_engine"].dispose()
