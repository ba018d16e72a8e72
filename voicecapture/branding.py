"""Checks on a board's branding before it reaches respondent pages. Pure: no Flask, no database.

The header shows white text on the board's colour, so the colour must give WCAG AA contrast (4.5:1)
with white. A logo is SVG text served from our own site, so it must not be able to run anything.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Optional

HEX_COLOUR = re.compile(r"^#[0-9a-f]{6}$")
MIN_CONTRAST = 4.5
MAX_LOGO_BYTES = 20_000
# Elements that can run code, load other documents or embed HTML.
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_HREF_ATTRIBUTES = {"href", "{http://www.w3.org/1999/xlink}href"}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_with_white(colour: str) -> float:
    return 1.05 / (relative_luminance(colour) + 0.05)


def colour_problem(colour: str) -> Optional[str]:
    """None if `colour` (already lower-cased) can sit behind white text; else a message a person can act on."""
    if not HEX_COLOUR.match(colour):
        return "Enter the colour as # and six hexadecimal digits, like #2a5d67"
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        return (f"The colour {colour} has a contrast ratio of {ratio:.2f}:1 with white text; it needs at least "
                f"4.5:1. Choose a darker colour")
    return None


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def logo_problem(svg: str) -> Optional[str]:
    """None if the SVG text is safe to serve as the board's logo; else what is wrong with it."""
    if len(svg.encode("utf-8")) > MAX_LOGO_BYTES:
        return "The logo must be 20 KB or smaller. Simplify the SVG or export it with fewer details"
    if re.search(r"<!DOCTYPE|<!ENTITY", svg, re.IGNORECASE):
        return "The logo must not contain a DOCTYPE or entity declarations"
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        return f"The logo is not well-formed SVG ({error}). Paste the whole file, starting with <svg"
    if _local_name(root.tag) != "svg":
        return "The logo must be an SVG file: its outermost element must be <svg>"
    for element in root.iter():
        name = _local_name(element.tag) if isinstance(element.tag, str) else ""
        if name in _FORBIDDEN_ELEMENTS:
            return f"The logo must not contain a <{name}> element"
        for attribute, value in element.attrib.items():
            local = _local_name(attribute)
            if local.startswith("on"):
                return f"The logo must not contain event-handler attributes such as {local}"
            if attribute in _HREF_ATTRIBUTES or local == "href":
                if not value.strip().startswith("#"):
                    return "The logo must not link to other files or addresses: only #references inside it are allowed"
            if re.search(r"javascript:|url\(\s*['\"]?(?!#)", value, re.IGNORECASE):
                return "The logo must not refer to scripts or outside files in its attributes"
        if name == "style" and element.text and re.search(r"@import|url\(\s*['\"]?(?!#)|javascript:",
                                                          element.text, re.IGNORECASE):
            return "The logo's styles must not import or refer to outside files"
    return None


def version_of(text: str) -> str:
    """A short hash of the content: the URL changes when the content does, so it can be cached for a year."""
    import hashlib
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
