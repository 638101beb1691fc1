"""Citations as footnote Markdown: the text the build gives Python-Markdown's footnotes
extension for a page that cites ``[@key]``.

Today that text is written by two hands, and ``write_footnotes`` writes it alone, to the
character (``tests/e2e/test_citation_extension.py``):

- ``cli/step_citations.py`` puts a ``## References`` heading (in the page's language)
  and the footnotes' place marker before the reference list's command
  (``\\bibliography``), or at the end with the command, when the page cites anything;
- mkdocs-bibtex finds each ``[...]`` block with a citation (its own pattern), whose keys
  the house registry reads again (``references.read_block``, which keeps ``:`` and
  ``.`` in a key), and replaces every copy of the block's text with a run of footnote
  references, ``[^a]<sup>,</sup>[^b]``; then it replaces every copy of the command with
  one footnote definition per key, in order of first citation, and every copy of the
  full bibliography's command with one per reference of the bibliography.

Like mkdocs-bibtex it works on the text as the page has it, before Markdown reads it:
a citation in code or raw HTML is replaced too (the footnotes extension then leaves
``[^key]`` there as it is). The text around a key in a block (``[see @key, p. 3]``) is
dropped, as the house registry drops it; the editorial check reports it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass

from oncopress.citations.references import (
    FOOTNOTES_MARKER,
    add_reference_section,
    cited_keys,
    read_block,
)
from oncopress.problems import ContentError

BIB_COMMAND = "\\bibliography"
FULL_BIB_COMMAND = "\\full_bibliography"
FOOTNOTE_FORMAT = "{key}"
SEPARATOR = "<sup>,</sup>"  # between the references of one block
# mkdocs-bibtex's own patterns (mkdocs_bibtex.citation): what it takes for a block with
# a citation. ``references.read_block`` then reads the block's keys.
_BLOCK = re.compile(r"\[(.*?)\]")
_BIBTEX_CITATION = re.compile(
    r"(?:(?P<prefix>[^@;]*?)\s*)?@(?P<key>[\w-]+)(?:,\s*(?P<suffix>[^;]+))?"
)
_EMAIL = re.compile(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}")


@dataclass(frozen=True)
class CitationBlock:
    """One ``[...]`` block that cites: its text inside the brackets, its keys in order,
    and where it starts in the page (an index into the Markdown)."""

    inside: str
    keys: tuple[str, ...]
    start: int


@dataclass(frozen=True, order=True)
class CitationProblem:
    """One problem with a page's citations, at ``line`` of its Markdown (from 1)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CitationError(ContentError):
    """A page cites what the bibliography does not hold: every problem, in page order.
    The message lists them; a caller that knows the page's file (and how many lines of
    front matter came before its Markdown) names them in its own template."""

    def __init__(self, problems: Sequence[CitationProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

    def messages(self, first_line: int = 1) -> list[str]:
        """Each problem as ``line N: ...``, N counted in the page's file when the Markdown
        starts at its line ``first_line`` (the line after its front matter)."""
        return [f"line {p.line + first_line - 1}: {p.message}" for p in self.problems]


@dataclass(frozen=True)
class FootnoteSettings:
    """How citations become footnotes: the reference list's heading (in the page's
    language), the footnote label of a key, the commands that place the lists."""

    heading: str
    footnote_format: str = FOOTNOTE_FORMAT
    bib_command: str = BIB_COMMAND
    full_bib_command: str = FULL_BIB_COMMAND
    marker: str = FOOTNOTES_MARKER

    def label(self, key: str) -> str:
        return self.footnote_format.format(key=key)


def find_blocks(markdown: str) -> list[CitationBlock]:
    """Every block mkdocs-bibtex takes for citations, in page order, with the keys the
    house registry reads in it (mkdocs-bibtex's own when it reads none)."""
    found = []
    for match in _BLOCK.finditer(markdown):
        inside = match.group(1)
        theirs = [
            cited.group("key")
            for part in inside.split(";")
            if not _EMAIL.match(part) and (cited := _BIBTEX_CITATION.match(part))
        ]
        if theirs:
            ours = [cited.key for cited in read_block(inside)]
            found.append(CitationBlock(inside, tuple(ours or theirs), match.start()))
    return found


def unknown_keys(markdown: str, known: Container[str], bibliography: str) -> list[CitationProblem]:
    """A problem for each key of ``markdown`` not in ``known``, at its first citation."""
    problems: dict[str, CitationProblem] = {}
    for block in find_blocks(markdown):
        for key in block.keys:
            if key not in known and key not in problems:
                line = markdown.count("\n", 0, block.start) + 1
                message = f"cites unknown reference key '{key}' (not in {bibliography})"
                problems[key] = CitationProblem(line, message)
    return list(problems.values())


@dataclass(frozen=True)
class Footnoted:
    """A page's Markdown with its citations as footnotes (``markdown``), each block's run
    of references in page order (``runs``) and the definitions of the page's reference
    list (``definitions``): what ``sequence_cache.plan_citations`` splits."""

    markdown: str
    runs: tuple[str, ...]
    definitions: str


def write_footnotes(
    markdown: str,
    reference: Callable[[str], str],
    all_keys: Callable[[], Iterable[str]],
    settings: FootnoteSettings,
) -> Footnoted:
    """``markdown`` with its citations as footnotes: ``reference(key)`` gives a key's
    footnote text (HTML, safe in Markdown), ``all_keys()`` the bibliography's keys for
    the full bibliography. Every key must be known (see ``unknown_keys``)."""
    if cited_keys(markdown):
        markdown = add_reference_section(
            markdown, settings.heading, settings.bib_command, settings.marker
        )
    blocks = find_blocks(markdown)
    runs = []
    for block in blocks:
        runs.append(SEPARATOR.join(f"[^{settings.label(key)}]" for key in block.keys))
        markdown = markdown.replace(f"[{block.inside}]", runs[-1])
    keys = dict.fromkeys(key for block in blocks for key in block.keys)
    definitions = _definitions(keys, reference, settings)
    markdown = markdown.replace(settings.bib_command, definitions)
    if settings.full_bib_command in markdown:
        everything = _definitions(all_keys(), reference, settings)
        markdown = markdown.replace(settings.full_bib_command, everything)
    return Footnoted(markdown, tuple(runs), definitions)


def _definitions(
    keys: Iterable[str], reference: Callable[[str], str], settings: FootnoteSettings
) -> str:
    return "\n".join(f"[^{settings.label(key)}]: {reference(key)}" for key in keys)
