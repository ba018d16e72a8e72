"""Page weight: what a phone downloads to show one page, measured in headless Chromium.

For the start page of msp-adult, its first question (after pressing Start) and its third question, this
opens the page in a fresh browser context (empty cache, the respondent's cookies copied in) at 375x667
and counts, through the Chrome DevTools Protocol, every request and the bytes transferred for that page
load only: the POST and redirects that led to the page are not counted. A second load of the same page
in the same context (warm cache) is shown for information.

    .venv/bin/python bench/page_weight.py              # starts its own server on a temporary database
    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000

Goal per page, empty cache: at most 30 KB transferred (compressed, headers included) and at most 4 requests.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import OPEN_LINKS, bench_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
VIEWPORT = {"width": 375, "height": 667}
GOAL_BYTES = 30 * 1024
GOAL_REQUESTS = 4


class NetworkLog:
    """Collects CDP Network events for one page: requests, bytes on the wire and decoded bytes."""

    def __init__(self, cdp):
        self.reset()
        cdp.on("Network.requestWillBeSent", self._will_be_sent)
        cdp.on("Network.requestServedFromCache", self._from_cache)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def reset(self) -> None:
        """Start counting a new page load (CDP handlers stay attached; only the counts start again)."""
        self.requests: dict[str, dict] = {}
        self.data_urls = 0

    def _entry(self, request_id):
        return self.requests.setdefault(request_id, {"url": "", "encoded": 0, "decoded": 0, "cached": False,
                                                     "finished": False, "failed": False, "status": None,
                                                     "redirects": 0, "encoding": ""})

    def _will_be_sent(self, event):
        url = event["request"]["url"]
        if url.startswith("data:"):
            self.data_urls += 1
            return
        entry = self._entry(event["requestId"])
        if event.get("redirectResponse"):
            entry["redirects"] += 1
        entry["url"] = url

    def _from_cache(self, event):
        if event["requestId"] in self.requests:
            self.requests[event["requestId"]]["cached"] = True

    def _response(self, event):
        if event["requestId"] in self.requests:
            entry = self.requests[event["requestId"]]
            entry["status"] = event["response"]["status"]
            headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
            entry["encoding"] = headers.get("content-encoding", "")
            if event["response"].get("fromDiskCache") or event["response"].get("fromPrefetchCache"):
                entry["cached"] = True

    def _data(self, event):
        if event["requestId"] in self.requests:
            self.requests[event["requestId"]]["decoded"] += event["dataLength"]

    def _finished(self, event):
        if event["requestId"] in self.requests:
            entry = self.requests[event["requestId"]]
            entry["encoded"] = event["encodedDataLength"]
            entry["finished"] = True

    def _failed(self, event):
        if event["requestId"] in self.requests:
            self.requests[event["requestId"]]["failed"] = True

    def settled(self) -> bool:
        return all(e["finished"] or e["failed"] for e in self.requests.values())

    def summary(self) -> dict:
        entries = list(self.requests.values())
        network = [e for e in entries if not e["cached"]]
        return {
            "requests": len(entries) + sum(e["redirects"] for e in entries),
            "network_requests": len(network),
            "transferred": sum(e["encoded"] for e in entries),
            "decoded": sum(e["decoded"] for e in entries),
            "failed": sum(1 for e in entries if e["failed"]),
            "entries": entries,
        }


def measure(browser, url: str, storage_state=None) -> tuple[dict, dict]:
    """Load `url` in a new context (empty cache), then again in the same context (warm cache)."""
    context = browser.new_context(viewport=VIEWPORT, storage_state=storage_state,
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        log = NetworkLog(cdp)
        results = []
        for _ in ("cold", "warm"):
            log.reset()
            response = page.goto(url, wait_until="load")
            if response is None or response.status != 200:
                raise RuntimeError(f"{url}: status {response.status if response else 'none'}")
            deadline = time.monotonic() + 5
            page.wait_for_timeout(300)  # let late requests (deferred script, images) start
            while not log.settled() and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            results.append(log.summary())
        return results[0], results[1]
    finally:
        context.close()


def _explain_uncompressed_static(rows, base_url: str) -> None:
    """Say so when a static file went out uncompressed, and what it would weigh gzipped."""
    import gzip
    static_root = Path(__file__).resolve().parent.parent / "voicecapture" / "static"
    seen = set()
    for _name, _url, cold, _warm in rows:
        for e in cold["entries"]:
            path = e["url"].removeprefix(base_url)
            if not path.startswith("/static/") or e["encoding"] or path in seen:
                continue
            seen.add(path)
            file = static_root / path.removeprefix("/static/").split("?")[0]
            if not file.exists() or file.stat().st_size < 1024:
                continue
            gz = file.with_name(file.name + ".gz")
            size = len(gzip.compress(file.read_bytes(), 9))
            print(f"\nNote: {path} was sent uncompressed ({kb(e['encoded'])} on the wire); "
                  f"{'there is no ' + gz.name + ' beside it' if not gz.exists() else gz.name + ' exists'}.")
            folder = file.parent.relative_to(static_root.parent.parent)
            print(f"      Gzipped it would be {kb(size)} ('python -m whitenoise.compress {folder}' makes the .gz "
                  f"that WhiteNoise serves).")
            for name, _u, c, _w in rows:
                if any(x["url"] == e["url"] for x in c["entries"]):
                    print(f"      {name}: {kb(c['transferred'])} now, about "
                          f"{kb(c['transferred'] - e['encoded'] + size + 300)} with it gzipped.")


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure this running server instead of starting one")
    parser.add_argument("--survey", default="msp-adult", choices=sorted(OPEN_LINKS))
    parser.add_argument("--detail", action="store_true", help="list every request")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    with bench_server(args.url) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            start_url = server.url + OPEN_LINKS[args.survey]
            # Walk to the pages as a respondent would, in a context of its own.
            walker = browser.new_context(viewport=VIEWPORT)
            page = walker.new_page()
            page.goto(start_url)
            page.locator("form button[type=submit]").first.click()
            page.wait_for_url("**/q/**")
            first_url = page.url
            first_state = walker.storage_state()
            for _ in range(2):  # answer questions 1 and 2 with their first option (or a short text)
                choices = page.locator("input[name=answer]")
                if choices.count():
                    choices.first.check()
                else:
                    page.locator("textarea[name=answer]").fill("They listened to me.")
                current = page.url
                page.locator("form button[type=submit]").first.click()
                page.wait_for_url(lambda u, c=current: u != c and "/q/" in u)
            third_url = page.url
            third_state = walker.storage_state()
            walker.close()

            pages = [
                ("start page", start_url, None),
                ("question 1", first_url, first_state),
                ("question 3", third_url, third_state),
            ]
            rows = []
            for name, url, state in pages:
                cold, warm = measure(browser, url, state)
                rows.append((name, url, cold, warm))
        finally:
            browser.close()

    path_of = {name: url.removeprefix(server.url) for name, url, _, _ in rows}
    print(f"Page weight: {args.survey}, headless Chromium ({CHROMIUM}) at 375x667, server {server.url}")
    print("Empty cache, one page load (the POST and redirects before it are not counted).")
    print("'transferred' is bytes on the wire (compressed, with headers); 'decoded' is the bytes after")
    print("decompression. data: URLs (the empty favicon) are not requests and are not counted.")
    print()
    header = f"{'page':<12} {'requests':>8} {'transferred':>12} {'decoded':>10}   goal (<= 30 KB, <= 4 requests)"
    print(header)
    print("-" * len(header))
    all_pass = True
    for name, _url, cold, _warm in rows:
        ok = cold["transferred"] <= GOAL_BYTES and cold["requests"] <= GOAL_REQUESTS and not cold["failed"]
        all_pass &= ok
        print(f"{name:<12} {cold['requests']:>8} {kb(cold['transferred']):>12} {kb(cold['decoded']):>10}   "
              f"{'PASS' if ok else 'FAIL'}")
    print()
    print("Second load in the same context (warm cache), for information:")
    header = f"{'page':<12} {'requests':>8} {'from network':>12} {'transferred':>12} {'decoded':>10}"
    print(header)
    print("-" * len(header))
    for name, _url, _cold, warm in rows:
        print(f"{name:<12} {warm['requests']:>8} {warm['network_requests']:>12} {kb(warm['transferred']):>12} "
              f"{kb(warm['decoded']):>10}")
    print()
    for name, _url, cold, _warm in rows:
        print(f"{name}: {path_of[name]}")
        if args.detail or cold["requests"] > GOAL_REQUESTS or cold["transferred"] > GOAL_BYTES:
            for e in cold["entries"]:
                print(f"    {e['status']}  {e['encoded']:>7} B wire  {e['decoded']:>7} B decoded  "
                      f"{e['encoding'] or 'identity':<8}  {e['url'].removeprefix(server.url)}")
    _explain_uncompressed_static(rows, server.url)
    if not all_pass:
        print("\nGoal not met for at least one page (see FAIL above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
