"""Alert emails: a link into the app and nothing else a stranger reading over a shoulder could use.

No answers, no free text, no categories: only the board, when it was raised, when it is due and the link.
Sent through SMTP when SMTP_HOST is set; otherwise written as .eml files to MAIL_DIR, so nothing is lost on a
machine with no mail server and the messages can be read.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from zoneinfo import ZoneInfo

SUBJECTS = {
    "new": "Safeguarding alert {id} for {board}: please acknowledge",
    "reopened": "Safeguarding alert {id} for {board} has new answers: please look again",
    "escalation": "Escalated: safeguarding alert {id} for {board} has not been acknowledged",
    "contact": "Safeguarding alert {id} for {board}: the person asked to be contacted",
}
OPENINGS = {
    "new": "A response to a {board} survey may need a safeguarding response.",
    "reopened": "A person added answers that raised safeguarding alert {id} again.",
    "escalation": "Safeguarding alert {id} was raised at {raised} and nobody has acknowledged it yet. "
                  "You are the escalation contact for {board}.",
    "contact": "The person who raised safeguarding alert {id} asked to be contacted.",
}


def compose(*, kind: str, alert, board_name: str, recipient: str, link: str, sender: str, zone: str) -> EmailMessage:
    local = ZoneInfo(zone)
    facts = {"id": alert.id, "board": board_name,
             "raised": alert.raised_at.astimezone(local).strftime("%H:%M on %A %d %B %Y"),
             "due": alert.due_at.astimezone(local).strftime("%H:%M on %A %d %B %Y")}
    message = EmailMessage()
    message["Subject"] = SUBJECTS[kind].format(**facts)
    message["From"] = sender
    message["To"] = recipient
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = make_msgid(domain="voicecapture")
    message.set_content("\n\n".join([
        OPENINGS[kind].format(**facts),
        f"Open the alert (sign-in needed):\n{link}",
        f"Please acknowledge it by {facts['due']}." if alert.status == "new" else "",
        "This email holds no answers: everything is in the app, where who reads it is recorded.",
    ]).replace("\n\n\n\n", "\n\n") + "\n")
    return message


def deliver(message: EmailMessage, settings) -> None:
    """Send through SMTP, or write to the mail folder when no SMTP server is set. Raises on failure."""
    if not settings.smtp_host:
        _write(message, Path(settings.mail_dir))
        return
    if settings.smtp_tls == "ssl":
        client = smtplib.SMTP_SSL(settings.smtp_host, settings.smtp_port, timeout=20,
                                  context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=20)
    with client:
        if settings.smtp_tls == "starttls":
            client.starttls(context=ssl.create_default_context())
        if settings.smtp_username:
            client.login(settings.smtp_username, settings.smtp_password)
        client.send_message(message)


def _write(message: EmailMessage, folder: Path) -> None:
    """Whole files only: written under a temporary name, then renamed."""
    folder.mkdir(parents=True, exist_ok=True)
    name = message["Message-ID"].strip("<>").replace("@", "_").replace("/", "_")
    partial = folder / f".{name}.partial"
    partial.write_bytes(bytes(message))
    os.replace(partial, folder / f"{name}.eml")
