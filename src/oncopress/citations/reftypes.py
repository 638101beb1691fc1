"""The kinds of reference the house style prints, the BibTeX and biblatex entry types
that are each kind, and the fields each needs.

The house style is the Vancouver family (NLM's "Citing Medicine", as The Lancet uses
it): a journal article, a book, a chapter in an edited book, a conference paper, a
report, a thesis, a web page, and anything else (``misc``). Zotero, Better BibTeX and
Crossref write these entry types; an entry type this table does not name is printed as
``misc``. ``oncopress.citations.references`` prints each kind;
``oncopress.citations.bibfile`` checks that an entry has what its kind needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

ARTICLE, BOOK, CHAPTER, PAPER = "article", "book", "chapter", "paper"
REPORT, THESIS, ONLINE, MISC = "report", "thesis", "online", "misc"

# Entry type (lower case, as pybtex gives it) -> kind.
KINDS: Mapping[str, str] = {
    "article": ARTICLE,
    "book": BOOK,
    "mvbook": BOOK,
    "collection": BOOK,  # an edited book: its editors stand where its authors would
    "mvcollection": BOOK,
    "proceedings": BOOK,
    "mvproceedings": BOOK,
    "incollection": CHAPTER,
    "inbook": CHAPTER,
    "bookinbook": CHAPTER,
    "inproceedings": PAPER,
    "conference": PAPER,
    "report": REPORT,
    "techreport": REPORT,
    "thesis": THESIS,
    "phdthesis": THESIS,
    "mastersthesis": THESIS,
    "online": ONLINE,
    "www": ONLINE,
    "electronic": ONLINE,
    "webpage": ONLINE,
}


@dataclass(frozen=True)
class Needed:
    """A field a kind needs: any one of ``names`` (the first is the one messages name),
    said as ``'journal' (or biblatex 'journaltitle')``."""

    names: tuple[str, ...]
    said: str


def _needed(name: str, *others: str, biblatex: str = "") -> Needed:
    said = f"'{name}'" + "".join(f" (or '{other}')" for other in others)
    said += f" (or biblatex '{biblatex}')" if biblatex else ""
    return Needed((name, *others, *((biblatex,) if biblatex else ())), said)


AUTHOR = _needed("author")
TITLE = _needed("title")
YEAR = _needed("year", biblatex="date")
PUBLISHER = _needed("publisher")
BOOKTITLE = _needed("booktitle")
# What each kind needs: what a reader needs to find the source (Citing Medicine's
# required elements). Edition, place, editors, pages, volume, issue, DOI are printed
# when the entry has them.
NEEDS: Mapping[str, tuple[Needed, ...]] = {
    ARTICLE: (AUTHOR, TITLE, _needed("journal", biblatex="journaltitle"), YEAR),
    BOOK: (_needed("author", "editor"), TITLE, PUBLISHER, YEAR),
    CHAPTER: (AUTHOR, TITLE, BOOKTITLE, PUBLISHER, YEAR),
    PAPER: (AUTHOR, TITLE, BOOKTITLE, YEAR),
    REPORT: (AUTHOR, TITLE, _needed("institution", "publisher"), YEAR),
    THESIS: (AUTHOR, TITLE, _needed("school", biblatex="institution"), YEAR),
    ONLINE: (_needed("author", "organization"), TITLE, YEAR, _needed("url"), _needed("urldate")),
    MISC: (TITLE, YEAR),
}
PERSON_FIELDS = frozenset({"author", "editor"})


def kind_of(entry_type: str) -> str:
    """The kind of reference an entry type is: ``incollection`` -> ``chapter``."""
    return KINDS.get(entry_type.lower(), MISC)
