"""Readability scores kept between builds (oncopress.quality.readability_cache)."""

from __future__ import annotations

import json

from oncopress.quality.readability import Readability, ReadabilityTargets
from oncopress.quality.readability_cache import ReadabilityCache, load_readability_cache

TARGETS = ReadabilityTargets()
SCORE = Readability("es", "Fernández-Huerta", 71.5, 120, ">= 60", True)


def test_a_stored_score_is_found_again_after_saving_and_loading() -> None:
    cache = ReadabilityCache("v1")
    key = cache.key("<p>Texto.</p>", "es", TARGETS)
    short = cache.key("<p>Corto.</p>", "es", TARGETS)
    assert cache.lookup(key) == (False, None)
    cache.store(key, SCORE)
    cache.store(short, None)
    again = load_readability_cache(cache.dumps(), "v1")
    assert again.lookup(key) == (True, SCORE)
    assert again.lookup(short) == (True, None)


def test_the_key_depends_on_html_language_targets_and_version() -> None:
    cache = ReadabilityCache("v1")
    key = cache.key("<p>Text.</p>", "en", TARGETS)
    assert (
        len(
            {
                key,
                cache.key("<p>Text!</p>", "en", TARGETS),
                cache.key("<p>Text.</p>", "es", TARGETS),
                cache.key("<p>Text.</p>", "en", ReadabilityTargets(en_max_grade=6)),
                ReadabilityCache("v2").key("<p>Text.</p>", "en", TARGETS),
            }
        )
        == 5
    )
    assert cache.key("<p>Text.</p>", "en", TARGETS) == key


def test_scores_of_other_scoring_code_or_a_damaged_file_are_not_used() -> None:
    cache = ReadabilityCache("v1")
    key = cache.key("<p>Texto.</p>", "es", TARGETS)
    cache.store(key, SCORE)
    saved = cache.dumps()
    assert load_readability_cache(saved, "v2").lookup(key) == (False, None)
    for damaged in (None, "", "{", "[]", '{"format": 1, "version": "v1", "scores": []}'):
        assert load_readability_cache(damaged, "v1").lookup(key) == (False, None)
    odd = json.loads(saved)
    odd["scores"][key] = {"score": "high"}
    assert load_readability_cache(json.dumps(odd), "v1").lookup(key) == (False, None)


def test_a_saved_cache_keeps_only_the_pages_this_build_looked_up() -> None:
    old = ReadabilityCache("v1")
    gone, kept = old.key("<p>Borrada.</p>", "es", TARGETS), old.key("<p>Sigue.</p>", "es", TARGETS)
    old.store(gone, SCORE)
    old.store(kept, SCORE)
    build = load_readability_cache(old.dumps(), "v1")
    assert build.lookup(kept) == (True, SCORE)
    assert list(json.loads(build.dumps())["scores"]) == [kept]
