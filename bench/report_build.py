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
    .venv/bin/python bench/report_build.py --database-url 'postgresql://localhost/vc_bench_{size}'

With --database-url the responses are loaded into that database if it has none (give an empty database per
size: {size} in the URL is replaced), and each run adds a report to it.

Goals: 1,000,000 responses in under 60 s and under 1 GiB, time growing no faster than linearly.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _data import (BOARD, RESULTS, app_env, cached_database, file_size, last_complete_financial_year,  # noqa: E402
                   load, machine_busy_seconds, year_label)

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


def database_for(size: int, args) -> tuple[str, Path | None, float | None]:
    """(database URL, cached SQLite file or None, seconds loading took now or None)."""
    if args.database_url:
        url = args.database_url.format(size=size)
        if run_child(url, "count") == 0:
            return url, None, load(url, size, args.seed, args.year)
        return url, None, None
    path, seconds = cached_database(size, args.seed, args.year)
    return f"sqlite:///{path}", path, seconds


def time_build(url: str, cached: Path | None, quarter: str) -> dict:
    """One timed build, on a copy of the cached SQLite file (or on the given database itself)."""
    with tempfile.TemporaryDirectory(dir=RESULTS) as scratch:
        if cached is not None:
            copy = Path(scratch) / cached.name
            shutil.copyfile(cached, copy)
            url = f"sqlite:///{copy}"
        busy, started = machine_busy_seconds(), time.perf_counter()
        result = run_child(url, "build", quarter)
        # What the rest of the machine used while the child ran: all busy time but the child's own.
        result["others_cpu"] = max(0.0, machine_busy_seconds() - busy - result["cpu"])
        result["child_seconds"] = time.perf_counter() - started
    if result["status"] != "stored":
        sys.exit(f"the report was not built ({result['outcome']}): {result['error']}")
    return result


def mib(n: float) -> str:
    return f"{n / 2 ** 20:,.0f} MiB"


def summary(size: int, runs: list[dict]) -> dict:
    median = statistics.median(run["seconds"] for run in runs)
    return {"size": size, "seconds": median, "fastest": min(run["seconds"] for run in runs),
            "phases": {phase: statistics.median(run["phases"].get(phase, 0.0) for run in runs) for phase in PHASES},
            "peak_rss": max(run["peak_rss"] for run in runs), "rss_before": max(run["rss_before"] for run in runs),
            "others_cpu": sum(run["others_cpu"] for run in runs),
            "child_seconds": sum(run["child_seconds"] for run in runs), "counted": runs[0]["responses_counted"]}


def report(results: list[dict], quarter: str, runs: int) -> None:
    print(f"\nReport for {BOARD}, {quarter} (median of {runs} run(s); parts are medians too)")
    header = (f"{'responses':>10} {'build':>7} {'fastest':>7} {'theming':>7} {'gather':>7} {'render':>7} "
              f"{'(pdf)':>6} {'store':>6} {'peak RSS':>10} {'RSS at start':>12} {'responses/s':>11}")
    print(header)
    print("-" * len(header))
    for r in results:
        p = r["phases"]
        print(f"{r['size']:>10,} {r['seconds']:>6.1f}s {r['fastest']:>6.1f}s {p['theming']:>6.1f}s "
              f"{p['gather']:>6.1f}s {p['render']:>6.1f}s {p['pdf']:>5.1f}s {p['store']:>5.1f}s {mib(r['peak_rss']):>10} "
              f"{mib(r['rss_before']):>12} {r['size'] / r['seconds']:>11,.0f}")
    for r in results:
        if r["counted"] != r["size"]:
            print(f"  note: the {r['size']:,} report counted {r['counted']:,} responses in its quarters")
    print("\nHow busy the rest of the machine was during the runs (cores used by other processes, of 2):")
    for r in results:
        print(f"  {r['size']:>10,}: {r['others_cpu'] / r['child_seconds']:.2f}")
    if len(results) > 1:
        small, large = results[0], results[-1]
        times = large["size"] / small["size"]
        print(f"\nGrowth: time({large['size']:,}) / time({small['size']:,}) = "
              f"{large['seconds'] / small['seconds']:.1f} for {times:.0f}x the responses (linear would be {times:.0f})")
    for r in results:
        if r["size"] == GOAL_SIZE:
            print(f"\nGoals at {GOAL_SIZE:,} responses: under {GOAL_SECONDS} s: {r['seconds']:.1f} s "
                  f"{'PASS' if r['seconds'] < GOAL_SECONDS else 'FAIL'}; under 1 GiB: {mib(r['peak_rss'])} "
                  f"{'PASS' if r['peak_rss'] < GOAL_BYTES else 'FAIL'}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=3, help="timed builds per size (the median is reported)")
    parser.add_argument("--year", type=int, default=last_complete_financial_year(),
                        help="financial year the responses fall in, by its first calendar year (default: the last "
                             "complete one)")
    parser.add_argument("--database-url", help="use this database instead of a cached SQLite file ({size} is "
                                               "replaced by the size)")
    args = parser.parse_args(argv)
    if args.database_url and len(args.sizes) > 1 and "{size}" not in args.database_url:
        parser.error("with several sizes, put {size} in --database-url: one database per size")
    RESULTS.mkdir(parents=True, exist_ok=True)
    quarter = f"{year_label(args.year)}Q4"
    results = []
    for size in sorted(args.sizes):
        url, cached, load_seconds = database_for(size, args)
        where = f"{cached.name}, {file_size(cached)}" if cached else url
        print(f"{size:,} responses ({where}): " +
              (f"loaded in {load_seconds:.0f} s (demo-data with comment analysis; not counted)" if load_seconds
               else "already loaded"), flush=True)
        runs = []
        for number in range(args.runs):
            runs.append(time_build(url, cached, quarter))
            print(f"  run {number + 1}: {runs[-1]['seconds']:.1f} s, peak RSS {mib(runs[-1]['peak_rss'])}", flush=True)
        results.append(summary(size, runs))
    report(results, quarter, args.runs)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind, rest = sys.argv[2], sys.argv[3:]
        print(json.dumps(child_build(*rest) if kind == "build" else child_count()))
        sys.exit(0)
    sys.exit(main())
