"""Link metadata when the site lives under a sub-path of its host
(``site_url: https://example.org/info/``): hreflang alternates with x-default in every
page's head and in the sitemap, Open Graph URLs, and the 404 pages' language links.

Replicate: copy tests/fixtures/minimal next to hooks/ and overrides/, set site_url to
https://example.org/info/, then mkdocs build --strict.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, make_project
from site_pages import parse

BASE = "https://example.org/info/"
PAGES = {  # built page -> (its URL, its English page's URL)
    "index.html": ("", ""),
    "care/index.html": ("care/", "care/"),
    "es/index.html": ("es/", ""),
    "es/care/index.html": ("es/care/", "care/"),
    "404.html": ("", ""),
    "es/404.html": ("es/", ""),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("subpath") / "project", "minimal")
    config = project.config()
    config["site_url"] = BASE
    config["extra"]["allow_placeholder_site_url"] = True  # example.org: a placeholder host
    project.set_config(config)
    result = project.build()
    assert result.returncode == 0, result.explain()
    assert result.warnings == [], result.explain()
    return result


@pytest.mark.parametrize("relative", sorted(PAGES))
def test_head_alternates_are_absolute_under_the_sub_path(built: Build, relative: str) -> None:
    soup = parse(built.site, relative)
    alternates = [
        (link["hreflang"], link["href"])
        for link in soup.head.select('link[rel="alternate"][hreflang]')
    ]
    english = BASE + PAGES[relative][1]
    assert alternates == [
        ("en", english),
        ("es", f"{BASE}es/{PAGES[relative][1]}"),
        ("x-default", english),
    ]
    og_url = soup.head.find("meta", property="og:url")["content"]
    assert og_url == BASE + PAGES[relative][0]
    image = soup.head.find("meta", property="og:image")["content"]
    assert image == f"{BASE}assets/images/social-card.png"


def test_not_found_pages_link_to_the_homes_under_the_sub_path(built: Build) -> None:
    links = {
        relative: parse(built.site, relative).select_one("a.site-header-links__lang")["href"]
        for relative in ("404.html", "es/404.html")
    }
    assert links == {"404.html": "/info/es/", "es/404.html": "/info/"}


def test_sitemap_matches_the_heads(built: Build) -> None:
    sitemap = BeautifulSoup((Path(built.site) / "sitemap.xml").read_text("utf-8"), "xml")
    entries = {
        url.loc.get_text(): [(link["hreflang"], link["href"]) for link in url.find_all("link")]
        for url in sitemap.find_all("url")
    }
    expected = {}
    for relative, (url, english) in PAGES.items():
        if not relative.endswith("404.html"):
            english_url = BASE + english
            expected[BASE + url] = [
                ("en", english_url),
                ("es", f"{BASE}es/{english}"),
                ("x-default", english_url),
            ]
    assert entries == expected
    for relative, (url, _) in PAGES.items():
        if relative.endswith("404.html"):
            continue
        head = parse(built.site, relative).head.select('link[rel="alternate"][hreflang]')
        assert [(link["hreflang"], link["href"]) for link in head] == entries[BASE + url]
