"""Citations: find ``[@key]`` in Markdown and format references in house style.

House style (the publisher's, from the content brief)::

    Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. Management
    of common clinical problems experienced by survivors of cancer. The Lancet.
    2022;399(10334):1537-1550. doi.org/10.1016/S0140-6736(22)00242-2

Surname and initials; up to six authors all listed, with "&" before the last;
more than six: the first three, then "et al."; title; journal;
``year;volume(issue):pages``; the DOI shown as ``doi.org/<doi>`` and linked to
``https://doi.org/<doi>``. This module is the only place the style lives.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

from oncopress.citations.bibfields import entry_value

MAX_AUTHORS_LISTED = 6
FOOTNOTES_MARKER = "///Footnotes Go Here///"  # where the footnotes extension puts the list
AUTHORS_BEFORE_ET_AL = 3
DOI_RESOLVER = "https://doi.org/"

# The citation syntax of mkdocs-bibtex (mkdocs_bibtex.citation), except the key: a
# BibTeX key may hold any character but space, ',' and braces (Better BibTeX writes
# 'emery:2022.lancet'), where mkdocs-bibtex stops at the first character that is not a
# letter, digit, '_' or '-'. A key starts with a letter, digit or '_' (as in pandoc), so
# mkdocs-bibtex finds every block; ';' and '[]' end it (they are the syntax's own).
# oncopress.cli.step_citations gives mkdocs-bibtex the keys read with this pattern.
_BLOCK = re.compile(r"\[(.*?)\]")
_SPACED_BLOCK = re.compile(r"([ \t]*)\[(.*?)\]")
_KEY = r"\w[^\s,;\[\]{}]*"
_CITATION = re.compile(rf"(?:(?P<prefix>[^@;]*?)\s*)?@(?P<key>{_KEY})(?:,\s*(?P<suffix>[^;]+))?")
_EMAIL = re.compile(r"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}")
_DASHES = re.compile(r"\s*(?:--+|\u2013|\u2014)\s*")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# Characters Markdown would act on inside a footnote; written as entities instead.
_MARKDOWN_ENTITIES = str.maketrans(
    {c: f"&#{ord(c)};" for c in "\\`*_{}[]"}  # after html.escape, so '&' is done
)
_PLAINTEXT = PlaintextBackend()
_PYBTEX_PREFIX = re.compile(r"^syntax error in line \d+: ")
# All that pybtex's LaTeX decoding acts on (latexcodec 3's lexer and table, pybtex's
# brace parser): commands, braces, math, comments, parameters, and the ligatures ~ --
# --- `` '' ,, !` ?`. Text with none of them decodes to itself, whitespace aside
# (tests/unit/test_citations_latex.py), without loading latexcodec (20 ms).
_LATEX_SYNTAX = re.compile(r"[\\{}$%#~`]|--|''|,,")


@dataclass(frozen=True)
class Cited:
    """One citation in a ``[...]`` block: its key and any text around it."""

    block: str
    key: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Reference:
    """A journal article, decoded from BibTeX into plain text fields."""

    key: str
    authors: tuple[str, ...]
    title: str
    journal: str
    year: str
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""

    @property
    def doi_url(self) -> str:
        return DOI_RESOLVER + quote(self.doi, safe="/()._-;:+") if self.doi else ""


def find_citations(markdown: str) -> list[Cited]:
    """Every citation in ``markdown``, in order, as mkdocs-bibtex will see them."""
    return [cited for block in _BLOCK.finditer(markdown) for cited in read_block(block.group(1))]


def read_block(inside: str) -> list[Cited]:
    """The citations of one ``[...]`` block, given the text inside the brackets."""
    found = []
    for part in inside.split(";"):
        if _EMAIL.match(part):
            continue
        match = _CITATION.match(part)
        if match:
            prefix, suffix = (match.group(g) or "" for g in ("prefix", "suffix"))
            found.append(Cited(f"[{inside}]", match.group("key"), prefix.strip(), suffix))
    return found


def strip_citations(markdown: str, commands: Sequence[str] = ()) -> str:
    """``markdown`` without its citation blocks (each with the spaces before it, so
    "treatment [@key]." reads "treatment.") and without ``commands`` (where
    mkdocs-bibtex puts a reference list): the page's text as readers see it, without
    the footnote marks and references a build adds."""

    def strip(block: re.Match[str]) -> str:
        return "" if read_block(block.group(2)) else block.group(0)

    stripped = _SPACED_BLOCK.sub(strip, markdown)
    for command in commands:
        stripped = stripped.replace(command, "")
    return stripped


def malformed_citations(markdown: str) -> list[str]:
    """A message for every ``[...]`` part with an ``@`` that is not a citation
    (``[@]``, ``[@ key]``): mkdocs-bibtex would print it as it is, silently."""
    found = []
    for block in _BLOCK.finditer(markdown):
        for part in block.group(1).split(";"):
            if "@" in part and not _EMAIL.match(part) and not _CITATION.match(part):
                found.append(
                    f"citation {block.group(0)} has no reference key right after '@'; "
                    "cite as [@key]"
                )
    return list(dict.fromkeys(found))


def cited_keys(markdown: str) -> list[str]:
    """The keys cited in ``markdown``, each once, in order of first citation."""
    return list(dict.fromkeys(cited.key for cited in find_citations(markdown)))


class LatexError(ValueError):
    """A BibTeX field is not valid LaTeX (a lone backslash, unbalanced braces)."""


def decode_latex(value: str) -> str:
    """BibTeX/LaTeX text as plain Unicode: ``G{\\"o}tze`` -> ``Götze``; raises
    ``LatexError`` for text LaTeX cannot read (``The Lancet\\``)."""
    if not _LATEX_SYNTAX.search(value):
        return " ".join(value.split())
    try:
        rendered: str = Text.from_latex(value).render(_PLAINTEXT)
    except UnicodeDecodeError:  # latexcodec: "unknown token '\\'"
        raise LatexError("a lone '\\' that starts no command") from None
    except PybtexError as error:
        raise LatexError(_PYBTEX_PREFIX.sub("", str(error))) from None
    return " ".join(rendered.split())


def latex_to_text(value: str) -> str:
    """``decode_latex``, or for text LaTeX cannot read (the bibliography check reports
    it) the text itself without braces: formatting never fails."""
    try:
        return decode_latex(value)
    except LatexError:
        return " ".join(value.replace("{", "").replace("}", "").split())


def format_author(person: Any) -> str:
    """A pybtex ``Person`` as surname and initials: ``Mehnert-Theuerkauf A``.

    Hyphenated first names give one initial per part (``Jean-Pierre`` -> ``JP``);
    a name in braces (a team) is kept whole.
    """
    surname = latex_to_text(" ".join([*person.prelast_names, *person.last_names]))
    given = [latex_to_text(name) for name in [*person.first_names, *person.middle_names]]
    initials = "".join(
        next((c for c in part if c.isalpha()), "").upper()
        for name in given
        for part in name.split("-")
    )
    lineage = latex_to_text(" ".join(person.lineage_names)).replace(".", "")
    return " ".join(part for part in (surname, initials, lineage) if part)


def format_reference(key: str, entry: Any) -> Reference:
    """A pybtex ``Entry`` as a ``Reference`` (missing volume, issue or pages are empty)."""
    fields = entry.fields

    def field(name: str) -> str:
        return latex_to_text(str(fields.get(name, "")))

    pages = _DASHES.sub("-", str(fields.get("pages", "")).strip())
    doi = _DOI_PREFIX.sub("", str(fields.get("doi", "")).strip())
    return Reference(
        key=key,
        authors=tuple(format_author(p) for p in entry.persons.get("author", [])),
        title=field("title"),
        journal=latex_to_text(entry_value(fields, "journal")),
        year=latex_to_text(entry_value(fields, "year")),
        volume=field("volume"),
        issue=field("number") or field("issue"),
        pages=pages,
        doi=doi,
    )


def format_authors(authors: Sequence[str]) -> str:
    """``A, B, & C`` for up to six names; ``A, B, C, et al.`` for more."""
    if len(authors) > MAX_AUTHORS_LISTED:
        return ", ".join(authors[:AUTHORS_BEFORE_ET_AL]) + ", et al."
    if len(authors) < 2:
        return "".join(authors)
    return ", ".join(authors[:-1]) + ", & " + authors[-1]


def _sentence(text: str) -> str:
    """``text`` ending with one full stop (or its own ``?``/``!``)."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def _source(ref: Reference) -> str:
    """``2022;399(10334):1537-1550.``"""
    text = ref.year
    if ref.volume or ref.issue:
        text += ";" + ref.volume + (f"({ref.issue})" if ref.issue else "")
    if ref.pages:
        text += ":" + ref.pages
    return _sentence(text)


def _parts(ref: Reference) -> list[str]:
    parts = [format_authors(ref.authors), ref.title, ref.journal]
    return [_sentence(part) for part in parts if part] + [_source(ref)]


def reference_text(ref: Reference) -> str:
    """The reference in house style, as plain text."""
    doi = [f"doi.org/{ref.doi}"] if ref.doi else []
    return " ".join([*_parts(ref), *doi])


def escape(text: str) -> str:
    """HTML-escape ``text`` and neutralize Markdown syntax, for HTML inside Markdown."""
    return html.escape(text, quote=True).translate(_MARKDOWN_ENTITIES)


def reference_html(ref: Reference) -> str:
    """The reference in house style as HTML (safe inside Markdown), the DOI a link."""
    html_parts = [escape(part) for part in _parts(ref)]
    if ref.doi:
        href = html.escape(ref.doi_url, quote=True)  # a raw tag: Markdown leaves it alone
        html_parts.append(f'<a href="{href}">{escape("doi.org/" + ref.doi)}</a>')
    return " ".join(html_parts)


class ReferenceBook:
    """House-style references of a bibliography, formatted once per key."""

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = entries
        self._cache: dict[str, Reference] = {}
        self._html: dict[str, str] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def reference(self, key: str) -> Reference:
        if key not in self._cache:
            self._cache[key] = format_reference(key, self._entries[key])
        return self._cache[key]

    def html(self, key: str) -> str:
        if key not in self._html:
            self._html[key] = reference_html(self.reference(key))
        return self._html[key]


def add_reference_section(markdown: str, heading: str, bib_command: str, marker: str) -> str:
    """Place a ``## heading`` and the footnotes (``marker``) where the reference list
    goes: before ``bib_command`` if the page has it, else at the end with it."""
    section = f"\n\n## {heading}\n\n{marker}\n\n"
    if bib_command in markdown:
        before, after = markdown.split(bib_command, 1)
        return f"{before.rstrip()}{section}{bib_command}{after}"
    return f"{markdown.rstrip()}{section}{bib_command}\n"
