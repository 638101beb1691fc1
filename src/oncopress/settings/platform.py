"""What the editorial gates need from ``mkdocs.yml`` besides ``extra:``: the folders, the
languages (mkdocs-static-i18n's ``languages``), the bibliography (mkdocs-bibtex's
options), the Markdown extensions and the site's addresses, read from the file's
mapping (``oncopress.settings.config_file``) with MkDocs' defaults, without MkDocs.

A value of the wrong kind is refused with its key path, like the settings of
``extra:``; what MkDocs itself checks beyond that (a theme that exists, a plugin that is
installed) only a build checks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from oncopress.settings.language_folders import language_folders

# MkDocs always loads these (its ``markdown_extensions`` option's built-ins).
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class PlatformConfigError(ValueError):
    """A key of mkdocs.yml the gates read holds a value of the wrong kind."""


@dataclass(frozen=True)
class Language:
    """One language of mkdocs-static-i18n's ``languages``."""

    locale: str
    default: bool = False
    build: bool = True
    site_name: str | None = None
    site_url: str | None = None


@dataclass(frozen=True)
class Bibliography:
    """mkdocs-bibtex's options the gates use (its defaults when absent)."""

    bib_file: str | None = None
    bib_dir: str | None = None
    bib_command: str = "\\bibliography"
    full_bib_command: str = "\\full_bibliography"


@dataclass(frozen=True)
class PlatformConfig:
    """mkdocs.yml's keys the gates read, with MkDocs' defaults."""

    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    theme_dir: Path | None  # the theme's ``custom_dir``
    theme_language: str
    site_name: str
    site_url: str  # "" when not set; ends with "/" like MkDocs'
    languages: tuple[Language, ...] | None  # None: no i18n plugin
    fallback_to_default: bool
    bibliography: Bibliography | None  # None: no bibtex plugin
    extensions: tuple[str, ...]
    extension_configs: dict[str, dict[str, Any]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    nav: object = None
    extra_css: tuple[str, ...] = ()
    extra_javascript: tuple[str, ...] = ()

    @property
    def default_locale(self) -> str:
        languages = self.languages or ()
        return next((lang.locale for lang in languages if lang.default), self.theme_language)

    @property
    def locales(self) -> list[str]:
        """Every language (mkdocs-static-i18n's ``all_languages``)."""
        return [lang.locale for lang in self.languages or ()] or [self.theme_language]

    @property
    def build_locales(self) -> list[str]:
        """The languages built (``build_languages``)."""
        return [lang.locale for lang in self.languages or () if lang.build] or [self.theme_language]

    def language_folders(self) -> dict[str, Path]:
        """Each language's folder of pages (``oncopress.settings.language_folders``;
        raises its ``LanguageSettingsError``)."""
        return language_folders(
            self.root, self.docs_dir, self.locales, self.default_locale, self.extra
        )

    def site_names(self) -> dict[str, str]:
        """Each language's site name (its own, or the site's)."""
        if self.languages is None:
            return {self.theme_language: self.site_name}
        return {lang.locale: lang.site_name or self.site_name for lang in self.languages}

    def language_site_url(self, locale: str) -> str:
        """The site's address in a language's pass (mkdocs-static-i18n's override)."""
        for lang in self.languages or ():
            if lang.locale == locale and lang.site_url:
                return lang.site_url
        return self.site_url


def read_platform_config(config: Mapping[str, Any], root: Path) -> PlatformConfig:
    """The gates' view of mkdocs.yml's mapping ``config`` (of the file in ``root``).
    Raises ``PlatformConfigError`` naming the key."""
    theme = config.get("theme")
    theme = {"name": theme} if isinstance(theme, str) else _mapping(theme, "theme")
    custom_dir = _text(theme.get("custom_dir"), "theme.custom_dir")
    plugins = _plugins(config.get("plugins"))
    i18n, bibtex = plugins.get("i18n"), plugins.get("bibtex")
    extensions, configs = _extensions(config.get("markdown_extensions"))
    site_url = _text(config.get("site_url"), "site_url") or ""
    return PlatformConfig(
        root=root,
        docs_dir=root / (_text(config.get("docs_dir"), "docs_dir") or "docs"),
        theme_dir=root / custom_dir if custom_dir else None,
        theme_language=_text(theme.get("language"), "theme.language") or "en",
        site_name=_text(config.get("site_name"), "site_name") or "",
        site_url=site_url if not site_url or site_url.endswith("/") else site_url + "/",
        languages=None if i18n is None else _languages(i18n),
        fallback_to_default=_flag(i18n, "fallback_to_default", True),
        bibliography=None if bibtex is None else _bibliography(bibtex, root),
        extensions=extensions,
        extension_configs=configs,
        extra=dict(_mapping(config.get("extra"), "extra")),
        nav=config.get("nav"),
        extra_css=tuple(_paths(config.get("extra_css"), "extra_css")),
        extra_javascript=tuple(_paths(config.get("extra_javascript"), "extra_javascript")),
    )


def _plugins(value: object) -> dict[str, dict[str, Any]]:
    """``plugins:`` as MkDocs accepts it: a list of names or ``name: options``, or a
    mapping of names to options."""
    items: list[object] = [value] if isinstance(value, Mapping) else _list(value, "plugins")
    plugins: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, str):
            plugins[item] = {}
        elif isinstance(item, Mapping):
            for name, options in item.items():
                plugins[str(name)] = dict(_mapping(options, f"plugins.{name}"))
        else:
            raise PlatformConfigError(
                f"mkdocs.yml: plugins: each item must be a plugin's name or 'name: options' "
                f"(found {item!r})"
            )
    return plugins


def _languages(i18n: Mapping[str, Any]) -> tuple[Language, ...]:
    languages = []
    for number, item in enumerate(_list(i18n.get("languages"), "plugins.i18n.languages")):
        where = f"plugins.i18n.languages[{number}]"
        entry = _mapping(item, where)
        locale = _text(entry.get("locale"), f"{where}.locale")
        if not locale:
            raise PlatformConfigError(f"mkdocs.yml: {where} has no 'locale'")
        languages.append(
            Language(
                locale,
                _flag(entry, "default", False, where),
                _flag(entry, "build", True, where) and locale != "null",
                _text(entry.get("site_name"), f"{where}.site_name"),
                _text(entry.get("site_url"), f"{where}.site_url"),
            )
        )
    return tuple(languages)


def _bibliography(options: Mapping[str, Any], root: Path) -> Bibliography:
    where = "plugins.bibtex"
    bib_dir = _text(options.get("bib_dir"), f"{where}.bib_dir")
    defaults = Bibliography()
    return Bibliography(
        _text(options.get("bib_file"), f"{where}.bib_file"),
        os.path.abspath(os.path.join(root, bib_dir)) if bib_dir else None,  # as MkDocs' Dir
        _text(options.get("bib_command"), f"{where}.bib_command") or defaults.bib_command,
        _text(options.get("full_bib_command"), f"{where}.full_bib_command")
        or defaults.full_bib_command,
    )


def _extensions(value: object) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
    """``markdown_extensions`` (a list of names or ``name: options``, or a mapping) and
    MkDocs' built-ins, each once, with their options."""
    items: list[object] = (
        [value] if isinstance(value, Mapping) else _list(value, "markdown_extensions")
    )
    names: dict[str, None] = dict.fromkeys(BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, str):
            names[item] = None
            continue
        if not isinstance(item, Mapping):
            raise PlatformConfigError(
                "mkdocs.yml: markdown_extensions: each item must be an extension's name or "
                f"'name: options' (found {item!r})"
            )
        for name, options in item.items():
            names[str(name)] = None
            if options is not None:
                configs[str(name)] = dict(_mapping(options, f"markdown_extensions.{name}"))
    return tuple(names), configs


def _paths(value: object, key: str) -> list[str]:
    """``extra_css`` or ``extra_javascript``: paths, or (scripts) ``path: ...`` mappings."""
    paths = []
    for item in _list(value, key):
        if isinstance(item, Mapping) and isinstance(item.get("path"), str):
            paths.append(str(item["path"]))
        elif isinstance(item, str):
            paths.append(item)
        else:
            raise PlatformConfigError(
                f"mkdocs.yml: {key}: each item must be a path (found {item!r})"
            )
    return paths


def _list(value: object, key: str) -> list[object]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PlatformConfigError(f"mkdocs.yml: {key} must be a list (found {value!r})")
    return value


def _mapping(value: object, key: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise PlatformConfigError(f"mkdocs.yml: {key} must be 'key: value' lines (found {value!r})")
    return value


def _text(value: object, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise PlatformConfigError(f"mkdocs.yml: {key} must be text (found {value!r})")


def _flag(options: Mapping[str, Any] | None, name: str, default: bool, where: str = "") -> bool:
    value = (options or {}).get(name, default)
    if not isinstance(value, bool):
        key = f"{where or 'plugins.i18n'}.{name}"
        raise PlatformConfigError(f"mkdocs.yml: {key} must be true or false (found {value!r})")
    return value
