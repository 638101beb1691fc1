"""Every section of ``extra:`` read at once, so a build stops at its first step on a
wrong setting, named by its key path, before anything else reads the settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from oncopress.checks.editorial_settings import read_settings
from oncopress.checks.htmlpolicy import read_html_policy
from oncopress.pages.pagelimits import read_limits
from oncopress.pages.site_chrome import read_chrome
from oncopress.quality.quality_settings import read_quality_settings
from oncopress.settings.reader import read_section
from oncopress.settings.schema import (
    Chrome,
    EditorialSettings,
    HtmlPolicy,
    Limits,
    PdfOptions,
    QualitySettings,
)


@dataclass(frozen=True)
class SiteSettings:
    """The settings of ``extra:`` the project reads (``search_synonyms`` is read by
    ``oncopress.search.indexes.read_synonyms``: its keys are the site's languages)."""

    editorial: EditorialSettings
    quality: QualitySettings
    limits: Limits
    html_policy: HtmlPolicy
    pdf: PdfOptions
    chrome: Chrome


def read_site_settings(extra: Mapping[str, object]) -> SiteSettings:
    """Every section of ``extra`` (defaults for what is not given); raises a
    ``oncopress.settings.reader.SettingsError`` naming the first wrong key."""
    return SiteSettings(
        editorial=read_settings(extra),
        quality=read_quality_settings(extra),
        limits=read_limits(extra),
        html_policy=read_html_policy(extra),
        pdf=read_section(PdfOptions, extra.get("pdf"), "extra.pdf"),
        chrome=read_chrome(extra),
    )
