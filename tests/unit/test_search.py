"""The search core: per-language indexes, accent folding, synonyms, the worker's URL."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_static_i18n.plugin import I18n

from oncopress.search.indexes import (
    SearchSettingsError,
    drop_translated_duplicates,
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


# Entries as mkdocs-static-i18n merges them: the default language's pass first.
_TITLES = st.sampled_from(["Home", "Inicio", "Recurrence", "Tipos"])
_TEXTS = st.sampled_from(["", "Cancer", "back", "local"])
_DEFAULT = st.sampled_from(["", "about/", "survivorship/recurrence/", "x/about/"])
_TARGET = st.sampled_from(["es/", "es/about/", "es/survivorship/recurrence/", "en/about/", "es/x/"])


def _entries(locations: st.SearchStrategy[str]) -> st.SearchStrategy[list[dict[str, str]]]:
    entry = st.fixed_dictionaries({"location": locations, "title": _TITLES, "text": _TEXTS})
    return st.lists(entry, max_size=12, unique_by=lambda e: (e["location"], e["title"], e["text"]))


def _matches(default: dict[str, str], target: dict[str, str]) -> bool:
    same = (default["title"], default["text"]) == (target["title"], target["text"])
    return same and target["location"].endswith(default["location"])


@given(_entries(_DEFAULT), _entries(_TARGET))
@settings(max_examples=300, deadline=None)
def test_drop_translated_duplicates_removes_what_mkdocs_static_i18n_removes(
    default: list[dict[str, str]], target: list[dict[str, str]]
) -> None:
    """The same entries go, except where one entry has several duplicates: i18n's filter
    skips the item after each one it removes from the list it iterates, so it keeps
    every second one; we remove them all."""
    i18n = SimpleNamespace(build_languages=["en", "es"])
    theirs, ours = [dict(e) for e in default + target], [dict(e) for e in default + target]
    I18n.reconfigure_search_duplicates(i18n, theirs)  # type: ignore[arg-type]
    removed = drop_translated_duplicates(ours, ("en/", "es/"))
    assert all(entry in theirs for entry in ours)  # i18n removed no more than we did
    assert all(any(_matches(d, entry) for d in default) for entry in removed)
    assert ours == [e for e in default + target if e not in removed]
    if all(sum(_matches(d, t) for t in target) <= 1 for d in default):
        assert ours == theirs


def test_drop_translated_duplicates_keeps_translations_and_order() -> None:
    entries = [
        {"location": "", "title": "Home", "text": "Cancer"},
        {"location": "about/", "title": "About", "text": "Us"},
        {"location": "es/", "title": "Inicio", "text": "Cáncer"},
        {"location": "es/about/", "title": "About", "text": "Us"},  # untranslated copy
        {"location": "es/x/", "title": "About", "text": "Us"},  # another page: kept
    ]
    removed = drop_translated_duplicates(entries, ("en/", "es/"))
    assert removed == [{"location": "es/about/", "title": "About", "text": "Us"}]
    assert [e["location"] for e in entries] == ["", "about/", "es/", "es/x/"]
