"""The search core: per-language indexes, accent folding, synonyms, the worker's URL."""

from __future__ import annotations

import pytest

from oncopress.search.indexes import (
    SearchSettingsError,
    fold_accents,
    read_synonyms,
    versioned_worker,
)
from oncopress.search.pagefind import (
    STOP_WORDS,
    article_page,
    language_settings,
    pagefind_command,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("remisión", "remision"),
        ("Cáncer", "Cancer"),
        ("pingüino", "pinguino"),
        ("año", "año"),
        ("AÑO", "AÑO"),
        ("metastásica", "metastasica"),
        ("recurrence", "recurrence"),
        ("crème brûlée", "creme brulee"),
        ("", ""),
    ],
)
def test_fold_accents_keeps_enye(text: str, folded: str) -> None:
    assert fold_accents(text) == folded


def test_language_settings_carry_synonyms_and_stop_words_and_no_pages() -> None:
    config = {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
    settings = language_settings("es", {"recidiva": ["recurrencia"]}, config)
    assert settings["docs"] == []
    assert settings["config"]["lang"] == ["es"]
    assert settings["config"]["separator"] == "[\\s\\-]+"
    assert settings["config"]["synonyms"] == {"recidiva": ["recurrencia"]}
    assert settings["config"]["stopwords"] == sorted(STOP_WORDS["es"])


def test_pagefind_reads_each_article_with_its_language_and_title() -> None:
    page = article_page("es", "Qué <es>", "<h2 id='a'>A</h2><p>Texto</p>")
    assert page.startswith('<!doctype html><html lang="es">')
    assert "<title>Qué &lt;es&gt;</title></head><body><h1>Qué &lt;es&gt;</h1><h2 id='a'>" in page
    assert "<body><h1>T</h1>" in article_page("en", "Other", "<h1>T</h1>")  # its own h1


def test_pagefind_command_indexes_the_articles_into_the_bundle(tmp_path) -> None:  # type: ignore[no-untyped-def]
    command = pagefind_command(tmp_path / "pf", tmp_path / "in", tmp_path / "out")
    assert command == [
        str(tmp_path / "pf"),
        "--site",
        str(tmp_path / "in"),
        "--output-path",
        str(tmp_path / "out"),
        "--silent",
        "--exclude-selectors",
        ".headerlink",
        "--exclude-selectors",
        "[data-search-exclude]",
    ]


def test_read_synonyms_folds_and_lowercases_the_typed_word() -> None:
    raw = {"es": {"Recaída": ["recurrencia"], "metastasis": "metastásica"}}
    assert read_synonyms(raw, ["en", "es"]) == {
        "en": {},
        "es": {"recaida": ["recurrencia"], "metastasis": ["metastásica"]},
    }
    assert read_synonyms(None, ["en", "es"]) == {"en": {}, "es": {}}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            ["relapse"],
            "mkdocs.yml: extra.search_synonyms must be a mapping of languages, like "
            "{es: {recidiva: [recurrencia]}} (found ['relapse'])",
        ),
        (
            {"fr": {"rechute": ["recurrence"]}},
            "mkdocs.yml: unknown language extra.search_synonyms.fr (languages: en, es)",
        ),
        (
            {"en": ["relapse"]},
            "mkdocs.yml: extra.search_synonyms.en must be 'word: [words]' lines "
            "(found ['relapse'])",
        ),
        (
            {"en": {"came back": ["recurrence"]}},
            "mkdocs.yml: extra.search_synonyms.en: 'came back' must name single words, "
            "as in 'came back: [word, word]'",
        ),
        (
            {"es": {"recidiva": None}},
            "mkdocs.yml: extra.search_synonyms.es: 'recidiva' must name single words, "
            "as in 'recidiva: [word, word]'",
        ),
    ],
)
def test_read_synonyms_refuses_bad_settings(raw: object, message: str) -> None:
    with pytest.raises(SearchSettingsError) as error:
        read_synonyms(raw, ["en", "es"])
    assert str(error.value) == message


def test_worker_url_changes_with_its_content() -> None:
    assert versioned_worker(b"a") == "oncopress-search.js?v=ca978112ca"
    assert versioned_worker(b"b") == "oncopress-search.js?v=3e23e81600"
