"""An image's intrinsic size, for the ``width`` and ``height`` of an ``<img>`` the theme
writes (the header's logo): with them, the browser keeps the image's room before it
arrives, and nothing on the page moves when it does.
"""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$")


def image_size(data: bytes, name: str) -> tuple[int, int] | None:
    """``(width, height)`` in CSS pixels of the image ``data`` (file ``name``), or None
    when it says none: an SVG without a width and height in pixels or a ``viewBox``, a
    file that is no image.

    >>> image_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"/>', "logo.svg")
    (24, 24)
    """
    if name.lower().endswith(".svg"):
        return _svg_size(data)
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    return (width, height) if width > 0 and height > 0 else None


def _svg_size(data: bytes) -> tuple[int, int] | None:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    width, height = _pixels(root.get("width")), _pixels(root.get("height"))
    if width and height:
        return round(width), round(height)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None
    if box_width <= 0 or box_height <= 0:
        return None
    return max(1, round(box_width)), max(1, round(box_height))


def _pixels(value: str | None) -> float | None:
    match = _NUMBER.match(value or "")
    return float(match.group(1)) if match else None
