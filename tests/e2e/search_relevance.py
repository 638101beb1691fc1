"""The search relevance suite: type each query of ``search_relevance.yml`` into Material's
search box on the built site, in Chromium, and see where the expected page ranks.

Run it on any built site (it prints recall@3 per language and every miss):

    ./tasks build /tmp/site && .venv/bin/python tests/e2e/search_relevance.py /tmp/site
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).with_name("search_relevance.yml")
TOP = 3
# The article link of each result (its sections are nested links in the same item).
_RESULTS_JS = """() => ({
  articles: [...document.querySelectorAll('.md-search-result__item')]
    .map(li => li.querySelector('a.md-search-result__link'))
    .filter(a => a).map(a => a.href),
  links: [...document.querySelectorAll('.md-search-result a')].map(a => a.href),
  meta: (document.querySelector('.md-search-result__meta') || {}).textContent || '',
})"""


@dataclass(frozen=True)
class Case:
    language: str
    query: str
    page: str  # relative to the language's home: "" or "survivorship/recurrence/"


@dataclass(frozen=True)
class Outcome:
    case: Case
    ranked: list[str]  # result pages in order, relative to the language's home
    foreign: list[str]  # result links that lead out of the language's folder
    meta: str  # Material's result count line ("1 matching document"...)

    @property
    def found(self) -> bool:
        return self.case.page in self.ranked[:TOP]

    def describe(self) -> str:
        return (
            f"{self.case.language} {self.case.query!r}: want {self.case.page!r}, got {self.ranked}"
        )


def load_cases(path: Path = QUERIES) -> list[Case]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Case(lang, item["query"], item["page"]) for lang, items in data.items() for item in items
    ]


def home_of(language: str) -> str:
    return "" if language == "en" else f"{language}/"


def _relative(url: str, base_url: str, language: str) -> str | None:
    """``url`` relative to the language's home, or None if it leads elsewhere."""
    path = urlsplit(url).path
    prefix = urlsplit(base_url).path + home_of(language)
    if not path.startswith(prefix):
        return None
    relative = path[len(prefix) :]
    if language == "en" and relative.split("/", 1)[0] in ("es",):
        return None  # a Spanish page in English results
    return relative


def search(page, base_url: str, case: Case) -> Outcome:  # type: ignore[no-untyped-def]
    """Type ``case.query`` into the search box of the page already open; read the results."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(case.query, delay=15)
    seen, stable = None, 0
    deadline = time.monotonic() + 10
    while stable < 3 and time.monotonic() < deadline:  # until the list stops changing
        page.wait_for_timeout(120)
        now = page.evaluate(_RESULTS_JS)
        key = (tuple(now["articles"]), now["meta"])
        stable = stable + 1 if key == seen and now["meta"] else 0
        seen = key
    result = page.evaluate(_RESULTS_JS)
    ranked, foreign = [], []
    for url in result["articles"]:
        relative = _relative(url, base_url, case.language)
        if relative is None:
            foreign.append(url)
        else:
            ranked.append(relative.split("#", 1)[0])
    foreign += [u for u in result["links"] if _relative(u, base_url, case.language) is None]
    return Outcome(case, ranked, sorted(set(foreign)), result["meta"].strip())


def run_suite(browser, base_url: str, cases: list[Case]) -> list[Outcome]:  # type: ignore[no-untyped-def]
    outcomes = []
    for language in sorted({c.language for c in cases}):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(f"{base_url}{home_of(language)}", wait_until="networkidle")
        for case in (c for c in cases if c.language == language):
            outcomes.append(search(page, base_url, case))
        context.close()
    return outcomes


def recall_at_top(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Per language: (queries whose page is in the top 3, queries)."""
    table: dict[str, tuple[int, int]] = {}
    for outcome in outcomes:
        hits, total = table.get(outcome.case.language, (0, 0))
        table[outcome.case.language] = (hits + outcome.found, total + 1)
    return table


def report(outcomes: list[Outcome]) -> str:
    lines = []
    for language, (hits, total) in sorted(recall_at_top(outcomes).items()):
        lines.append(f"recall@{TOP} {language}: {hits}/{total} = {hits / total:.2f}")
    lines += [f"  miss: {o.describe()}" for o in outcomes if not o.found]
    lines += [f"  mixed: {o.case.query!r} -> {o.foreign}" for o in outcomes if o.foreign]
    return "\n".join(lines)


def main(site: Path) -> int:
    from browser import launch_chromium, serve
    from playwright.sync_api import sync_playwright

    with serve(site) as base_url, sync_playwright() as p:
        browser = launch_chromium(p)
        outcomes = run_suite(browser, base_url, load_cases())
        browser.close()
    print(report(outcomes))
    return 0 if all(o.found and not o.foreign for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
