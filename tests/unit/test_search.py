"""The search core: per-language indexes, accent folding, synonyms, the worker's URL."""

from __future__ import annotations

import pytest
from oncopress.search import (
    SearchSettingsError,
    fold_accents,
    read_synonyms,
    split_search_index,
    versioned_worker,
)

MERGED = {
    "config": {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home", "text": "Cancer"},
        {"location": "survivorship/recurrence/", "title": "Recurrence", "text": "back"},
        {"location": "es/", "title": "Inicio", "text": "Cáncer"},
        {"location": "es/survivorship/recurrence/#tipos", "title": "Tipos", "text": "local"},
    ],
}


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


def test_split_gives_each_language_its_pages_and_full_pipeline() -> None:
    synonyms = {"en": {"relapse": ["recurrence"]}, "es": {"recidiva": ["recurrencia"]}}
    split = split_search_index(MERGED, ["en", "es"], "en", synonyms)
    assert split["en"]["config"] == {
        "lang": ["en"],
        "separator": "[\\s\\-]+",
        "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
        "synonyms": {"relapse": ["recurrence"]},
    }
    assert split["es"]["config"]["lang"] == ["es"]
    assert split["es"]["config"]["synonyms"] == {"recidiva": ["recurrencia"]}
    assert [d["location"] for d in split["en"]["docs"]] == ["", "survivorship/recurrence/"]
    assert [d["location"] for d in split["es"]["docs"]] == ["", "survivorship/recurrence/#tipos"]


def test_split_without_synonyms_has_empty_tables() -> None:
    split = split_search_index(MERGED, ["en", "es"], "en")
    assert split["en"]["config"]["synonyms"] == {}
    assert split["es"]["config"]["synonyms"] == {}


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
            "mkdocs.yml extra: search_synonyms: expected a mapping of languages, got ['relapse']",
        ),
        (
            {"fr": {"rechute": ["recurrence"]}},
            "mkdocs.yml extra: search_synonyms: unknown language fr (languages: en, es)",
        ),
        (
            {"en": ["relapse"]},
            "mkdocs.yml extra: search_synonyms: en: expected 'word: [words]' lines",
        ),
        (
            {"en": {"came back": ["recurrence"]}},
            "mkdocs.yml extra: search_synonyms: en: 'came back' must name single words, "
            "as in 'came back: [word, word]'",
        ),
        (
            {"es": {"recidiva": None}},
            "mkdocs.yml extra: search_synonyms: es: 'recidiva' must name single words, "
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
