"""CSV export: a board's 100,000 responses through `voicecapture.exports.responses_csv`, keyset paging against
OFFSET paging of the same pages, in the same run.

The database is the one report_build.py uses (made once, see _data.py). Each export runs in a fresh child
process, which measures its own peak RSS, and writes to /dev/null while hashing what it writes. The OFFSET
export swaps `data.export.response_pages` for a version that asks for each page with LIMIT/OFFSET instead of
"after the last id", the way many survey platforms page; everything else (page size, answer and comment
queries, CSV writing) is the same code, and the two outputs must be byte for byte the same.

Printed: time (median of the runs), rows/s, bytes, peak RSS, for both, and how many times slower OFFSET is.

    .venv/bin/python bench/export_csv.py
    .venv/bin/python bench/export_csv.py --size 100000 --runs 5

Goal: 100,000 responses in under 2 s (a widely used open-source survey platform took about 45 s on this
machine, paging with ever larger offsets).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import BOARD, app_env, cached_database, file_size, machine_busy_seconds  # noqa: E402

GOAL_SECONDS = 2.0
WAYS = ("keyset", "offset")


def offset_pages(board, page):
    """data.export.response_pages, but each page found by OFFSET: the database walks past every earlier row."""
    from sqlalchemy import text

    from voicecapture.data import export
    from voicecapture.db import session
    responses = text(f"SELECT {', '.join(export.RESPONSE_COLUMNS)} FROM response WHERE board_id = :board "
                     "ORDER BY id LIMIT :page OFFSET :offset")
    connection = session().connection()
    offset = 0
    while True:
        rows = connection.execute(responses, {"board": board.id, "page": page, "offset": offset}).all()
        if not rows:
            return
        yield rows, *export.answers_of(connection, board, rows)
        offset += page


def child_export(way: str) -> dict:
    """In the child: export the board's responses, one way or the other, to /dev/null."""
    from sqlalchemy import func, select

    from voicecapture import create_app
    from voicecapture.data import boards, export
    from voicecapture.db import session
    from voicecapture.exports import responses_csv
    from voicecapture.models import Response
    if way == "offset":
        default_page = export.PAGE
        export.response_pages = lambda board, page=default_page: offset_pages(board, page)
    app = create_app()
    with app.app_context():
        board = boards.board_by_slug(BOARD)
        digest, size = hashlib.sha256(), 0
        started = time.perf_counter()
        with open("/dev/null", "wb") as sink:
            for chunk in responses_csv(board, app.extensions["surveys"]):
                data = chunk.encode("utf-8")
                sink.write(data)
                digest.update(data)
                size += len(data)
        seconds = time.perf_counter() - started
        rows = session().execute(select(func.count()).where(Response.board_id == board.id)).scalar_one()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": seconds, "bytes": size, "rows": rows, "sha256": digest.hexdigest(),
            "peak_rss": usage.ru_maxrss * 1024, "cpu": usage.ru_utime + usage.ru_stime}


def run_child(database_url: str, way: str) -> dict:
    busy, started = machine_busy_seconds(), time.perf_counter()
    process = subprocess.run([sys.executable, __file__, "--child", way], env=app_env(database_url),
                             capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"the {way} export failed:\n{process.stderr[-3000:]}")
    result = json.loads(process.stdout.strip().splitlines()[-1])
    # Cores the rest of the machine used while the child ran: all busy time but the child's own.
    result["others"] = max(0.0, machine_busy_seconds() - busy - result["cpu"]) / (time.perf_counter() - started)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="responses in the database")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="exports each way (alternating; medians reported)")
    args = parser.parse_args(argv)
    path, load_seconds = cached_database(args.size, args.seed)
    print(f"{args.size:,} responses ({path.name}, {file_size(path)})"
          + (f": loaded in {load_seconds:.0f} s (not counted)" if load_seconds else ""), flush=True)
    results: dict[str, list[dict]] = {way: [] for way in WAYS}
    for number in range(args.runs):
        for way in WAYS:
            results[way].append(run_child(f"sqlite:///{path}", way))
            print(f"  run {number + 1} {way}: {results[way][-1]['seconds']:.2f} s", flush=True)
    hashes = {run["sha256"] for runs in results.values() for run in runs}
    print(f"\nExport of {BOARD} to CSV (median of {args.runs} runs each)")
    header = f"{'paging':>8} {'time':>8} {'rows':>9} {'rows/s':>9} {'bytes':>13} {'peak RSS':>10}"
    print(header)
    print("-" * len(header))
    medians = {}
    for way, runs in results.items():
        medians[way] = statistics.median(run["seconds"] for run in runs)
        rows, size = runs[0]["rows"], runs[0]["bytes"]
        peak = max(run["peak_rss"] for run in runs)
        print(f"{way:>8} {medians[way]:>7.2f}s {rows:>9,} {rows / medians[way]:>9,.0f} {size:>13,} "
              f"{peak / 2 ** 20:>6,.0f} MiB")
    others = statistics.mean(run["others"] for runs in results.values() for run in runs)
    print(f"\nOther processes used {others:.2f} of the 2 cores during the runs")
    print(f"Same output both ways: {'yes' if len(hashes) == 1 else 'NO: the comparison is not fair'}")
    print(f"OFFSET paging took {medians['offset'] / medians['keyset']:.1f}x as long as keyset paging")
    verdict = "PASS" if medians["keyset"] < GOAL_SECONDS else "FAIL"
    print(f"Goal: {args.size:,} responses in under {GOAL_SECONDS:.0f} s: {medians['keyset']:.2f} s {verdict}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child_export(sys.argv[2])))
        sys.exit(0)
    sys.exit(main())
