"""Link metadata for search engines and shared links: absolute ``hreflang`` alternates
with ``x-default`` (head and sitemap), and Open Graph / Twitter card tags.

Everything is plain data: URLs come in relative to the site root, as MkDocs and
mkdocs-static-i18n give them (``""``, ``./``, ``es/survivorship/recurrence/``), and
go out absolute, joined to ``site_url`` (which may have a sub-path,
``https://example.org/info/``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from oncopress.i18n.labels import UnknownLocaleError, language_labels

# The default image of shared links (plain, without words, so it suits every language):
# made by tools/make_social_card.py, shipped from overrides/assets/images/.
SOCIAL_IMAGE = "assets/images/social-card.png"
SOCIAL_IMAGE_SIZE = (1200, 630)
# Open Graph locales: the site's readers are in the United States (US helpline).
X_DEFAULT = "x-default"


class LinkMetaError(ValueError):
    """A setting link metadata cannot be made from (no ``site_url``, unknown locale)."""


@dataclass(frozen=True)
class SocialPage:
    """What a shared link previews: the page in the language being built."""

    title: str
    description: str
    url: str  # relative to the site root ("" is the default language's home)
    is_home: bool
    locale: str


def absolute_url(site_url: str | None, url: str) -> str:
    """``url`` (relative to the site root) joined to ``site_url``.

    >>> absolute_url("https://example.org/info/", "es/about/")
    'https://example.org/info/es/about/'
    """
    if not site_url:
        raise LinkMetaError(
            "mkdocs.yml has no site_url: set it to the address the site is published at "
            "(like https://www.example.org/); search engines and shared links need absolute URLs"
        )
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LinkMetaError(
            f"mkdocs.yml site_url: link metadata needs an absolute http(s) URL, got {site_url!r}"
        )
    relative = url.lstrip("/")
    if relative in (".", "./"):
        relative = ""
    return site_url.rstrip("/") + "/" + relative.removeprefix("./")


def absolute_alternates(
    urls: Mapping[str, str], site_url: str | None, locales: Sequence[str], default: str
) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for each language of a page, in ``locales`` order,
    then ``x-default`` pointing to the default language's page."""
    pairs = [(locale, absolute_url(site_url, urls[locale])) for locale in locales if locale in urls]
    if default in urls:
        pairs.append((X_DEFAULT, absolute_url(site_url, urls[default])))
    return pairs


def language_switch(
    alternates: Sequence[Mapping[str, str]],
    urls: Mapping[str, str],
    site_url: str | None,
    default: str,
    hrefs: Mapping[str, str] | None = None,
) -> list[dict[str, str]]:
    """mkdocs-static-i18n's ``extra.alternate`` entries made absolute for the head.

    Each entry keeps ``name`` and ``lang``; ``link`` becomes the absolute URL (Material's
    ``base.html`` writes it as the ``hreflang`` link) and ``href`` keeps the link the
    header's language switch uses (``hrefs`` replaces it, for pages served at any URL
    such as 404 pages). An ``x-default`` entry pointing to the default language ends the
    list.
    """
    entries = []
    for entry in alternates:
        locale = entry["lang"]
        if locale == X_DEFAULT or locale not in urls:
            continue
        href = (hrefs or {}).get(locale, entry.get("href", entry["link"]))
        link = absolute_url(site_url, urls[locale])
        entries.append({"name": entry["name"], "lang": locale, "link": link, "href": href})
    default_entry = next((e for e in entries if e["lang"] == default), None)
    if default_entry is not None:
        entries.append({**default_entry, "lang": X_DEFAULT})
    return entries


def open_graph_locale(locale: str) -> str:
    """``og:locale`` of a language: its labels file's ``open_graph_locale``."""
    try:
        found = language_labels(locale).open_graph_locale
    except UnknownLocaleError:
        found = ""
    if not found:
        raise LinkMetaError(
            f"no Open Graph locale for language '{locale}'; add open_graph_locale to its "
            f"labels file (labels/{locale}.yml)"
        )
    return found


def language_homes(locales: Sequence[str], default: str) -> dict[str, str]:
    """Each language's home, relative to the site root: ``{"en": "", "es": "es/"}``."""
    return {locale: "" if locale == default else f"{locale}/" for locale in locales}


def is_language_home(url: str, locale: str, default: str) -> bool:
    return url.strip("./") == language_homes([locale], default)[locale].strip("/")


def site_path(site_url: str | None, url: str) -> str:
    """``url`` as a path from the server's root (``/info/es/``): links that work on
    pages served at any URL, such as 404 pages."""
    return urlsplit(absolute_url(site_url, url)).path


def social_tags(
    page: SocialPage, site_name: str, site_url: str | None, locales: Sequence[str]
) -> list[tuple[str, str, str]]:
    """``(attribute, name, content)`` of every Open Graph and Twitter ``<meta>`` tag.

    The image is described by the site's name (it carries no words of its own).
    """
    image = absolute_url(site_url, SOCIAL_IMAGE)
    width, height = SOCIAL_IMAGE_SIZE
    tags = [
        ("property", "og:type", "website" if page.is_home else "article"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", site_name if page.is_home else page.title),
        ("property", "og:description", page.description),
        ("property", "og:url", absolute_url(site_url, page.url)),
        ("property", "og:locale", open_graph_locale(page.locale)),
    ]
    tags += [
        ("property", "og:locale:alternate", open_graph_locale(other))
        for other in locales
        if other != page.locale
    ]
    tags += [
        ("property", "og:image", image),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(width)),
        ("property", "og:image:height", str(height)),
        ("property", "og:image:alt", site_name),
        ("name", "twitter:card", "summary_large_image"),
    ]
    return tags
