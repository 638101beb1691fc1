"""The bibliography file: parse it and report every problem with its line.

pybtex stops at the first syntax error with a traceback and no file name, and
accepts entries the house style cannot print. ``check_bibliography`` collects what
makes the file unusable (syntax errors, repeated keys), each with the line an editor
should look at: these stop every build. ``entry_problems`` gives, for each entry the
house style cannot print as it is (a field its type needs missing, a date, a web
address or LaTeX it cannot read), the problems with their lines: an entry no page
cites never blocks a build (``./tasks status`` lists its problems); a page that cites
it is refused (``oncopress.checks.preflight``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pybtex.errors
from pybtex.database import BibliographyData, parse_string
from pybtex.exceptions import PybtexError

from oncopress.citations.bibfields import access_date, date_year, read_field, web_address
from oncopress.citations.references import LatexError, decode_latex, latex_to_text
from oncopress.citations.reftypes import NEEDS, PERSON_FIELDS, kind_of
from oncopress.files.conflicts import conflict_message
from oncopress.files.textfile import NotUtf8Error, decode_text

CACHED_TEXTS = 4  # bibliography texts whose entry problems are kept
_ENTRY_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^\s,{}()]+)\s*,")
_NOT_ENTRIES = {"comment", "string", "preamble"}
_QUOTED = re.compile(r"'(.+)'")
_SYNTAX_PREFIX = re.compile(r"^syntax error in line \d+: ")
_LATEX_MARKUP = re.compile(r"[\\{}]")
_DOUBLED = re.compile(r"\\\\")
_FIELD_NAME = re.compile(r"([A-Za-z][\w-]*)\s*=")
_WORD_END = re.compile(r"[^\s,]*?(?=[\s,]|\}\s*[,}]|$)")


class BibliographyError(ValueError):
    """The bibliography file is missing or cannot be used (a setup problem)."""


@dataclass(frozen=True, order=True)
class BibProblem:
    """One problem in the bibliography file, at ``line`` (1-based) when known."""

    line: int
    message: str


def entry_lines(text: str) -> list[tuple[str, int]]:
    """``(key, line)`` of every entry head (``@article{key,``), in file order."""
    found = []
    for match in _ENTRY_HEAD.finditer(text):
        if match.group(1).lower() not in _NOT_ENTRIES:
            found.append((match.group(2), text.count("\n", 0, match.start()) + 1))
    return found


def _line_of(error: PybtexError, text: str, heads: Sequence[tuple[str, int]]) -> int:
    """Best line for a pybtex error: its own, else the entry or name it quotes."""
    lineno = getattr(error, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    quoted = _QUOTED.search(str(error))
    words = str(error).split()
    for key, line in reversed(heads):
        if key in words or f"{key}:" in words or (quoted and quoted.group(1) == key):
            return line
    if quoted:
        index = text.find(quoted.group(1))
        if index >= 0:
            return text.count("\n", 0, index) + 1
    return 0


def check_bibliography(text: str) -> tuple[BibliographyData | None, list[BibProblem]]:
    """Parse BibTeX ``text``; the data and every problem (empty when usable)."""
    heads = entry_lines(text)
    problems: list[BibProblem] = []
    seen: dict[str, int] = {}
    for key, line in heads:
        if key in seen:
            problems.append(
                BibProblem(line, f"key '{key}' is used twice (first at line {seen[key]})")
            )
        seen.setdefault(key, line)
    data: BibliographyData | None = None
    with pybtex.errors.capture() as captured:
        try:
            data = parse_string(text, "bibtex")
        except PybtexError as raised:  # errors pybtex raises instead of reporting
            captured.append(raised)
    for error in captured:
        if "repeated bibliography entry" not in str(error):  # reported above with lines
            problems.append(_problem(error, text, heads))
    ordered = sorted(dict.fromkeys(problems), key=lambda problem: problem.line)
    return (data if not problems else None), ordered


def entry_problems(text: str | bytes) -> Mapping[str, tuple[BibProblem, ...]]:
    """For each entry the house style cannot print as it is, its problems (in line
    order): a field its type needs missing, a date or a web address it cannot read,
    a field LaTeX cannot read. Empty when the file itself has problems
    (``check_bibliography`` reports them) or none."""
    if isinstance(text, bytes):
        try:
            text = decode_text(text)
        except NotUtf8Error:
            return {}
    return _entry_problems(text)


@lru_cache(maxsize=CACHED_TEXTS)
def _entry_problems(text: str) -> Mapping[str, tuple[BibProblem, ...]]:
    data, _ = check_bibliography(text)
    if data is None:
        return {}
    lines = dict(reversed(entry_lines(text)))
    found = {}
    for key, entry in data.entries.items():
        line = lines.get(key, 0)
        listed = [
            *_missing_fields(key, entry, line),
            *_unreadable_date(key, entry, text, line),
            *_unreadable_web_fields(key, entry, text, line),
            *_unreadable_fields(key, entry, text, line),
        ]
        if listed:
            found[key] = tuple(sorted(dict.fromkeys(listed), key=lambda problem: problem.line))
    return found


def _problem(error: PybtexError, text: str, heads: Sequence[tuple[str, int]]) -> BibProblem:
    line = _line_of(error, text, heads)
    unclosed = _unclosed_entry(text, line, str(error))
    if unclosed is not None:
        return unclosed
    message = _SYNTAX_PREFIX.sub("syntax error: ", str(error))
    if message.startswith("syntax error"):
        entry = [(key, head) for key, head in heads if head < line]
        if entry:
            message += f" (entry '{entry[-1][0]}' starts at line {entry[-1][1]})"
    return BibProblem(line, message)


def _unclosed_entry(text: str, line: int, error: str) -> BibProblem | None:
    """The entry a syntax error really comes from when it has more ``{`` than ``}``:
    pybtex only notices where the next entry starts, or at the end of the file."""
    starts = [m for m in _ENTRY_HEAD.finditer(text) if m.group(1).lower() not in _NOT_ENTRIES]
    lines = [text.count("\n", 0, m.start()) + 1 for m in starts]
    for index, head in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        at_next = index + 1 < len(starts) and lines[index + 1] == line
        at_end = index + 1 == len(starts) and "premature end of file" in error
        body = text[head.start() : end]
        if (at_next or at_end) and "{" in head.group(0) and body.count("{") > body.count("}"):
            runs_on = (
                f"into entry '{starts[index + 1].group(2)}' at line {line}"
                if at_next
                else "to the end of the file"
            )
            return BibProblem(
                lines[index],
                f"entry '{head.group(2)}' is missing a closing '}}' (it runs on {runs_on})",
            )
    return None


def _unreadable_fields(key: str, entry: Any, text: str, line: int) -> list[BibProblem]:
    """A problem for each field (or name list) LaTeX cannot read, where it is written."""
    values = {name: str(value) for name, value in entry.fields.items()}
    for role, persons in entry.persons.items():
        values[role] = " ".join(str(person) for person in persons)
    problems = []
    for name, value in values.items():
        if not _LATEX_MARKUP.search(value):
            continue  # plain text: nothing LaTeX could fail to read (and decoding is slow)
        try:
            decode_latex(value)
        except LatexError as error:
            problems.append(
                BibProblem(
                    _field_line(text, line, name),
                    f"{_entry(key, entry)}: '{name}' is not valid LaTeX ({error}); check "
                    "its backslashes and braces",
                )
            )
    return problems


def _field_line(text: str, entry_line: int, name: str) -> int:
    """The line of field ``name`` in the entry starting at ``entry_line`` (else that line)."""
    field = re.compile(rf"\s*{re.escape(name)}\s*=", re.IGNORECASE)
    lines = text.splitlines()
    for number in range(entry_line, len(lines)):  # the lines after the entry's head
        if lines[number].lstrip().startswith("@"):
            break
        if field.match(lines[number]):
            return number + 1
    return entry_line


def _missing_fields(key: str, entry: Any, line: int) -> list[BibProblem]:
    """A problem for each field the entry's type needs and it does not have:
    ``@book entry 'a' has no 'publisher'``."""
    problems = []
    for needed in NEEDS[kind_of(entry.type)]:
        if not any(
            entry.persons.get(name) if name in PERSON_FIELDS else read_field(entry.fields, name)[1]
            for name in needed.names
        ):
            problems.append(BibProblem(line, f"{_entry(key, entry)} has no {needed.said}"))
    return problems


def _entry(key: str, entry: Any) -> str:
    """``@book entry 'a'``, the type in lower case."""
    return f"@{entry.type.lower()} entry '{key}'"


def _unreadable_web_fields(key: str, entry: Any, text: str, line: int) -> list[BibProblem]:
    """A problem for a ``url`` that is not a web address, and an access date
    (``urldate``) that is not a day."""
    problems = []
    url = str(entry.fields.get("url", "")).strip()
    if url and not web_address(url):
        problems.append(
            BibProblem(
                _field_line(text, line, "url"),
                f"{_entry(key, entry)}: 'url' is not a web address (found '{url}'); write it "
                "whole, starting with https:// or http://",
            )
        )
    accessed = str(entry.fields.get("urldate", "")).strip()
    if accessed and access_date(accessed) is None:
        problems.append(
            BibProblem(
                _field_line(text, line, "urldate"),
                f"{_entry(key, entry)}: 'urldate' is not a day (found '{accessed}'); write "
                "the day you last opened the page as YYYY-MM-DD",
            )
        )
    return problems


def _unreadable_date(key: str, entry: Any, text: str, line: int) -> list[BibProblem]:
    """A problem for a biblatex ``date`` with no year to print (when there is no ``year``)."""
    name, value = read_field(entry.fields, "year")
    if name != "date" or date_year(value) is not None:
        return []
    return [
        BibProblem(
            _field_line(text, line, "date"),
            f"{_entry(key, entry)}: 'date' is not a date biblatex reads (found '{value}'); "
            "write it as YYYY, YYYY-MM or YYYY-MM-DD",
        )
    ]


def doubled_backslashes(text: str) -> list[BibProblem]:
    """A warning for each ``\\\\`` in a field: a LaTeX line break, which no reference
    means; tools that escape backslashes twice (JSON, some exports) write
    ``G{\\\\"o}tze`` for ``G{\\"o}tze``, and it would be published as ``G\\\\"otze``."""
    heads = [m for m in _ENTRY_HEAD.finditer(text) if m.group(1).lower() not in _NOT_ENTRIES]
    warnings = []
    for found in _DOUBLED.finditer(text):
        entry = [head for head in heads if head.start() < found.start()]
        if not entry or _closed(text, entry[-1], found.start()):
            continue  # a comment outside every entry
        fields = _FIELD_NAME.findall(text, entry[-1].end(), found.start())
        field = f"'{fields[-1]}'" if fields else "a field"
        written = _word_around(text, found.start())
        if written == "\\\\":
            advice = "a LaTeX line break '\\\\', published as it is; remove it"
        else:
            meant = written.replace("\\\\", "\\")
            advice = (
                f"a doubled backslash in '{written}', published as "
                f"'{latex_to_text(written)}'; write one backslash: '{meant}' "
                f"('{latex_to_text(meant)}')"
            )
        line = text.count("\n", 0, found.start()) + 1
        warnings.append(BibProblem(line, f"entry '{entry[-1].group(2)}': {field} has {advice}"))
    return warnings


def _closed(text: str, head: re.Match[str], index: int) -> bool:
    """Whether the entry starting with ``head`` is closed before ``text[index]``."""
    opening, closing = ("{", "}") if "{" in head.group(0) else ("(", ")")
    body = text[head.start() : index]
    return body.count(opening) <= body.count(closing)


def _word_around(text: str, index: int) -> str:
    """The word of a field value that holds ``text[index]``, without the value's braces."""
    start = max(text.rfind(c, 0, index) for c in " \t\n,=") + 1
    end = _WORD_END.match(text, index)
    word = text[start : end.end() if end else index]
    while word[:1] == '"' or (word[:1] == "{" and word.count("{") > word.count("}")):
        word = word[1:]
    return word


def warn_bibliography(text: str | bytes, source: str) -> list[str]:
    """The warnings for a usable bibliography (its text, or the file's bytes), each
    naming the file and line."""
    if isinstance(text, bytes):
        text = decode_text(text)
    return [locate(source, problem) for problem in doubled_backslashes(text)]


def located_problems(files: Sequence[tuple[str, str | bytes]]) -> dict[str, tuple[str, ...]]:
    """For each entry the house style cannot print as it is, its problems, each naming
    the file and line (``bibliography.bib, line 3: @book entry 'a' has no 'publisher'``).
    ``files``: each file's name and text, in the order mkdocs-bibtex merges them (an
    entry of a later file replaces an earlier one's)."""
    found: dict[str, tuple[str, ...]] = {}
    for source, text in files:
        if isinstance(text, bytes):
            try:
                text = decode_text(text)
            except NotUtf8Error:
                continue  # load_bibliography refuses the file
        for key, _ in entry_lines(text):
            found.pop(key, None)
        for key, problems in entry_problems(text).items():
            found[key] = tuple(locate(source, problem) for problem in problems)
    return found


def locate(source: str, problem: BibProblem) -> str:
    """``refs.bib, line 3: entry 'a' has no 'title'`` (no line when it is not known)."""
    where = f"{source}, line {problem.line}" if problem.line else source
    return f"{where}: {problem.message}"


def summarize_bibliography(source: str, problems: Sequence[BibProblem]) -> str:
    """One message naming the file and the line of every problem."""
    noun = "problem" if len(problems) == 1 else "problems"
    lines = [f"Bibliography check failed: {len(problems)} {noun} in '{source}'"]
    lines.extend(f"  {locate(source, problem)}" for problem in problems)
    return "\n".join(lines)


def load_bibliography(text: str | bytes, source: str) -> BibliographyData:
    """The parsed bibliography (its text, or the file's bytes), or
    ``BibliographyError`` listing every problem."""
    if isinstance(text, bytes):
        try:
            text = decode_text(text)
        except NotUtf8Error as error:
            raise BibliographyError(f"Bibliography '{source}' {error}") from None
    conflicted = conflict_message(text, f"Bibliography '{source}'")
    if conflicted:
        raise BibliographyError(conflicted)
    data, problems = check_bibliography(text)
    if problems or data is None:
        raise BibliographyError(summarize_bibliography(source, problems))
    return data
