"""MkDocs hook: link metadata for search engines and shared links (adapter over
``oncopress.pages.link_metadata``).

- ``on_config``: stops the build if there is no ``site_url`` to make them from;
- ``on_page_context``: the page's ``hreflang`` alternates made absolute from
  ``site_url``, with ``x-default`` -> English (Material's ``base.html`` writes
  ``extra.alternate``; the header's language link keeps its relative ``href``), and
  the Open Graph / Twitter tags ``overrides/main.html`` writes into the head;
- ``on_template_context``: the same for the 404 pages (served at any URL: they link
  to each language's home), and absolute alternates for ``overrides/sitemap.xml``.
"""

from __future__ import annotations

from html import unescape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _guard(absolute_url, config.site_url, "")  # every page needs it: say so once, first
    return config


@event_priority(-100)  # after mkdocs-static-i18n set extra.alternate for this page
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    urls = {locale: file.url for locale, file in page.file.alternates.items()}
    title = unescape(str(page.meta.get("title") or page.title or ""))
    description = unescape(str(page.meta.get("description") or config.site_description or ""))
    return _link_meta(context, config, urls, title, description, page.url)


@event_priority(-100)  # after mkdocs-static-i18n added its own context
def on_template_context(
    context: dict[str, Any], template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    i18n, locales = config.plugins["i18n"], _locales(config)
    if template_name == "404.html":
        homes = language_homes(locales, i18n.default_language)
        hrefs = {locale: site_path(config.site_url, url) for locale, url in homes.items()}
        texts, language = config.extra["not_found"], i18n.current_language
        title, text = texts["title"][language], texts["text"][language]
        return _link_meta(context, config, homes, title, text, homes[language], hrefs)
    if template_name == "sitemap.xml":
        context["sitemap_alternates"] = {
            file.url: _guard(
                absolute_alternates,
                {locale: alt.url for locale, alt in file.alternates.items()},
                config.site_url,
                locales,
                i18n.default_language,
            )
            for files in context.get("i18n_alternates", {}).values()
            for file in files
        }
    return context


def _link_meta(
    context: dict[str, Any],
    config: MkDocsConfig,
    urls: dict[str, str],
    title: str,
    description: str,
    url: str,
    hrefs: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The head's alternates (through ``extra.alternate``) and social tags of a page
    whose languages are at ``urls`` (relative to the site root)."""
    i18n, locales = config.plugins["i18n"], _locales(config)
    language, default = i18n.current_language, i18n.default_language
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    switch = _guard(language_switch, alternates, urls, config.site_url, default, hrefs)
    # mkdocs-static-i18n sets extra.alternate as an attribute, which templates read first
    config.extra.alternate = config.extra["alternate"] = switch
    home = is_language_home(url, language, default)
    page = SocialPage(title, description, url, home, language)
    context["social_tags"] = _guard(social_tags, page, config.site_name, config.site_url, locales)
    return context


def _locales(config: MkDocsConfig) -> list[str]:
    return list(config.plugins["i18n"].build_languages)


def _guard(function, *args):  # type: ignore[no-untyped-def]
    try:
        return function(*args)
    except LinkMetaError as error:
        raise PluginError(str(error)) from error
