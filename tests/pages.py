"""A test client that parses every page it fetches and checks the structural accessibility basics."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup


class Page:
    def __init__(self, response):
        self.response = response
        self.status = response.status_code
        self.html = response.get_data(as_text=True)
        self.soup = BeautifulSoup(self.html, "html.parser")

    @property
    def h1(self) -> str:
        return self.soup.h1.get_text(" ", strip=True)

    @property
    def title(self) -> str:
        return self.soup.title.get_text(" ", strip=True)

    def csrf(self) -> str:
        return self.soup.find("input", attrs={"name": "csrf_token"})["value"]

    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    def answer_values(self) -> list[str]:
        return [i["value"] for i in self.soup.find_all("input", attrs={"name": "answer"})]

    def errors(self) -> list[str]:
        return [e.get_text(" ", strip=True) for e in self.soup.select(".govuk-error-message")]

    def check_structure(self) -> None:
        html = self.soup.html
        assert html.get("lang") and html.get("dir") in ("ltr", "rtl"), "every page has lang and dir"
        h1s = self.soup.find_all("h1")
        assert len(h1s) == 1, f"exactly one h1, found {len(h1s)}"
        heading = h1s[0].get_text(" ", strip=True)
        title = self.title
        if self.soup.select_one(".govuk-error-summary"):
            # An error page's title is the heading with the (translated) word "Error:" in front.
            assert heading in title and not title.startswith(heading), f"error title {title!r} for {heading!r}"
        else:
            assert title.startswith(heading), f"title {title!r} starts with h1 {heading!r}"
        ids = [tag["id"] for tag in self.soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
        for field in self.soup.find_all(["input", "textarea", "select"]):
            if field.get("type") in ("hidden", "submit"):
                continue
            assert field.get("id") and self.soup.find("label", attrs={"for": field["id"]}), \
                f"no label for {field.get('name')} #{field.get('id')}"


class RespondentClient:
    """Walks surveys as a respondent would, one page at a time, checking every page."""

    def __init__(self, app):
        self.app = app
        self.http = app.test_client()

    def get(self, url: str, **kwargs) -> Page:
        page = Page(self.http.get(url, **kwargs))
        if page.html.lstrip().startswith("<!DOCTYPE html>"):
            page.check_structure()
        return page

    def post(self, url: str, data: dict, **kwargs) -> Page:
        return Page(self.http.post(url, data=data, **kwargs))

    def start(self, start_url: str, language: str | None = None) -> str:
        """Open a link, press Start; returns the draft's first question URL."""
        page = self.get(start_url + (f"?lang={language}" if language else ""))
        assert page.status == 200, page.text()[:300]
        response = self.http.post(start_url, data={"csrf_token": page.csrf(), "language": language or ""})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        assert "/q/" in response.location, "Start leads straight to the first question"
        return response.location

    def answer(self, url: str, value) -> Page:
        page = self.get(url)
        assert page.status == 200, f"{url}: {page.status}"
        data = {"csrf_token": page.csrf()}
        if value is not None:
            data["answer"] = value
        return self.post(url, data)

    @staticmethod
    def draft_token(url: str) -> str:
        return re.search(r"/r/([^/?#]+)", urlsplit(url).path).group(1)
