"""The search core: per-language indexes, accent folding, synonyms, the worker's URL."""

from __future__ import annotations

import pytest

from oncopress.search.indexes import (
    SearchSettingsError,
    fold_accents,
    read_synonyms,
    versioned_worker,
)
from oncopress.search.sections import Section, page_sections
from oncopress.search.shards import (
    STOP_WORDS,
    IndexedPage,
    Words,
    build_index,
    encode_postings,
    language_settings,
    shard_file,
    shard_key,
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


def test_language_settings_carry_synonyms_stop_words_and_shards_and_no_pages() -> None:
    config = {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}
    shards = {"split": ["re"], "stemmer": "spanish", "version": "0123456789ab"}
    settings = language_settings("es", {"recidiva": ["recurrencia"]}, config, shards)
    assert settings["docs"] == []
    assert settings["config"]["lang"] == ["es"]
    assert settings["config"]["separator"] == "[\\s\\-]+"
    assert settings["config"]["synonyms"] == {"recidiva": ["recurrencia"]}
    assert settings["config"]["stopwords"] == sorted(STOP_WORDS["es"])
    assert settings["config"]["shards"] == shards


def test_a_page_splits_at_its_headings_without_title_permalinks_or_definitions() -> None:
    html = (
        '<h1 id="t">Title</h1><p>Intro <b>bold</b>text.</p><ul><li>one</li><li>two</li></ul>'
        '<h2 id="after">After <a class="headerlink" href="#after">¶</a></h2>'
        '<p>A <span class="glossary">term<span data-search-exclude="">its definition</span>'
        "</span> here.</p><script>var x;</script><h3>No id</h3><p>Still after.</p>"
        '<h3 id="last">Last &amp; least</h3>'
    )
    assert page_sections(html) == [
        Section("", "", "Intro boldtext. one two"),
        Section("After", "after", "A term here. No id Still after."),
        Section("Last & least", "last", ""),
    ]
    assert page_sections("") == [Section("", "", "")]
    assert page_sections('<h2 id="x">Open') == [Section("", "", ""), Section("Open", "x", "")]


def test_words_are_folded_and_stemmed_as_the_worker_does() -> None:
    spanish = Words("es")
    assert spanish.split("¿Remisión, REMISIONES o año_2026?") == [
        "remision",
        "remisiones",
        "o",
        "año",
        "2026",
    ]
    assert [spanish.stem(w) for w in ("remision", "remisiones", "enfermeras")] == [
        "remision",
        "remision",
        "enfermer",
    ]
    assert Words("en").stem("recurrences") == Words("en").stem("recurrent") == "recurr"
    assert Words("xx").stem("words") == "words"  # no stemmer: whole words


def test_shard_keys_take_one_more_character_per_split_prefix() -> None:
    assert [shard_key(w, frozenset()) for w in ("remision", "a", "año")] == ["r", "a", "a"]
    split = frozenset({"r", "re", "rec", "a"})
    assert [shard_key(w, split) for w in ("remision", "recurr", "re", "rec", "año")] == [
        "rem",
        "recu",
        "re",
        "rec",
        "añ",
    ]
    assert shard_file("qu") == "shards/7175.json"
    assert shard_file("añ") == "shards/61c3b1.json"


def _page(location: str, title: str, *sections: tuple[str, str, str]) -> IndexedPage:
    return IndexedPage(location, title, [Section(*section) for section in sections])


def test_the_index_holds_each_stem_with_its_pages_scores_and_sections() -> None:
    index = build_index(
        [
            _page("a/", "Recurrence", ("", "", "Cancer can come back."), ("Signs", "signs", "")),
            _page("b/", "Remission", ("", "", "No cancer."), ("Recurrences", "r", "Rare.")),
        ],
        "en",
    )
    assert sorted(index.files) == [
        "pages/0.json",
        "pages/1.json",
        "shards/62.json",  # b
        "shards/63.json",  # c
        "shards/6e.json",  # n
        "shards/72.json",  # r
        "shards/73.json",  # s
    ]
    assert index.files["pages/1.json"] == (
        '{"l":"b/","t":"Remission","s":[["","","No cancer."],["Recurrences","r","Rare."]]}'
    )
    # "recurrence" (page 0's title, 5 times a word) and "recurrences" (page 1's heading,
    # 3 times) share a stem; page 1 has it in its section 1.
    assert index.files["shards/72.json"] == (
        '{"w":{"rare":"rare","recurrence":"recurr","recurrences":"recurr","remission":"remiss"},'
        '"p":{"rare":"1I211","recurr":"0A101t11","remiss":"1~30"}}'
    )
    assert index.shards == {"split": [], "stemmer": "english", "version": index.shards["version"]}
    assert len(index.shards["version"]) == 12


def test_postings_are_written_as_distances_and_five_bit_digits() -> None:
    assert encode_postings([[2, 1, 4], [3, 1, 4]]) == "2114" + "1114"
    # 1000 = 8 + 31 x 32: "I" (8, more to come), "v" (31, the last digit)
    assert encode_postings([[0, 1000, 0, 33]]) == "0" + "Iv" + "2" + "0" + "B1"
    assert encode_postings([]) == ""


def test_a_large_shard_is_split_by_the_next_character(monkeypatch: pytest.MonkeyPatch) -> None:
    import oncopress.search.shards as shards

    monkeypatch.setattr(shards, "SHARD_BYTES", 100)
    words = " ".join(f"re{chr(97 + n)}{chr(97 + m)}x" for n in range(6) for m in range(6))
    index = build_index([_page("a/", "T", ("", "", words)), _page("b/", "U", ("", "", "re"))], "xx")
    assert index.shards["split"] == ["r", "re", "rea", "reb", "rec", "red", "ree", "ref"]
    # No word of one letter: the "r" shard has only the best pages of the words after it,
    # for a query of "r"; "re" itself stays in its prefix's shard, with the same pages.
    assert index.files["shards/72.json"] == '{"w":{},"p":{},"x":"0T1101O310"}'
    assert (
        index.files["shards/7265.json"] == '{"w":{"re":"re"},"p":{"re":"1O310"},"x":"0T1101O310"}'
    )
    assert index.files[shard_file("reaa")] == '{"w":{"reaax":"reaax"},"p":{"reaax":"0T110"}}'


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


def test_an_index_that_cannot_be_written_names_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from mkdocs.exceptions import PluginError

    from oncopress.cli.step_search import _write_index

    (tmp_path / "shards").write_text("a file where the shards' folder goes", encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        _write_index(tmp_path, {"shards/7175.json": "{}"})
    assert str(raised.value) == (
        f"{tmp_path / 'shards' / '7175.json'}: the search index could not be written (File exists)"
    )
