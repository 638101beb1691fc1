"""Counted words in the plural form each language's CLDR rule gives (through Babel),
and the counts editors read: ``./tasks status``'s last line."""

from __future__ import annotations

from datetime import date

import pytest

from oncopress.i18n.plurals import counted, plural
from oncopress.report.editor_status import Item, render_status


@pytest.mark.parametrize(
    ("count", "locale", "expected"),
    [
        (0, "en", "0 items"),
        (1, "en", "1 item"),
        (2, "en", "2 items"),
        (0, "es", "0 elementos"),  # Spanish: 0 is plural, as in English
        (1, "es", "1 elemento"),
        (2, "es", "2 elementos"),
        (1_000_000, "es", "1000000 elementos"),  # CLDR's 'many': the plural noun too
    ],
)
def test_counted_in_each_language(count: int, locale: str, expected: str) -> None:
    one, other = ("item", "items") if locale == "en" else ("elemento", "elementos")
    assert counted(count, one, other, locale) == expected


def test_plural_defaults_to_english() -> None:
    assert (plural(1, "needs", "need"), plural(2, "needs", "need")) == ("needs", "need")


def item(blocking: bool) -> Item:
    return Item("docs/care.md", "en", "unsigned", blocking, "has never been signed off")


@pytest.mark.parametrize(
    ("items", "last_line"),
    [
        ([item(True)], "1 item needs an editor; 1 blocks publishing (./tasks build refuses "
         "to publish)."),
        ([item(False)], "1 item needs an editor; 0 block publishing."),
        ([item(True), item(True)], "2 items need an editor; 2 block publishing (./tasks build "
         "refuses to publish)."),
    ],
)  # fmt: skip
def test_the_status_summary_in_the_right_plural(items: list[Item], last_line: str) -> None:
    assert render_status(items, date(2026, 12, 3)).splitlines()[-1] == last_line
