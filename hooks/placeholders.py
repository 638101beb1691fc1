"""MkDocs hook: no placeholder address ships (adapter over ``oncopress.checks.placeholder_hosts``).

- ``on_config`` (once per build, in the default language): a WARNING for each URL
  under ``extra:``, in ``nav`` or in ``extra_css``/``extra_javascript`` that points at a
  placeholder host, and for a placeholder ``site_url`` unless
  ``extra: allow_placeholder_site_url: true``;
- ``on_page_content``: a WARNING naming the page for each link or image to one.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.checks.placeholder_hosts import (
    is_placeholder_host,
    page_message,
    placeholder_settings,
    placeholder_urls,
    setting_message,
    site_url_allowed,
    site_url_message,
    url_host,
)
from oncopress.checks.preflight import source_path
from oncopress.problems import Problem

log = logging.getLogger("mkdocs.hooks.placeholders")


@event_priority(-150)  # after mkdocs-static-i18n set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        return config  # the same settings, checked in the default language's pass
    settings = {
        "extra": config.extra,
        "nav": config.nav or [],
        "extra_css": list(config.extra_css),
        "extra_javascript": [str(script) for script in config.extra_javascript],
    }
    for name, setting in settings.items():
        for key, url in placeholder_settings(setting, name):
            log.warning(setting_message(key, url))
    site_url = config.site_url or ""
    if is_placeholder_host(url_host(site_url)) and not site_url_allowed(config.extra):
        log.warning(site_url_message(site_url))
    return config


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    urls = placeholder_urls(html_text)
    if urls:
        root = str(Path(config.config_file_path).parent.resolve())
        path = source_path(page.file.abs_src_path, page.file.src_uri, root)
        i18n = config.plugins.get("i18n")
        locale = str(i18n.current_language if i18n else config.theme["language"])
        for url in urls:
            log.warning(str(Problem(path, locale, page_message(url))))
    return html_text
