"""Editorial settings from ``mkdocs.yml`` (``extra: editorial:``), with defaults::

extra:
  editorial:
    review_interval_years: 1     # a page is due for review this long after its sign-off
    reviewers: reviewers.yml     # the reviewer registry, next to mkdocs.yml
    about_page: about.md         # reviewer names link to this page, in each language
    ledger: sign-offs.yml        # the sign-off ledger, next to mkdocs.yml (./tasks sign-off)
    report_dir: reports          # the editorial report, next to mkdocs.yml (never published)
    overdue_reviews: info        # info: listed in the report; warn: fails --strict
"""

from __future__ import annotations

from collections.abc import Mapping

from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import EditorialSettings

__all__ = ["SECTION", "EditorialSettings", "SettingsError", "read_settings"]

SECTION = "editorial"


def read_settings(extra: Mapping[str, object]) -> EditorialSettings:
    """The settings under ``extra.editorial`` (defaults for anything not given)."""
    return read_section(EditorialSettings, extra.get(SECTION), f"extra.{SECTION}")
