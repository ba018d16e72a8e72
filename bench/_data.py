"""Shared helper for the benchmarks that need many responses: databases of synthetic responses, made once.

    path, seconds = cached_database(size=100_000, seed=2026)   # seconds is None when it was already made
    env = app_env(f"sqlite:///{path}")                          # environment for voicecapture and child processes

Each database holds `size` demo responses on one board (BOARD) spread over the last complete financial year,
with their comments analysed: `voicecapture demo-data --responses N --board BOARD --year YYYY-YY --seed S`. It is
kept in bench/results/ (git-ignored), named by size, seed and year, so a second run times without loading again;
a kept file is brought to the newest schema first, since the code under test may have migrations it lacks.
Only the standard library is used here; the loading is done by the voicecapture command itself.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import time
from contextlib import closing
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
INSTANCE = RESULTS / "instance"  # shared: the theme model is trained once and cached here
VOICECAPTURE = ROOT / ".venv" / "bin" / "voicecapture"
BOARD = "northvale-sab"


def last_complete_financial_year(today: date | None = None) -> int:
    """The calendar year the last complete financial year (April to March) started in."""
    today = today or date.today()
    current = today.year if today.month >= 4 else today.year - 1
    return current - 1


def year_label(year: int) -> str:
    return f"{year}-{(year + 1) % 100:02d}"


def app_env(database_url: str) -> dict:
    return {**os.environ, "DATABASE_URL": database_url, "VOICECAPTURE_INSTANCE": str(INSTANCE),
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only")}


def migrate(database_url: str) -> None:
    subprocess.run([str(VOICECAPTURE), "db", "upgrade"], env=app_env(database_url), check=True,
                   stdout=subprocess.DEVNULL)


def load(database_url: str, size: int, seed: int, year: int) -> float:
    """Migrate and fill a database with `size` responses; the seconds demo-data took (analysis included)."""
    env = app_env(database_url)
    migrate(database_url)
    started = time.perf_counter()
    subprocess.run([str(VOICECAPTURE), "demo-data", "--responses", str(size), "--board", BOARD,
                    "--year", year_label(year), "--seed", str(seed), "--no-staff"],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def cached_database(size: int, seed: int, year: int | None = None) -> tuple[Path, float | None]:
    """The SQLite file for this size, seed and year, made now if missing: (path, seconds loading took or None)."""
    year = last_complete_financial_year() if year is None else year
    path = RESULTS / f"responses-{size}-seed{seed}-{year_label(year)}.db"
    if path.exists():
        migrate(f"sqlite:///{path}")
        fold_wal(path)
        return path, None
    INSTANCE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    print(f"Loading {size:,} responses into {path.name} (once; later runs reuse it)...", flush=True)
    seconds = load(f"sqlite:///{partial}", size, seed, year)
    fold_wal(partial)
    partial.rename(path)
    return path, seconds


def fold_wal(path: Path) -> None:
    """Fold the write-ahead log into the file, so the file stands alone (the timing runs copy it alone)."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def file_size(path: Path) -> str:
    return f"{path.stat().st_size / 2 ** 30:.2f} GiB"


def machine_busy_seconds() -> float:
    """CPU seconds spent not idle by the whole machine, all cores together (/proc/stat)."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")
