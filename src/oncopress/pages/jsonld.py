"""Machine-readable trust data: a schema.org ``MedicalWebPage`` per medical page,
with when it was last reviewed, by whom, in which language, and what it cites.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from oncopress.checks.preflight import PageRecord
from oncopress.checks.review import ReviewerRegistry
from oncopress.citations.references import Reference
from oncopress.citations.reftypes import ARTICLE, BOOK, CHAPTER, ONLINE, PAPER, REPORT, THESIS

HEAD_END = "</head>"


# schema.org's type for each kind of reference (oncopress.citations.reftypes).
SCHEMA_TYPES = {
    ARTICLE: "ScholarlyArticle",
    BOOK: "Book",
    CHAPTER: "Chapter",
    PAPER: "ScholarlyArticle",
    REPORT: "Report",
    THESIS: "Thesis",
    ONLINE: "WebPage",
}


def citation_item(ref: Reference) -> dict[str, Any]:
    """A reference as schema.org has it: a ``ScholarlyArticle`` in a ``Periodical``, a
    ``Book``, a ``Chapter`` of a ``Book``, a conference paper (a ``ScholarlyArticle``
    in its proceedings, a ``Book``), a ``Report``, a ``Thesis``, a ``WebPage``, or a
    ``CreativeWork``."""
    item: dict[str, Any] = {
        "@type": SCHEMA_TYPES.get(ref.kind, "CreativeWork"),
        "name": ref.title,
        "author": _agents(ref.authors, ref),
    }
    if ref.kind == ARTICLE:
        item["isPartOf"] = {"@type": "Periodical", "name": ref.journal}
    if ref.kind in (CHAPTER, PAPER):
        book = {"@type": "Book", "name": ref.booktitle, "editor": _agents(ref.editors, ref)}
        item["isPartOf"] = {key: value for key, value in book.items() if value}
    elif ref.editors:
        item["editor"] = _agents(ref.editors, ref)
    if ref.kind == BOOK and ref.edition:
        item["bookEdition"] = ref.edition
    if ref.publisher:
        publisher = {"@type": "Organization", "name": ref.publisher}
        item["sourceOrganization" if ref.kind == THESIS else "publisher"] = publisher
    if ref.kind == THESIS and ref.thesis:
        item["inSupportOf"] = {"phd": "PhD", "masters": "Master's degree"}.get(
            ref.thesis, ref.thesis
        )
    if ref.number:
        item["reportNumber"] = ref.number
    item["datePublished"] = ref.year
    for name, value in (("volumeNumber", ref.volume), ("issueNumber", ref.issue)):
        if value:
            item[name] = value
    if ref.pages:
        item["pagination"] = ref.pages
    _, href = ref.link
    if href:
        item["url"] = href
    if ref.doi:
        item["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi}
    return item


def _agents(names: tuple[str, ...], ref: Reference) -> list[dict[str, str]]:
    """People as ``Person``, organizations (``{World Health Organization}``) as
    ``Organization``."""
    return [
        {"@type": "Organization" if name in ref.organizations else "Person", "name": name}
        for name in names
    ]


def medical_webpage(
    record: PageRecord,
    *,
    name: str,
    url: str,
    locale: str,
    registry: ReviewerRegistry,
    references: Sequence[Reference],
) -> dict[str, Any]:
    """The ``MedicalWebPage`` of one page in ``locale``."""
    reviewers = [*record.reviewers, *record.translation_reviewers]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": name,
        "url": url,
        "inLanguage": locale,
        "lastReviewed": record.last_revised.isoformat(),
        "reviewedBy": [
            {
                "@type": "Organization",
                "name": registry.get(reviewer).name[locale],
                "description": registry.get(reviewer).credentials[locale],
            }
            for reviewer in dict.fromkeys(reviewers)
        ],
    }
    if references:
        data["citation"] = [citation_item(ref) for ref in references]
    return data


def render_jsonld(data: Mapping[str, Any]) -> str:
    """A ``<script type="application/ld+json">`` element; ``<``, ``>`` and ``&`` are
    written as JSON escapes so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return f'<script type="application/ld+json">{text}</script>'


def insert_in_head(page_html: str, snippet: str) -> str:
    """``page_html`` with ``snippet`` just before its first ``</head>``
    (unchanged when there is none)."""
    head, found, rest = page_html.partition(HEAD_END)
    if not found:
        return page_html
    return f"{head}{snippet}\n{found}{rest}"
