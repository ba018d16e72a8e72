"""Trained models shared between processes through a folder: load the one saved, or build it and save it.

Each web and worker process would otherwise train the same model again. A folder is written whole or not at
all (saved under a temporary name, then renamed), so a process never loads half a model, whichever finishes
first.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable, TypeVar

Model = TypeVar("Model")


def load_or_build(folder: Path, load: Callable[[Path], Model], build: Callable[[], Model],
                  save: Callable[[Model, Path], None]) -> Model:
    try:
        return load(folder)
    except (FileNotFoundError, ValueError, KeyError):
        pass  # not saved yet, or saved by an older format: build it
    model = build()
    partial = folder.with_name(f"{folder.name}.{os.getpid()}.partial")
    try:
        save(model, partial)
        os.replace(partial, folder)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # another process saved it first, or the disk is read-only
    return model
