"""Privacy gate core: what a page loads from another host, and the message."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oncopress.checks.privacy import (
    _Loads,
    css_urls,
    is_third_party,
    third_party_loads,
    third_party_message,
)

HOST = "survivorship.example.org"


@pytest.mark.parametrize(
    ("url", "third_party"),
    [
        ("https://cdn.example.net/a.png", True),
        ("//cdn.example.net/a.png", True),
        ("http://CDN.example.net/a.png", True),
        ("https://survivorship.example.org/assets/a.png", False),
        ("../assets/a.png", False),
        ("/assets/a.png", False),
        ("data:image/png;base64,AAAA", False),
        ("tel:+18002272345", False),
        ("mailto:help@example.com", False),
    ],
)
def test_is_third_party(url: str, third_party: bool) -> None:
    assert is_third_party(url, HOST) is third_party


def test_third_party_loads_finds_each_kind_once() -> None:
    page = """
    <link rel="canonical" href="https://survivorship.example.org/">
    <link rel="alternate" hreflang="es" href="https://other.example.com/es/">
    <link rel="preconnect" href="https://fonts.gstatic.com">
    <link rel="stylesheet" href="https://fonts.example.com/a.css">
    <script src="https://stats.example.com/t.js"></script>
    <img src="https://cdn.example.net/a.png"><img src="https://cdn.example.net/a.png">
    <img src="local.png" srcset="local.png 1x, https://cdn.example.net/b.png 2x">
    <video src="clip.mp4" poster="//img.example.com/p.jpg"></video>
    <audio src="https://sound.example.com/a.mp3"></audio>
    <svg><image href="https://img.example.com/s.png"/></svg>
    <object data="https://docs.example.com/x.pdf"></object>
    <a href="https://www.cancer.gov/">a plain link</a>
    <style>body { background: url("https://cdn.example.net/bg.png") }</style>
    <p style="background:url(//cdn.example.net/p.png)">x</p>
    """
    assert third_party_loads(page, HOST) == [
        ("a connection", "https://fonts.gstatic.com"),
        ("a style sheet", "https://fonts.example.com/a.css"),
        ("a script", "https://stats.example.com/t.js"),
        ("an image", "https://cdn.example.net/a.png"),
        ("an image", "https://cdn.example.net/b.png"),
        ("a video", "//img.example.com/p.jpg"),
        ("an audio file", "https://sound.example.com/a.mp3"),
        ("an image", "https://img.example.com/s.png"),
        ("an embedded object", "https://docs.example.com/x.pdf"),
        ("a style sheet resource", "https://cdn.example.net/bg.png"),
        ("a style sheet resource", "//cdn.example.net/p.png"),
    ]


def test_a_page_of_own_files_loads_nothing_from_elsewhere() -> None:
    page = (
        '<img src="../assets/logo.svg"><script src="/assets/x.js"></script><a href="//x.org/">x</a>'
    )
    assert third_party_loads(page, HOST) == []


def test_css_urls() -> None:
    css = "@import 'https://fonts.example.com/a.css'; .x { background: url( //cdn.example.net/b.png ) }"
    assert css_urls(css) == ["https://fonts.example.com/a.css", "//cdn.example.net/b.png"]
    assert css_urls(".x { background: url(../img/a.png) }") == []


def test_message() -> None:
    assert third_party_message("an image", "https://cdn.example.net/a.png") == (
        "loads an image from another host: https://cdn.example.net/a.png (every reader's "
        "browser would tell that host which page they read: copy the file into docs/assets/ "
        "and load it from there, or make it a plain link)"
    )


# Pieces of page text, in any case, for the look-first property below.
_PIECES = st.sampled_from(
    [
        "<p>",
        "lifestyle ",
        "<IMG src='https://cdn.example.net/a.png'>",
        '<img srcset="//x.org/a.png 2x">',
        "<Script SRC=https://x.org/s.js></script>",
        '<link rel="stylesheet" href="https://x.org/a.css">',
        '<span STYLE = "background: URL(//x.org/b.png)">',
        "<style>@IMPORT 'https://x.org/c.css';</style>",
        "<a href='https://x.org/'>x</a>",
        "<\u017fcript src=//x.org/s.js>",  # long s: no tag to a browser or to the parser
        "<\u0131frame src=//x.org/>",  # dotless i
        "\u212a",
    ]
)


@given(st.lists(_PIECES, max_size=6).map("".join), st.booleans())
@settings(max_examples=300, deadline=None)
def test_looking_first_never_skips_a_page_that_loads_something(page: str, upper: bool) -> None:
    """Pages are searched for a few plain strings before the pattern and the parser:
    a page skipped that way loads nothing from another host."""
    page = page.upper() if upper else page
    parser = _Loads()
    parser.feed(page)
    parser.close()
    parsed = list(dict.fromkeys(load for load in parser.found if is_third_party(load[1], "own")))
    assert third_party_loads(page, "own") == parsed
