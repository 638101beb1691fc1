"""The build's caches in ``.cache/`` (readability scores, search sections): a cache
that cannot be read is an empty one, and one that cannot be written only costs the
work again next time. Either way the build goes on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from oncopress.files.atomic import write_atomically


def read_cache(path: Path) -> str | None:
    """The cache's text; None when there is none yet, or it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_cache(path: Path, text: str) -> str | None:
    """Save ``text`` as the cache (a build stopped half-way never leaves half a file);
    the reason it could not (a read-only checkout...), or None."""
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        return str(error.strerror)
    return None


def cached_entries(text: str | None, form: int, version: str, name: str) -> dict[str, Any]:
    """The entries under ``name`` of a cache saved as ``text`` (None: no file yet) in
    format ``form`` by code ``version``; empty when it was written in another format
    or by other code, or is not a cache at all."""
    if text is None:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if (
        not isinstance(data, dict)
        or data.get("format") != form
        or data.get("version") != version
        or not isinstance(data.get(name), dict)
    ):
        return {}
    return data[name]  # type: ignore[no-any-return]
