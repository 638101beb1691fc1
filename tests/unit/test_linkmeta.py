"""Link metadata core: absolute alternates with x-default, Open Graph and Twitter tags."""

from __future__ import annotations

import pytest

from oncopress.pages.link_metadata import (
    LinkMetaError,
    SocialPage,
    absolute_alternates,
    absolute_url,
    is_language_home,
    language_homes,
    language_switch,
    site_path,
    social_tags,
)

SUB = "https://example.org/info/"


@pytest.mark.parametrize(
    ("site_url", "url", "expected"),
    [
        (SUB, "", "https://example.org/info/"),
        (SUB, "./", "https://example.org/info/"),
        (SUB, ".", "https://example.org/info/"),
        (SUB, "es/", "https://example.org/info/es/"),
        (
            SUB,
            "es/survivorship/recurrence/",
            "https://example.org/info/es/survivorship/recurrence/",
        ),
        ("https://example.org", "about/", "https://example.org/about/"),
        ("https://example.org/", "/about/", "https://example.org/about/"),
    ],
)
def test_absolute_url(site_url: str, url: str, expected: str) -> None:
    assert absolute_url(site_url, url) == expected


@pytest.mark.parametrize("site_url", [None, ""])
def test_absolute_url_needs_a_site_url(site_url: str | None) -> None:
    with pytest.raises(LinkMetaError) as error:
        absolute_url(site_url, "about/")
    assert str(error.value) == (
        "mkdocs.yml has no site_url: set it to the address the site is published at "
        "(like https://www.example.org/); search engines and shared links need absolute URLs"
    )


@pytest.mark.parametrize("site_url", ["/info/", "example.org", "ftp://example.org/"])
def test_absolute_url_needs_an_http_site_url(site_url: str) -> None:
    with pytest.raises(LinkMetaError) as error:
        absolute_url(site_url, "about/")
    assert str(error.value) == (
        f"mkdocs.yml site_url: link metadata needs an absolute http(s) URL, got {site_url!r}"
    )


def test_absolute_alternates_end_with_x_default_english() -> None:
    urls = {"es": "es/care/", "en": "care/"}
    assert absolute_alternates(urls, SUB, ["en", "es"], "en") == [
        ("en", "https://example.org/info/care/"),
        ("es", "https://example.org/info/es/care/"),
        ("x-default", "https://example.org/info/care/"),
    ]


def test_language_switch_keeps_the_header_link_and_adds_x_default() -> None:
    i18n = [
        {"name": "English", "lang": "en", "link": "../../care/"},
        {"name": "Español", "lang": "es", "link": "./"},
    ]
    urls = {"en": "care/", "es": "es/care/"}
    assert language_switch(i18n, urls, SUB, "en") == [
        {"name": "English", "lang": "en", "link": f"{SUB}care/", "href": "../../care/"},
        {"name": "Español", "lang": "es", "link": f"{SUB}es/care/", "href": "./"},
        {"name": "English", "lang": "x-default", "link": f"{SUB}care/", "href": "../../care/"},
    ]


def test_language_switch_for_a_not_found_page_replaces_a_stale_entry() -> None:
    stale = language_switch(
        [
            {"name": "English", "lang": "en", "link": "/x/"},
            {"name": "Español", "lang": "es", "link": "/es/x/"},
        ],
        {"en": "x/", "es": "es/x/"},
        SUB,
        "en",
    )
    homes = language_homes(["en", "es"], "en")
    hrefs = {locale: site_path(SUB, url) for locale, url in homes.items()}
    assert language_switch(stale, homes, SUB, "en", hrefs) == [
        {"name": "English", "lang": "en", "link": SUB, "href": "/info/"},
        {"name": "Español", "lang": "es", "link": f"{SUB}es/", "href": "/info/es/"},
        {"name": "English", "lang": "x-default", "link": SUB, "href": "/info/"},
    ]


@pytest.mark.parametrize(
    ("url", "locale", "home"),
    [
        ("", "en", True),
        ("./", "en", True),
        ("es/", "es", True),
        ("es/care/", "es", False),
        ("care/", "en", False),
    ],
)
def test_is_language_home(url: str, locale: str, home: bool) -> None:
    assert is_language_home(url, locale, "en") is home


def test_social_tags_of_a_spanish_article() -> None:
    page = SocialPage("Qué es la recurrencia", "Cuando el cáncer regresa.", "es/care/", False, "es")
    assert social_tags(page, "Información", SUB, ["en", "es"]) == [
        ("property", "og:type", "article"),
        ("property", "og:site_name", "Información"),
        ("property", "og:title", "Qué es la recurrencia"),
        ("property", "og:description", "Cuando el cáncer regresa."),
        ("property", "og:url", "https://example.org/info/es/care/"),
        ("property", "og:locale", "es_US"),
        ("property", "og:locale:alternate", "en_US"),
        ("property", "og:image", "https://example.org/info/assets/images/social-card.png"),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", "Información"),
        ("name", "twitter:card", "summary_large_image"),
    ]


def test_social_tags_of_the_english_home_use_the_site_name() -> None:
    page = SocialPage("Home", "Help.", "", True, "en")
    tags = {
        name: content for _, name, content in social_tags(page, "Cancer Info", SUB, ["en", "es"])
    }
    assert (tags["og:type"], tags["og:title"], tags["og:url"]) == ("website", "Cancer Info", SUB)
    assert (tags["og:locale"], tags["og:locale:alternate"]) == ("en_US", "es_US")


def test_social_tags_refuse_a_language_without_open_graph_locale() -> None:
    page = SocialPage("Accueil", "Aide.", "fr/", True, "fr")
    with pytest.raises(LinkMetaError) as error:
        social_tags(page, "Info", SUB, ["en", "fr"])
    assert str(error.value) == (
        "no Open Graph locale for language 'fr'; add open_graph_locale to its labels file "
        "(labels/fr.yml)"
    )
