"""MkDocs hook: the site chrome (adapter over ``oncopress.chrome``).

- ``on_config`` (once per build, in the default language): a WARNING when a
  language's publisher name and site name disagree, or its helpline label does not
  name the helpline's operator;
- ``on_env``: lets our theme language overrides (``overrides/partials/languages/
  es.html``) import Material's own table as ``material-theme/partials/...`` and
  change only the labels we word differently ("Ir al contenido").
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import material
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from oncopress.chrome import chrome_problems

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


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    templates = Path(material.__file__).parent / "templates"
    material_loader = PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(templates))})
    env.loader = ChoiceLoader([env.loader, material_loader])
    return env
