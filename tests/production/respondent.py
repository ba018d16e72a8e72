"""A respondent over real HTTP, as a phone would be: its own cookie, one request at a time, no browser.

It keeps cookies by hand because production cookies are Secure, and Python's cookie jars never send a Secure
cookie over plain http (browsers do, to 127.0.0.1), which is all a test deployment on loopback has.
"""
from __future__ import annotations

import http.client
import re
from urllib.parse import parse_qs, urlencode, urlsplit

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


class Answered(Exception):
    """The server said something a respondent would not expect to see."""


class Respondent:
    def __init__(self, host: str, port: int, timeout: float = 60):
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout)
        self.cookies: dict[str, str] = {}

    def _request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()  # a fresh connection, as a phone would after a dropped one
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
        text = answer.read().decode("utf-8", errors="replace")
        for header, value in answer.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return answer.status, answer.getheader("Location", ""), text

    def get(self, path: str) -> tuple[int, str, str]:
        return self._request("GET", path)

    def post(self, path: str, form: dict) -> tuple[int, str, str]:
        return self._request("POST", path, form)

    @staticmethod
    def _path(location: str) -> str:
        parts = urlsplit(location)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def complete(self, start_path: str, answers: dict, send_twice: bool = False) -> str:
        """Walk a survey from its open link to the thank-you page; returns the draft's token.

        `answers` maps a question key to its answer (option keys or a text); at a question it leaves out, the
        respondent skips the rest of that section (equality monitoring). With `send_twice`, "Send" is posted
        twice, as a retry after a lost reply would."""
        status, _, page = self.get(start_path)
        if status != 200:
            raise Answered(f"{start_path}: {status}")
        token = next(group for group in CSRF.search(page).groups() if group)
        status, location, _ = self.post(start_path, {"csrf_token": token})
        while status == 302 and "/done" not in location:
            path = self._path(location)
            if "/help" in path:  # help first after a disclosure; "carry on" leads to `next`
                following = parse_qs(urlsplit(path).query).get("next", ["check"])[0]
                base = path.split("/help", 1)[0]
                path = f"{base}/check" if following == "check" else f"{base}/q/{following}"
            if path.endswith("/check"):
                status, location, _ = self.post(path, {"csrf_token": token})
                if send_twice:
                    again, again_location, _ = self.post(path, {"csrf_token": token})
                    if again != 302 or "/done" not in again_location:
                        raise Answered(f"sending again gave {again} {again_location}")
                continue
            key = path.rsplit("/q/", 1)[1]
            form = {"answer": answers[key]} if key in answers else {"skip_section": "1"}
            status, location, _ = self.post(path, {"csrf_token": token, **form})
        if status != 302 or "/done" not in location:
            raise Answered(f"expected the thank-you page, got {status} {location}")
        return location.split("/r/", 1)[1].split("/", 1)[0]
