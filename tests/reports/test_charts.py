"""Accessible SVG bar charts: well-formed, described in full, escaped, and silent about hidden counts."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from voicecapture.reports.charts import Series, bar_chart, grouped_bar_chart

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> Smith & Sons\x00\x1b'


def parsed(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def bars(root: ET.Element) -> list[ET.Element]:
    return [element for element in root.iter(f"{SVG}rect") if element.get("x") is not None]


def test_a_chart_is_an_image_named_by_its_title_and_described_value_by_value():
    svg = bar_chart("How people felt, 2026-27 Q2", ["Listened to and believed", "Felt safer", "Asked"],
                    [34, Decimal(61), 100])
    root = parsed(svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text == "How people felt, 2026-27 Q2"
    assert desc.text == "Listened to and believed: 34%; Felt safer: 61%; Asked: 100%"
    assert {"Listened to and believed", "34%", "61%", "100%"} <= set(texts(root))
    widths = [float(bar.get("width")) for bar in bars(root)]
    assert widths[0] < widths[1] < widths[2] == 518  # 640 wide, less margins and room for the figure


def test_it_scales_and_stands_alone():
    svg = bar_chart("Counts", ["A", "B"], [3, 12], unit=" people")
    root = parsed(svg)
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert all(text.get("font-family") == "sans-serif" for text in root.iter(f"{SVG}text"))
    for forbidden in ("<script", "href", "url(", "<image", "<foreignObject", "<style", "@import"):
        assert forbidden not in svg
    assert "12 people" in texts(root)
    assert float(bars(root)[1].get("width")) == 518  # without a unit of %, the largest value fills the width


def test_labels_from_users_are_escaped_and_characters_xml_cannot_hold_are_dropped():
    svg = bar_chart(f"Agencies: {HOSTILE}", [HOSTILE], [50])
    assert "<script" not in svg and "&lt;script&gt;" in svg and "Smith &amp; Sons" in svg
    root = parsed(svg)
    clean = '<script>alert("x")</script> Smith & Sons'
    assert root.find(f"{SVG}title").text == f"Agencies: {clean}"
    assert clean in texts(root)
    assert root.find(f"{SVG}desc").text == f"{clean}: 50%"


def test_hidden_and_missing_figures_get_no_bar_only_their_marker():
    svg = bar_chart("Felt safer", ["Agency A", "Agency B", "Agency C"], [3, None, 40],
                    suppressed=[True, False, False])
    root = parsed(svg)
    assert len(bars(root)) == 1
    assert {"[c]", "no data", "40%"} <= set(texts(root))
    assert "3%" not in svg
    assert root.find(f"{SVG}desc").text == "Agency A: [c] (confidential); Agency B: no data; Agency C: 40%"


def test_two_series_side_by_side_with_a_key_and_every_bar_labelled():
    svg = grouped_bar_chart("Listened to", ["Agency A", "Agency B"], [
        Series("This quarter", [Decimal("34.5"), 80]),
        Series("Last quarter", [30, 4], suppressed=[False, True]),
    ], places=1)
    root = parsed(svg)
    assert {"This quarter", "Last quarter", "34.5%", "30.0%", "80.0%", "[c]"} <= set(texts(root))
    assert root.find(f"{SVG}desc").text == ("Agency A: This quarter 34.5%, Last quarter 30.0%; "
                                            "Agency B: This quarter 80.0%, Last quarter [c] (confidential)")
    # Two key swatches, then three bars: filled for this quarter, outlined for last, so not by colour alone.
    fills = [bar.get("fill") for bar in bars(root)]
    assert fills == ["#1d70b8", "#ffffff", "#1d70b8", "#ffffff", "#1d70b8"]
    assert "4.0%" not in svg


def test_two_charts_on_one_page_have_different_ids():
    first, second = bar_chart("One", ["A"], [1]), bar_chart("Two", ["A"], [1])
    assert parsed(first).find(f"{SVG}title").get("id") != parsed(second).find(f"{SVG}title").get("id")


def test_values_past_the_maximum_stop_at_the_edge():
    root = parsed(bar_chart("Scores", ["A", "B"], [5, 12], unit="", max_value=10))
    assert [float(bar.get("width")) for bar in bars(root)] == [259, 518]
    assert "12" in texts(root)


@pytest.mark.parametrize("call, message", [
    (lambda: bar_chart("T", ["A", "B"], [1]), "one value"),
    (lambda: bar_chart("T", ["A"], [1], suppressed=[True, False]), "one value"),
    (lambda: bar_chart("T", ["A"], [-1]), "0 or more"),
    (lambda: bar_chart("T", ["A"], [1], max_value=0), "more than 0"),
    (lambda: grouped_bar_chart("T", ["A"], [Series(name, [1]) for name in "xyz"]), "1 to 2 series"),
])
def test_bad_input_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()
