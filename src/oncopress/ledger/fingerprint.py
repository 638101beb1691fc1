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

import difflib
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from oncopress.i18n.plurals import plural

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
class Moved:
    """Paragraphs an original has in both revisions, in another order now."""

    paragraphs: tuple[Paragraph, ...]  # the paragraphs that moved, in their order now
    # Where each is now: its number among the paragraphs of the text (1: the first
    # paragraph after the front matter; a heading counts as one).
    numbers: tuple[int, ...]
    swapped: bool  # exactly two paragraphs traded places

    def describe(self) -> str:
        """``paragraphs 2 and 3 swapped places``; ``1 paragraph moved, now paragraph 4``;
        ``2 paragraphs moved, now paragraphs 2 and 5``."""
        if self.swapped:
            return f"paragraphs {_listed(self.numbers)} swapped places"
        nouns = plural(len(self.numbers), "paragraph", "paragraphs")
        return f"{len(self.numbers)} {nouns} moved, now {nouns} {_listed(self.numbers)}"


def _listed(numbers: Sequence[int]) -> str:
    """``2``, ``2 and 3``, ``2, 4 and 5``."""
    words = [str(number) for number in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _increasing(ranks: Sequence[int]) -> list[int]:
    """The positions of a longest increasing run (not necessarily contiguous) of
    ``ranks``: the paragraphs that kept their order (patience sorting, n log n)."""
    tails: list[int] = []  # tails[k]: position ending the best run of length k + 1
    before: list[int] = [-1] * len(ranks)
    for position, rank in enumerate(ranks):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if ranks[tails[middle]] < rank:
                low = middle + 1
            else:
                high = middle
        before[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    run, position = [], tails[-1] if tails else -1
    while position >= 0:
        run.append(position)
        position = before[position]
    return run[::-1]


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
        earlier revision): added or changed since. A paragraph written twice now and
        once then counts once here."""
        paired = self._paired(recorded)
        return [p for index, p in enumerate(self.paragraphs) if index not in paired]

    def removed_since(self, recorded: Sequence[str]) -> int:
        """How many of the ``recorded`` paragraphs are gone (changed or removed)."""
        return len(recorded) - len(self._paired(recorded))

    def moved_since(self, recorded: Sequence[str]) -> Moved | None:
        """The paragraphs found in both revisions that are in another order now (None
        when those are in the same order): two that traded places, or the fewest that
        moved (the others keep their order)."""
        paired = self._paired(recorded)
        now = sorted(paired)
        order = {place: rank for rank, place in enumerate(sorted(paired.values()))}
        ranks = [order[paired[index]] for index in now]
        out_of_place = [i for i, rank in enumerate(ranks) if rank != i]
        if not out_of_place:
            return None
        first, *rest = out_of_place
        if len(rest) == 1 and (ranks[first], ranks[rest[0]]) == (rest[0], first):
            moved, swapped = [now[first], now[rest[0]]], True
        else:
            kept = set(_increasing(ranks))
            moved, swapped = [now[i] for i in range(len(now)) if i not in kept], False
        return Moved(
            tuple(self.paragraphs[index] for index in moved),
            tuple(index - len(_TEXT_FIELDS) + 1 for index in moved),
            swapped,
        )

    def _paired(self, recorded: Sequence[str]) -> dict[int, int]:
        """Each paragraph that was in the ``recorded`` revision: its place now -> its
        place then. The paragraphs both have in the same order pair first (the longest
        runs, as a diff pairs lines), then the others by their fingerprint, in order: a
        paragraph written twice, one copy changed, pairs with the copy that stayed."""
        digests = [paragraph.digest for paragraph in self.paragraphs]
        matcher = difflib.SequenceMatcher(None, list(recorded), digests, autojunk=False)
        paired = {
            block.b + offset: block.a + offset
            for block in matcher.get_matching_blocks()
            for offset in range(block.size)
        }
        taken = set(paired.values())
        left: dict[str, list[int]] = {}
        for place, digest in enumerate(recorded):
            if place not in taken:
                left.setdefault(digest, []).append(place)
        for index, digest in enumerate(digests):
            if index not in paired and left.get(digest):
                paired[index] = left[digest].pop(0)
        return paired

    def text_only(self) -> Fingerprint:
        """This fingerprint as a version-1 ledger recorded it: the text's paragraphs."""
        return Fingerprint(self.text_digest, self.paragraphs[: self.text_paragraphs])


def normalize_text(text: str) -> str:
    """``text`` without what readers never see: a byte-order mark, ``\\r\\n`` or
    ``\\r`` line endings, white space at the end of lines, and blank lines around it."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def fingerprint_page(
    meta: Mapping[str, object], body: str, glossary: Mapping[str, str] | None = None
) -> Fingerprint:
    """The fingerprint of a page from its front matter (every field but
    ``SIGN_OFF_FIELDS``) and the Markdown after it; and, when the page writes terms of
    its language's glossary, their definitions (``glossary``: term -> definition), which
    the page shows readers: a changed definition is a changed page. A page that writes
    no glossary term has the fingerprint it had before there was a glossary."""
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
    covered: dict[str, object] = {**content, "front_matter": fields}
    if glossary:
        covered["glossary"] = dict(glossary)
        blocks += [f"glossary: {term}: {text}" for term, text in sorted(glossary.items())]
    return Fingerprint(
        "sha256:" + _sha256(_canonical(covered)),
        tuple(Paragraph(_sha256(block)[:16], block) for block in blocks),
        "sha256:" + _sha256(text_canonical),
        text_blocks,
    )


def _canonical(value: object) -> str:
    """``value`` as one canonical JSON text (a date as its ISO text)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
