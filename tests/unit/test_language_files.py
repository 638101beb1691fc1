"""One file of labels per language (oncopress.i18n.language_files): read, combined with
the shipped ones, checked for every key, and joined to extra: (exact strings)."""

from __future__ import annotations

import pytest

from oncopress.i18n.labels import SHIPPED_LABELS
from oncopress.i18n.language_files import (
    LabelsError,
    combined,
    extra_with_labels,
    missing_labels,
    read_labels,
)

EXTRA = {
    "helpline": {"label": {"en": "Helpline", "es": "Línea"}, "phone": "1-800"},
    "pdfs_link": {"label": {"en": "PDFs"}, "href": {"en": "pdfs/", "es": "es/pdfs/"}},
    "not_found": {"home_href": {"en": "./"}},
    "safety": {"items": [{"label": {"en": "Emergency"}, "text": {"en": "Call 911."}}]},
}
FRENCH = """
open_graph_locale: fr_FR
readability: none
labels: {references: Références}
chrome:
  helpline: {label: Ligne d'aide}
  pdfs_link: {label: PDF}
  safety: {items: [{label: Urgence, text: Appelez le 911.}]}
search_synonyms: {rechute: [recidive]}
theme: {action.skip: Aller au texte}
"""


def test_a_labels_file_joins_extra_and_its_links_follow_the_language() -> None:
    merged = extra_with_labels(EXTRA, [read_labels(FRENCH.encode(), "labels/fr.yml", "fr")], "en")
    assert merged["helpline"]["label"] == {"en": "Helpline", "es": "Línea", "fr": "Ligne d'aide"}
    assert merged["pdfs_link"]["href"]["fr"] == "fr/pdfs/"
    assert merged["not_found"]["home_href"]["fr"] == "fr/"
    assert merged["safety"]["items"][0]["text"]["fr"] == "Appelez le 911."
    assert merged["search_synonyms"] == {"fr": {"rechute": ["recidive"]}}
    assert "fr" not in EXTRA["helpline"]["label"]  # extra itself is not changed


def test_what_mkdocs_yml_gives_for_a_language_stays() -> None:
    spanish = read_labels(b"chrome: {helpline: {label: Otra}}", "labels/es.yml", "es")
    merged = extra_with_labels(EXTRA, [spanish], "en")
    assert merged["helpline"]["label"]["es"] == "Línea"


def test_every_missing_key_is_listed_in_order() -> None:
    language = read_labels(b"labels: {references: R}", "labels/fr.yml", "fr")
    assert missing_labels(language, ["last_revised", "references"], EXTRA, "en") == [
        "open_graph_locale",
        "readability",
        "labels.last_revised",
        "chrome.helpline.label",
        "chrome.pdfs_link.label",
        "chrome.safety.items[0].label",
        "chrome.safety.items[0].text",
    ]


def test_a_project_file_changes_the_shipped_labels() -> None:
    mine = read_labels(b"labels: {references: Fuentes}", "labels/es.yml", "es")
    both = combined(SHIPPED_LABELS["es"], mine)
    assert (both.labels["references"], both.labels["last_revised"], both.source) == (
        "Fuentes",
        "Última actualización",
        "labels/es.yml",
    )
    assert (both.open_graph_locale, both.readability) == ("es_US", "fernandez_huerta")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n- b\n", "Labels file 'labels/fr.yml' must be 'key: value' lines (found ['a', 'b'])"),
        ("labels: [a]\n", "Labels file 'labels/fr.yml', labels: must be 'key: text' lines"),
        (
            "chrome: {helpline: {label: 3}}\n",
            "Labels file 'labels/fr.yml', chrome.helpline.label: must be text (found 3)",
        ),
        (
            "chrome: {safety: {items: {label: x}}}\n",
            "Labels file 'labels/fr.yml', chrome.safety.items: must be a list of items, each "
            "with label and text",
        ),
        (
            "labels:\n  a: b\n c: d\n",
            "Labels file 'labels/fr.yml' is not valid YAML (line 3, column 2): expected "
            "<block end>, but found '<block mapping start>'",
        ),
    ],
)
def test_a_wrong_labels_file(text: str, message: str) -> None:
    with pytest.raises(LabelsError) as error:
        read_labels(text.encode("utf-8"), "labels/fr.yml", "fr")
    assert str(error.value) == message


def test_unknown_keys_are_collected() -> None:
    language = read_labels(b"colour: x\nchrome: {helpline: {lable: y}}", "labels/fr.yml", "fr")
    assert language.unknown == ("colour", "chrome.helpline.lable")


def test_the_shipped_languages_have_the_same_keys() -> None:
    assert list(SHIPPED_LABELS["es"].labels) == list(SHIPPED_LABELS["en"].labels)
