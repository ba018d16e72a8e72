"""Accessible SVG bar charts for published reports.

Self-contained: no script and no outside references, so a chart renders the same in a browser and in a
WeasyPrint PDF. Every figure is written as text beside its bar and again in the chart's description, so
neither colour nor bar length alone carries it; a [c] or missing figure gets no bar, only its marker. The
tree is built with ElementTree, so every label (agency names come from users) is escaped on the way out.
"""
from __future__ import annotations

import hashlib
import re
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence, Union

from voicecapture.reports.suppression import CONFIDENTIAL

Number = Union[int, float, Decimal]

NO_DATA = "no data"
WIDTH = 640  # user units; the viewBox lets the chart scale to any width
MARGIN = 16
FONT_SIZE = 16
TITLE_SIZE = 19
LINE_HEIGHT = 22
BAR_HEIGHT = 24
LABEL_GAP = 8  # between a label and its bars
BAR_GAP = 4  # between the bars of one category
GROUP_GAP = 16  # after each category
VALUE_SPACE = 90  # kept clear right of the longest bar for its figure
SWATCH = 16
CHARACTER_WIDTH = 0.58  # of the font size, a generous average for sans-serif, to wrap labels before the edge
TEXT_COLOUR = "#0b0c0c"  # near black on white: 19:1
BACKGROUND = "#ffffff"
# How the series look: filled, then outlined, so they differ in shape as well as colour. Dark blue on white is
# 5.2:1, above the 3:1 WCAG asks of graphics.
STYLES = ({"fill": "#1d70b8", "stroke": "#1d70b8"}, {"fill": BACKGROUND, "stroke": TEXT_COLOUR})
# Characters XML 1.0 can't hold at all, so not even escaped: dropped from labels.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Series:
    """One set of bars, e.g. this quarter. A suppressed figure is never drawn or written, whatever its value."""
    name: str
    values: Sequence[Optional[Number]]  # None: no data
    suppressed: Sequence[bool] = ()  # empty: nothing suppressed


def bar_chart(title: str, labels: Sequence[str], values: Sequence[Optional[Number]], unit: str = "%",
              max_value: Optional[Number] = None, *, suppressed: Sequence[bool] = (), places: int = 0) -> str:
    """A horizontal bar chart as an <svg> string. `unit` follows each figure as given ("%", " people").

    Bars run from 0 to max_value: 100 for percentages, otherwise the largest value, unless given.
    """
    return grouped_bar_chart(title, labels, [Series("", values, suppressed)], unit, max_value, places=places)


def grouped_bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], unit: str = "%",
                      max_value: Optional[Number] = None, *, places: int = 0) -> str:
    """Bars for two series side by side under each label, e.g. this quarter and last, with a key."""
    _check(labels, series)
    scale = _scale(series, unit, max_value)
    figures = [[_figure(one, index, unit, places) for one in series] for index in range(len(labels))]
    description = _description(labels, series, figures)
    identity = "chart-" + hashlib.sha256(f"{title}\n{description}".encode()).hexdigest()[:12]
    root = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "role": "img",
                              "aria-labelledby": f"{identity}-title {identity}-desc"})
    ET.SubElement(root, "title", {"id": f"{identity}-title"}).text = _clean(title)
    ET.SubElement(root, "desc", {"id": f"{identity}-desc"}).text = description
    background = ET.SubElement(root, "rect", {"fill": BACKGROUND})

    y = MARGIN
    for line in _wrap(title, TITLE_SIZE):
        y += LINE_HEIGHT + 2
        _text(root, MARGIN, y, line, size=TITLE_SIZE, bold=True)
    y += GROUP_GAP // 2
    if len(series) > 1:
        y = _key(root, series, y)
    bar_room = WIDTH - 2 * MARGIN - VALUE_SPACE
    for index, label in enumerate(labels):
        for line in _wrap(label, FONT_SIZE):
            y += LINE_HEIGHT
            _text(root, MARGIN, y, line)
        y += LABEL_GAP
        for one, style, figure in zip(series, STYLES, figures[index]):
            value = _shown_value(one, index)
            length = 0.0 if value is None else bar_room * min(float(value), scale) / scale
            if length > 0:
                _bar(root, MARGIN, y, length, BAR_HEIGHT, style)
            _text(root, MARGIN + length + 6, y + BAR_HEIGHT - 7, figure)
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    height = y + MARGIN - GROUP_GAP
    root.set("viewBox", f"0 0 {WIDTH} {height}")
    for element in (root, background):
        element.set("width", str(WIDTH))
        element.set("height", str(height))
    return ET.tostring(root, encoding="unicode")


def _check(labels: Sequence[str], series: Sequence[Series]):
    if not 1 <= len(series) <= len(STYLES):
        raise ValueError(f"a chart shows 1 to {len(STYLES)} series, not {len(series)}")
    for one in series:
        if len(one.values) != len(labels) or len(one.suppressed) not in (0, len(labels)):
            raise ValueError(f"series {one.name!r} needs one value (and flag, if any) for each label")
        if any(value is not None and value < 0 for value in one.values):
            raise ValueError("bars start at 0: values must be 0 or more")


def _description(labels: Sequence[str], series: Sequence[Series], figures: list[list[str]]) -> str:
    """The text alternative: every label with every figure, e.g. "Felt safer: 61%; Asked: [c] (confidential)"."""
    def named(one: Series, figure: str) -> str:
        return f"{_clean(one.name)} {figure}" if len(series) > 1 else figure

    return "; ".join(f"{_clean(label)}: " + ", ".join(named(one, figure) for one, figure in zip(series, _spoken(row)))
                     for label, row in zip(labels, figures))


def _key(root: ET.Element, series: Sequence[Series], y: float) -> float:
    """A swatch and name for each series; returns where the bars start."""
    for one, style in zip(series, STYLES):
        _bar(root, MARGIN, y + 3, SWATCH, SWATCH, style)
        _text(root, MARGIN + SWATCH + 8, y + SWATCH, _clean(one.name))
        y += LINE_HEIGHT + 2
    return y + GROUP_GAP // 2


def _shown_value(series: Series, index: int) -> Optional[Number]:
    """The value to draw, None for no bar: hidden counts are never drawn."""
    return None if series.suppressed and series.suppressed[index] else series.values[index]


def _figure(series: Series, index: int, unit: str, places: int) -> str:
    if series.suppressed and series.suppressed[index]:
        return CONFIDENTIAL
    value = series.values[index]
    return NO_DATA if value is None else f"{value:,.{places}f}{_clean(unit)}"


def _spoken(figures: Sequence[str]) -> list[str]:
    """Figures for the description, where a screen reader would read "[c]" as a bare letter."""
    return [f"{CONFIDENTIAL} (confidential)" if figure == CONFIDENTIAL else figure for figure in figures]


def _scale(series: Sequence[Series], unit: str, max_value: Optional[Number]) -> float:
    if max_value is not None:
        if max_value <= 0:
            raise ValueError("max_value must be more than 0")
        return float(max_value)
    if unit == "%":
        return 100.0
    drawn = [float(value) for one in series for index in range(len(one.values))
             if (value := _shown_value(one, index)) is not None]
    return max(drawn, default=0.0) or 1.0


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _wrap(text: str, size: int) -> list[str]:
    return textwrap.wrap(_clean(text), max(1, int((WIDTH - 2 * MARGIN) / (size * CHARACTER_WIDTH)))) or [""]


def _text(parent: ET.Element, x: float, y: float, content: str, *, size: int = FONT_SIZE, bold: bool = False):
    attributes = {"x": _number(x), "y": _number(y), "font-family": "sans-serif", "font-size": str(size),
                  "fill": TEXT_COLOUR}
    if bold:
        attributes["font-weight"] = "bold"
    ET.SubElement(parent, "text", attributes).text = content


def _bar(parent: ET.Element, x: float, y: float, width: float, height: float, style: dict[str, str]):
    ET.SubElement(parent, "rect", {"x": _number(x), "y": _number(y), "width": _number(width),
                                   "height": _number(height), "stroke-width": "2", **style})


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
