"""Citations: find ``[@key]`` in Markdown and format references in house style.

House style (the publisher's, from the content brief)::

    Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. Management
    of common clinical problems experienced by survivors of cancer. The Lancet.
    2022;399(10334):1537-1550. doi.org/10.1016/S0140-6736(22)00242-2

Surname and initials; up to six authors all listed, with "&" before the last;
more than six: the first three, then "et al."; title; journal;
``year;volume(issue):pages``; the DOI shown as ``doi.org/<doi>`` and linked to
``https://doi.org/<doi>``. This module is the only place the style lives.

The other kinds of reference (``oncopress.citations.reftypes``) follow the same
family, Vancouver as NLM's "Citing Medicine" gives it, with the same names and
links; the words a reference holds ("In:", "editors", "[accessed 3 December
2026]") are in the page's language::

    book     Authors. Title. 2nd ed. Place: Publisher; Year.
    chapter  Authors. Chapter. In: Editors, editors. Book. Place: Publisher; Year. p. 5-9.
    paper    Authors. Paper. In: Editors, editors. Proceedings. Place: Publisher; Year. p. 5-9.
    report   Authors. Title. Place: Institution; Year. Report No.: 12.
    thesis   Author. Title [dissertation]. Place: University; Year.
    online   Author or organization. Title. Year [accessed 3 December 2026]. https://...
    misc     Authors. Title. How published. Publisher. Year.

A reference links its DOI (``doi.org/...``) or, without one or for a web page, its
web address; with an access date (``urldate``), the year says when it was opened.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from babel import Locale
from babel.dates import format_date
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

from oncopress.citations.bibfields import access_date, entry_value, web_address
from oncopress.citations.reftypes import (
    ARTICLE,
    BOOK,
    CHAPTER,
    ONLINE,
    PAPER,
    REPORT,
    THESIS,
    kind_of,
)
from oncopress.i18n.labels import label
from oncopress.i18n.plurals import plural

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
_URL_COMMAND = re.compile(r"^\\url\{(.*)\}$")  # howpublished = {\url{https://...}}
_EDITION = re.compile(
    r"(\d+)\s*(?:st|nd|rd|th|\.?[ªºao])?\.?\s*(?:ed(?:ition|ición|n)?\.?)?", re.IGNORECASE
)
_EDITION_WORD = re.compile(r"\b(?:ed|edn|edition|edición)\b", re.IGNORECASE)
# Access dates as The Lancet's Vancouver prints them: day, month, year.
_DATE_LOCALES = {"en": "en_GB"}
_THESES = {"phdthesis": "phd", "phd": "phd", "mastersthesis": "masters", "mathesis": "masters"}


@dataclass(frozen=True)
class Cited:
    """One citation in a ``[...]`` block: its key and any text around it."""

    block: str
    key: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Reference:
    """A reference, decoded from BibTeX into plain text fields (``kind``: one of
    ``oncopress.citations.reftypes``; the fields a kind has no use for are empty)."""

    key: str
    authors: tuple[str, ...]
    title: str
    journal: str
    year: str
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    kind: str = ARTICLE
    editors: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()  # the authors and editors that are not people
    booktitle: str = ""  # the book or proceedings a chapter or paper is in
    edition: str = ""
    place: str = ""
    publisher: str = ""  # for a report its institution, for a thesis its university
    number: str = ""  # a report's number
    thesis: str = ""  # "phd", "masters", or the kind of thesis as the entry says it
    howpublished: str = ""
    url: str = ""
    accessed: date | None = None

    @property
    def doi_url(self) -> str:
        return DOI_RESOLVER + quote(self.doi, safe="/()._-;:+") if self.doi else ""

    @property
    def link(self) -> tuple[str, str]:
        """What the reference links to, ``(text, href)``: its DOI, or its web address
        when it has no DOI or is a web page; ``("", "")`` when it has neither."""
        if self.url and (self.kind == ONLINE or not self.doi):
            return self.url, self.url
        return (f"doi.org/{self.doi}", self.doi_url) if self.doi else ("", "")


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
    """A pybtex ``Entry`` as a ``Reference`` (missing fields are empty)."""
    fields = entry.fields
    kind = kind_of(entry.type)

    def field(name: str) -> str:
        return latex_to_text(entry_value(fields, name))

    persons = {role: entry.persons.get(role, []) for role in ("author", "editor")}
    authors = tuple(format_author(p) for p in persons["author"])
    organizations = [
        format_author(p) for role in persons.values() for p in role if _organization(p)
    ]
    if not authors and field("organization"):  # a web page by an organization
        authors = (field("organization"),)
        organizations.append(authors[0])
    howpublished = str(fields.get("howpublished", "")).strip()
    given_url = _URL_COMMAND.match(howpublished)
    url = str(fields.get("url", "")).strip() or (given_url.group(1) if given_url else "")
    number = field("number") or field("issue")
    return Reference(
        key=key,
        authors=authors,
        title=field("title"),
        journal=field("journal"),
        year=field("year"),
        volume=field("volume"),
        issue="" if kind == REPORT else number,
        pages=_DASHES.sub("-", str(fields.get("pages", "")).strip()),
        doi=_DOI_PREFIX.sub("", str(fields.get("doi", "")).strip()),
        kind=kind,
        editors=tuple(format_author(p) for p in persons["editor"]),
        organizations=tuple(organizations),
        booktitle=field("booktitle"),
        edition=field("edition"),
        place=field("address"),
        publisher=_publisher(kind, field),
        number=number if kind == REPORT else "",
        thesis=_thesis(entry.type, field("type")),
        howpublished="" if given_url else latex_to_text(howpublished),
        url=url if web_address(url) else "",  # the bibliography check reports the others
        accessed=access_date(str(fields.get("urldate", ""))),
    )


def _publisher(kind: str, field: Callable[[str], str]) -> str:
    """Who published it: for a thesis its university, for a report its institution."""
    if kind == THESIS:
        return field("school")
    if kind == REPORT:
        return field("institution") or field("publisher")
    return field("publisher")


def _organization(person: Any) -> bool:
    """Whether a name is an organization's: one name in braces, ``{World Health
    Organization}``, with no given names."""
    names = [*person.first_names, *person.middle_names, *person.prelast_names]
    written = " ".join(person.last_names)
    return not names and written.startswith("{") and written.endswith("}")


def _thesis(entry_type: str, written: str) -> str:
    """``phd``, ``masters``, or the entry's own ``type`` (``""`` when it has none)."""
    return _THESES.get(entry_type.lower()) or _THESES.get(written.lower().strip(), written)


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


def _source(ref: Reference, locale: str) -> str:
    """``2022;399(10334):1537-1550.``"""
    text = _dated(ref, locale)
    if ref.volume or ref.issue:
        text += ";" + ref.volume + (f"({ref.issue})" if ref.issue else "")
    if ref.pages:
        text += ":" + ref.pages
    return _sentence(text)


def _dated(ref: Reference, locale: str) -> str:
    """The year, and when the reference links its web address and has an access date,
    when it was opened: ``2026 [accessed 3 December 2026]``."""
    if not (ref.accessed and ref.url and ref.link[1] == ref.url):
        return ref.year
    day = format_date(ref.accessed, "long", locale=_DATE_LOCALES.get(locale, locale))
    return f"{ref.year} {label('reference_accessed', locale).format(date=day)}".strip()


def _imprint(ref: Reference, locale: str) -> str:
    """``Place: Publisher; 2020.`` (``Publisher; 2020.``, ``Place; 2020.``, ``2020.``)."""
    where = ": ".join(part for part in (ref.place, ref.publisher) if part)
    return _sentence("; ".join(part for part in (where, _dated(ref, locale)) if part))


def _names(people: Sequence[str], editors: bool, locale: str) -> str:
    """``A, & B`` (authors) or ``A, & B, editors`` (editors)."""
    if not editors or not people:
        return format_authors(people)
    word = plural(
        len(people), label("reference_editor", locale), label("reference_editors", locale), locale
    )
    return f"{format_authors(people)}, {word}"


def format_edition(edition: str, locale: str) -> str:
    """``2`` -> ``2nd ed.`` / ``2.ª ed.``; nothing for a first edition; an edition in
    words as the entry writes it (``Revised`` -> ``Revised ed.``)."""
    number = _EDITION.fullmatch(edition.strip())
    if number:
        count = int(number.group(1))
        if count == 1:
            return ""
        form = Locale.parse(locale).ordinal_form(count)
        ordinal = label(f"ordinal_{form}", locale).format(n=count)
        return label("reference_edition", locale).format(ordinal=ordinal)
    return edition if not edition or _EDITION_WORD.search(edition) else f"{edition} ed."


def _in(ref: Reference, locale: str) -> list[str]:
    """``In: Gluckman P, & Hayne H, editors.`` and the book's title, or ``In: Book.``"""
    opening = label("reference_in", locale)
    if not ref.editors:
        return [f"{opening} {ref.booktitle}".strip()]
    return [f"{opening} {_names(ref.editors, True, locale)}", ref.booktitle]


def _thesis_title(ref: Reference, locale: str) -> str:
    """``Title [dissertation]``."""
    named = ref.thesis in set(_THESES.values())
    kind = label(f"reference_thesis_{ref.thesis}", locale) if named else ref.thesis
    return f"{ref.title} [{kind or label('reference_thesis', locale)}]"


def _parts(ref: Reference, locale: str = "en") -> list[str]:
    """The reference's sentences, before its link."""
    authors = _names(ref.authors, False, locale)
    pages = label("reference_pages", locale).format(pages=ref.pages) if ref.pages else ""
    if ref.kind == ARTICLE:
        parts = [authors, ref.title, ref.journal, _source(ref, locale)]
    elif ref.kind == BOOK:
        lead = authors or _names(ref.editors, True, locale)
        edition = format_edition(ref.edition, locale)
        parts = [lead, ref.title, edition, _imprint(ref, locale)]
    elif ref.kind in (CHAPTER, PAPER):
        edition = format_edition(ref.edition, locale)
        parts = [authors, ref.title, *_in(ref, locale), edition, _imprint(ref, locale), pages]
    elif ref.kind == REPORT:
        number = label("reference_number", locale).format(number=ref.number)
        parts = [authors, ref.title, _imprint(ref, locale), number if ref.number else ""]
    elif ref.kind == THESIS:
        parts = [authors, _thesis_title(ref, locale), _imprint(ref, locale)]
    elif ref.kind == ONLINE:
        parts = [authors, ref.title, _dated(ref, locale)]
    else:  # MISC
        parts = [authors, ref.title, ref.howpublished, ref.publisher, _dated(ref, locale)]
    return [_sentence(part) for part in parts if part]


def reference_text(ref: Reference, locale: str = "en") -> str:
    """The reference in house style, as plain text, its words in ``locale``."""
    text, _ = ref.link
    return " ".join([*_parts(ref, locale), *([text] if text else [])])


def escape(text: str) -> str:
    """HTML-escape ``text`` and neutralize Markdown syntax, for HTML inside Markdown."""
    return html.escape(text, quote=True).translate(_MARKDOWN_ENTITIES)


def reference_html(ref: Reference, locale: str = "en") -> str:
    """The reference in house style as HTML (safe inside Markdown), its words in
    ``locale``, its DOI or web address a link."""
    html_parts = [escape(part) for part in _parts(ref, locale)]
    text, href = ref.link
    if href:  # a raw tag: Markdown leaves it alone
        html_parts.append(f'<a href="{html.escape(href, quote=True)}">{escape(text)}</a>')
    return " ".join(html_parts)


class ReferenceBook:
    """House-style references of a bibliography, formatted once per key."""

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = entries
        self._cache: dict[str, Reference] = {}
        self._html: dict[tuple[str, str], str] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def reference(self, key: str) -> Reference:
        if key not in self._cache:
            self._cache[key] = format_reference(key, self._entries[key])
        return self._cache[key]

    def html(self, key: str, locale: str = "en") -> str:
        """The reference of ``key`` as HTML, its words in ``locale``."""
        if (key, locale) not in self._html:
            self._html[key, locale] = reference_html(self.reference(key), locale)
        return self._html[key, locale]


def add_reference_section(markdown: str, heading: str, bib_command: str, marker: str) -> str:
    """Place a ``## heading`` and the footnotes (``marker``) where the reference list
    goes: before ``bib_command`` if the page has it, else at the end with it."""
    section = f"\n\n## {heading}\n\n{marker}\n\n"
    if bib_command in markdown:
        before, after = markdown.split(bib_command, 1)
        return f"{before.rstrip()}{section}{bib_command}{after}"
    return f"{markdown.rstrip()}{section}{bib_command}\n"
