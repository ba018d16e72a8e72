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
    .venv/bin/python bench/export_csv.py --database postgresql     # SQLite and PostgreSQL, same run

With --database postgresql the same exports also run on PostgreSQL (the cluster report_build.py uses, kept in
bench/results/postgres/ with the same rows: see _postgres.py), alternating with SQLite; the PostgreSQL server's
own CPU is shown beside each.

Goal: 100,000 responses in under 2 s (a widely used open-source survey platform took about 45 s on this
machine, paging with ever larger offsets).
"""
from __future__ import annotations

import argparse
import contextlib
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
from _postgres import cluster_cpu_seconds, kept_cluster, loaded_database  # noqa: E402

GOAL_SECONDS = 2.0
WAYS = ("keyset", "offset")


def offset_pages(board, page):
    """data.export.response_pages, but each page found by OFFSET: the database walks past every earlier row."""
    from sqlalchemy import text

    from voicecapture.data import export
    from voicecapture.db import session
    responses = text(f"SELECT {', '.join(export.RESPONSE_COLUMNS)} FROM response WHERE board_id = :board "
                     "ORDER BY id LIMIT :page OFFSET :offset").columns(**export.TIME_COLUMNS)
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


def run_child(database_url: str, way: str, server_cpu=None) -> dict:
    """One export in a fresh process; server_cpu, when given, reads the database server's CPU so far."""
    server_before = server_cpu() if server_cpu else 0.0
    busy, started = machine_busy_seconds(), time.perf_counter()
    process = subprocess.run([sys.executable, __file__, "--child", way], env=app_env(database_url),
                             capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"the {way} export failed:\n{process.stderr[-3000:]}")
    result = json.loads(process.stdout.strip().splitlines()[-1])
    result["database_cpu"] = server_cpu() - server_before if server_cpu else None
    # Cores the rest of the machine used while the child ran: all busy time but the child's and its database's.
    others = machine_busy_seconds() - busy - result["cpu"] - (result["database_cpu"] or 0)
    result["others"] = max(0.0, others) / (time.perf_counter() - started)
    return result


def databases(sqlite_file: Path, cluster) -> dict:
    """{name: (URL, the database server's CPU reader or None)}: SQLite, and PostgreSQL when there is a cluster."""
    found = {"SQLite": (f"sqlite:///{sqlite_file}", None)}
    if cluster is not None:
        url, timings = loaded_database(cluster, sqlite_file)
        print("  PostgreSQL: " + (f"copied from the SQLite file in {timings['copy']:.0f} s (not counted)" if timings
                                 else "already loaded"), flush=True)
        found["PostgreSQL"] = (url, lambda: cluster_cpu_seconds(cluster))
    return found


def print_results(results: dict, runs: int, size: int) -> None:
    print(f"\nExport of {BOARD} to CSV (median of {runs} runs each)")
    header = (f"{'database':<10} {'paging':>8} {'time':>8} {'rows':>9} {'rows/s':>9} {'bytes':>13} {'db CPU':>7} "
              f"{'peak RSS':>10}")
    print(header)
    print("-" * len(header))
    medians = {}
    for (name, way), done in results.items():
        medians[name, way] = statistics.median(run["seconds"] for run in done)
        rows, written = done[0]["rows"], done[0]["bytes"]
        peak = max(run["peak_rss"] for run in done)
        database_cpu = [run["database_cpu"] for run in done if run["database_cpu"] is not None]
        shown_cpu = f"{statistics.median(database_cpu):.2f}s" if database_cpu else "-"
        print(f"{name:<10} {way:>8} {medians[name, way]:>7.2f}s {rows:>9,} {rows / medians[name, way]:>9,.0f} "
              f"{written:>13,} {shown_cpu:>7} {peak / 2 ** 20:>6,.0f} MiB")
    others = statistics.mean(run["others"] for done in results.values() for run in done)
    print(f"\nOther processes used {others:.2f} of the 2 cores during the runs")
    names = list(dict.fromkeys(name for name, _way in results))
    for name in names:
        hashes = {run["sha256"] for (other, _way), done in results.items() if other == name for run in done}
        print(f"{name}: same output both ways: {'yes' if len(hashes) == 1 else 'NO: the comparison is not fair'}; "
              f"OFFSET paging took {medians[name, 'offset'] / medians[name, 'keyset']:.1f}x as long as keyset")
    if len(names) > 1:
        hashes = {run["sha256"] for done in results.values() for run in done}
        print(f"Same bytes from every database: {'yes' if len(hashes) == 1 else 'no'}")
    for name in names:
        keyset = medians[name, "keyset"]
        print(f"Goal on {name}: {size:,} responses in under {GOAL_SECONDS:.0f} s: {keyset:.2f} s "
              f"{'PASS' if keyset < GOAL_SECONDS else 'FAIL'}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="responses in the database")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="exports each way (alternating; medians reported)")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql: export from PostgreSQL too, alternating with SQLite in the same run")
    args = parser.parse_args(argv)
    path, load_seconds = cached_database(args.size, args.seed)
    print(f"{args.size:,} responses ({path.name}, {file_size(path)})"
          + (f": loaded in {load_seconds:.0f} s (not counted)" if load_seconds else ""), flush=True)
    with kept_cluster() if args.database == "postgresql" else contextlib.nullcontext() as cluster:
        targets = databases(path, cluster)
        results: dict[tuple[str, str], list[dict]] = {(name, way): [] for name in targets for way in WAYS}
        for number in range(args.runs):
            for name, (url, server_cpu) in targets.items():
                for way in WAYS:
                    results[name, way].append(run_child(url, way, server_cpu))
                    print(f"  run {number + 1} {name} {way}: {results[name, way][-1]['seconds']:.2f} s", flush=True)
    print_results(results, args.runs, args.size)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child_export(sys.argv[2])))
        sys.exit(0)
    sys.exit(main())
