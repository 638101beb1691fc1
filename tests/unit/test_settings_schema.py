"""The one schema of ``extra:`` settings and its reader (``oncopress.settings``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from oncopress.pages.site_chrome import read_chrome
from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import (
    Chrome,
    EditorialSettings,
    Footer,
    Helpline,
    HtmlPolicy,
    Limits,
    Link,
    PdfOptions,
    QualitySettings,
    ReadabilityTargets,
    Safety,
)
from oncopress.settings.site import SiteSettings, read_site_settings

SECTIONS = (
    EditorialSettings,
    HtmlPolicy,
    Limits,
    PdfOptions,
    QualitySettings,
    ReadabilityTargets,
    Chrome,
    Helpline,
    Safety,
    Footer,
    Link,
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("section", SECTIONS)
def test_an_absent_or_empty_section_reads_as_its_defaults(section: type) -> None:
    assert read_section(section, None, "extra.x") == section()
    assert read_section(section, {}, "extra.x") == section()


@pytest.mark.parametrize("section", SECTIONS)
def test_every_field_is_declared_with_what_it_must_be(section: type) -> None:
    for field in dataclasses.fields(section):
        assert "setting" in field.metadata, f"{section.__name__}.{field.name}"


def test_values_are_read_by_their_declared_type() -> None:
    quality = read_section(
        QualitySettings,
        {"stale_translations": "info", "readability": {"en_max_grade": 6, "min_words": 10}},
        "extra.quality",
    )
    assert quality == QualitySettings("info", ReadabilityTargets(6.0, 60.0, 10))
    assert isinstance(quality.readability.en_max_grade, float)
    assert read_section(EditorialSettings, {"ledger": " log.yml "}, "extra.editorial") == (
        EditorialSettings(ledger="log.yml")
    )
    assert read_section(PdfOptions, {"workers": None}, "extra.pdf") == PdfOptions()


@pytest.mark.parametrize(
    ("section", "value", "message"),
    [
        (
            QualitySettings,
            {"readability": {"en_max_grade": "eight"}},
            "mkdocs.yml: extra.quality.readability.en_max_grade must be a positive number "
            "(found 'eight')",
        ),
        (
            QualitySettings,
            {"readability": {"min_words": 40.5}},
            "mkdocs.yml: extra.quality.readability.min_words must be a whole number of words, "
            "at least 0 (found 40.5)",
        ),
        (
            QualitySettings,
            {"readability": {"grade": 6}},
            "mkdocs.yml: unknown setting extra.quality.readability.grade "
            "(known: en_max_grade, es_min_ease, min_words)",
        ),
        (
            Limits,
            {"page_bytes": True},
            "mkdocs.yml: extra.x.page_bytes must be a whole number of bytes, at least 1000 "
            "(found True)",
        ),
        (
            PdfOptions,
            {"on_serve": "yes"},
            "mkdocs.yml: extra.pdf.on_serve must be true or false (found 'yes')",
        ),
        (
            HtmlPolicy,
            {"allow_elements": "iframe"},
            "mkdocs.yml: extra.x.allow_elements must be a list of element names, like "
            "[iframe] (found 'iframe')",
        ),
        (Limits, ["page_bytes"], "mkdocs.yml: extra.x must be a mapping of settings"),
    ],
)
def test_a_wrong_value_is_named_by_its_key_path(section: type, value: object, message: str) -> None:
    path = {QualitySettings: "extra.quality", PdfOptions: "extra.pdf"}.get(section, "extra.x")
    with pytest.raises(SettingsError) as raised:
        read_section(section, value, path)
    assert str(raised.value) == message


def test_the_sample_and_the_optional_chrome_fit_the_schema() -> None:
    extra = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), _AnyTag)["extra"]
    settings = read_site_settings(extra)
    assert isinstance(settings, SiteSettings)
    assert settings.chrome.allow_placeholder_site_url is True
    assert settings.chrome.helpline.tel == "+18002272345"
    assert settings.chrome.chat is None
    optional = yaml.safe_load((ROOT / "tests/fixtures/full-chrome.yml").read_text("utf-8"))
    chrome = read_chrome({**extra, **optional})
    assert chrome.chat is not None and chrome.chat.label["es"] == "Chat en vivo"
    assert chrome.footer.donate is not None and chrome.footer.donate.url.endswith("/donate/")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"helpline": {"hours": {"en": 24}}},
            "mkdocs.yml: extra.helpline.hours must be a text per language, like "
            "{en: ..., es: ...} (found {'en': 24})",
        ),
        (
            {"safety": {"items": {"label": {"en": "x"}}}},
            "mkdocs.yml: extra.safety.items must be a list of items, each with label and text "
            "(found {'label': {'en': 'x'}})",
        ),
        (
            {"footer": {"donate": {"link": "https://x.org/"}}},
            "mkdocs.yml: unknown setting extra.footer.donate.link (known: url, label, hours)",
        ),
        (
            {"contact": "reprints@hope.org"},
            "mkdocs.yml: extra.contact must be a mapping of settings",
        ),
    ],
)
def test_a_wrong_chrome_setting_is_named_by_its_key_path(
    extra: dict[str, object], message: str
) -> None:
    with pytest.raises(SettingsError) as raised:
        read_chrome(extra)
    assert str(raised.value) == message


def test_the_footer_year_may_be_a_number_or_a_range() -> None:
    assert read_chrome({"footer": {"year": 2024}}).footer.year == 2024
    assert read_chrome({"footer": {"year": "2020-2025"}}).footer.year == "2020-2025"
    assert read_chrome({"helpline": {"tel": 18002272345}}).helpline.tel == 18002272345


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's !!python/name tags, read as nothing (only extra: matters here)."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)
