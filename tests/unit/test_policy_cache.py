"""oncopress.checks.policy_cache: clean pages are not read again; a page with findings
always is, and every verdict depends on the page, the policy and the policy's code."""

from __future__ import annotations

import json

import pytest

from oncopress.checks import policy_cache
from oncopress.checks.htmlpolicy import HtmlPolicy
from oncopress.checks.policy_cache import PolicyCache, load_policy_cache

CLEAN = "<p>Call your care team.</p>"
HOSTILE = '<p>Hi</p><script src="https://tracker.test/x.js"></script>'


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every page the policy itself reads."""
    seen: list[str] = []
    real = policy_cache.policy_findings

    def counting(html: str, policy: HtmlPolicy) -> list[object]:
        seen.append(html)
        return real(html, policy)  # type: ignore[return-value]

    monkeypatch.setattr(policy_cache, "policy_findings", counting)
    return seen


def test_a_clean_page_is_read_once(reads: list[str]) -> None:
    cache = PolicyCache("v1")
    assert (cache.findings(CLEAN, HtmlPolicy()), cache.findings(CLEAN, HtmlPolicy())) == ([], [])
    assert reads == [CLEAN]


def test_a_refused_page_is_read_every_time(reads: list[str]) -> None:
    cache = PolicyCache("v1")
    first = cache.findings(HOSTILE, HtmlPolicy())
    assert [f.message for f in first] == [f.message for f in cache.findings(HOSTILE, HtmlPolicy())]
    assert len(first) == 1 and reads == [HOSTILE, HOSTILE]
    assert cache.clean == set()


def test_another_policy_reads_the_page_again(reads: list[str]) -> None:
    cache = PolicyCache("v1")
    cache.findings(CLEAN, HtmlPolicy())
    cache.findings(CLEAN, HtmlPolicy(frozenset({"iframe"})))
    assert reads == [CLEAN, CLEAN]


def test_a_saved_cache_holds_the_clean_pages_this_build_looked_up(reads: list[str]) -> None:
    old = PolicyCache("v1")
    old.findings("<p>gone</p>", HtmlPolicy())
    old.findings(CLEAN, HtmlPolicy())
    cache = load_policy_cache(old.dumps(), "v1")
    cache.findings(CLEAN, HtmlPolicy())
    cache.findings(HOSTILE, HtmlPolicy())
    assert reads == ["<p>gone</p>", CLEAN, HOSTILE]
    saved = json.loads(cache.dumps())
    assert (saved["format"], saved["version"], len(saved["clean"])) == (1, "v1", 1)
    assert cache.changed is False


@pytest.mark.parametrize(
    "text", [None, "", "not json", '{"format": 1, "version": "v0", "clean": {}}']
)
def test_another_code_version_or_no_cache_starts_empty(text: str | None) -> None:
    old = PolicyCache("v0")
    old.findings(CLEAN, HtmlPolicy())
    assert load_policy_cache(text if text is not None else None, "v1").clean == set()
    assert load_policy_cache(old.dumps(), "v1").clean == set()
