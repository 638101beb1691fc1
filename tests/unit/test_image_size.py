"""An image's intrinsic size, for the width and height of the header's logo."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from oncopress.pages.image_size import image_size

SVG = '<svg xmlns="http://www.w3.org/2000/svg" {}><path d="M0 0h1v1z"/></svg>'


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('viewBox="0 0 24 24"', (24, 24)),
        ('viewBox="0,0,120.4,40"', (120, 40)),
        ('width="200" height="50" viewBox="0 0 24 24"', (200, 50)),
        ('width="200px" height="50px"', (200, 50)),
        ('width="10em" height="2em" viewBox="0 0 100 20"', (100, 20)),  # not pixels
        ('width="100%" height="100%"', None),
        ('viewBox="0 0 0 24"', None),
        ("", None),
    ],
)
def test_an_svg_gives_its_pixels_or_its_view_box(
    attributes: str, expected: tuple[int, int] | None
) -> None:
    assert image_size(SVG.format(attributes).encode(), "logo.svg") == expected


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP", "GIF"])
def test_a_raster_image_gives_its_pixels(image_format: str) -> None:
    data = io.BytesIO()
    Image.new("RGB", (96, 32)).save(data, image_format)
    assert image_size(data.getvalue(), f"logo.{image_format.lower()}") == (96, 32)


@pytest.mark.parametrize(("data", "name"), [(b"<svg", "logo.svg"), (b"not an image", "logo.png")])
def test_a_file_that_is_no_image_gives_none(data: bytes, name: str) -> None:
    assert image_size(data, name) is None
