"""Content problems: one message template naming the file and the language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class ContentError(ValueError):
    """A problem an editor caused in a source file (front matter, citation, date...)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One user-facing problem with one source file in one language.

    ``path`` is the source path relative to the project root
    (``docs/survivorship/recurrence.md`` or ``docs_es/survivorship/recurrence.md``)
    so an editor can open it directly.
    """

    path: str
    locale: str
    message: str

    def __str__(self) -> str:
        return format_problem(self.path, self.locale, self.message)


def format_problem(path: str, locale: str, message: str) -> str:
    """The one template every page problem uses."""
    return f"Doc file '{path}' ({locale}): {message}"


def summarize_problems(problems: Iterable[Problem], what: str = "Editorial check") -> str:
    """One multi-line message listing every problem once, sorted by file and language."""
    unique = sorted(set(problems))
    pages = {(p.path, p.locale) for p in unique}
    noun = "problem" if len(unique) == 1 else "problems"
    page_noun = "page" if len(pages) == 1 else "pages"
    lines = [f"{what} failed: {len(unique)} {noun} in {len(pages)} {page_noun}"]
    lines.extend(f"  {p}" for p in unique)
    return "\n".join(lines)
