"""`voicecapture recordings import DIR`: load a folder of recordings for "Listen" into the database."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from ..data import boards
from .folder import import_folder


@click.group("recordings")
def recordings_group():
    """Boards' recordings of their questions, played by "Listen"."""


@recordings_group.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--board", "board_slug", help="Only this board's recordings: the folder FOLDER/SLUG.")
@with_appcontext
def recordings_import(folder, board_slug):
    """Store every recording in FOLDER, laid out as <board>/<survey>/<language>/<question key>.<mp3|ogg|m4a|wav>.

    A recording replaces the board's recording of the same question in the same language. Each bad file is
    listed with the reason; the others are stored. Exits 1 if any file was bad.
    """
    if board_slug and boards.board_by_slug(board_slug) is None:
        raise click.BadParameter(f"no board {board_slug!r}; boards: "
                                 f"{', '.join(b.slug for b in boards.list_boards()) or 'none yet'}",
                                 param_hint="--board")
    if board_slug and not (folder / board_slug).is_dir():
        raise click.BadParameter(f"there is no folder {folder / board_slug}", param_hint="--board")
    outcome = import_folder(folder, board_slug)
    for path, problem in outcome.problems:
        click.echo(f"{path}: {problem}", err=True)
    click.echo(f"Stored {len(outcome.stored)} recording(s).")
    if outcome.problems:
        click.echo(f"{len(outcome.problems)} file(s) had a problem and were not stored.", err=True)
        sys.exit(1)
