"""Merge-conflict markers (oncopress.files.conflicts): one finder and one message for every file."""

from __future__ import annotations

import pytest

from oncopress.files.conflicts import SIGN_AGAIN, Conflict, conflict_message, find_conflict

GIT = "a\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n"
DIFF3 = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> b\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GIT, Conflict(2, "<<<<<<< HEAD")),
        (DIFF3, Conflict(2, "<<<<<<< HEAD")),
        (GIT.replace("\n", "\r\n"), Conflict(2, "<<<<<<< HEAD")),
        ("=======\nx\n>>>>>>> b\n", Conflict(1, "=======")),  # the top side deleted
        ("x\n<<<<<<<\n", Conflict(2, "<<<<<<<")),
        ("Heading\n=======\n\nText.\n", None),  # a setext heading, no other marker
        ("Heading\n========\n", None),
        ("<<<<<<<< eight\n", None),
        ("<<<<<<<x\n", None),
        (" <<<<<<< indented\n", None),
        ("| a |\n|||||||\n", None),
        ("", None),
    ],
)
def test_find_conflict(text: str, expected: Conflict | None) -> None:
    assert find_conflict(text) == expected


def test_one_message_template() -> None:
    assert conflict_message(GIT, "Bibliography 'refs.bib'") == (
        "Bibliography 'refs.bib' has merge-conflict markers (line 2: '<<<<<<< HEAD'): keep one "
        "side and remove the markers"
    )
    assert find_conflict(GIT) == Conflict(2, "<<<<<<< HEAD")
    assert Conflict(2, "<<<<<<< HEAD").problem(SIGN_AGAIN) == (
        "has merge-conflict markers (line 2: '<<<<<<< HEAD'): keep one side, remove the "
        "markers, then sign the page off again"
    )
    assert conflict_message("fine\n", "x") is None
