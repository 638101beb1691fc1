"""Where each language's pages live: the default language's in ``docs_dir`` (``docs/``),
every other language's in a folder of its own beside it, ``docs_<locale>`` (``docs_es/``),
unless mkdocs.yml names another::

    extra:
      languages:
        es:
          docs: docs_es        # the folder of the Spanish pages, from the project folder
          labels: labels/es.yml  # its labels file (oncopress.i18n.language_files)

The build hands those pages to mkdocs-static-i18n as its language folder (``es/``)
itself (``oncopress.cli.step_languages``): the repository needs no link ``docs/es``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

SECTION = "languages"  # extra.languages
FOLDER_KEY = "docs"
LABELS_KEY = "labels"
KEYS = (FOLDER_KEY, LABELS_KEY)


class LanguageSettingsError(ValueError):
    """``extra.languages`` in mkdocs.yml holds a value the build cannot use."""


def default_folder(locale: str) -> str:
    """The folder of a language's pages when mkdocs.yml names none: ``docs_es``."""
    return f"docs_{locale}"


def language_settings(extra: Mapping[str, object]) -> Mapping[str, Mapping[str, object]]:
    """``extra.languages``, checked to be a mapping of mappings (raises
    ``LanguageSettingsError`` naming the key)."""
    section = extra.get(SECTION)
    if section is None:
        return {}
    if not isinstance(section, Mapping):
        raise LanguageSettingsError(
            f"mkdocs.yml: extra.{SECTION} must list languages as 'locale: settings' "
            f"(found {section!r})"
        )
    checked: dict[str, Mapping[str, object]] = {}
    for locale, entry in section.items():
        where = f"extra.{SECTION}.{locale}"
        if not isinstance(entry, Mapping):
            raise LanguageSettingsError(
                f"mkdocs.yml: {where} must be 'key: value' lines, like docs: docs_{locale} "
                f"(found {entry!r})"
            )
        checked[str(locale)] = entry
    return checked


def language_folders(
    root: Path,
    docs_dir: Path,
    locales: Sequence[str],
    default: str,
    extra: Mapping[str, object],
) -> dict[str, Path]:
    """Each language's folder of pages, absolute: ``docs_dir`` for ``default``, the
    folder mkdocs.yml names (``extra.languages.<locale>.docs``) or ``docs_<locale>`` for
    the others. Raises ``LanguageSettingsError`` for a setting of the wrong kind, one
    for a language the site does not have, or a folder outside the project."""
    settings = language_settings(extra)
    for locale, entry in settings.items():
        where = f"extra.{SECTION}.{locale}"
        if locale not in locales:
            known = ", ".join(locales)
            raise LanguageSettingsError(
                f"mkdocs.yml: {where}: the site has no language '{locale}' (its languages, "
                f"in the i18n plugin's 'languages': {known})"
            )
        unknown = [str(key) for key in entry if key not in KEYS]
        if unknown:
            raise LanguageSettingsError(
                f"mkdocs.yml: {where}: unknown setting '{unknown[0]}' (known: {', '.join(KEYS)})"
            )
    folders = {}
    for locale in locales:
        if locale == default:
            folders[locale] = docs_dir
            continue
        name = settings.get(locale, {}).get(FOLDER_KEY, default_folder(locale))
        where = f"extra.{SECTION}.{locale}.{FOLDER_KEY}"
        if not isinstance(name, str) or not name.strip():
            raise LanguageSettingsError(
                f"mkdocs.yml: {where} must be a folder name, like {default_folder(locale)} "
                f"(found {name!r})"
            )
        folder = Path(os.path.normpath(root / name))
        if os.path.isabs(name) or not folder.is_relative_to(os.path.normpath(root)):
            raise LanguageSettingsError(
                f"mkdocs.yml: {where} must be a folder inside the project, like "
                f"{default_folder(locale)} (found {name!r})"
            )
        if folder == Path(os.path.normpath(docs_dir)) or folder.is_relative_to(
            os.path.normpath(docs_dir)
        ):
            raise LanguageSettingsError(
                f"mkdocs.yml: {where} must be a folder beside docs_dir, not inside it "
                f"(found {name!r})"
            )
        folders[locale] = folder
    return folders


def labels_file(root: Path, locale: str, extra: Mapping[str, object]) -> Path:
    """A language's labels file: ``extra.languages.<locale>.labels``, or
    ``labels/<locale>.yml`` in the project folder."""
    name = language_settings(extra).get(locale, {}).get(LABELS_KEY, f"labels/{locale}.yml")
    if not isinstance(name, str) or not name.strip():
        raise LanguageSettingsError(
            f"mkdocs.yml: extra.{SECTION}.{locale}.{LABELS_KEY} must be a file name, like "
            f"labels/{locale}.yml (found {name!r})"
        )
    return root / name


def shown_folders(folders: Mapping[str, Path], root: Path) -> dict[str, str]:
    """Each folder as messages show it, from the project folder: ``docs_es``."""
    return {
        locale: os.path.relpath(os.path.realpath(folder), os.path.realpath(root)).replace(
            os.sep, "/"
        )
        for locale, folder in folders.items()
    }
