"""Reading a bulk-invitation CSV: every row is checked before anything is stored (no half-imports).

Pure: no database or Flask. The caller says which boards, surveys, agencies, areas and languages are allowed.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Optional

from ..models import WORK_KINDS
from ..sac import SAC_RISK_LOCATIONS, SAC_RISK_TYPES
from .invitation_forms import MAX_USES

COLUMNS = ("board", "survey", "agency", "area", "work_kind", "risk_type", "risk_location", "language", "uses",
           "expires_days")
MAX_ROWS = 500
# Flask refuses any request over 64 KB (MAX_CONTENT_LENGTH); this leaves room for the form around the file.
MAX_BYTES = 60 * 1024
SAVE_AS_UTF8 = "In Excel choose File > Save as and the type 'CSV UTF-8 (Comma delimited) (*.csv)'."


@dataclass
class BoardOptions:
    board: object             # the Board row
    surveys: list[str]        # survey ids the board offers
    agencies: list[str]       # empty: free text
    areas: list[str]


@dataclass
class Upload:
    rows: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)   # (row, column, message)
    file_problem: Optional[str] = None                                    # the file as a whole

    def sentences(self) -> list[str]:
        return [f"Row {row}, column {column}: {message}" if column else f"Row {row}: {message}"
                for row, column, message in self.problems]


def _one_of(value: str, allowed) -> str:
    return f"'{value}' is not one of: {', '.join(allowed)}"


def _from_list(value: str, names: list[str], column: str, row: int, upload: Upload) -> str:
    """A board's own list (matched without regard to case), or free text up to 120 characters."""
    if not value or not names:
        if len(value) > 120:
            upload.problems.append((row, column, f"is {len(value)} characters long; the most is 120"))
        return value
    match = next((name for name in names if name.casefold() == value.casefold()), None)
    if match is None:
        upload.problems.append((row, column, _one_of(value, names)))
    return match or ""


def _number(value: str, default: int, high: int, column: str, row: int, upload: Upload) -> int:
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= high:
        upload.problems.append((row, column, f"'{value}' is not a whole number from 1 to {high}"))
        return default
    return int(value)


def _check_row(cells: dict, row: int, boards: dict[str, BoardOptions], languages: list[str],
               upload: Upload) -> None:
    slug = cells["board"].lower()
    options = boards.get(slug)
    if options is None:
        upload.problems.append((row, "board", f"'{cells['board']}' is not a board you can make invitations for; "
                                              f"use one of: {', '.join(boards) or 'none'}"
                                if slug else "is empty; say which board the invitation is for"))
        return
    survey = cells["survey"].lower()
    if survey not in options.surveys:
        upload.problems.append((row, "survey", f"'{cells['survey']}' is not a survey {slug} offers; use one of: "
                                               f"{', '.join(options.surveys)}" if survey else
                                "is empty; say which survey to ask, for example " + ", ".join(options.surveys)))
    values = {"board": options.board, "survey_id": survey,
              "agency": _from_list(cells["agency"], options.agencies, "agency", row, upload),
              "area": _from_list(cells["area"], options.areas, "area", row, upload)}
    for column, allowed in (("work_kind", WORK_KINDS), ("risk_type", SAC_RISK_TYPES),
                            ("risk_location", SAC_RISK_LOCATIONS), ("language", languages)):
        value = cells[column].lower()
        if value and value not in allowed:
            upload.problems.append((row, column, _one_of(cells[column], allowed)))
        values[column] = value
    values["max_uses"] = _number(cells["uses"], 1, MAX_USES, "uses", row, upload)
    values["expires_in_days"] = _number(cells["expires_days"], 28, 366, "expires_days", row, upload)
    upload.rows.append(values)


def _text(data: bytes) -> tuple[Optional[str], Optional[str]]:
    if not data.strip():
        return None, "The file is empty. Add a header row and one row for each invitation."
    if len(data) > MAX_BYTES:
        return None, (f"The file is {len(data) // 1024} KB; the most is {MAX_BYTES // 1024} KB. "
                      "Split it into smaller files.")
    if b"\0" in data:
        return None, "The file is not a CSV file. " + SAVE_AS_UTF8
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, "The file is not saved as UTF-8, so some letters cannot be read. " + SAVE_AS_UTF8


def read_upload(data: bytes, boards: dict[str, BoardOptions], languages: list[str]) -> Upload:
    upload = Upload()
    text, upload.file_problem = _text(data)
    if text is None:
        return upload
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        upload.file_problem = f"The file could not be read as CSV ({error}). " + SAVE_AS_UTF8
        return upload
    header = [name.strip().lower() for name in records[0]] if records else []
    missing = [c for c in COLUMNS if c not in header]
    unknown = [name or "(a blank heading)" for name in header if name not in COLUMNS]
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if missing or unknown or repeated:
        parts = ([f"missing the column(s) {', '.join(missing)}"] if missing else []) + (
            [f"has column(s) it does not know: {', '.join(unknown)}"] if unknown else []) + (
            [f"repeats the column(s) {', '.join(repeated)}"] if repeated else [])
        upload.file_problem = (f"The header row (row 1) is {'; '.join(parts)}. The columns must be, in any order: "
                               f"{', '.join(COLUMNS)}. Download the template to start from.")
        return upload
    body = [(number, cells) for number, cells in enumerate(records[1:], start=2) if any(c.strip() for c in cells)]
    if not body:
        upload.file_problem = "The file has a header row but no invitations. Add one row for each invitation."
    elif len(body) > MAX_ROWS:
        upload.file_problem = (f"The file has {len(body)} invitations; the most in one upload is {MAX_ROWS}. "
                               "Split it into smaller files.")
    for number, cells in body if upload.file_problem is None else []:
        if len(cells) != len(header):
            upload.problems.append((number, "", f"has {len(cells)} cells but the header row has {len(header)}"))
            continue
        row = {name: value.strip() for name, value in zip(header, cells, strict=True)}
        _check_row(row, number, boards, languages, upload)
    return upload


def template_csv(example: BoardOptions) -> str:
    """The header and one row that would upload as it is, for the uploader's first board."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerow([example.board.slug, example.surveys[0] if example.surveys else "",
                     example.agencies[0] if example.agencies else "Adult Social Care",
                     example.areas[0] if example.areas else "North", "s42_enquiry", "neglect", "care_home",
                     "en", "1", "28"])
    return buffer.getvalue()
