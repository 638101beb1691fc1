"""Fingerprints of what readers see: a page's title, description and body.

A reviewer signs off a text, not a file. The fingerprint ignores what does not change
the text (a byte-order mark, Windows line endings, spaces at the end of a line, extra
blank lines between paragraphs or around the body, and every other front matter
field, such as the dates a sign-off writes) and changes with any word. Each paragraph
(a block of lines between blank lines; the title and the description count as one
each) has a short fingerprint of its own, so a change in an original can be pinned to
the paragraphs it touched.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
PARAGRAPH_DIGEST = re.compile(r"[0-9a-f]{16}")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a page as readers see it, with its short fingerprint."""

    digest: str
    text: str


@dataclass(frozen=True)
class Fingerprint:
    """A page's fingerprint and its paragraphs' (title and description first)."""

    digest: str
    paragraphs: tuple[Paragraph, ...]

    def changed_since(self, recorded: Sequence[str]) -> list[Paragraph]:
        """The paragraphs that are not in ``recorded`` (paragraph fingerprints of an
        earlier revision): added or changed since."""
        known = set(recorded)
        return [paragraph for paragraph in self.paragraphs if paragraph.digest not in known]

    def removed_since(self, recorded: Sequence[str]) -> int:
        """How many of the ``recorded`` paragraphs are gone (changed or removed)."""
        present = {paragraph.digest for paragraph in self.paragraphs}
        return sum(1 for digest in recorded if digest not in present)


def normalize_text(text: str) -> str:
    """``text`` without what readers never see: a byte-order mark, ``\\r\\n`` or
    ``\\r`` line endings, white space at the end of lines, and blank lines around it."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def fingerprint_page(meta: Mapping[str, object], body: str) -> Fingerprint:
    """The fingerprint of a page from its front matter (``title`` and
    ``description``; nothing else counts) and the Markdown after it."""
    title = normalize_text(str(meta.get("title") or ""))
    description = normalize_text(str(meta.get("description") or ""))
    text = _BLANK_LINES.sub("\n\n", normalize_text(body))
    canonical = json.dumps(
        {"title": title, "description": description, "body": text},
        ensure_ascii=False,
        sort_keys=True,
    )
    blocks = [f"title: {title}", f"description: {description}"]
    blocks += [block for block in _BLANK_LINES.split(text) if block.strip()]
    return Fingerprint(
        "sha256:" + _sha256(canonical),
        tuple(Paragraph(_sha256(block)[:16], block) for block in blocks),
    )


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
