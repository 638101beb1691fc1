"""Front matter: the YAML block between ``---`` lines at the top of a page.

Reads it the way MkDocs does (same delimiters), but reports what MkDocs silently
ignores: malformed YAML, a block that is not ``key: value`` lines or is never
closed, a key nobody reads (``reviewd_by``), and a page with nothing to show.
Each would publish a page without its title, date, reviewers or text. Dates stay
as written (``2023-02-30`` must reach the date check as text, not crash the YAML
parser).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from oncopress.pages.pagelimits import NESTING_LIMIT
from oncopress.problems import ContentError

# The pattern MkDocs uses (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_OPENING = re.compile(r"^-{3}[ \t]*\n")
_CLOSING = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

# The keys this site's hooks read, and those MkDocs and Material for MkDocs read.
# A new key must be added here, or every page using it is refused as a typo.
SITE_KEYS = (
    "title",
    "description",
    "last_revised",
    "medical",
    "reviewed_by",
    "translation_of",
    "translation_reviewed_by",
    "translation_status",
    "pdf",
    "review_interval_months",
)
THEME_KEYS = ("template", "hide", "icon", "status", "subtitle", "search", "tags", "social")
KNOWN_KEYS = frozenset(SITE_KEYS + THEME_KEYS)
# A page with one of these keys may have no text: a template makes the page, or it is
# a translation stub (``translation_status: pending``) that shows only a notice.
BODILESS_KEYS = ("template", "translation_status")
_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)
_NO_TEXT = "has front matter but no text; write the page's text after the closing '---' line"


class FrontMatterError(ContentError):
    """The front matter block cannot be read, or the page has nothing to publish."""


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as the text the editor wrote."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

# libyaml parses a page's front matter about ten times faster than PyYAML's own parser
# (a thousand pages: about 1 s less per build). It only ever reads blocks PyYAML would
# read the same way: text PyYAML's reader refuses (control characters) and blocks
# libyaml cannot parse go to PyYAML, whose messages the robustness catalogue pins.
_FastLoader: type[Any] | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CTextDatesLoader(yaml.CSafeLoader):
        """CSafeLoader that keeps timestamps as the text the editor wrote."""

    _CTextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    _FastLoader = _CTextDatesLoader


def read_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The front matter of a page as a dict, and the Markdown after it.

    A page without front matter gives ``({}, text)``. Raises ``FrontMatterError``
    for an empty page, a page with front matter and no text (unless it has one of
    ``BODILESS_KEYS``), a block that is not closed or not valid ``key: value`` YAML,
    and keys outside ``KNOWN_KEYS``.
    """
    if not text.strip():
        raise FrontMatterError("is empty; write the page's front matter and text, or delete it")
    match = FRONT_MATTER.match(text)
    if match is None:
        if FRONT_MATTER.match(text + "\n"):  # the closing line is the file's last
            raise FrontMatterError(_NO_TEXT)
        if _OPENING.match(text) and not _CLOSING.search(text, text.index("\n") + 1):
            raise FrontMatterError(
                "front matter opened by '---' on line 1 is never closed; "
                "end it with a line of three dashes (---)"
            )
        return {}, text
    problem = shape_problem(match.group(1), 2)
    if problem:
        raise FrontMatterError(problem)
    data, keys = _load(match.group(1))
    lines: dict[str, int] = {}
    for key, line in keys:
        if key in lines:
            raise FrontMatterError(
                f"front matter key '{key}' is written twice (lines {lines[key]} and {line}); "
                "keep one"
            )
        lines[key] = line
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontMatterError(f"front matter must be 'key: value' lines (found a {kind})")
    meta = {str(key): value for key, value in data.items()}
    unknown = [key for key in meta if key not in KNOWN_KEYS]
    if unknown:
        raise FrontMatterError(unknown_keys(unknown, lines))
    markdown = text[match.end() :].lstrip("\n")
    if not markdown.strip() and not any(key in meta for key in BODILESS_KEYS):
        raise FrontMatterError(_NO_TEXT)
    return meta, markdown


def shape_problem(block: str, first_line: int = 1) -> str | None:
    """What makes the YAML ``block`` (its first line is the page's ``first_line``)
    unsafe to build, read from its tokens before anything is built: the first anchor
    or alias, or nesting deeper than ``NESTING_LIMIT``. None when there is neither,
    or the block is not valid YAML (``_load`` says why)."""
    if "&" not in block and "*" not in block and _openers(block) <= NESTING_LIMIT:
        return None  # the usual page: no token could be a problem
    # PyYAML's own scanner: it gives each token as it reads it, where libyaml's stops
    # with its own error at 1,000 levels, and the parser would then recurse 5,000 deep.
    try:  # the reader refuses control characters at once: _load says so, with the line
        scanner = _TextDatesLoader(block)
    except yaml.YAMLError:
        return None
    depth = 0
    try:
        while scanner.check_token():
            token = scanner.get_token()  # type: ignore[no-untyped-call]
            line = token.start_mark.line + first_line
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                kind, sign = (
                    ("anchor", "&") if isinstance(token, yaml.AnchorToken) else ("alias", "*")
                )
                return (
                    f"front matter uses a YAML {kind} '{sign}{token.value}' (line {line}): "
                    "anchors (&) and aliases (*) are not allowed in pages; write each value "
                    "out, and put a value that starts with '*' or '&' in quotes"
                )
            depth += isinstance(token, _OPENS) - isinstance(token, _CLOSES)
            if depth > NESTING_LIMIT:
                return (
                    f"front matter is nested more than {NESTING_LIMIT} levels deep "
                    f"(line {line}); write its values as plain 'key: value' lines or lists"
                )
    except yaml.YAMLError:
        return None
    finally:
        scanner.dispose()
    return None


def _openers(block: str) -> int:
    """At least the number of levels ``block`` can nest (each needs one of these)."""
    return sum(block.count(c) for c in "[{-:?")


def _load(block: str) -> tuple[object, list[tuple[str, int]]]:
    """The YAML ``block`` (front matter lines, which start at the page's line 2) and
    each top-level key as written, with its line in the page."""
    if _FastLoader is not None and not yaml.reader.Reader.NON_PRINTABLE.search(block):
        try:
            return _parse(_FastLoader, block)
        except yaml.YAMLError:
            pass  # PyYAML says what is wrong, below
    try:
        return _parse(_TextDatesLoader, block)
    except yaml.YAMLError as error:
        raise FrontMatterError(
            f"front matter is not valid YAML ({describe_yaml_error(error, 2, block)})"
        ) from None


def _parse(kind: type[Any], block: str) -> tuple[object, list[tuple[str, int]]]:
    """``block`` read with a loader of ``kind``, and its top-level keys with their lines."""
    loader = kind(block)  # PyYAML's refuses control characters at once
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    keys: list[tuple[str, int]] = []
    if isinstance(node, yaml.MappingNode):
        keys = [(str(key.value), key.start_mark.line + 2) for key, _ in node.value]
    return data, keys


def unknown_keys(keys: Sequence[str], lines: Mapping[str, int]) -> str:
    """The message for front matter keys nothing reads, each with its line and the
    key the editor probably meant: ``unknown front matter key 'reviewd_by'
    (line 5: did you mean 'reviewed_by'?)``."""
    parts, unmatched = [], False
    for key in keys:
        close = difflib.get_close_matches(key.lower(), sorted(KNOWN_KEYS), n=1, cutoff=0.6)
        notes = [f"line {lines[key]}"] if key in lines else []
        notes += [f"did you mean '{close[0]}'?"] if close else []
        unmatched = unmatched or not close
        parts.append(f"'{key}'" + (f" ({': '.join(notes)})" if notes else ""))
    noun = "key" if len(keys) == 1 else "keys"
    message = f"unknown front matter {noun} {', '.join(parts)}"
    return message + (f"; this site's keys: {', '.join(SITE_KEYS)}" if unmatched else "")


def describe_yaml_error(error: yaml.YAMLError, first_line: int = 1, text: str = "") -> str:
    """Where (line and column, counting from ``first_line``) and why YAML failed.

    The position is where the broken construct starts (an unclosed ``[`` or
    quote, a key without its colon) when YAML knows it, else where it noticed;
    for a character YAML refuses (a control character pasted in), its line in
    ``text``. A tab where YAML needs spaces says so.
    """
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    if "'\\t'" in str(reason):
        reason = f"{reason}: indent with spaces, not tabs"
    if isinstance(error, yaml.reader.ReaderError) and text:
        return f"line {text.count(chr(10), 0, error.position) + first_line}: {reason}"
    if mark is None:
        return str(reason)
    return f"line {mark.line + first_line}, column {mark.column + 1}: {reason}"
