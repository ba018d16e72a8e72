"""Reading a CSV of comments labelled with themes, for training and evaluating theme models.

A label cell holds one label, or several separated by ';' ("Communication; Staff"). Rows with no text or
no label are skipped and counted, never guessed.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MIN_ROWS_PER_LABEL = 3
LABEL_SEPARATOR = ";"


class LabelledDataError(ValueError):
    """The CSV cannot be used; the message says what to change."""


@dataclass(frozen=True)
class LabelledData:
    texts: list[str]
    label_sets: list[tuple[str, ...]]
    groups: list[str] | None  # the --group-column value of each row, if asked for
    skipped_no_text: int
    skipped_no_label: int

    def label_counts(self) -> Counter:
        return Counter(label for labels in self.label_sets for label in labels)


def _labels(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in cell.split(LABEL_SEPARATOR) if part.strip()))


def _first_line_not_utf8(path: Path) -> int:
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 0


def read_labelled_csv(path: Path, text_column: str, label_column: str,
                      group_column: str | None = None) -> LabelledData:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = list(reader)
    except FileNotFoundError:
        raise LabelledDataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise LabelledDataError(f"{path}: is not UTF-8 text (line {_first_line_not_utf8(path)} cannot be read); "
                                "save it as UTF-8, for example with 'CSV UTF-8' in a spreadsheet's Save As") from None
    except csv.Error as error:
        raise LabelledDataError(f"{path}: is not a readable CSV file: {error}") from None
    if not columns:
        raise LabelledDataError(f"{path}: is empty; it needs a header row naming its columns, then one comment a row")
    wanted = [("--text-column", text_column), ("--label-column", label_column)]
    if group_column:
        wanted.append(("--group-column", group_column))
    missing = [f"{option} {name!r}" for option, name in wanted if name not in columns]
    if missing:
        raise LabelledDataError(f"{path}: has no column {', '.join(missing)}; its columns are "
                                f"{', '.join(repr(c) for c in columns)}")
    texts, label_sets, groups = [], [], []
    no_text = no_label = 0
    for row in rows:
        text, labels = (row.get(text_column) or "").strip(), _labels(row.get(label_column) or "")
        if not text:
            no_text += 1
        elif not labels:
            no_label += 1
        else:
            texts.append(text)
            label_sets.append(labels)
            groups.append((row.get(group_column) or "").strip() if group_column else "")
    if not texts:
        raise LabelledDataError(f"{path}: has no rows with both a {text_column!r} text and a {label_column!r} label")
    data = LabelledData(texts, label_sets, groups if group_column else None, no_text, no_label)
    _check_label_counts(path, data)
    return data


def _check_label_counts(path: Path, data: LabelledData) -> None:
    counts = data.label_counts()
    if len(counts) < 2:
        raise LabelledDataError(f"{path}: every row has the label {next(iter(counts))!r}; a model needs at least "
                                "two different labels to tell apart")
    rare = sorted(label for label, count in counts.items() if count < MIN_ROWS_PER_LABEL)
    if rare:
        listed = ", ".join(f"{label!r} ({counts[label]} row{'s' if counts[label] != 1 else ''})" for label in rare)
        raise LabelledDataError(f"{path}: too few rows for label {listed}; each label needs at least "
                                f"{MIN_ROWS_PER_LABEL} rows: add examples, or merge it into another label")
