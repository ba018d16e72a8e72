"""Throughput: complete survey responses per second, and server CPU per response, on loopback.

C simulated respondents (threads, one keep-alive http.client connection and one cookie jar each) complete
whole responses through the real respondent pages, again and again, for a fixed time (or count):
open link -> Start -> every question -> check your answers -> send -> thank-you page with a reference.
Each question is answered with its first option, or a short text; the equality-monitoring section is
skipped with its "Skip these questions" button, as a respondent may. A new respondent (fresh cookies) starts
each response. Requests ask for gzip, as browsers do, so the server's compression is part of the cost.

Measured per run: completed responses (reached the thank-you page with a reference), responses/s, requests/s,
latency per request (p50/p95), errors, the CPU time of the gunicorn master and workers (/proc/<pid>/stat)
per completed response, and the load generator's own CPU (it shares the machine). The database is then
checked: responses stored must equal responses the clients saw completed. The same clients then hit
/healthz, a bare endpoint, for the same-run comparison.

The server runs on a fresh SQLite file, or with --database postgresql on a throwaway PostgreSQL cluster; Celery's
broker is a SQLite file, or with --redis a throwaway Redis (rate-limit counts too), as in production. Server CPU
is then gunicorn's plus the PostgreSQL and Redis processes'.

    .venv/bin/python bench/throughput.py                                  # feel-safer and msp-adult, 16 clients, 20 s
    .venv/bin/python bench/throughput.py --database postgresql --redis    # the production topology
    .venv/bin/python bench/throughput.py --survey msp-adult --clients 16 --seconds 20
    .venv/bin/python bench/throughput.py --url http://127.0.0.1:8000 --db instance/voicecapture.db --server-pid PID

With --url the responses are really stored in that server's database: never point it at a live service.

Goals: at least 100 completed responses/s, at most 10 ms of server CPU per completed response, and survey
requests/s at least a third of /healthz requests/s on the same server in the same run.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import resource
import sys
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import OPEN_LINKS, Server, bench_server, descendants, process_cpu_seconds  # noqa: E402

GOAL_RESPONSES_PER_SECOND = 100
GOAL_CPU_MS_PER_RESPONSE = 10
GOAL_SHARE_OF_BARE = 1 / 3  # survey requests/s against /healthz requests/s
SHORT_TEXT = "They listened to me."

CSRF_RE = re.compile(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"')
ANSWER_INPUT_RE = re.compile(r'<input[^>]*name="answer"[^>]*value="([^"]*)"')
TEXTAREA_RE = re.compile(r'<textarea[^>]*name="answer"')
SKIP_SECTION_RE = re.compile(r'name="skip_section"')
# The reference, whether the panel's HTML arrives as markup or escaped.
REFERENCE_RE = re.compile(r'vc-reference(?:"|&#34;|&quot;)\s*(?:>|&gt;)\s*([0-9A-Z]{4}-[0-9A-Z]{4})')


class FlowError(Exception):
    pass


@dataclass
class Stats:
    latencies: list = field(default_factory=list)    # seconds, one per request
    requests: int = 0
    completed: int = 0
    errors: int = 0
    error_samples: list = field(default_factory=list)
    skipped_sections: int = 0
    questions: int = 0

    def merge(self, other: "Stats") -> None:
        self.latencies += other.latencies
        self.requests += other.requests
        self.completed += other.completed
        self.errors += other.errors
        self.error_samples += other.error_samples[: max(0, 5 - len(self.error_samples))]
        self.skipped_sections += other.skipped_sections
        self.questions += other.questions


class Client:
    """One simulated respondent: a keep-alive connection (reopened when the server closes it) and cookies."""

    def __init__(self, host: str, port: int, stats: Stats):
        self.conn = http.client.HTTPConnection(host, port, timeout=60)
        self.host_header = f"{host}:{port}"
        self.cookies: dict[str, str] = {}
        self.stats = stats

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Host": self.host_header, "Accept-Encoding": "gzip", "User-Agent": "voicecapture-bench"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            raise FlowError(f"{method} {path}: {type(error).__name__}: {error}") from None
        self.stats.latencies.append(time.perf_counter() - started)
        self.stats.requests += 1
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        if data and response.getheader("Content-Encoding") == "gzip":
            data = zlib.decompress(data, 16 + zlib.MAX_WBITS)
        location = response.getheader("Location")
        if location and location.startswith("http"):
            parts = urlsplit(location)
            location = parts.path + (f"?{parts.query}" if parts.query else "")
        return response.status, location, data.decode("utf-8", "replace")

    def expect(self, method: str, path: str, status: int, form: dict | None = None):
        got, location, text = self.request(method, path, form)
        if got != status:
            raise FlowError(f"{method} {path}: expected {status}, got {got}: {text[:200]!r}")
        return location, text


def csrf_of(text: str, where: str) -> str:
    found = CSRF_RE.search(text)
    if not found:
        raise FlowError(f"{where}: no csrf_token in the page")
    return found.group(1)


def complete_response(client: Client, start_path: str) -> str:
    """One respondent from the open link to the thank-you page; returns the reference shown."""
    client.cookies = {}  # a new person each time
    _, page = client.expect("GET", start_path, 200)
    # Start leads straight to the first question.
    location, _ = client.expect("POST", start_path, 302, {"csrf_token": csrf_of(page, start_path), "language": "en"})
    while "/q/" in location:
        path = location
        _, page = client.expect("GET", path, 200)
        form = {"csrf_token": csrf_of(page, path)}
        if SKIP_SECTION_RE.search(page):
            form["skip_section"] = "1"  # equality monitoring: skip the whole section
            client.stats.skipped_sections += 1
        else:
            option = ANSWER_INPUT_RE.search(page)
            if option:
                form["answer"] = option.group(1)
            elif TEXTAREA_RE.search(page):
                form["answer"] = SHORT_TEXT
            else:
                raise FlowError(f"{path}: no answer field")
        client.stats.questions += 1
        location, _ = client.expect("POST", path, 302, form)
    if not location.endswith("/check"):
        raise FlowError(f"expected the check page, was sent to {location}")
    _, page = client.expect("GET", location, 200)
    done, _ = client.expect("POST", location, 302, {"csrf_token": csrf_of(page, location)})
    if not done.endswith("/done"):
        raise FlowError(f"expected the thank-you page, was sent to {done}")
    _, page = client.expect("GET", done, 200)
    reference = REFERENCE_RE.search(page)
    if not reference:
        raise FlowError(f"{done}: no reference on the thank-you page")
    return reference.group(1)


class Budget:
    """Shared stop rule: no new response after the deadline, and at most `limit` responses started."""

    def __init__(self, seconds: float, limit: int):
        self.deadline = time.monotonic() + seconds
        self.left = limit
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.left <= 0 or time.monotonic() >= self.deadline:
                return False
            self.left -= 1
            return True


def survey_worker(host, port, start_path, budget: Budget, stats: Stats, references: list):
    client = Client(host, port, stats)
    while budget.take():
        try:
            references.append(complete_response(client, start_path))
            stats.completed += 1
        except FlowError as error:
            stats.errors += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(str(error))
    client.conn.close()


def healthz_worker(host, port, budget: Budget, stats: Stats, references: list):
    client = Client(host, port, stats)
    while budget.take():
        try:
            client.expect("GET", "/healthz", 200)
            stats.completed += 1
        except FlowError as error:
            stats.errors += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(str(error))
    client.conn.close()


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_busy_seconds() -> float:
    """CPU seconds spent not idle by the whole machine, all cores together (/proc/stat)."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    busy = sum(values[:8]) - idle  # user nice system idle iowait irq softirq steal (guest is inside user)
    return busy / os.sysconf("SC_CLK_TCK")


def server_cpu(pids: list[int], services: dict) -> dict:
    """CPU seconds so far: each gunicorn process by pid, and each service (PostgreSQL, Redis) by name."""
    return {**{pid: process_cpu_seconds(pid) for pid in pids}, **{name: cpu() for name, cpu in services.items()}}


def run_phase(server: Server, target, args_for, clients: int, seconds: float, limit: int, pids) -> dict:
    parts = urlsplit(server.url)
    all_stats = [Stats() for _ in range(clients)]
    references: list = []
    cpu_before = server_cpu(pids, server.services)
    own_before, machine_before = own_cpu_seconds(), machine_busy_seconds()
    budget = Budget(seconds, limit)
    started = time.perf_counter()
    threads = [threading.Thread(target=target, args=(parts.hostname, parts.port, *args_for, budget, s, references),
                                daemon=True) for s in all_stats]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cpu_after = server_cpu(pids, server.services)
    own_after, machine_after = own_cpu_seconds(), machine_busy_seconds()
    stats = Stats()
    for s in all_stats:
        stats.merge(s)
    lost = [pid for pid in pids if cpu_after.get(pid, 0) == 0 and cpu_before.get(pid, 0) > 0]
    return {
        "stats": stats,
        "elapsed": elapsed,
        "server_cpu": sum(cpu_after.values()) - sum(cpu_before.values()) if pids else None,
        "service_cpu": {name: cpu_after[name] - cpu_before[name] for name in server.services},
        "own_cpu": own_after - own_before,
        "machine_cpu": machine_after - machine_before,
        "references": references,
        "lost_pids": lost,
    }


def percentile(sorted_values: list, fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def stored_responses(database_url: str | None, survey_id: str) -> int | None:
    """Rows in the response table for the survey, read from the server's own database (any SQLAlchemy URL)."""
    if database_url is None:
        return None
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT COUNT(*) FROM response WHERE survey_id = :survey"),
                                      {"survey": survey_id}).scalar_one()
    finally:
        engine.dispose()


def database_url_of(db: str | None) -> str | None:
    """--db is a SQLite file or a database URL."""
    if db is None or "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


def server_pids(server: Server, given: int | None) -> list[int]:
    if server.master_pid is not None:
        return server.pids()
    if given:
        return [given, *descendants(given)]
    return []


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--survey", action="append", choices=sorted(OPEN_LINKS),
                        help="survey to complete (repeatable; default: feel-safer and msp-adult)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent simulated respondents (default 16)")
    parser.add_argument("--seconds", type=float, default=20, help="how long each survey runs (default 20)")
    parser.add_argument("--max-responses", type=int, default=20000,
                        help="stop a survey run after this many responses even if time is left (default 20000)")
    parser.add_argument("--healthz-seconds", type=float, default=10, help="length of the /healthz run (default 10)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers when starting a server (default 2)")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite",
                        help="the started server's database: a fresh SQLite file (default) or a throwaway "
                             "PostgreSQL cluster")
    parser.add_argument("--redis", action="store_true",
                        help="give the started server a throwaway Redis as Celery's broker and for rate-limit "
                             "counts, as in production (default: the SQLite broker)")
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--db", help="with --url: its SQLite file or database URL, to check the stored count")
    parser.add_argument("--server-pid", type=int, help="with --url: gunicorn master pid, for CPU figures")
    args = parser.parse_args(argv)
    surveys = args.survey or ["feel-safer", "msp-adult"]

    with bench_server(args.url, workers=args.workers, database=args.database, redis=args.redis) as server:
        database_url = server.database_url or database_url_of(args.db)
        pids = server_pids(server, args.server_pid)
        print(f"Throughput on {server.url}: {args.clients} clients, {os.cpu_count()} CPUs shared by server and "
              f"load generator")
        if server.master_pid:
            print(f"Server: gunicorn, {server.workers} sync workers, production settings; pids {pids}")
            print(f"Database: {server.database}")
            print(f"Broker: {server.broker}")
            if server.services:
                print(f"Server CPU below is gunicorn's plus {' and '.join(server.services)}'s.")
        elif pids:
            print(f"Server: given, pids {pids}")
        else:
            print("Server: given with --url and no --server-pid: no server CPU figures.")
        print("Every question is answered with its first option or a short text; the equality-monitoring "
              "section is skipped\nwith its 'Skip these questions' button. Requests accept gzip.")
        print()

        # Warm up: templates compiled and connections opened in every worker before measuring.
        warm = run_phase(server, survey_worker, (OPEN_LINKS[surveys[0]],), min(args.clients, 4), 0.5,
                         2 * max(args.workers, 1) * len(surveys), pids)
        for survey_id in surveys[1:]:
            run_phase(server, survey_worker, (OPEN_LINKS[survey_id],), 2, 0.5, 2 * max(args.workers, 1), pids)
        run_phase(server, healthz_worker, (), 2, 0.2, 50, pids)
        if warm["stats"].errors:
            print("Warm-up errors:", *warm["stats"].error_samples, sep="\n  ")

        results = []
        for survey_id in surveys:
            before = stored_responses(database_url, survey_id)
            result = run_phase(server, survey_worker, (OPEN_LINKS[survey_id],), args.clients, args.seconds,
                               args.max_responses, pids)
            after = stored_responses(database_url, survey_id)
            result["stored"] = None if before is None else after - before
            result["name"] = survey_id
            results.append(result)
        health = run_phase(server, healthz_worker, (), args.clients, args.healthz_seconds, 10_000_000, pids)
        health["name"] = "/healthz"
        health["stored"] = None

        log_problems = []
        if server.log_path and server.log_path.exists():
            log_problems = [line for line in server.log_path.read_text(errors="replace").splitlines()
                            if "Traceback" in line or "TIMEOUT" in line or "[ERROR]" in line]

    report(results, health, args, pids, log_problems)
    return 0


def cpu_split(result: dict) -> str:
    """How the server's CPU divides between gunicorn and the services, when there are any."""
    services = result["service_cpu"]
    if not services:
        return ""
    gunicorn = result["server_cpu"] - sum(services.values())
    return ": " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in {"gunicorn": gunicorn, **services}.items())


def share_of_bare(results: list[dict], health: dict) -> None:
    """The production issue's goal: a survey request may cost at most three bare requests' worth of throughput."""
    bare_rate = health["stats"].requests / health["elapsed"]
    if not bare_rate:
        return
    print("Goal: survey requests/s at least 1/3 of /healthz requests/s (same server, same run)")
    for r in results:
        rate = r["stats"].requests / r["elapsed"]
        share = rate / bare_rate
        print(f"  {r['name']}: {rate:.0f} / {bare_rate:.0f} = {share:.2f}  "
              f"{'PASS' if share >= GOAL_SHARE_OF_BARE else 'FAIL'}{cpu_share(r, health)}")


def cpu_share(result: dict, health: dict) -> str:
    """The same share by server CPU per request, which a busy machine or a busy load generator disturbs less."""
    if result["server_cpu"] is None or health["server_cpu"] is None or not result["stats"].requests:
        return ""
    survey = 1000 * result["server_cpu"] / result["stats"].requests
    bare = 1000 * health["server_cpu"] / health["stats"].requests
    return f"  (by server CPU per request: {bare:.2f} / {survey:.2f} ms = {bare / survey:.2f})"


def report(results, health, args, pids, log_problems) -> None:
    header = (f"{'run':<12} {'done':>6} {'resp/s':>7} {'req/s':>7} {'req/resp':>8} {'p50 ms':>7} {'p95 ms':>7} "
              f"{'errors':>6} {'srv CPU ms/resp':>15} {'srv CPU ms/req':>14} {'gen CPU':>8}")
    print(header)
    print("-" * len(header))
    for r in [*results, health]:
        s, elapsed = r["stats"], r["elapsed"]
        lat = sorted(s.latencies)
        per_response = s.requests / s.completed if s.completed and r is not health else 1.0
        cpu_resp = f"{1000 * r['server_cpu'] / s.completed:.1f}" if r["server_cpu"] is not None and s.completed \
            else "n/a"
        cpu_req = f"{1000 * r['server_cpu'] / s.requests:.2f}" if r["server_cpu"] is not None and s.requests \
            else "n/a"
        if r is health:
            cpu_resp = "-"
        rate = f"{s.completed / elapsed:.1f}" if r is not health else "-"
        print(f"{r['name']:<12} {s.completed if r is not health else '-':>6} "
              f"{rate:>7} {s.requests / elapsed:>7.1f} "
              f"{per_response:>8.1f} {1000 * percentile(lat, .5):>7.1f} {1000 * percentile(lat, .95):>7.1f} "
              f"{s.errors:>6} {cpu_resp:>15} {cpu_req:>14} {100 * r['own_cpu'] / elapsed:>7.0f}%")
    print()
    print("done: responses that reached the thank-you page with a reference. gen CPU: the load generator's own")
    print("CPU time as a share of one core over the run (this machine has "
          f"{os.cpu_count()} cores for server and generator together).")
    for r in [*results, health]:
        s = r["stats"]
        server_cpu = f"{r['server_cpu']:.2f} s" if r["server_cpu"] is not None else "n/a"
        extra = (f", {s.questions / s.completed:.1f} question pages per response, equality section skipped "
                 f"{s.skipped_sections} times" if r is not health and s.completed else "")
        print(f"  {r['name']}: {r['elapsed']:.1f} s wall, {s.requests} requests, server CPU {server_cpu} "
              f"({100 * r['server_cpu'] / r['elapsed']:.0f}% of one core{cpu_split(r)}), "
              f"generator CPU {r['own_cpu']:.2f} s{extra}"
              if r["server_cpu"] is not None else
              f"  {r['name']}: {r['elapsed']:.1f} s wall, {s.requests} requests, generator CPU {r['own_cpu']:.2f} s"
              f"{extra}")
        others = r["machine_cpu"] - r["own_cpu"] - (r["server_cpu"] or 0)
        print(f"      whole machine {100 * r['machine_cpu'] / r['elapsed'] / os.cpu_count():.0f}% busy; "
              f"other processes (not server, not generator) took about {others:.2f} s of CPU"
              + (" (no server pids: includes the server)" if r["server_cpu"] is None else ""))
        for sample in s.error_samples:
            print(f"      error: {sample}")
        if r["lost_pids"]:
            print(f"      warning: processes {r['lost_pids']} exited during the run; their CPU is not counted")
    print()
    print("Stored in the database (table response) against completed by the clients:")
    for r in results:
        stored = r["stored"]
        seen = r["stats"].completed
        verdict = "n/a (no database; pass --db)" if stored is None else ("match" if stored == seen else "MISMATCH")
        print(f"  {r['name']}: stored {stored if stored is not None else '?'}, completed {seen}: {verdict}")
    print()
    print(f"Goals: >= {GOAL_RESPONSES_PER_SECOND} completed responses/s, <= {GOAL_CPU_MS_PER_RESPONSE} ms server "
          "CPU per completed response")
    for r in results:
        s = r["stats"]
        rate = s.completed / r["elapsed"]
        print(f"  {r['name']}: {rate:.1f} responses/s  {'PASS' if rate >= GOAL_RESPONSES_PER_SECOND else 'FAIL'}"
              + (f";  {1000 * r['server_cpu'] / s.completed:.1f} ms CPU/response  "
                 f"{'PASS' if 1000 * r['server_cpu'] / s.completed <= GOAL_CPU_MS_PER_RESPONSE else 'FAIL'}"
                 if r["server_cpu"] is not None and s.completed else ";  CPU: n/a"))
    hs = health["stats"]
    if health["server_cpu"] is not None and hs.requests:
        bare = 1000 * health["server_cpu"] / hs.requests
        print(f"Same run, bare endpoint: /healthz {hs.requests / health['elapsed']:.0f} requests/s at "
              f"{bare:.2f} ms server CPU per request.")
        for r in results:
            s = r["stats"]
            if s.requests and r["server_cpu"] is not None:
                flow = 1000 * r["server_cpu"] / s.requests
                print(f"  {r['name']}: {s.requests / r['elapsed']:.0f} requests/s at {flow:.2f} ms per request, "
                      f"{flow / bare:.1f}x the CPU of a /healthz request")
    share_of_bare(results, health)
    if log_problems:
        print(f"\nServer log: {len(log_problems)} error line(s), first: {log_problems[0][:200]}")


if __name__ == "__main__":
    sys.exit(main())
