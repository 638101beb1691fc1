"""Page titles: two pages of one language with the same title look like one page in
the navigation, in search results and in the browser's tabs and history."""

from __future__ import annotations

from collections.abc import Iterable


def title_key(title: str) -> str:
    """What makes two titles the same to a reader: case and spacing aside."""
    return " ".join(title.casefold().split())


def duplicate_titles(pages: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """``(path, first_path, title)`` for every page (``(path, title)``, in one
    language) whose title an earlier page already has; pages are taken in path order."""
    first: dict[str, str] = {}
    found = []
    for path, title in sorted(pages):
        key = title_key(title)
        if not key:
            continue
        if key in first:
            found.append((path, first[key], title))
        else:
            first[key] = path
    return found


def duplicate_title_message(first_path: str, title: str) -> str:
    """The problem of a page whose title ``first_path`` already has."""
    return f"has the same title as '{first_path}' ('{title}'); give each page its own title"
