import pytest

from oncopress.i18n.labels import LABELS, LOCALES, UnknownLocaleError, label


def test_every_locale_has_every_label() -> None:
    keys = {locale: set(table) for locale, table in LABELS.items()}
    assert set(LABELS) == set(LOCALES)
    assert keys["es"] == keys["en"]


@pytest.mark.parametrize(("locale", "expected"), [("en", "References"), ("es", "Referencias")])
def test_label_in_each_language(locale: str, expected: str) -> None:
    assert label("references", locale) == expected


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(UnknownLocaleError, match="no labels for language 'fr' \\(known: en, es\\)"):
        label("references", "fr")
