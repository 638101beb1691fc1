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

HEAD_END = "</head>"


def scholarly_article(ref: Reference) -> dict[str, Any]:
    """A reference as a schema.org ``ScholarlyArticle``."""
    article: dict[str, Any] = {
        "@type": "ScholarlyArticle",
        "name": ref.title,
        "author": [{"@type": "Person", "name": author} for author in ref.authors],
        "isPartOf": {"@type": "Periodical", "name": ref.journal},
        "datePublished": ref.year,
    }
    if ref.volume:
        article["volumeNumber"] = ref.volume
    if ref.issue:
        article["issueNumber"] = ref.issue
    if ref.pages:
        article["pagination"] = ref.pages
    if ref.doi:
        article["url"] = ref.doi_url
        article["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": ref.doi}
    return article


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
        data["citation"] = [scholarly_article(ref) for ref in references]
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
