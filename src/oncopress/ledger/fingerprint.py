"""Fingerprints of what a reviewer signs off: a page's text, and every front matter
field that decides what readers see or which checks apply.

A reviewer signs off a page, not a file. The fingerprint covers the title, the
description, the body and every other front matter field (``medical``, ``pdf``,
``hide``, ``template``...: turning a signed medical page into a non-medical one is a
change like any other), except the fields that record the sign-off itself
(``SIGN_OFF_FIELDS``: its dates, written by ``./tasks sign-off``, and the reviewers,
which the ledger records and the build compares). It ignores what does not change the
page (a byte-order mark, Windows line endings, spaces at the end of a line, extra blank
lines between paragraphs or around the body, the order of the front matter) and
changes with any word or value. Each paragraph (a block of lines between blank lines;
the title, the description and each other field count as one each) has a short
fingerprint of its own, so a change in an original can be pinned to the paragraphs it
touched.

Ledgers of version 1 hold fingerprints of the text alone (``text_digest``): they
still show whether the text changed since, but cannot vouch for the front matter.
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
# Front matter that records a sign-off rather than the page: left out of the fingerprint.
SIGN_OFF_FIELDS = frozenset(
    {"last_revised", "translation_of", "reviewed_by", "translation_reviewed_by"}
)
_TEXT_FIELDS = ("title", "description")


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
    # The version-1 fingerprint: the title, description and body only.
    text_digest: str = ""
    # How many of ``paragraphs`` are text (title, description, body); the rest are the
    # other front matter fields, one each.
    text_paragraphs: int = 0

    def changed_since(self, recorded: Sequence[str]) -> list[Paragraph]:
        """The paragraphs that are not in ``recorded`` (paragraph fingerprints of an
        earlier revision): added or changed since."""
        known = set(recorded)
        return [paragraph for paragraph in self.paragraphs if paragraph.digest not in known]

    def removed_since(self, recorded: Sequence[str]) -> int:
        """How many of the ``recorded`` paragraphs are gone (changed or removed)."""
        present = {paragraph.digest for paragraph in self.paragraphs}
        return sum(1 for digest in recorded if digest not in present)

    def text_only(self) -> Fingerprint:
        """This fingerprint as a version-1 ledger recorded it: the text's paragraphs."""
        return Fingerprint(self.text_digest, self.paragraphs[: self.text_paragraphs])


def normalize_text(text: str) -> str:
    """``text`` without what readers never see: a byte-order mark, ``\\r\\n`` or
    ``\\r`` line endings, white space at the end of lines, and blank lines around it."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def fingerprint_page(meta: Mapping[str, object], body: str) -> Fingerprint:
    """The fingerprint of a page from its front matter (every field but
    ``SIGN_OFF_FIELDS``) and the Markdown after it."""
    title = normalize_text(str(meta.get("title") or ""))
    description = normalize_text(str(meta.get("description") or ""))
    text = _BLANK_LINES.sub("\n\n", normalize_text(body))
    content = {"title": title, "description": description, "body": text}
    fields = {
        key: meta[key]
        for key in sorted(meta)
        if key not in SIGN_OFF_FIELDS and key not in _TEXT_FIELDS
    }
    text_canonical = _canonical(content)
    blocks = [f"title: {title}", f"description: {description}"]
    blocks += [block for block in _BLANK_LINES.split(text) if block.strip()]
    text_blocks = len(blocks)
    blocks += [f"{key}: {_canonical(value)}" for key, value in fields.items()]
    return Fingerprint(
        "sha256:" + _sha256(_canonical({**content, "front_matter": fields})),
        tuple(Paragraph(_sha256(block)[:16], block) for block in blocks),
        "sha256:" + _sha256(text_canonical),
        text_blocks,
    )


def _canonical(value: object) -> str:
    """``value`` as one canonical JSON text (a date as its ISO text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
