"""The gate of the site's languages, first of the setup gates (a build's and
``./tasks check``'s): each language built is one Babel knows (dates and numbers), and
has every label of the site, from oncopress's shipped labels, its labels file
(``oncopress.i18n.language_files``) and the chrome texts in mkdocs.yml.

Each language's labels are then installed (``oncopress.i18n.labels``) and its chrome
texts joined to ``extra`` as the templates read them (``extra.helpline.label.fr``).
"""

from __future__ import annotations

import os
from dataclasses import replace

from babel import Locale, UnknownLocaleError

from oncopress.checks.gate_lines import GateRun, Severity
from oncopress.i18n.labels import SHIPPED_LABELS, install_languages
from oncopress.i18n.language_files import (
    LabelsError,
    LanguageLabels,
    combined,
    extra_with_labels,
    missing_labels,
    missing_message,
    placeholder_message,
    placeholder_problems,
    read_labels,
    unknown_message,
)
from oncopress.i18n.theme_strings import required_keys
from oncopress.settings.language_folders import LanguageSettingsError, labels_file
from oncopress.settings.platform import PlatformConfig


def language_gate(platform: PlatformConfig, run: GateRun) -> PlatformConfig | None:
    """``platform`` with every language's chrome joined to ``extra``, the languages'
    labels installed; None (and the errors in ``run``) when a language cannot be built."""
    if platform.languages is None:
        return platform
    try:
        platform.language_folders()  # extra.languages readable
    except LanguageSettingsError:
        return None  # the source folder gate names it
    default = platform.default_locale
    languages, failed = [], False
    for locale in platform.build_locales:
        try:
            name = _babel_name(locale)
            language = _read(platform, locale)
        except (LabelsError, LanguageSettingsError) as error:
            run.add(Severity.ERROR, error)
            failed = True
            continue
        if language.unknown:
            run.add(Severity.WARNING, unknown_message(language))
        languages.append((language, name))
    if failed:
        return None
    extra = extra_with_labels(platform.extra, [language for language, _ in languages], default)
    required = list(SHIPPED_LABELS["en"].labels)
    for language, name in languages:
        theme = required_keys(language.locale)
        missing = missing_labels(language, required, extra, default, theme)
        if missing:
            run.add(Severity.ERROR, missing_message(language, missing, name))
            failed = True
        wrong = placeholder_problems(language, SHIPPED_LABELS["en"].labels)
        if wrong:
            run.add(Severity.ERROR, placeholder_message(language, wrong))
            failed = True
    if failed:
        return None
    install_languages(language for language, _ in languages)
    return replace(platform, extra=extra)


def _babel_name(locale: str) -> str:
    """The language's name in English, from Babel; ``LabelsError`` when Babel does not
    know it (it writes the dates and numbers)."""
    try:
        return str(Locale.parse(locale.replace("-", "_")).get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        raise LabelsError(
            f"mkdocs.yml: the i18n plugin's language '{locale}' is not one Babel knows, and "
            "Babel writes the site's dates and numbers: use a language code such as 'fr' or "
            "'pt-BR'"
        ) from None


def _read(platform: PlatformConfig, locale: str) -> LanguageLabels:
    """The language's labels: the shipped ones, with its project file over them."""
    path = labels_file(platform.root, locale, platform.extra)
    shown = os.path.relpath(path, platform.root).replace(os.sep, "/")
    shipped = SHIPPED_LABELS.get(locale)
    if not path.is_file():
        if shipped is not None:
            return shipped
        raise LabelsError(
            f"Language '{locale}' has no labels file '{shown}': create it with every label of "
            f"the site in that language, starting from a copy of {_example(platform)} "
            '(guides/publishers.md, "Adding a language")'
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LabelsError(f"Labels file '{shown}' cannot be read ({error.strerror})") from None
    language = read_labels(data, shown, locale)
    return language if shipped is None else combined(shipped, language)


def _example(platform: PlatformConfig) -> str:
    default = platform.default_locale
    own = labels_file(platform.root, default, platform.extra)
    if own.is_file():
        return os.path.relpath(own, platform.root).replace(os.sep, "/")
    return f"src/oncopress/i18n/labels/{default if default in SHIPPED_LABELS else 'en'}.yml"
