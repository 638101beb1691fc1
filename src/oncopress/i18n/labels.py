"""Every visible string the build's steps produce, keyed by locale: ``label(key, locale)``.

The labels live in one YAML file per language (``oncopress.i18n.language_files``):
English and Spanish ship in ``src/oncopress/i18n/labels/``; a project's
``labels/<locale>.yml`` changes them or adds a language. A new label is one line
``key: text`` in each of those files. ``tests/unit/test_labels.py`` checks that every
shipped language has every label; the build checks a project's labels files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from oncopress.i18n.language_files import SHIPPED, LanguageLabels, read_labels

LOCALES: tuple[str, ...] = ("en", "es")  # the languages oncopress ships labels for


def _shipped(locale: str) -> LanguageLabels:
    path = SHIPPED / f"{locale}.yml"
    return read_labels(path.read_bytes(), f"src/oncopress/i18n/labels/{locale}.yml", locale)


SHIPPED_LABELS: Mapping[str, LanguageLabels] = {locale: _shipped(locale) for locale in LOCALES}
# locale -> key -> text: the shipped labels, and each language's labels once the build
# (or ./tasks check) installed them from its labels file (``install_languages``).
LABELS: dict[str, dict[str, str]] = {}
_LANGUAGES: dict[str, LanguageLabels] = {}


def install_languages(languages: Iterable[LanguageLabels]) -> None:
    """Make ``languages`` the labels of the site (the shipped ones for a language not
    given). Called when a build or ``./tasks check`` starts: every label after it
    reads them."""
    _LANGUAGES.clear()
    _LANGUAGES.update(SHIPPED_LABELS)
    _LANGUAGES.update({language.locale: language for language in languages})
    LABELS.clear()
    LABELS.update({locale: dict(language.labels) for locale, language in _LANGUAGES.items()})


install_languages(())


def language_labels(locale: str) -> LanguageLabels:
    """Everything the labels of ``locale`` give (its Open Graph locale, readability
    formula, theme strings...)."""
    try:
        return _LANGUAGES[locale]
    except KeyError:
        known = ", ".join(_LANGUAGES)
        raise UnknownLocaleError(f"no labels for language '{locale}' (known: {known})") from None


class UnknownLocaleError(ValueError):
    """The site asked for a language the label table does not have."""


def label(key: str, locale: str) -> str:
    """The visible text for ``key`` in ``locale`` (``label("references", "es")``)."""
    try:
        table = LABELS[locale]
    except KeyError:
        known = ", ".join(LABELS)
        raise UnknownLocaleError(f"no labels for language '{locale}' (known: {known})") from None
    return table[key]
