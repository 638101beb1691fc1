"""The one schema of ``extra:`` settings and its reader (``oncopress.settings``)."""

from __future__ import annotations

import dataclasses

import pytest

from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import (
    EditorialSettings,
    HtmlPolicy,
    Limits,
    PdfOptions,
    QualitySettings,
    ReadabilityTargets,
)

SECTIONS = (EditorialSettings, HtmlPolicy, Limits, PdfOptions, QualitySettings)


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
