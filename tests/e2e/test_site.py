"""The real bilingual site, built once with --strict: structure, languages, chrome.

Replicate a failure with: ./tasks build /tmp/site  (or mkdocs build --strict -d /tmp/site)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Build
from site_pages import (
    counterpart_of,
    indexed_pages,
    language_of,
    material_labels,
    page_paths,
    parse,
    resolve,
    text_nodes,
)

CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
EXPECTED_PAGES = [
    "404.html",
    "about/index.html",
    "index.html",
    "pdfs/index.html",
    "survivorship/index.html",
    "survivorship/recurrence/index.html",
]


@pytest.fixture(scope="module")
def site(real_site: Build) -> Path:
    return real_site.site


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, BeautifulSoup]:
    return {relative: parse(site, relative) for relative in page_paths(site)}


def test_strict_build_prints_no_warning(real_site: Build) -> None:
    assert real_site.warnings == [], real_site.explain()
    assert real_site.lines("ERROR") == [], real_site.explain()


def test_every_page_exists_in_both_languages(pages: dict[str, BeautifulSoup]) -> None:
    english = sorted(p for p in pages if language_of(p) == "en")
    spanish = sorted(p[3:] for p in pages if language_of(p) == "es")
    assert english == EXPECTED_PAGES
    assert spanish == EXPECTED_PAGES


def test_html_lang_matches_the_folder(pages: dict[str, BeautifulSoup]) -> None:
    wrong = {
        p: s.html.get("lang") for p, s in pages.items() if s.html.get("lang") != language_of(p)
    }
    assert wrong == {}


def _linked_page(relative: str) -> str:
    """The page a link to ``relative`` means: a 404 page (served at any URL) stands for
    its language's home, which its language link and alternates point to."""
    if relative.endswith("404.html"):
        return "es/index.html" if language_of(relative) == "es" else "index.html"
    return relative


def test_language_link_goes_to_the_exact_counterpart(pages: dict[str, BeautifulSoup]) -> None:
    for relative, soup in pages.items():
        links = soup.select("a.site-header-links__lang")
        assert len(links) == 1, relative
        other = "en" if language_of(relative) == "es" else "es"
        assert links[0]["hreflang"] == other
        assert links[0]["lang"] == other
        assert links[0].get_text(strip=True) == {"en": "English", "es": "Español"}[other]
        target = counterpart_of(_linked_page(relative))
        assert resolve(relative, links[0]["href"]) == target, relative


def test_not_found_pages_link_to_the_other_home_from_any_url(
    pages: dict[str, BeautifulSoup],
) -> None:
    links = {
        relative: pages[relative].select_one("a.site-header-links__lang")["href"]
        for relative in ("404.html", "es/404.html")
    }
    assert links == {"404.html": "/es/", "es/404.html": "/"}


def test_head_has_absolute_hreflang_alternates_with_x_default(
    pages: dict[str, BeautifulSoup],
) -> None:
    site_url = CONFIG["site_url"]
    for relative, soup in pages.items():
        alternates = [
            (link["hreflang"], link["href"])
            for link in soup.head.select('link[rel="alternate"][hreflang]')
        ]
        linked = _linked_page(relative)
        english = linked if language_of(linked) == "en" else counterpart_of(linked)
        english_url = site_url + english.removesuffix("index.html")
        assert alternates == [
            ("en", english_url),
            ("es", site_url + "es/" + english.removesuffix("index.html")),
            ("x-default", english_url),
        ], relative


HELPLINE_BAR = {
    "en": "American Cancer Society helpline, 24/7: 1-800-227-2345 (any time, day or night)",
    "es": (
        "Línea de ayuda de la Sociedad Americana Contra El Cáncer, 24/7: 1-800-227-2345 "
        "(a cualquier hora, de día o de noche)"
    ),
}


@pytest.mark.parametrize(
    "relative",
    [
        "index.html",
        "es/index.html",
        "survivorship/recurrence/index.html",
        "es/survivorship/recurrence/index.html",
    ],
)
def test_helpline_bar_names_its_operator_in_the_page_language(
    pages: dict[str, BeautifulSoup], relative: str
) -> None:
    bar = pages[relative].select_one(".site-helpline")
    assert " ".join(bar.get_text(" ", strip=True).split()) == HELPLINE_BAR[language_of(relative)]
    phone = bar.select_one("a.site-helpline__phone")
    assert phone["href"] == "tel:+18002272345"
    assert phone.get_text(strip=True) == "1-800-227-2345"
    assert bar.select_one(".site-helpline__chat") is None  # the sample has no chat address


# Where the number appears in the text of a page, the operator is named in the same
# paragraph, and the number is a link to call.
OPERATOR_IN_TEXT = {"en": "American Cancer Society", "es": "Sociedad Americana Contra El Cáncer"}


@pytest.mark.parametrize(
    "relative",
    [
        "index.html",
        "survivorship/index.html",
        "survivorship/recurrence/index.html",
        "es/index.html",
        "es/survivorship/index.html",
        "es/survivorship/recurrence/index.html",
    ],
)
def test_the_helpline_number_in_page_text_names_its_operator(
    pages: dict[str, BeautifulSoup], relative: str
) -> None:
    article = pages[relative].select_one("article")
    calls = article.select('a[href="tel:+18002272345"]')
    assert [a.get_text(strip=True) for a in calls] == ["1-800-227-2345"]
    paragraph = " ".join(calls[0].find_parent("p").get_text(" ").split())
    assert OPERATOR_IN_TEXT[language_of(relative)] in paragraph


@pytest.mark.parametrize(
    ("relative", "skip", "toc", "logo"),
    [
        ("index.html", "Skip to content", "Table of contents", "Cancer Survivorship Information"),
        (
            "es/survivorship/recurrence/index.html",
            "Ir al contenido",
            "En esta página",
            "Información sobre la supervivencia al cáncer",
        ),
    ],
)
def test_theme_labels_and_logo_text(
    pages: dict[str, BeautifulSoup], relative: str, skip: str, toc: str, logo: str
) -> None:
    soup = pages[relative]
    assert soup.select_one("a.md-skip").get_text(strip=True) == skip
    assert soup.select_one("nav.md-nav--secondary label.md-nav__title").get_text(strip=True) == toc
    assert {img["alt"] for img in soup.select(".md-logo img")} == {logo}


# The year of the newest sign-off in the ledger (issue 23: never a fixed year).
YEAR = max(
    entry["revised"]
    for entry in yaml.safe_load((ROOT / "sign-offs.yml").read_text(encoding="utf-8"))[
        "pages"
    ].values()
).year
COPYRIGHT = {
    "en": (
        f"© {YEAR} Cancer Survivorship Information Service. All rights reserved. Our medical "
        "information is protected by copyright."
    ),
    "es": (
        f"© {YEAR} Servicio de Información sobre la Supervivencia al Cáncer. Todos los derechos "
        "reservados. Nuestra información médica está protegida por derechos de autor."
    ),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_footer_links_in_each_language(pages: dict[str, BeautifulSoup], language: str) -> None:
    relative = "about/index.html" if language == "en" else "es/about/index.html"
    footer = pages[relative].select_one(".site-footer")
    extra = CONFIG["extra"]["footer"]
    assert footer.select_one(".site-footer__copyright").get_text(strip=True) == COPYRIGHT[language]
    links = [(a.get_text(strip=True), a["href"]) for a in footer.select(".site-footer__links a")]
    # No newsletter or donate link: the sample has no real address for them.
    assert links == [(extra["usage_policy"]["label"][language], "#content-usage-policy")]


def _english_only_strings() -> set[str]:
    """Every chrome string the English site shows that Spanish must not show."""
    english, spanish = material_labels("en"), material_labels("es")
    strings = {v for k, v in english.items() if spanish.get(k) != v and len(v) > 2}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "en" in node and "es" in node and node["en"] != node["es"]:
                strings.add(str(node["en"]))
            for value in node.values():
                walk(value)

    walk(CONFIG["extra"])
    strings.add(HELPLINE_BAR["en"].split(":")[0])  # the label as shown, operator named
    strings.add(CONFIG["site_name"])
    for item in CONFIG["nav"]:
        strings.update(k for k in item if isinstance(item, dict))
    return strings


def test_no_english_chrome_on_spanish_pages(pages: dict[str, BeautifulSoup]) -> None:
    english = _english_only_strings()
    assert "Skip to content" in english and "{operator} helpline, 24/7" in english
    found = {
        relative: sorted({text for text in text_nodes(soup, skip_lang="en") if text in english})
        for relative, soup in pages.items()
        if language_of(relative) == "es"
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_no_asset_is_loaded_from_another_host(site: Path, pages: dict[str, BeautifulSoup]) -> None:
    external = re.compile(r"^(https?:)?//", re.IGNORECASE)
    offenders = []
    for relative, soup in pages.items():
        for element in soup.find_all(["script", "img", "iframe", "source", "video", "audio"]):
            if element.get("src") and external.match(element["src"]):
                offenders.append((relative, element["src"]))
        for link in soup.find_all("link", href=True):
            rel = set(link.get("rel", []))
            if rel & {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest"}:
                if external.match(link["href"]) or "preconnect" in rel:
                    offenders.append((relative, link["href"]))
    css_url = re.compile(r"""url\(\s*['"]?(https?:)?//""", re.IGNORECASE)
    for css in site.rglob("*.css"):
        if css_url.search(css.read_text(encoding="utf-8")):
            offenders.append((css.relative_to(site).as_posix(), "url(//...) in CSS"))
    assert offenders == []


def test_each_language_has_its_own_search_settings_and_index(site: Path) -> None:
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site / "es/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert spanish["config"]["lang"] == ["es"]
    assert english["config"]["synonyms"]["relapse"] == ["recurrence"]
    assert spanish["config"]["synonyms"]["recidiva"] == ["recurrencia"]
    assert "the" in english["config"]["stopwords"] and "el" in spanish["config"]["stopwords"]
    assert english["docs"] == spanish["docs"] == []  # the pages are in the shards
    assert english["config"]["shards"]["stemmer"] == "english"
    assert spanish["config"]["shards"]["stemmer"] == "spanish"
    for folder in ("search", "es/search"):  # one index per language
        pages = sorted(path.name for path in (site / folder / "pages").iterdir())
        assert pages == [f"{n}.json" for n in range(5)]  # the 404 page is not indexed
    addresses = ["/", "/about/", "/pdfs/", "/survivorship/", "/survivorship/recurrence/"]
    assert sorted(indexed_pages(site)) == sorted(indexed_pages(site / "es")) == addresses
    assert indexed_pages(site / "es")["/survivorship/recurrence/"].startswith(
        "Qué es la recurrencia"
    )


@pytest.mark.parametrize(
    ("relative", "lang", "title"),
    [("404.html", "en", "Page not found"), ("es/404.html", "es", "Página no encontrada")],
)
def test_not_found_page_per_language(
    pages: dict[str, BeautifulSoup], relative: str, lang: str, title: str
) -> None:
    soup = pages[relative]
    assert soup.html["lang"] == lang
    assert soup.find("article").h1.get_text(strip=True) == title


def _front_matter(relative: str) -> dict:
    """Front matter of the source of a built page (``es/about/index.html`` -> docs_es/about.md)."""
    folder = ROOT / ("docs_es" if language_of(relative) == "es" else "docs")
    stem = relative[3:] if language_of(relative) == "es" else relative
    stem = stem.removesuffix("index.html").rstrip("/")
    source = folder / f"{stem}.md" if stem else folder / "index.md"
    if not source.exists():
        source = folder / stem / "index.md"
    text = source.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1])


def test_meta_description_and_canonical_url(pages: dict[str, BeautifulSoup]) -> None:
    site_url = CONFIG["site_url"]
    for relative, soup in pages.items():
        if relative.endswith("404.html"):  # no source page: the site's description
            language = language_of(relative)
            description = _site_description(language)
            assert soup.head.find("meta", attrs={"name": "description"})["content"] == description
            assert soup.head.find("link", rel="canonical") is None
            continue
        meta = _front_matter(relative)
        assert (
            soup.head.find("meta", attrs={"name": "description"})["content"] == meta["description"]
        )
        canonical = soup.head.find("link", rel="canonical")["href"]
        assert canonical == site_url + relative.removesuffix("index.html"), relative


def test_sitemap_lists_every_page_with_alternates_and_revision(site: Path) -> None:
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    site_url = CONFIG["site_url"]
    entries = {}
    for url in sitemap.find_all("url"):
        loc = url.loc.get_text()
        alternates = {link["hreflang"]: link["href"] for link in url.find_all("link")}
        assert list(alternates) == ["en", "es", "x-default"], loc
        entries[loc.removeprefix(site_url)] = (url.lastmod.get_text(), alternates)
    expected = {}
    for page in EXPECTED_PAGES[1:]:  # every page but the 404
        path = page.removesuffix("index.html")
        for relative in (path, f"es/{path}"):
            revised = str(_front_matter(relative + "index.html")["last_revised"])
            alternates = {
                "en": site_url + path,
                "es": f"{site_url}es/{path}",
                "x-default": site_url + path,
            }
            expected[relative] = (revised, alternates)
    assert entries == expected


# The About page states the review interval mkdocs.yml enforces (extra: editorial:).
INTERVAL = {
    "en": ("about/index.html", {2: "two years", 3: "three years", 5: "five years"}),
    "es": ("es/about/index.html", {2: "dos años", 3: "tres años", 5: "cinco años"}),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_about_page_states_the_configured_review_interval(
    pages: dict[str, BeautifulSoup], language: str
) -> None:
    relative, words = INTERVAL[language]
    years = CONFIG["extra"]["editorial"]["review_interval_years"]
    text = " ".join(pages[relative].select_one("article").get_text(" ").split())
    stated = [phrase for phrase in words.values() if phrase in text]
    assert stated == [words[years]]


def _site_description(language: str) -> str:
    if language == "en":
        return CONFIG["site_description"]
    spanish = next(
        lang for lang in CONFIG["plugins"][1]["i18n"]["languages"] if lang["locale"] == "es"
    )
    return spanish["site_description"]


def _social(soup: BeautifulSoup) -> list[tuple[str, str]]:
    return [
        (meta.get("property") or meta.get("name"), meta["content"])
        for meta in soup.head.find_all("meta")
        if (meta.get("property") or meta.get("name") or "").startswith(("og:", "twitter:"))
    ]


SITE_NAMES = {
    "en": "Cancer Survivorship Information",
    "es": "Información sobre la supervivencia al cáncer",
}


def test_every_page_has_open_graph_and_twitter_tags(pages: dict[str, BeautifulSoup]) -> None:
    site_url = CONFIG["site_url"]
    for relative, soup in pages.items():
        language = language_of(relative)
        linked = _linked_page(relative)
        home = linked.removeprefix("es/") == "index.html"
        if relative.endswith("404.html"):
            texts = CONFIG["extra"]["not_found"]
            title, description = texts["title"][language], texts["text"][language]
        else:
            meta = _front_matter(relative)
            title, description = meta["title"], meta["description"]
        other = {"en": "es_US", "es": "en_US"}[language]
        assert _social(soup) == [
            ("og:type", "website" if home else "article"),
            ("og:site_name", SITE_NAMES[language]),
            ("og:title", SITE_NAMES[language] if home else title),
            ("og:description", description),
            ("og:url", site_url + linked.removesuffix("index.html")),
            ("og:locale", {"en": "en_US", "es": "es_US"}[language]),
            ("og:locale:alternate", other),
            ("og:image", f"{site_url}assets/images/social-card.png"),
            ("og:image:type", "image/png"),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", SITE_NAMES[language]),
            ("twitter:card", "summary_large_image"),
        ], relative


def test_exact_open_graph_of_the_spanish_recurrence_page(pages: dict[str, BeautifulSoup]) -> None:
    tags = dict(_social(pages["es/survivorship/recurrence/index.html"]))
    assert tags["og:title"] == "Qué es la recurrencia del cáncer"
    assert tags["og:url"] == "https://survivorship.example.org/es/survivorship/recurrence/"
    assert tags["og:locale"] == "es_US"
    assert tags["og:type"] == "article"


def test_default_social_image_is_shipped(site: Path) -> None:
    from PIL import Image

    with Image.open(site / "assets/images/social-card.png") as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
