"""MkDocs hook: the site chrome (adapter over ``oncopress.pages.site_chrome``).

- ``on_config`` (once per build, in the default language): a WARNING when a
  language's publisher name and site name disagree, or its helpline label does not
  name the helpline's operator;
- ``on_page_content``: the About page's ``<!-- reprint-contact -->`` becomes the way to
  ask for a reprint (``extra.contact.email``), or nothing when it is not set;
- ``on_env``: gives the templates the safety block and the sample notice
  (``safety_block(extra, locale)``, ``sample_notice(extra, locale)``); lets our theme
  language overrides (``overrides/partials/languages/
  es.html``) import Material's own table as ``material-theme/partials/...`` and
  change only the labels we word differently ("Ir al contenido"); and keeps the
  templates compiled in ``.cache/jinja/`` (Jinja's own bytecode cache, checked
  against each template's source), so neither the next build nor the second
  language's pass compiles them again (about 0.25 s a build).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import material
from jinja2 import ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader
from jinja2.bccache import Bucket
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.pages.site_chrome import (
    CONTACT_MARKER,
    chrome_problems,
    reprint_contact,
    safety_block,
    sample_notice,
)

log = logging.getLogger("mkdocs.hooks.chrome")
MATERIAL_PREFIX = "material-theme"


@event_priority(-150)  # after mkdocs-static-i18n set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        site_names = {str(config.theme["language"]): config.site_name}
    elif i18n.current_language == i18n.default_language:
        site_names = {
            language.locale: language.site_name or config.site_name
            for language in i18n.config.languages
        }
    else:
        return config  # the same settings, checked in the default language's pass
    for problem in chrome_problems(site_names, config.extra):
        log.warning(problem)
    return config


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if CONTACT_MARKER not in html:
        return html
    i18n = config.plugins.get("i18n")
    locale = str(i18n.current_language if i18n else config.theme["language"])
    return html.replace(CONTACT_MARKER, reprint_contact(config.extra, locale))


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    env.globals["safety_block"] = lambda extra, locale: Markup(safety_block(extra, locale))
    env.globals["sample_notice"] = sample_notice
    templates = Path(material.__file__).parent / "templates"
    material_loader = PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(templates))})
    env.loader = ChoiceLoader([env.loader, material_loader])
    cache = Path(config.config_file_path).parent / ".cache" / "jinja"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env  # a project folder we cannot write to: compile as MkDocs does
    env.bytecode_cache = _TemplateCache(str(cache))
    return env


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates, for which a failed write costs only the
    compiling it would have saved."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass
