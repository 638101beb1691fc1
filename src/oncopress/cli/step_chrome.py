"""Steps: the site chrome and the link metadata (over ``oncopress.pages.site_chrome``
and ``oncopress.pages.link_metadata``).

- ``check_site_url`` (a build's start): stops the build if there is no ``site_url`` to
  make absolute links from;
- ``reprint_contact``: the About page's ``<!-- reprint-contact -->`` becomes the way to
  ask for a reprint (``extra.contact.email``), or nothing when it is not set;
- ``prepare_templates``: gives the templates the safety block and the sample notice
  (``safety_block(extra, locale)``, ``sample_notice(extra, locale)``) and the logo's
  size (``logo_size``: its ``width`` and ``height``, None when the file gives none); lets our theme
  language overrides (``overrides/partials/languages/es.html``) import Material's own
  table as ``material-theme/partials/...`` and change only the labels we word
  differently ("Ir al contenido"), and a labels file's ``theme:`` strings the same way
  for its language; and keeps the templates compiled in
  ``.cache/jinja/`` (Jinja's own bytecode cache, checked against each template's
  source), so neither the next build nor the second language's pass compiles them
  again (about 0.25 s a build);
- ``page_link_meta``: the page's ``hreflang`` alternates made absolute from
  ``site_url``, with ``x-default`` -> English (Material's ``base.html`` writes
  ``extra.alternate``; the header's language link keeps its relative ``href``), and the
  Open Graph / Twitter tags ``overrides/main.html`` writes into the head;
- ``template_link_meta``: the same for the 404 pages (served at any URL: they link to
  each language's home), and absolute alternates for ``overrides/sitemap.xml``;
- ``language_suggestion``: the bars offering the page's counterparts
  (``partials/language-suggestion.html``), none to or from a pending translation.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any, TypeVar, cast

import material
from jinja2 import (
    ChoiceLoader,
    DictLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
)
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from oncopress.cli.build_context import BuildContext
from oncopress.i18n.labels import language_labels
from oncopress.i18n.theme_strings import full_table, material_has
from oncopress.pages.image_size import image_size
from oncopress.pages.language_suggestion import language_suggestions
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
from oncopress.pages.site_chrome import (
    CONTACT_MARKER,
    safety_block,
    sample_notice,
)
from oncopress.pages.site_chrome import (
    reprint_contact as contact_html,
)

log = logging.getLogger("mkdocs.oncopress.chrome")
MATERIAL_PREFIX = "material-theme"
T = TypeVar("T")


def check_site_url(config: MkDocsConfig) -> None:
    _guard(absolute_url, config.site_url, "")  # every page needs it: say so once, first


def reprint_contact(html: str, config: MkDocsConfig, locale: str) -> str:
    if CONTACT_MARKER not in html:
        return html
    return html.replace(CONTACT_MARKER, contact_html(config.extra, locale))


def prepare_templates(env: Any, config: MkDocsConfig, locale: str) -> Any:
    env.globals["safety_block"] = lambda extra, locale: Markup(safety_block(extra, locale))
    env.globals["sample_notice"] = sample_notice
    env.globals["logo_size"] = _logo_size(config)
    templates = Path(material.__file__).parent / "templates"
    material_loader = PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(templates))})
    env.loader = ChoiceLoader([*_theme_strings(locale), env.loader, material_loader])
    cache = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a project folder we cannot write to: compile as MkDocs does
    env.bytecode_cache = _TemplateCache(str(cache))
    return env


def page_link_meta(
    ctx: BuildContext, context: dict[str, Any], page: Page, config: MkDocsConfig, locale: str
) -> None:
    urls = {code: file.url for code, file in cast(Any, page.file).alternates.items()}
    title = unescape(str(page.meta.get("title") or page.title or ""))
    description = unescape(str(page.meta.get("description") or config.site_description or ""))
    _link_meta(ctx, context, config, locale, urls, title, description, page.url)


def language_suggestion(
    ctx: BuildContext, context: dict[str, Any], page: Page, locale: str
) -> None:
    alternates = {code: file for code, file in cast(Any, page.file).alternates.items()}
    alternates[locale] = page.file
    counterparts = {
        code: str(file.url)
        for code, file in alternates.items()
        if ctx.language_of(file) == code  # not a fallback to another language's file
    }
    records = {code: ctx.book.records.get(ctx.path(file)) for code, file in alternates.items()}
    pending = [code for code, record in records.items() if record and record.translation_pending]
    context["language_suggestions"] = language_suggestions(locale, counterparts, pending)


def template_link_meta(
    ctx: BuildContext, context: dict[str, Any], template: str, config: MkDocsConfig, locale: str
) -> None:
    locales, default = list(ctx.languages.build), ctx.languages.default
    if template == "404.html":
        homes = language_homes(locales, default)
        hrefs = {code: site_path(config.site_url, url) for code, url in homes.items()}
        texts = config.extra["not_found"]
        title, text = texts["title"][locale], texts["text"][locale]
        _link_meta(ctx, context, config, locale, homes, title, text, homes[locale], hrefs)
    elif template == "sitemap.xml":
        context["sitemap_alternates"] = {
            file.url: _guard(
                absolute_alternates,
                {code: alt.url for code, alt in file.alternates.items()},
                config.site_url,
                locales,
                default,
            )
            for files in context.get("i18n_alternates", {}).values()
            for file in files
        }


def _link_meta(
    ctx: BuildContext,
    context: dict[str, Any],
    config: MkDocsConfig,
    locale: str,
    urls: dict[str, str],
    title: str,
    description: str,
    url: str,
    hrefs: dict[str, str] | None = None,
) -> None:
    """The head's alternates (through ``extra.alternate``) and social tags of a page
    whose languages are at ``urls`` (relative to the site root)."""
    default, locales = ctx.languages.default, list(ctx.languages.build)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    switch = _guard(language_switch, alternates, urls, config.site_url, default, hrefs)
    # mkdocs-static-i18n sets extra.alternate as an attribute, which templates read first
    cast(Any, config.extra).alternate = config.extra["alternate"] = switch
    home = is_language_home(url, locale, default)
    page = SocialPage(title, description, url, home, locale)
    context["social_tags"] = _guard(social_tags, page, config.site_name, config.site_url, locales)


def _logo_size(config: MkDocsConfig) -> tuple[int, int] | None:
    """The size of ``theme.logo``, found where MkDocs finds it: in the pages' folder,
    then in the theme's."""
    logo = config.theme.get("logo")
    if not logo:
        return None
    for folder in (config.docs_dir, *config.theme.dirs):
        path = Path(folder) / str(logo)
        if path.is_file():
            try:
                return image_size(path.read_bytes(), path.name)
            except OSError:
                return None
    return None


def _guard(function: Callable[..., T], *args: Any) -> T:
    try:
        return function(*args)
    except LinkMetaError as error:
        raise PluginError(str(error)) from error


def _theme_strings(locale: str) -> list[DictLoader]:
    """Material's strings for ``locale`` with those its labels file words differently
    (``theme:``), as ``overrides/partials/languages/es.html`` does for Spanish; all of
    them from the labels file for a language Material lacks."""
    theme = language_labels(locale).theme
    if not material_has(locale):  # the language gate saw that theme: gives every string
        table = json.dumps(full_table(locale, theme), ensure_ascii=False)
        source = f"{{% macro t(key) %}}{{{{ {table}[key] }}}}{{% endmacro %}}"
        return [DictLoader({f"partials/languages/{locale}.html": source})]
    if not theme:
        return []
    table = json.dumps(theme, ensure_ascii=False)
    source = (
        f'{{% import "{MATERIAL_PREFIX}/partials/languages/{locale}.html" as material %}}'
        f"{{% macro t(key) %}}{{{{ {table}[key] or material.t(key) }}}}{{% endmacro %}}"
    )
    return [DictLoader({f"partials/languages/{locale}.html": source})]


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, for which a failed write costs only the
    compiling it would have saved."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass
