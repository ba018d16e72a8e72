"""One ZIP of everything a board holds, for the board to keep or to answer a request for its data.

Streamed: each file is written into the ZIP a page of rows at a time and handed out as it is written, so memory
stays flat however many responses the board has. What never leaves the service is listed in the README.
"""
from __future__ import annotations

import zipfile
from datetime import datetime
from typing import Iterable, Iterator, Optional

from .data import board_archive as rows
from .exports import responses_csv, table_csv
from .models import Board, utcnow
from .recordings.files import KINDS

HAND_OUT_AT = 256 * 1024  # bytes gathered before they are handed on: big enough for few, small enough to stream
EXTENSIONS = {kind.content_type: extension for extension, kind in KINDS.items()}

# Each file, and what it holds, for the README.
CONTENTS = (
    ("responses.csv", "Every response: a row per response, a column per question, holding the answer codes. "
                      "Free text in it is de-identified."),
    ("free_text.csv", "Every free-text answer: the response it belongs to, its de-identified text, whether it has "
                      "been analysed, and whether the text as typed is still held (it is deleted after its "
                      "retention period; it is never exported)."),
    ("comments.csv", "The analysis of each free-text answer: language, de-identified text, themes, sentiment, and "
                     "any analyst's correction."),
    ("invitations.csv", "Invitations to give feedback, with their context (agency, area, kind of work). Not their "
                        "links or short codes: those still open the survey."),
    ("alerts.csv", "Safeguarding alerts: status, categories, what raised them (category and question only) and "
                   "their dates. Not what the person said, and not their contact details."),
    ("alert_history.csv", "What happened to each alert, when and by whom, with the safeguarding team's notes."),
    ("you_said_we_did.csv", "The board's 'You said, we did' actions."),
    ("reports.csv", "The board's quarterly reports and their progress; their files are in reports/."),
    ("reports/", "Each stored report's files (HTML, PDF, CSV and XLSX), as the board downloaded them."),
    ("recordings.csv", "The board's recordings for 'Listen'; the audio is in recordings/<survey>/<language>/, "
                       "laid out so that 'voicecapture recordings import' reads it back."),
    ("settings.csv", "The board's settings: names, help contacts, surveys, languages, agencies, areas, targets."),
    ("logo.svg", "The board's logo, if it has one."),
    ("staff.csv", "Everyone who holds a role on the board (administrators hold theirs on every board): name, "
                  "email, role. Never passwords."),
)


def readme(board: Board, made_at: datetime) -> str:
    files = "\n".join(f"{name}\n    {description}\n" for name, description in CONTENTS)
    return f"""Everything VoiceCapture holds for {board.name} ({board.slug})
Made {made_at.isoformat(sep=" ", timespec="seconds")}.

THIS ARCHIVE CONTAINS PERSONAL DATA: what people said about the help they had (some of it about their
safety), safeguarding alerts and the notes on them, and the names and email addresses of staff. Keep it
where only people who need it can open it, do not send it by ordinary email, and delete it when it is no
longer needed. The download is recorded in the audit log.

The CSV files are UTF-8 with a byte-order mark, so spreadsheets read every script; dates are UTC.
A cell that a spreadsheet could take for a formula starts with an apostrophe.

{files}
Never included: invitation links and short codes (they still open the survey), what a person typed as they
typed it (only the de-identified text), what was said that raised a safeguarding alert, contact details a
person gave, and passwords.
"""


def members(board: Board, surveys, made_at: datetime) -> Iterator[tuple[str, Iterable]]:
    """(file name, its content in chunks of text or bytes), in the order the README lists them."""
    yield "README.txt", [readme(board, made_at)]
    yield "responses.csv", responses_csv(board, surveys)
    yield "free_text.csv", table_csv(rows.FREE_TEXT_COLUMNS, rows.free_text(board))
    yield "comments.csv", table_csv(rows.COMMENT_COLUMNS, rows.comments(board))
    yield "invitations.csv", table_csv(rows.INVITATION_COLUMNS, rows.invitations(board))
    yield "alerts.csv", table_csv(rows.ALERT_COLUMNS, rows.alerts(board))
    yield "alert_history.csv", table_csv(rows.ALERT_HISTORY_COLUMNS, rows.alert_history(board))
    yield "you_said_we_did.csv", table_csv(rows.ACTION_COLUMNS, rows.actions(board))
    reports = rows.reports(board)  # the last value of each is the kinds of file stored for it
    yield "reports.csv", table_csv(rows.REPORT_COLUMNS, [[(*report[:-1], _report_names(board, report))
                                                         for report in reports]])
    for report in reports:
        for kind, name in zip(report[-1], _report_names(board, report)):
            yield name, [rows.report_file(report[0], kind)]
    recordings = rows.recordings(board)
    yield "recordings.csv", table_csv(rows.RECORDING_COLUMNS, [recordings])
    for recording in recordings:
        yield _recording_name(recording), [rows.recording_audio(recording[0])]
    yield "settings.csv", table_csv(("setting", "value"), [rows.settings(board)])
    if board.logo_svg:
        yield "logo.svg", [board.logo_svg]
    yield "staff.csv", table_csv(rows.STAFF_COLUMNS, [rows.staff(board)])


def _report_names(board: Board, report: tuple) -> list[str]:
    report_id, quarter, kinds = report[0], report[1], report[-1]
    return [f"reports/{board.slug}-{quarter}-engagement-report-{report_id}.{kind}" for kind in kinds]


def _recording_name(recording: tuple) -> str:
    _id, survey_id, language, question_key, content_type = recording[:5]
    return f"recordings/{survey_id}/{language}/{question_key}.{EXTENSIONS.get(content_type, 'audio')}"


class _Outbox:
    """A write-only file for zipfile: it gathers what is written until the generator hands it on."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self.size = 0

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        taken, self._chunks, self.size = b"".join(self._chunks), [], 0
        return taken

    def full(self) -> Iterator[bytes]:
        """What has gathered, once there is enough of it to hand on."""
        if self.size >= HAND_OUT_AT:
            yield self.take()


def archive(board: Board, surveys, made_at: Optional[datetime] = None) -> Iterator[bytes]:
    """The ZIP's bytes, in pieces as they are written. zipfile writes to a stream it cannot seek in with a data
    descriptor after each file, so nothing is written twice and no file need be held whole."""
    made_at = made_at or utcnow()
    outbox = _Outbox()
    with zipfile.ZipFile(outbox, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for name, chunks in members(board, surveys, made_at):
            # ZIP64 from the start: a file's size is not known until it is written, and may pass 2 GB.
            with zipped.open(_entry(name, made_at), "w", force_zip64=True) as member:
                for chunk in chunks:
                    member.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
                    yield from outbox.full()
            yield from outbox.full()
    yield outbox.take()


def _entry(name: str, made_at: datetime) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, made_at.timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def filename(board: Board, made_at: datetime) -> str:
    return f"{board.slug}-all-data-{made_at.strftime('%Y%m%d-%H%M')}.zip"

