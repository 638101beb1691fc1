"""The schema of ``extra:`` in ``mkdocs.yml``: each section the project reads, with its
fields' types, defaults and bounds (read by ``oncopress.settings.reader``)::

    extra:
      editorial:
        review_interval_years: 3     # a page is due for review this long after last_revised
        reviewers: reviewers.yml     # the reviewer registry, next to mkdocs.yml
        about_page: about.md         # reviewer names link to this page, in each language
        ledger: sign-offs.yml        # the sign-off ledger (./tasks sign-off)
        report_dir: reports          # the editorial report (never published)
      quality:
        stale_translations: warn     # warn: fails --strict; info: listed only
        readability:
          en_max_grade: 8            # Flesch-Kincaid grade, at most
          es_min_ease: 60            # Fernández-Huerta reading ease, at least
          min_words: 40              # pages with less prose are not scored
      limits:
        page_bytes: 2000000          # the largest page, in bytes
      html_policy:
        allow_elements: []           # raw HTML elements let through (e.g. [iframe])
      pdf:
        on_serve: false              # PDFs in the preview (SITE_PDFS overrides)
        workers: null                # PDF worker processes (default: one per CPU)

The section classes live here and nowhere else; the modules that use a section import
its class from here (and check what only they know, such as the elements the HTML
policy refuses).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from oncopress.settings.reader import rule, setting

WHOLE = "a whole number"
FILE_NAME = "a file name"


@dataclass(frozen=True)
class EditorialSettings:
    """``extra.editorial``."""

    review_interval_years: int = setting(3, f"{WHOLE} of years, at least 1", minimum=1)
    reviewers: str = setting("reviewers.yml", FILE_NAME, blank=False)
    about_page: str = setting("about.md", FILE_NAME, blank=False)
    ledger: str = setting("sign-offs.yml", FILE_NAME, blank=False)
    report_dir: str = setting("reports", FILE_NAME, blank=False)


@dataclass(frozen=True)
class ReadabilityTargets:
    """``extra.quality.readability``."""

    en_max_grade: float = setting(8.0, "a positive number", minimum=0)
    es_min_ease: float = setting(60.0, "a positive number", minimum=0)
    min_words: int = setting(40, f"{WHOLE} of words, at least 0", minimum=0)


@dataclass(frozen=True)
class QualitySettings:
    """``extra.quality``."""

    stale_translations: str = setting("warn", choices=("warn", "info"))
    readability: ReadabilityTargets = field(
        default_factory=ReadabilityTargets, metadata=rule("a mapping of targets")
    )

    @property
    def stale_fails_strict(self) -> bool:
        return self.stale_translations == "warn"


@dataclass(frozen=True)
class Limits:
    """``extra.limits``."""

    page_bytes: int = setting(2_000_000, f"{WHOLE} of bytes, at least 1000", minimum=1000)


@dataclass(frozen=True)
class HtmlPolicy:
    """``extra.html_policy`` (element names as given; ``oncopress.checks.htmlpolicy``
    checks them and folds them to lowercase)."""

    allow_elements: frozenset[str] = setting(frozenset(), "a list of element names, like [iframe]")


@dataclass(frozen=True)
class PdfOptions:
    """``extra.pdf`` (``oncopress.pdf.pdf_settings`` weighs them against the command and
    the environment)."""

    on_serve: bool = setting(False)
    workers: int | None = setting(None, f"{WHOLE} of 1 or more", minimum=1)
