from __future__ import annotations

import pytest

from oncopress.checks.editorial_settings import SettingsError
from oncopress.pages.pagelimits import Limits, nesting_problem, read_limits, size_problem

DEEP = "nested more than 50 levels deep; pages need a few levels at most: write it flatter"
FRONT = "---\ntitle: T\n---\n\n"  # the text starts on line 5


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("".join("  " * n + "- x\n" for n in range(5000)), f"line 105: lists or quotes {DEEP}"),
        ("".join("    " * n + "1. x\n" for n in range(300)), f"line 55: lists or quotes {DEEP}"),
        ("- " * 500 + "x\n", f"line 5: lists or quotes {DEEP}"),
        ("> " * 60 + "x\n", f"line 5: lists or quotes {DEEP}"),
        ("<div>\n" * 60 + "x\n" + "</div>\n" * 60, f"line 55: HTML elements {DEEP}"),
        ("(" * 30 + "\n" + "[" * 30 + "x", f"line 6: brackets {DEEP}"),
        ("_" * 120 + "x" + "_" * 120, f"line 5: emphasis marks ('*', '_') {DEEP}"),
    ],
)
def test_too_deep(body: str, expected: str) -> None:
    assert nesting_problem(FRONT + body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "- a\n  - b\n    - c\n      - d\n\n> q\n> > r\n",
        "Notes: " + "_" * 300 + "\n\n" + "*" * 300 + "\n\n" + "____ " * 100 + "\n",
        "(" * 30 + "\n\n" + "(" * 30 + "\n",  # brackets do not run on past a paragraph
        "<div>\n" * 40 + "x\n" + "</div>\n" * 40 + "<br>" * 100 + "<p>x</p>" * 100,
    ],
)
def test_within_the_limit(body: str) -> None:
    assert nesting_problem(FRONT + body) is None


def test_the_front_matter_is_left_to_its_own_check() -> None:
    assert nesting_problem("---\ntags: " + "[" * 100 + "]" * 100 + "\n---\n\nText.\n") is None


def test_size() -> None:
    assert size_problem(2_000_000, 2_000_000) is None
    assert size_problem(2_000_001, 2_000_000) == (
        "is 2,000,001 bytes, more than the limit of 2,000,000 bytes for a page; split it into "
        "pages (or raise extra.limits.page_bytes in mkdocs.yml)"
    )


def test_limits_settings() -> None:
    assert read_limits({}) == Limits(2_000_000)
    assert read_limits({"limits": {"page_bytes": 5_000_000}}) == Limits(5_000_000)


@pytest.mark.parametrize(
    ("section", "error"),
    [
        (5, "mkdocs.yml: extra.limits must be a mapping of settings"),
        (
            {"page_size": 1},
            "mkdocs.yml: unknown setting extra.limits.page_size (known: page_bytes)",
        ),
        (
            {"page_bytes": "2 MB"},
            "mkdocs.yml: extra.limits.page_bytes must be a whole number of bytes, at least 1000 "
            "(found '2 MB')",
        ),
        (
            {"page_bytes": True},
            "mkdocs.yml: extra.limits.page_bytes must be a whole number of bytes, at least 1000 "
            "(found True)",
        ),
    ],
)
def test_a_wrong_limit(section: object, error: str) -> None:
    with pytest.raises(SettingsError) as raised:
        read_limits({"limits": section})
    assert str(raised.value) == error
