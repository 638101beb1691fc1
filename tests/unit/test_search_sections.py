"""The search sections cache (oncopress.search.section_cache): what it saves, what it loads
back, and what it throws away."""

from __future__ import annotations

import json

from oncopress.search.section_cache import IndexedSection, SearchSectionCache, load_search_cache

CARE = (
    IndexedSection(None, "Care after treatment", "<p>Cancer can come back.</p>"),
    IndexedSection("signs", "Signs to report", "<ul><li>A new lump</li></ul>"),
)
VERSION = "mkdocs-material-9.6.0-python-3.11.7"


def test_saved_sections_load_back_the_same() -> None:
    cache = SearchSectionCache(VERSION)
    key = cache.key("<h1>Care after treatment</h1>")
    cache.store(key, CARE)
    cache.store(cache.key("<p>no heading</p>"), [IndexedSection(None, None, "no heading")])
    loaded = load_search_cache(cache.dumps(), VERSION)
    assert loaded.entries == cache.entries
    assert loaded.lookup(key) == CARE
    assert loaded.lookup(cache.key("<p>another page</p>")) is None


def test_the_file_holds_only_the_pages_this_build_looked_up() -> None:
    cache = SearchSectionCache(VERSION, {"old": CARE, "kept": CARE[:1]})
    assert cache.lookup("kept") == CARE[:1]
    assert json.loads(cache.dumps()) == {
        "format": 1,
        "version": VERSION,
        "sections": {"kept": [[None, "Care after treatment", "<p>Cancer can come back.</p>"]]},
    }


def test_a_cache_is_saved_only_when_it_changed() -> None:
    cache = SearchSectionCache(VERSION, {"a": CARE, "b": CARE})
    cache.lookup("a")
    cache.lookup("b")
    assert not cache.changed
    cache.lookup("c")  # a page with nothing cached: changed only once it is stored
    assert not cache.changed
    cache.store("c", CARE)
    assert cache.changed
    dropped = SearchSectionCache(VERSION, {"a": CARE, "b": CARE})
    dropped.lookup("a")  # page b is gone from the site
    assert dropped.changed


def test_the_key_is_the_sha256_of_the_html() -> None:
    assert SearchSectionCache.key("<p>é</p>") == (
        "5229bddeb25ca85b2dafff052ef9e9868e906e71e4b39f9a17a72b0aee7903d3"
    )


def test_another_version_format_or_damaged_file_starts_empty() -> None:
    saved = SearchSectionCache(VERSION)
    saved.store("a", CARE)
    text = saved.dumps()
    assert load_search_cache(text, "mkdocs-material-9.7.0-python-3.11.7").entries == {}
    assert load_search_cache(text.replace('"format":1', '"format":2'), VERSION).entries == {}
    for damaged in (None, "", "{", "[]", '{"format":1}', "null"):
        assert load_search_cache(damaged, VERSION).entries == {}


def test_a_damaged_entry_is_left_out_and_the_others_kept() -> None:
    good = [[None, "Care", "text"], ["signs", None, "more"]]
    sections = {
        "good": good,
        "not a list": "text",
        "short": [[None, "Care"]],
        "number title": [[None, 3, "text"]],
        "no text": [["signs", "Signs", None]],
    }
    text = json.dumps({"format": 1, "version": VERSION, "sections": sections})
    assert load_search_cache(text, VERSION).entries == {
        "good": (IndexedSection(None, "Care", "text"), IndexedSection("signs", None, "more"))
    }
