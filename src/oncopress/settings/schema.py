"""The schema of ``extra:`` in ``mkdocs.yml``: each section the project reads, with its
fields' types, defaults and bounds (read by ``oncopress.settings.reader``)::

    extra:
      editorial:
        review_interval_years: 1     # a page is due for review this long after its sign-off
        reviewers: reviewers.yml     # the reviewer registry, next to mkdocs.yml
        about_page: about.md         # reviewer names link to this page, in each language
        ledger: sign-offs.yml        # the sign-off ledger (./tasks sign-off)
        report_dir: reports          # the editorial report (never published)
        overdue_reviews: info        # info: listed in the report; warn: fails --strict
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

    # A page's own 'review_interval_months' in front matter overrides it.
    review_interval_years: int = setting(1, f"{WHOLE} of years, at least 1", minimum=1)
    reviewers: str = setting("reviewers.yml", FILE_NAME, blank=False)
    about_page: str = setting("about.md", FILE_NAME, blank=False)
    ledger: str = setting("sign-offs.yml", FILE_NAME, blank=False)
    report_dir: str = setting("reports", FILE_NAME, blank=False)
    # What a page past its review date does: listed in the editors' report and logged at
    # INFO (``info``), or a WARNING that a strict build (``./tasks build``) refuses.
    overdue_reviews: str = setting("info", choices=("info", "warn"))

    @property
    def overdue_fails_strict(self) -> bool:
        return self.overdue_reviews == "warn"


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


# Site chrome: the texts around the pages, each in every language. The templates in
# overrides/ and oncopress.pages.site_chrome show them; this declares what they may be.
TEXTS = "a text per language, like {en: ..., es: ...}"
PHONE = 'a phone number, like "+18002272345"'


TEXT = rule(TEXTS)  # the metadata of a text per language (absent: none)


@dataclass(frozen=True)
class Publisher:
    """``extra.publisher``: the PDFs' author and the copyright holder."""

    name: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class Helpline:
    """``extra.helpline``: the helpline bar and the helpline in every PDF."""

    operator: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    phone: str | int = setting("", PHONE)
    tel: str | int = setting("", PHONE)
    label: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    hours: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class SafetyItem:
    """One entry of ``extra.safety.items``."""

    label: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    text: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class Safety:
    """``extra.safety``: the safety block on every medical page and its PDF."""

    title: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    items: tuple[SafetyItem, ...] = setting((), "a list of items, each with label and text")
    sources: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class Contact:
    """``extra.contact``: where reprint requests go (absent: no sentence)."""

    email: str = setting("", "an email address")


@dataclass(frozen=True)
class Link:
    """A link with a text per language: ``extra.chat``, ``extra.footer.newsletter``,
    ``extra.footer.donate`` (each shown only when present, with its ``url``)."""

    url: str = setting("", "an address")
    label: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    hours: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class LocalLink:
    """A link inside the site, per language: ``extra.pdfs_link``,
    ``extra.footer.usage_policy``."""

    href: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    label: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class Footer:
    """``extra.footer``."""

    copyright: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    year: str | int | None = setting(None, "a year, like 2026 (or a range, like 2020-2026)")
    usage_policy: LocalLink = field(default_factory=LocalLink, metadata=rule())
    newsletter: Link | None = field(default=None, metadata=rule())
    donate: Link | None = field(default=None, metadata=rule())


@dataclass(frozen=True)
class NotFound:
    """``extra.not_found``: the 404 page's texts."""

    title: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    text: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    home: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    home_href: dict[str, str] = field(default_factory=dict, metadata=TEXT)


@dataclass(frozen=True)
class Chrome:
    """The chrome sections of ``extra`` (other keys of ``extra`` are left to Material
    and to the sections above, each read where it is used)."""

    publisher: Publisher = field(default_factory=Publisher, metadata=rule())
    helpline: Helpline = field(default_factory=Helpline, metadata=rule())
    safety: Safety | None = field(default=None, metadata=rule())
    contact: Contact | None = field(default=None, metadata=rule())
    footer: Footer = field(default_factory=Footer, metadata=rule())
    chat: Link | None = field(default=None, metadata=rule())
    header_links_label: dict[str, str] = field(default_factory=dict, metadata=TEXT)
    pdfs_link: LocalLink = field(default_factory=LocalLink, metadata=rule())
    not_found: NotFound = field(default_factory=NotFound, metadata=rule())
    allow_placeholder_site_url: bool = setting(False)
