"""Merge-conflict markers left in a file an editor saves (a page, the bibliography,
the reviewer registry, mkdocs.yml): a failed ``git merge`` or ``git pull`` writes both
sides of a change between ``<<<<<<<``, ``=======`` and ``>>>>>>>`` lines (and
``|||||||`` in git's diff3 style). Published, readers would see both versions and
the markers; a sign-off would certify them. Every reader of those files refuses them
with one message that names the file and the line.

A marker is 7 of its characters at the start of a line, then a space or the end of
the line. ``=======`` alone is also a Markdown heading underline (a setext heading of
exactly 7 ``=``), and ``|||||||`` could be a row of an empty table; but git never
writes them without a ``<<<<<<<`` and a ``>>>>>>>`` line, so they count as markers only
in a file that has one of those. A conflict of which an editor deleted both the
``<<<<<<<`` and the ``>>>>>>>`` line but kept the ``=======`` is then a heading: the
text above it shows as one, which the editor sees in the preview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"^(?:<{7}|>{7}|={7}|\|{7})(?: .*)?$", re.MULTILINE)
_OUTER = ("<<<<<<<", ">>>>>>>")
KEEP_ONE_SIDE = "keep one side and remove the markers"
SIGN_AGAIN = "keep one side, remove the markers, then sign the page off again"


@dataclass(frozen=True)
class Conflict:
    """The first marker line of a conflicted file: its number and its text."""

    line: int
    marker: str

    def problem(self, advice: str = KEEP_ONE_SIDE) -> str:
        """The message after the file's name: ``has merge-conflict markers (line 12:
        '<<<<<<< HEAD'): keep one side and remove the markers``."""
        return f"has merge-conflict markers (line {self.line}: '{self.marker}'): {advice}"


def find_conflict(text: str) -> Conflict | None:
    """The first merge-conflict marker of ``text`` (lines split on ``\\n``), or None
    when it has no ``<<<<<<<`` or ``>>>>>>>`` marker line."""
    markers = list(_MARKER.finditer(text))
    if not any(found.group().startswith(_OUTER) for found in markers):
        return None
    first = markers[0]
    return Conflict(text.count("\n", 0, first.start()) + 1, first.group().strip())


def conflict_message(text: str, what: str, advice: str = KEEP_ONE_SIDE) -> str | None:
    """``<what> has merge-conflict markers (line ...): ...`` when ``text`` has
    merge-conflict markers, else None; ``what`` names the file, like
    ``Bibliography 'bibliography.bib'``."""
    conflict = find_conflict(text)
    return None if conflict is None else f"{what} {conflict.problem(advice)}"
