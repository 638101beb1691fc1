"""Editorial settings from ``mkdocs.yml`` (``extra: editorial:``), with defaults::

extra:
  editorial:
    review_interval_years: 3     # a page is due for review this long after last_revised
    reviewers: reviewers.yml     # the reviewer registry, next to mkdocs.yml
    about_page: about.md         # reviewer names link to this page, in each language
    ledger: sign-offs.yml        # the sign-off ledger, next to mkdocs.yml (./tasks sign-off)
    report_dir: reports          # the editorial report, next to mkdocs.yml (never published)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SECTION = "editorial"


class SettingsError(ValueError):
    """A value under ``extra: editorial:`` in mkdocs.yml is unusable."""


@dataclass(frozen=True)
class EditorialSettings:
    review_interval_years: int = 3
    reviewers: str = "reviewers.yml"
    about_page: str = "about.md"
    ledger: str = "sign-offs.yml"
    report_dir: str = "reports"


def read_settings(extra: Mapping[str, object]) -> EditorialSettings:
    """The settings under ``extra.editorial`` (defaults for anything not given)."""
    section = extra.get(SECTION) or {}
    if not isinstance(section, Mapping):
        raise SettingsError(f"mkdocs.yml: extra.{SECTION} must be a mapping of settings")
    unknown = sorted(set(section) - set(EditorialSettings.__dataclass_fields__))
    if unknown:
        known = ", ".join(EditorialSettings.__dataclass_fields__)
        raise SettingsError(
            f"mkdocs.yml: unknown setting extra.{SECTION}.{unknown[0]} (known: {known})"
        )
    defaults = EditorialSettings()
    years = section.get("review_interval_years", defaults.review_interval_years)
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise SettingsError(
            f"mkdocs.yml: extra.{SECTION}.review_interval_years must be a whole number "
            f"of years, at least 1 (found {years!r})"
        )
    texts = {}
    for name in ("reviewers", "about_page", "ledger", "report_dir"):
        value = section.get(name, getattr(defaults, name))
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"mkdocs.yml: extra.{SECTION}.{name} must be a file name")
        texts[name] = value.strip()
    return EditorialSettings(years, **texts)
