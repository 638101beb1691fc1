"""Search on the built site, in Chromium, typed into Material's search box: the relevance
suite of search_relevance.yml (recall@3 per language), accent folding, stemming, and
search chrome in the page's language.

Replicate: ./tasks build /tmp/site && .venv/bin/python tests/e2e/search_relevance.py /tmp/site
"""

from __future__ import annotations

import browser as fixtures
import pytest
from search_relevance import Case, Outcome, load_cases, recall_at_top, report, run_suite, search

from oncopress.search.shards import encode_postings

# The shared fixtures: the real site served, Chromium, a fresh tab.
base_url, browser, page = fixtures.base_url, fixtures.browser, fixtures.page

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")
CASES = load_cases()


@pytest.fixture(scope="module")
def outcomes(browser, base_url: str) -> dict[Case, Outcome]:  # type: ignore[no-untyped-def]
    return {outcome.case: outcome for outcome in run_suite(browser, base_url, CASES)}


def test_suite_has_at_least_12_queries_per_language() -> None:
    counts = {lang: sum(c.language == lang for c in CASES) for lang in ("en", "es")}
    assert min(counts.values()) >= 12, counts


@pytest.mark.parametrize("case", CASES, ids=[f"{c.language}-{c.query}" for c in CASES])
def test_query_finds_its_page_in_the_top_3(outcomes: dict[Case, Outcome], case: Case) -> None:
    outcome = outcomes[case]
    assert outcome.found, outcome.describe()


def test_results_never_mix_languages(outcomes: dict[Case, Outcome]) -> None:
    mixed = {o.case.query: o.foreign for o in outcomes.values() if o.foreign}
    assert mixed == {}


def test_recall_at_3_per_language(
    outcomes: dict[Case, Outcome], capsys: pytest.CaptureFixture[str]
) -> None:
    with capsys.disabled():
        print(f"\n{report(list(outcomes.values()))}")
    assert {
        lang: hits / total for lang, (hits, total) in recall_at_top(list(outcomes.values())).items()
    } == {
        "en": 1.0,
        "es": 1.0,
    }


@pytest.mark.parametrize(
    ("language", "queries"),
    [
        ("es", ["cancer", "cáncer", "CANCER"]),
        ("es", ["remision", "remisión", "remisiones"]),
        ("es", ["recurrencias", "recurrencia", "Recurrencia"]),
        ("es", ["recaida", "recaída", "RECAÍDA"]),  # a synonym, its key folded like the query
        ("en", ["recurrences", "recurrence", "recurrent"]),
        ("en", ["remission", "remissions"]),
    ],
)
def test_accents_case_and_plurals_give_the_same_results(  # type: ignore[no-untyped-def]
    page, base_url: str, language: str, queries: list[str]
) -> None:
    page.goto(f"{base_url}{'' if language == 'en' else 'es/'}", wait_until="networkidle")
    ranked = {q: search(page, base_url, Case(language, q, "")).ranked for q in queries}
    assert ranked[queries[0]], ranked
    assert all(r == ranked[queries[0]] for r in ranked.values()), ranked


@pytest.mark.parametrize(
    ("language", "placeholder", "ready", "none", "some"),
    [
        (
            "es",
            "Buscar",
            "Escriba lo que busca",
            "No se encontraron resultados",
            "resultados",
        ),
        ("en", "Search", "Type to start searching", "No matching documents", "matching documents"),
    ],
)
def test_search_chrome_in_the_page_language(  # type: ignore[no-untyped-def]
    page, base_url: str, language: str, placeholder: str, ready: str, none: str, some: str
) -> None:
    page.goto(f"{base_url}{'' if language == 'en' else 'es/'}", wait_until="networkidle")
    box = page.locator("input.md-search__input")
    assert box.get_attribute("placeholder") == placeholder
    assert box.get_attribute("aria-label") == placeholder
    box.click()
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim()"
    )
    assert meta.inner_text().strip() == ready
    assert search(page, base_url, Case(language, "zzqx", "")).meta == none
    found = search(page, base_url, Case(language, "pdf", ""))
    assert found.meta == f"{len(found.ranked)} {some}"


def _search_worker(page, url: str):  # type: ignore[no-untyped-def]
    """The search worker of the page at ``url``, once the search box has been opened."""
    page.goto(url, wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim()"
    )
    [worker] = page.workers
    return worker


WORDS = ["remisión", "Cáncer", "pingüino", "año", "AÑO", "metastásica", "crème brûlée"]


def test_the_worker_folds_like_the_build_and_drops_stop_words(  # type: ignore[no-untyped-def]
    page, base_url: str
) -> None:
    from conftest import ROOT

    from oncopress.search.indexes import fold_accents, versioned_worker
    from oncopress.search.shards import encode_postings, shard_file, shard_key

    worker = _search_worker(page, f"{base_url}es/")
    source = ROOT / "overrides/assets/javascripts/workers/oncopress-search.js"
    assert (
        worker.url
        == f"{base_url}assets/javascripts/workers/{versioned_worker(source.read_bytes())}"
        "&lang=es&index=es/search/"
    )
    folded = worker.evaluate(f"{WORDS!r}.map(self.oncopressSearch.foldAccents)")
    assert folded == [fold_accents(word) for word in WORDS]
    splits = [
        ("remision", []),
        ("año", []),
        ("remision", ["r"]),
        ("re", ["r", "re"]),
        ("recurrencia", ["r", "re", "rec"]),
        ("añoranza", ["a", "añ"]),
    ]
    keys = worker.evaluate(
        f"{[list(case) for case in splits]!r}.map(([word, split]) =>"
        " [self.oncopressSearch.keyOf(word, new Set(split)),"
        " self.oncopressSearch.hex(self.oncopressSearch.keyOf(word, new Set(split)))])"
    )
    assert keys == [
        [shard_key(word, frozenset(split)), shard_file(shard_key(word, frozenset(split)))[7:-5]]
        for word, split in splits
    ]
    assert keys[-1] == ["año", "61c3b16f"]
    entries = [[0, 5], [3, 1000, 0, 33], [40, 1, 2], [1_000_000, 70000, 1, 2, 3, 4]]
    decoded = worker.evaluate(f"self.oncopressSearch.decodePostings({encode_postings(entries)!r})")
    assert decoded == entries
    words = worker.evaluate(
        "['¿Quién revisa las páginas?', 'el', 'Cáncer de mama'].map(self.oncopressSearch.queryWords)"
    )
    assert words == [["revisa", "páginas"], ["el"], ["cáncer", "mama"]]


# Words whose stems the build and the worker must agree on: the relevance suite's, and
# the endings each Snowball algorithm strips.
STEMMED = {
    "en": "recurrences recurrence recurrent remissions remission questions treatment "
    "treatments metastatic metastasis lymph nodes prognosis checks pages reprint "
    "generously happily relational conditional sensibility running cries skies dying",
    "es": "recurrencias recurrencia remisiones remision metastasis recidiva regreso "
    "tumores estables progresion pronostico ganglios linfaticos enfermeras enfermeria "
    "revisa paginas reimprimir descargar despues tratamiento tratamientos supervivencia "
    "canciones felizmente corriendo habladoras comeríamos",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_worker_stems_as_the_build_does(  # type: ignore[no-untyped-def]
    page, base_url: str, language: str
) -> None:
    from oncopress.search.shards import Words

    worker = _search_worker(page, f"{base_url}{'' if language == 'en' else 'es/'}")
    words = Words(language)
    folded = [words.split(word)[0] for word in STEMMED[language].split()]
    stems = worker.evaluate(f"Promise.all({folded!r}.map(self.oncopressSearch.stem))")
    assert stems == [words.stem(word) for word in folded]
    assert len(set(stems)) < len(stems)  # some words share a stem


def test_results_link_to_the_page_with_the_typed_word_highlighted(  # type: ignore[no-untyped-def]
    page, base_url: str
) -> None:
    page.goto(base_url, wait_until="networkidle")
    search(page, base_url, Case("en", "recurrences", ""))
    href = page.locator(".md-search-result__item > a.md-search-result__link").first.get_attribute(
        "href"
    )
    assert href.endswith("survivorship/recurrence/?h=recurrences")


def _local(requested: list[str], base_url: str) -> list[str]:
    """The local server's paths in ``requested``, content hashes and versions replaced
    by ``#``."""
    import re

    return [
        re.sub(r"(?<=[._=])[0-9a-f]{7,}(?=[._&]|$)", "#", url[len(base_url) - 1 :])
        for url in requested
        if url.startswith(base_url)
    ]


@pytest.mark.parametrize(
    ("language", "open_search"),
    [("en", "tap the toggle"), ("es", "focus the box")],
)
def test_the_index_loads_when_the_search_is_opened_and_a_query_fetches_its_shards(  # type: ignore[no-untyped-def]
    browser, base_url: str, language: str, open_search: str
) -> None:
    home = "" if language == "en" else "es/"
    width = 390 if open_search == "tap the toggle" else 1280
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}{home}survivorship/", wait_until="networkidle")
    page.wait_for_timeout(1500)
    assert _local(requested, base_url) == [
        f"/{home}survivorship/",
        "/assets/stylesheets/main.#.min.css",
        "/assets/stylesheets/palette.#.min.css",
        "/assets/site.css",
        "/assets/logo.svg",
        "/assets/javascripts/bundle.#.min.js",
        "/assets/javascripts/glossary.js",
        f"/assets/javascripts/workers/oncopress-search.js?v=#&lang={language}&index={home}search/",
        f"/{home}search/search_index.json",
        "/assets/favicon.svg",
    ]
    del requested[:]
    if open_search == "tap the toggle":
        page.locator("label.md-header__button[for=__search]").click()
    else:
        page.locator("input.md-search__input").focus()
    page.wait_for_timeout(1500)
    stemmer = {"en": "english", "es": "spanish"}[language]
    assert _local(requested, base_url) == [
        f"/assets/javascripts/workers/stemmers/{stemmer}.js?v=#",
        "/assets/javascripts/workers/stemmers/base-stemmer.js",
    ]
    del requested[:]
    query = {"en": "remission", "es": "remisión"}[language]
    page.locator("input.md-search__input").fill(query)
    page.locator("input.md-search__input").press("End")  # Material reads the box on keyup
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(500)
    # One shard (the words in "r"), then the page files of the results, best first.
    assert _local(requested, base_url) == [
        f"/{home}search/shards/72.json?v=#",
        f"/{home}search/pages/4.json?v=#",  # the recurrence page, fifth in both languages
    ]
    context.close()


@pytest.mark.parametrize(
    ("language", "letter", "meta", "best"),
    [
        (
            "en",
            "r",
            "4 matching documents",
            ["about/", "survivorship/recurrence/", "survivorship/"],
        ),
        ("es", "r", "4 resultados", ["survivorship/recurrence/", "about/", "survivorship/"]),
    ],
)
def test_one_character_is_searched_as_the_start_of_a_word(  # type: ignore[no-untyped-def]
    page, base_url: str, language: str, letter: str, meta: str, best: list[str]
) -> None:
    """As Material's own search did: a letter finds the pages of the words that start
    with it, so the first key already shows that the search works."""
    page.goto(f"{base_url}{'' if language == 'en' else 'es/'}", wait_until="networkidle")
    found = search(page, base_url, Case(language, letter, ""))
    assert (found.meta, found.ranked[:3]) == (meta, best)
    # The worker leaves out one-letter words beside longer ones.
    [worker] = page.workers
    words = worker.evaluate(
        "['c', 'cancer y', 'cancer 1', '1 2'].map(self.oncopressSearch.queryWords)"
    )
    assert words == [["c"], ["cancer"], ["cancer"], ["1", "2"]]


def test_a_letter_whose_words_were_split_shows_the_best_pages_its_shard_keeps(  # type: ignore[no-untyped-def]
    page, base_url: str
) -> None:
    """At a few thousand pages a letter's words fill more than one shard: they move to
    shards of two letters, and the letter's own shard keeps their best pages ("x"),
    which a query of the letter shows. Here the index says "r" was split, and the "r"
    shard keeps one page: the recurrence page (page 4), not the 4 pages of "r" words."""

    def split_r(route) -> None:  # type: ignore[no-untyped-def]
        response = route.fetch()
        index = response.json()
        index["config"]["shards"]["split"] = ["r"]
        route.fulfill(response=response, json=index)

    kept = {"w": {}, "p": {}, "x": encode_postings([[4, 9, 0]])}
    page.route("**/search/search_index.json*", split_r)
    page.route("**/search/shards/72.json*", lambda route: route.fulfill(json=kept))
    page.goto(base_url, wait_until="networkidle")
    found = search(page, base_url, Case("en", "r", ""))
    assert (found.meta, found.ranked) == ("1 matching document", ["survivorship/recurrence/"])


def test_a_query_typed_when_none_runs_is_searched_at_once(  # type: ignore[no-untyped-def]
    page, base_url: str
) -> None:
    """Only a query typed while another runs waits for the debounce (50 ms): the worker
    asks for no timer when it gets a query and nothing else is running or waiting."""
    page.goto(base_url, wait_until="networkidle")
    search(page, base_url, Case("en", "cancer", ""))
    [worker] = page.workers
    timers = worker.evaluate(
        """() => {
          const timers = [], setTimer = self.setTimeout;
          self.setTimeout = (callback, ms) => { timers.push(ms); return setTimer(callback, ms) };
          try {
            self.dispatchEvent(new MessageEvent("message", {data: {type: 2, data: "recurrence"}}));
          } finally {
            self.setTimeout = setTimer;
          }
          return timers;
        }"""
    )
    assert timers == []
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__item a')?.href.includes('recurrence')"
    )
