"""A report's content as files: a self-contained HTML page, a PDF (WeasyPrint), and the data tables as CSV and
XLSX. Deterministic: the same inputs give byte-identical files, so a rebuilt report can be checked against the
published one.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import xlsxwriter
from flask import current_app

from ..quarters import parse
from . import content as report_content

CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "report.css"
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A spreadsheet treats a cell starting with one of these as a formula: such text is prefixed with ' (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def all_files(inputs: dict) -> dict[str, bytes]:
    content = report_content.build(inputs)
    html = html_document(content)
    return {"html": html.encode("utf-8"), "pdf": pdf(html), "csv": csv_tables(content),
            "xlsx": xlsx_tables(content)}


def html_document(content: report_content.Content) -> str:
    template = current_app.jinja_env.get_template("report/document.html")
    return template.render(content=content, css=CSS.read_text(encoding="utf-8"))


def pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: only the worker and the CLI draw PDFs
    # No creation date in the metadata, so the same report always gives the same bytes.
    return HTML(string=html, base_url=None).write_pdf(uncompressed_pdf=False)


def _rows(content: report_content.Content):
    """Every published figure as (section, table, row, column, value): one tidy list for CSV and XLSX."""
    for card in content.cards:
        for column, value in zip(("Q1", "Q2", "Q3", "Q4", "Year to date"), card.by_quarter):
            yield "Metric cards", card.title, "Performance", column, value
        yield "Metric cards", card.title, "Target", "", card.target
        yield "Metric cards", card.title, "This quarter", "Answers", card.answers
        yield "Metric cards", card.title, "This quarter", "RAG rating", card.rag or "none"
    for table in (content.response_table,) + content.tables:
        for label, cells in table.rows:
            for column, value in zip(table.columns, cells):
                yield "Tables", table.title, label, column, value
    for theme in content.themes:
        for column, value in (("Comments", theme.count), ("Share", theme.share), ("Last quarter", theme.previous),
                              ("Change", theme.change), ("Positive", theme.sentiment[0]),
                              ("Neutral", theme.sentiment[1]), ("Negative", theme.sentiment[2])):
            yield "Themes", "Themes in comments this quarter", theme.label, column, value
        for number, quote in enumerate(theme.quotes, 1):
            yield "Quotes", theme.label, f"Quote {number}", quote.get("language", ""), quote["text"]
    themes = content.definitions.get("themes", {})
    for number, action in enumerate(content.actions, 1):
        for column in ("quarter", "you_said", "we_did", "status"):
            yield "You said, we did", f"Action {number}", themes.get(action["theme"], {}).get("label", ""), \
                column.replace("_", " "), action[column]


PLAIN_NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?%?$")


def inert(value) -> str:
    """Text a spreadsheet will show as text: anything that could start a formula gets a leading '.
    A plain signed number such as "+3" (a change on last year) is left as it is: it can only ever be a number."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


HEADER = ("section", "table", "row", "column", "value")


def csv_tables(content: report_content.Content) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in _rows(content):
        writer.writerow([inert(value) for value in row])
    # A byte-order mark, so Excel reads the quotes in every script as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_tables(content: report_content.Content) -> bytes:
    buffer = io.BytesIO()
    # Never a formula, URL or number guessed from text: every cell is written as the string it is.
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False, "strings_to_numbers": False})
    # Fixed document dates, so the same report gives the same bytes.
    workbook.set_properties({"title": content.cover["subject"], "author": "VoiceCapture",
                             "created": _fixed_date(content.quarter)})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheets: dict[str, tuple] = {}
    for section, table, row, column, value in _rows(content):
        if section not in sheets:
            sheet = workbook.add_worksheet(section[:31])
            for index, name in enumerate(HEADER[1:]):
                sheet.write_string(0, index, name, bold)
            sheet.set_column(0, 0, 40)
            sheet.set_column(1, 1, 36)
            sheet.set_column(2, 2, 18)
            sheet.set_column(3, 3, 60, wrap)
            sheet.freeze_panes(1, 0)
            sheets[section] = [sheet, 1]
        sheet, line = sheets[section]
        for index, value_ in enumerate((table, row, column, value)):
            sheet.write_string(line, index, inert(value_))
        sheets[section][1] = line + 1
    workbook.close()
    return buffer.getvalue()


def _fixed_date(quarter_label: str):
    """The end of the reported quarter: a date that belongs to the report, not to the moment it was drawn."""
    return parse(quarter_label).end.replace(tzinfo=None)
