"""Report build: time and peak memory to build one board's quarterly report over 100,000 and 1,000,000 responses.

For each size, a database holds that many demo responses on one board within the last complete financial
year, comments analysed (made once and cached in bench/results/, see _data.py; the load time is printed but
not counted). Each timing run copies it and builds the report for the year's last quarter in a fresh child
process, the way the worker and `voicecapture report build` do (`pipeline.build`): check for free text still
to theme, gather (the database queries), render (HTML, PDF, CSV, XLSX) and store. The child measures its own
peak RSS, so the figure is the build's process and nothing else's.

Printed per size: the median build time over the runs and its parts, the fastest run, peak RSS, responses/s;
then how time grows from the smallest size to the largest (10 would be linear for 100,000 to 1,000,000), and
how busy the rest of the machine was during the runs.

    .venv/bin/python bench/report_build.py                                   # 100,000 and 1,000,000, 3 runs each
    .venv/bin/python bench/report_build.py --sizes 100000 --runs 1
    .venv/bin/python bench/report_build.py --database postgresql             # PostgreSQL and SQLite, same run
    .venv/bin/python bench/report_build.py --database-url 'postgresql://localhost/vc_bench_{size}'

With --database postgresql the script starts PostgreSQL itself (see _postgres.py: a cluster kept in
bench/results/postgres/, tuned like a small server, fsync on), copies each size's cached SQLite database into it
the first time, and alternates builds on PostgreSQL and on SQLite, so both figures come from the same run. The
PostgreSQL server's own CPU during each build is shown too; peak RSS is the build process's alone.

With --database-url the responses are loaded into that database if it has none (give an empty database per
size: {size} in the URL is replaced). On PostgreSQL each run adds a report to the database.

Goals: 1,000,000 responses in under 60 s and under 1 GiB, time growing no faster than linearly.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import (BOARD, RESULTS, ROOT, app_env, cached_database, file_size,  # noqa: E402
                   last_complete_financial_year, load, machine_busy_seconds, year_label)
from _postgres import cluster_cpu_seconds, kept_cluster, loaded_database  # noqa: E402

GOAL_SECONDS = 60
GOAL_BYTES = 2 ** 30
GOAL_SIZE = 1_000_000
PHASES = ("theming", "gather", "render", "pdf", "store")


def _timed(module, name: str, phases: dict, phase: str) -> None:
    """Wrap module.name so the time spent in it adds to phases[phase]."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            phases[phase] += time.perf_counter() - started
    setattr(module, name, wrapper)


def child_build(quarter_label: str) -> dict:
    """In the child: build the board's report for the quarter, as the worker does, and time its parts."""
    from voicecapture import analysis, create_app
    from voicecapture.data import boards, reports
    from voicecapture.quarters import parse
    from voicecapture.reports import pipeline, render

    app = create_app()
    phases: dict[str, float] = defaultdict(float)
    _timed(analysis, "analyse_pending", phases, "theming")
    _timed(analysis, "reanalyse_stale", phases, "theming")
    _timed(pipeline, "gather", phases, "gather")
    _timed(render, "all_files", phases, "render")
    _timed(render, "pdf", phases, "pdf")
    _timed(reports, "store", phases, "store")
    with app.app_context():
        board = boards.board_by_slug(BOARD)
        report, _created = reports.request_report(board, parse(quarter_label), cover={"author": "bench"})
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        started = time.perf_counter()
        outcome = pipeline.build(report.id)
        seconds = time.perf_counter() - started
        report = reports.get_report(report.id)
        by_quarter = report.inputs.get("responses", {}).get("survey_id", {})
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"outcome": outcome, "status": report.status, "error": report.error, "seconds": seconds,
            "phases": dict(phases), "responses_counted": sum(sum(counts.values()) for counts in by_quarter.values()),
            "rss_before": rss_before, "peak_rss": usage.ru_maxrss * 1024, "cpu": usage.ru_utime + usage.ru_stime}


def child_count() -> int:
    from sqlalchemy import func, select

    from voicecapture import create_app
    from voicecapture.db import session
    from voicecapture.models import Response
    with create_app().app_context():
        return session().execute(select(func.count()).select_from(Response)).scalar_one()


def run_child(database_url: str, *args: str) -> dict:
    process = subprocess.run([sys.executable, __file__, "--child", *args], env=app_env(database_url),
                             capture_output=True, text=True)
    if process.returncode != 0:
        sys.exit(f"the child process failed:\n{process.stderr[-3000:]}")
    return json.loads(process.stdout.strip().splitlines()[-1])


@dataclass
class Database:
    """Where builds read from."""
    kind: str                                       # SQLite or PostgreSQL
    url: str
    sqlite_file: Path | None = None                 # copied before each build, so every build starts alike
    server_cpu: Callable[[], float] | None = None   # CPU so far of the PostgreSQL server this script started


def given_database(size: int, args) -> Database:
    """--database-url: that database, loaded with demo-data if it has no responses."""
    url = args.database_url.format(size=size)
    seconds = load(url, size, args.seed, args.year) if run_child(url, "count") == 0 else None
    print(f"{size:,} responses ({url}): " + (f"loaded in {seconds:.0f} s (demo-data with comment analysis; not "
                                             "counted)" if seconds else "already loaded"), flush=True)
    return Database("PostgreSQL" if url.startswith("postgresql") else "SQLite", url)


def sqlite_database(size: int, args) -> Database:
    path, seconds = cached_database(size, args.seed, args.year)
    print(f"{size:,} responses ({path.name}, {file_size(path)}): " +
          (f"loaded in {seconds:.0f} s (demo-data with comment analysis; not counted)" if seconds
           else "already loaded"), flush=True)
    return Database("SQLite", f"sqlite:///{path}", sqlite_file=path)


def postgresql_database(sqlite: Database, cluster) -> Database:
    """The same rows as the SQLite file, in the kept cluster (copied the first time)."""
    url, timings = loaded_database(cluster, sqlite.sqlite_file)
    name = url.rsplit("/", 1)[1]
    print(f"  PostgreSQL ({name} in {cluster.folder.relative_to(ROOT)}): " +
          (f"copied from the SQLite file in {timings['copy']:.0f} s (COPY), then VACUUM ANALYZE and CHECKPOINT "
           f"{timings['vacuum']:.0f} s; {timings['size'] / 2 ** 30:.2f} GiB (not counted)" if timings
           else "already loaded"), flush=True)
    return Database("PostgreSQL", url, server_cpu=lambda: cluster_cpu_seconds(cluster))


def databases_for(size: int, args, cluster) -> list[Database]:
    if args.database_url:
        return [given_database(size, args)]
    sqlite = sqlite_database(size, args)
    return [sqlite, postgresql_database(sqlite, cluster)] if cluster else [sqlite]


def time_build(database: Database, quarter: str) -> dict:
    """One timed build, on a copy of the cached SQLite file (or on the database itself)."""
    with tempfile.TemporaryDirectory(dir=RESULTS) as scratch:
        url = database.url
        if database.sqlite_file is not None:
            copy = Path(scratch) / database.sqlite_file.name
            shutil.copyfile(database.sqlite_file, copy)
            url = f"sqlite:///{copy}"
        server_before = database.server_cpu() if database.server_cpu else 0.0
        busy, started = machine_busy_seconds(), time.perf_counter()
        result = run_child(url, "build", quarter)
        result["child_seconds"] = time.perf_counter() - started
        result["database_cpu"] = database.server_cpu() - server_before if database.server_cpu else None
        # What the rest of the machine used while the child ran: all busy time but the child's and its database's.
        result["others_cpu"] = max(0.0, machine_busy_seconds() - busy - result["cpu"] - (result["database_cpu"] or 0))
    if result["status"] != "stored":
        sys.exit(f"the report was not built ({result['outcome']}): {result['error']}")
    return result


def mib(n: float) -> str:
    return f"{n / 2 ** 20:,.0f} MiB"


def summary(size: int, kind: str, runs: list[dict]) -> dict:
    median = statistics.median(run["seconds"] for run in runs)
    database_cpu = [run["database_cpu"] for run in runs if run["database_cpu"] is not None]
    return {"size": size, "kind": kind, "seconds": median, "fastest": min(run["seconds"] for run in runs),
            "phases": {phase: statistics.median(run["phases"].get(phase, 0.0) for run in runs) for phase in PHASES},
            "database_cpu": statistics.median(database_cpu) if database_cpu else None,
            "peak_rss": max(run["peak_rss"] for run in runs), "rss_before": max(run["rss_before"] for run in runs),
            "others_cpu": sum(run["others_cpu"] for run in runs),
            "child_seconds": sum(run["child_seconds"] for run in runs), "counted": runs[0]["responses_counted"]}


def report(results: list[dict], quarter: str, runs: int) -> None:
    print(f"\nReport for {BOARD}, {quarter} (median of {runs} run(s); parts are medians too)")
    header = (f"{'responses':>10} {'database':<10} {'build':>7} {'fastest':>7} {'theming':>7} {'gather':>7} "
              f"{'render':>7} {'(pdf)':>6} {'store':>6} {'db CPU':>7} {'peak RSS':>10} {'RSS at start':>12} "
              f"{'responses/s':>11}")
    print(header)
    print("-" * len(header))
    for r in results:
        p = r["phases"]
        database_cpu = f"{r['database_cpu']:.1f}s" if r["database_cpu"] is not None else "-"
        print(f"{r['size']:>10,} {r['kind']:<10} {r['seconds']:>6.1f}s {r['fastest']:>6.1f}s {p['theming']:>6.1f}s "
              f"{p['gather']:>6.1f}s {p['render']:>6.1f}s {p['pdf']:>5.1f}s {p['store']:>5.1f}s {database_cpu:>7} "
              f"{mib(r['peak_rss']):>10} {mib(r['rss_before']):>12} {r['size'] / r['seconds']:>11,.0f}")
    for r in results:
        if r["counted"] != r["size"]:
            print(f"  note: the {r['size']:,} report on {r['kind']} counted {r['counted']:,} responses in its quarters")
    if any(r["database_cpu"] is not None for r in results):
        print("db CPU: the PostgreSQL server's own CPU during the build (SQLite works inside the build process); "
              "peak RSS is the build process's alone.")
    print("\nHow busy the rest of the machine was during the runs (cores used by other processes, of 2):")
    for r in results:
        print(f"  {r['size']:>10,} {r['kind']:<10}: {r['others_cpu'] / r['child_seconds']:.2f}")
    kinds = list(dict.fromkeys(r["kind"] for r in results))
    for kind in kinds:
        growth(kind, [r for r in results if r["kind"] == kind])
    if len(kinds) > 1:
        compare(results, *kinds)
    for r in results:
        if r["size"] == GOAL_SIZE:
            print(f"\nGoals at {GOAL_SIZE:,} responses on {r['kind']}: under {GOAL_SECONDS} s: {r['seconds']:.1f} s "
                  f"{'PASS' if r['seconds'] < GOAL_SECONDS else 'FAIL'}; under 1 GiB: {mib(r['peak_rss'])} "
                  f"{'PASS' if r['peak_rss'] < GOAL_BYTES else 'FAIL'}")


def growth(kind: str, results: list[dict]) -> None:
    if len(results) > 1:
        small, large = results[0], results[-1]
        times = large["size"] / small["size"]
        print(f"\nGrowth on {kind}: time({large['size']:,}) / time({small['size']:,}) = "
              f"{large['seconds'] / small['seconds']:.1f} for {times:.0f}x the responses (linear would be {times:.0f})")


def compare(results: list[dict], base: str, other: str) -> None:
    """The second database against the first, size by size, from the same run."""
    print(f"\n{other} against {base}, same run:")
    for size in dict.fromkeys(r["size"] for r in results):
        pair = {r["kind"]: r for r in results if r["size"] == size}
        print(f"  {size:>10,}: build {pair[other]['seconds'] / pair[base]['seconds']:.2f}x, gather "
              f"{pair[other]['phases']['gather'] / pair[base]['phases']['gather']:.2f}x, theming "
              f"{pair[other]['phases']['theming'] / pair[base]['phases']['theming']:.2f}x")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="timed builds per size (the median is reported)")
    parser.add_argument("--year", type=int, default=last_complete_financial_year(),
                        help="financial year the responses fall in, by its first calendar year (default: the last "
                             "complete one)")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql: also build on a PostgreSQL cluster this script starts (data kept in "
                             "bench/results/postgres/), alternating with SQLite in the same run")
    parser.add_argument("--database-url", help="use this database instead of a cached SQLite file ({size} is "
                                               "replaced by the size)")
    args = parser.parse_args(argv)
    if args.database_url and args.database == "postgresql":
        parser.error("give --database postgresql (a cluster the script starts) or --database-url, not both")
    if args.database_url and len(args.sizes) > 1 and "{size}" not in args.database_url:
        parser.error("with several sizes, put {size} in --database-url: one database per size")
    RESULTS.mkdir(parents=True, exist_ok=True)
    quarter = f"{year_label(args.year)}Q4"
    results = []
    with kept_cluster() if args.database == "postgresql" else contextlib.nullcontext() as cluster:
        for size in sorted(args.sizes):
            databases = databases_for(size, args, cluster)
            runs: dict[str, list[dict]] = {database.kind: [] for database in databases}
            for number in range(args.runs):
                for database in databases:  # alternating, so a busy spell on the machine falls on both alike
                    run = time_build(database, quarter)
                    runs[database.kind].append(run)
                    print(f"  run {number + 1} {database.kind}: {run['seconds']:.1f} s, "
                          f"peak RSS {mib(run['peak_rss'])}", flush=True)
            results += [summary(size, kind, kind_runs) for kind, kind_runs in runs.items()]
    report(sorted(results, key=lambda r: (r["kind"] != "SQLite", r["size"])), quarter, args.runs)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind, rest = sys.argv[2], sys.argv[3:]
        print(json.dumps(child_build(*rest) if kind == "build" else child_count()))
        sys.exit(0)
    sys.exit(main())
