"""Load a folder of recordings laid out as <board>/<survey>/<language>/<question key>.<mp3|ogg|m4a|wav>.

Each file is checked as an upload is; the good ones are stored and each bad one is reported with its reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..data import recordings
from . import files, places

LAYOUT = "<board>/<survey>/<language>/<question key>.<mp3|ogg|m4a|wav>"


@dataclass
class FolderImport:
    stored: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def import_folder(root: Path, board_slug: Optional[str] = None) -> FolderImport:
    """Every file under `root` (only `root/<board_slug>` if given), in name order."""
    outcome = FolderImport()
    first_file_for: dict[tuple[str, ...], Path] = {}
    start = root / board_slug if board_slug else root
    for path in sorted(p for p in start.rglob("*") if p.is_file()):
        parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in parts):
            continue  # hidden: a file manager's (.DS_Store) or a version control system's, never a recording
        if len(parts) != 4:
            outcome.problems.append((path, f"not where a recording goes: put it at {LAYOUT}"))
            continue
        where = (*parts[:3], Path(parts[3]).stem)
        problem = _store(path, where, first_file_for.setdefault(where, path))
        if problem:
            outcome.problems.append((path, problem))
        else:
            outcome.stored.append(path)
    return outcome


def _store(path: Path, where: tuple[str, ...], first_file: Path) -> Optional[str]:
    """Store the file as the recording of `where` (board, survey, language, key); or say why not."""
    if first_file != path:
        return f"{first_file.name} is a recording of the same question; keep one of them"
    place, why = places.find(*where)
    if place is None:
        return why
    size = path.stat().st_size
    with path.open("rb") as handle:
        audio = handle.read(files.MAX_BYTES + 1)
    problem = files.problem(path.name, size, audio)
    if problem:
        return problem
    recordings.save(place.board, place.survey.id, place.language.code, place.question.key,
                    files.content_type(path.name), audio)
    return None
