"""The sign-off ledger (``sign-offs.yml``): for each page and language, the fingerprint
of the text its reviewers approved, the revision date and who signed it off; for a
translation, also who reviewed the translation and which revision of the original it
translates (its fingerprint and its paragraphs' fingerprints).

Only ``./tasks sign-off`` writes the ledger (``render_ledger``); the build and
``./tasks status`` read it (``parse_ledger``), refusing a ledger that is not exactly
what the command writes: a hand edit or a merge conflict must never certify a text.

Version 2 fingerprints cover the front matter too (``oncopress.ledger.fingerprint``). A
version-1 ledger is still read: its entries are *legacy* (their fingerprints cover the
text only), written back as ``text_fingerprint`` until the page is signed off again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NoReturn

import yaml

from oncopress.checks.review import REVIEWER_ID, ReviewerRegistry
from oncopress.ledger.fingerprint import DIGEST, PARAGRAPH_DIGEST
from oncopress.ledger.sshsig import BASE64
from oncopress.pages.dates import ISO_DATE
from oncopress.pages.frontmatter import describe_yaml_error
from oncopress.system import tasks_command

LEDGER_FILE = "sign-offs.yml"
LEDGER_VERSION = 2
_VERSIONS = ("1", "2")
HEADER = (
    "# Sign-off ledger: for each page, the text its reviewers approved and when.\n"
    "# Written by ./tasks sign-off (see README, 'Signing pages off'); never edit it by hand.\n"
)
_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)
_RESTORE = (
    "the ledger is written by {sign_off} only: restore it with "
    "'git checkout {source}', then sign the pages off again"
)


class LedgerError(ValueError):
    """The ledger file cannot be trusted: malformed, conflicted or edited by hand."""


@dataclass(frozen=True)
class Translated:
    """The revision of the original a translation was signed off against."""

    path: str
    revised: date
    fingerprint: str
    paragraphs: tuple[str, ...]


NOTE_CHARS = 300  # a note for readers is one line of at most this many characters


@dataclass(frozen=True)
class Note:
    """A change note for readers, in the page's language, dated by its sign-off."""

    day: date
    text: str


def note_problem(text: str) -> str | None:
    """What is wrong with a change note's text, or None: one line of printable text,
    at most ``NOTE_CHARS`` characters."""
    if not text.strip():
        return "is empty"
    if any(character in text for character in "\r\n\u2028\u2029"):
        return "is more than one line"
    if any(ord(character) < 32 or ord(character) == 127 for character in text):
        return "holds a control character"
    if len(text) > NOTE_CHARS:
        return f"is longer than {NOTE_CHARS} characters ({len(text)})"
    return None


@dataclass(frozen=True)
class SignOff:
    """One page's last sign-off (``line``: where its entry starts in the ledger)."""

    path: str
    fingerprint: str
    revised: date
    reviewers: tuple[str, ...]
    translation_reviewers: tuple[str, ...] = ()
    translates: Translated | None = None
    line: int = field(default=0, compare=False)
    # Signed off under ledger version 1: ``fingerprint`` (and the original's in
    # ``translates``) covers the text only, not the front matter.
    legacy: bool = False
    # Every change note of the page, oldest first (the page shows the newest few).
    notes: tuple[Note, ...] = ()
    # (reviewer id, SSH signature over ``signed_message``, base64 on one line), for the
    # reviewers with a signing key (oncopress.ledger.signatures).
    signatures: tuple[tuple[str, str], ...] = ()

    def signature_of(self, reviewer: str) -> str | None:
        return dict(self.signatures).get(reviewer)


@dataclass(frozen=True)
class Ledger:
    """Every page's last sign-off by source path; ``source`` names the file."""

    source: str = LEDGER_FILE
    entries: Mapping[str, SignOff] = field(default_factory=dict)

    def get(self, path: str) -> SignOff | None:
        return self.entries.get(path)

    def with_entries(self, entries: Iterable[SignOff]) -> Ledger:
        """This ledger with ``entries`` added or replacing the same paths'."""
        merged = dict(self.entries)
        merged.update((entry.path, entry) for entry in entries)
        return Ledger(self.source, merged)

    def without(self, paths: Iterable[str]) -> Ledger:
        gone = set(paths)
        return Ledger(self.source, {p: e for p, e in self.entries.items() if p not in gone})


def parse_ledger(text: str, source: str = LEDGER_FILE) -> Ledger:
    """The ledger in ``text`` (an empty text is an empty ledger), or ``LedgerError``
    naming the file and line of the first thing that is not as the command writes it."""
    conflict = _CONFLICT.search(text)
    if conflict:
        line = text.count("\n", 0, conflict.start()) + 1
        marker = text[conflict.start() :].split("\n", 1)[0].strip()
        raise LedgerError(
            f"Sign-off ledger '{source}' has merge-conflict markers (line {line}: "
            f"'{marker}'): keep one side with 'git checkout --ours {source}' (or --theirs), "
            f"then run {tasks_command('status')} and sign off the pages it lists"
        )
    try:
        root = _compose(text)
    except yaml.YAMLError as error:
        where = describe_yaml_error(error, 1, text)
        raise LedgerError(
            f"Sign-off ledger '{source}' is not valid YAML ({where}); "
            + _RESTORE.format(source=source, sign_off=tasks_command("sign-off"))
        ) from None
    if root is None:
        return Ledger(source)
    reader = _Reader(source)
    top = reader.mapping(root, "the ledger", {"version", "pages"}, {"version", "pages"})
    version = reader.scalar(top["version"], "version")
    if version not in _VERSIONS:
        reader.fail(top["version"], f"version is {version!r}; this site reads versions 1 and 2")
    reader.legacy = version == "1"
    pages = top["pages"]
    entries: dict[str, SignOff] = {}
    if not (isinstance(pages, yaml.ScalarNode) and pages.value in ("", "{}")):
        for key, node in reader.pairs(pages, "pages"):
            path = reader.scalar(key, "a page's path")
            if path in entries:  # YAML would keep the last one, without a word
                reader.fail(
                    key, f"'{path}' has two entries (the first on line {entries[path].line})"
                )
            entries[path] = reader.entry(path, key, node)
    return Ledger(source, entries)


def _compose(text: str) -> yaml.Node | None:
    """The YAML node tree of ``text``: with libyaml when PyYAML has it (a ledger of a
    thousand pages composes about ten times faster), and with PyYAML's own parser for a
    text libyaml refuses, whose messages name the line and column the way editors read
    them everywhere else on this site."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def render_ledger(ledger: Ledger) -> str:
    """The ledger file's text: the header, then pages sorted by path (stable diffs)."""
    pages: dict[str, Any] = {}
    for path in sorted(ledger.entries):
        entry = ledger.entries[path]
        data = entry_data(entry)
        if entry.signatures:
            data["signatures"] = dict(sorted(entry.signatures))
        pages[path] = data
    body = yaml.dump(
        {"version": LEDGER_VERSION, "pages": pages},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1000,
    )
    return HEADER + body


def entry_data(entry: SignOff) -> dict[str, Any]:
    """An entry as the ledger writes it, but for its signatures."""
    data: dict[str, Any] = {
        "text_fingerprint" if entry.legacy else "fingerprint": entry.fingerprint,
        "revised": entry.revised,
        "reviewed_by": list(entry.reviewers),
    }
    if entry.translation_reviewers:
        data["translation_reviewed_by"] = list(entry.translation_reviewers)
    if entry.translates is not None:
        data["translates"] = {
            "path": entry.translates.path,
            "revised": entry.translates.revised,
            "fingerprint": entry.translates.fingerprint,
            "paragraphs": list(entry.translates.paragraphs),
        }
    if entry.notes:
        data["notes"] = [{"date": note.day, "text": note.text} for note in entry.notes]
    return data


def signed_message(entry: SignOff) -> bytes:
    """What a reviewer's signature covers: the page's path and everything its entry
    records but the signatures (fingerprints, date, reviewers, the original's revision,
    the change notes), as one canonical JSON text."""
    data = {"page": entry.path, **entry_data(entry)}
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    ).encode("utf-8")


class _Dumper(yaml.SafeDumper):
    """Writes every value where it stands: no anchors and aliases (``&id001``) for
    dates that happen to be the same object, which made unrelated entries change."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def unknown_signers(ledger: Ledger, registry: ReviewerRegistry) -> dict[str, str]:
    """For each entry naming a reviewer id no longer in the registry, the message."""
    found = {}
    for path, entry in sorted(ledger.entries.items()):
        gone = [
            reviewer
            for reviewer in dict.fromkeys(entry.reviewers + entry.translation_reviewers)
            if reviewer not in registry.reviewers
        ]
        if gone:
            names = ", ".join(f"'{reviewer}'" for reviewer in gone)
            found[path] = (
                f"was signed off by {names}, not in {registry.source} (line {entry.line} of "
                f"{ledger.source}); sign the page off again with current reviewers, or restore "
                f"the reviewer in {registry.source}"
            )
    return found


class _Reader:
    """Reads composed YAML nodes into ledger entries, failing with the node's line."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.legacy = False  # reading a version-1 ledger

    def fail(self, node: yaml.Node, message: str) -> NoReturn:
        raise LedgerError(
            f"Sign-off ledger '{self.source}', line {node.start_mark.line + 1}: {message}; "
            + _RESTORE.format(source=self.source, sign_off=tasks_command("sign-off"))
        )

    def pairs(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping")
        return list(node.value)

    def mapping(
        self, node: yaml.Node, what: str, required: set[str], allowed: set[str]
    ) -> dict[str, yaml.Node]:
        fields: dict[str, yaml.Node] = {}
        for key, value in self.pairs(node, what):
            name = self.scalar(key, "a key")
            if name not in allowed:
                self.fail(key, f"unknown key '{name}' in {what}")
            if name in fields:
                self.fail(key, f"key '{name}' is written twice in {what}")
            fields[name] = value
        for name in sorted(required - set(fields)):
            self.fail(node, f"{what} has no '{name}'")
        return fields

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"{what} must be a single value")
        return str(node.value)

    def matching(self, node: yaml.Node, pattern: re.Pattern[str], what: str, form: str) -> str:
        value = self.scalar(node, what)
        if not pattern.fullmatch(value):
            self.fail(node, f"{what} is not well formed ({value!r}; expected {form})")
        return value

    def day(self, node: yaml.Node, what: str) -> date:
        value = self.matching(node, ISO_DATE, what, "YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(node, f"{what} is not a real date ({value})")

    def ids(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a list of reviewer ids")
        return tuple(
            self.matching(item, REVIEWER_ID, f"a reviewer id in {what}", "an id like content-team")
            for item in node.value
        )

    def entry(self, path: str, key: yaml.Node, node: yaml.Node) -> SignOff:
        what = f"the entry of '{path}'"
        optional = {"translation_reviewed_by", "translates", "notes", "signatures"}
        required = {"revised", "reviewed_by"}
        if self.legacy:
            required.add("fingerprint")
        else:  # a version-1 entry not signed off again since keeps its text fingerprint
            optional |= {"fingerprint", "text_fingerprint"}
        fields = self.mapping(node, what, required, required | optional)
        given = [name for name in ("fingerprint", "text_fingerprint") if name in fields]
        if len(given) != 1:
            self.fail(node, f"{what} needs one of 'fingerprint' or 'text_fingerprint'")
        digest_form = "sha256: and 64 hex digits"
        translates = None
        if "translates" in fields:
            translates = self.translated(path, fields["translates"])
        reviewers = self.ids(fields["reviewed_by"], f"reviewed_by of '{path}'")
        translation_reviewers = (
            self.ids(fields["translation_reviewed_by"], f"translation_reviewed_by of '{path}'")
            if "translation_reviewed_by" in fields
            else ()
        )
        signatures: tuple[tuple[str, str], ...] = ()
        if "signatures" in fields:
            named = set(reviewers + translation_reviewers)
            signatures = self.signatures(path, fields["signatures"], named)
        return SignOff(
            path=path,
            legacy=self.legacy or given[0] == "text_fingerprint",
            fingerprint=self.matching(
                fields[given[0]], DIGEST, f"the fingerprint of '{path}'", digest_form
            ),
            revised=self.day(fields["revised"], f"the revision date of '{path}'"),
            reviewers=reviewers,
            translation_reviewers=translation_reviewers,
            translates=translates,
            line=key.start_mark.line + 1,
            notes=self.notes(path, fields["notes"]) if "notes" in fields else (),
            signatures=signatures,
        )

    def signatures(
        self, path: str, node: yaml.Node, named: set[str]
    ) -> tuple[tuple[str, str], ...]:
        found = []
        for key, value in self.pairs(node, f"the signatures of '{path}'"):
            reviewer = self.scalar(key, f"a reviewer id in the signatures of '{path}'")
            if reviewer not in named:
                self.fail(
                    key, f"'{path}' has a signature of '{reviewer}', not one of its reviewers"
                )
            what = f"the signature of '{reviewer}' on '{path}'"
            found.append((reviewer, self.matching(value, BASE64, what, "base64 on one line")))
        return tuple(found)

    def notes(self, path: str, node: yaml.Node) -> tuple[Note, ...]:
        what = f"the notes of '{path}'"
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a list of notes, each with a date and a text")
        notes = []
        for item in node.value:
            fields = self.mapping(item, f"a note of '{path}'", {"date", "text"}, {"date", "text"})
            text = self.scalar(fields["text"], f"the text of a note of '{path}'")
            problem = note_problem(text)
            if problem:
                self.fail(fields["text"], f"the text of a note of '{path}' {problem}")
            notes.append(Note(self.day(fields["date"], f"the date of a note of '{path}'"), text))
        return tuple(notes)

    def translated(self, path: str, node: yaml.Node) -> Translated:
        what = f"'translates' of '{path}'"
        required = {"path", "revised", "fingerprint", "paragraphs"}
        fields = self.mapping(node, what, required, required)
        paragraphs = fields["paragraphs"]
        if not isinstance(paragraphs, yaml.SequenceNode):
            self.fail(paragraphs, f"the paragraphs of {what} must be a list")
        return Translated(
            path=self.scalar(fields["path"], f"the original's path in {what}"),
            revised=self.day(fields["revised"], f"the original's revision date in {what}"),
            fingerprint=self.matching(
                fields["fingerprint"],
                DIGEST,
                f"the original's fingerprint in {what}",
                "sha256: and 64 hex digits",
            ),
            paragraphs=tuple(
                self.matching(
                    item, PARAGRAPH_DIGEST, f"a paragraph fingerprint in {what}", "16 hex digits"
                )
                for item in paragraphs.value
            ),
        )
