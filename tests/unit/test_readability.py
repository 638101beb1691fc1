import pytest
from oncopress.readability import (
    ReadabilityError,
    ReadabilityTargets,
    extract_prose,
    measure_readability,
    read_targets,
)

EASY_EN = "<p>" + "We are here for you. Call us at any time. " * 10 + "</p>"
HARD_EN = (
    "<p>"
    + (
        "Comprehensive multidisciplinary survivorship management necessitates individualized "
        "surveillance strategies incorporating psychosocial considerations. "
    )
    * 6
    + "</p>"
)
EASY_ES = "<p>" + "Estamos aquí para usted. Llame a cualquier hora. " * 10 + "</p>"
HARD_ES = (
    "<p>"
    + (
        "La administración multidisciplinaria de la supervivencia oncológica necesita estrategias "
        "individualizadas de vigilancia que incorporen consideraciones psicosociales complejas. "
    )
    * 6
    + "</p>"
)


def test_prose_keeps_blocks_as_sentences_and_drops_what_is_not_prose() -> None:
    html = (
        "<h2>Kinds of recurrence</h2><ul><li>local</li><li><p>regional</p></li></ul>"
        "<pre><code>x = 1</code></pre><table><tr><td>cell</td></tr></table>"
        '<div class="footnote"><ol><li>Emery J. The Lancet.</li></ol></div>'
        '<p class="page-meta">Last Revised: August 28, 2023</p><p>Is it back?</p>'
    )
    assert extract_prose(html) == "Kinds of recurrence.\nlocal.\nregional.\nIs it back?"


def test_prose_of_empty_html_is_empty() -> None:
    assert extract_prose("  ") == ""


@pytest.mark.parametrize(
    ("html", "locale", "metric", "meets"),
    [
        (EASY_EN, "en", "Flesch-Kincaid grade", True),
        (HARD_EN, "en", "Flesch-Kincaid grade", False),
        (EASY_ES, "es", "Fernández-Huerta", True),
        (HARD_ES, "es", "Fernández-Huerta", False),
    ],
)
def test_score_against_the_language_target(
    html: str, locale: str, metric: str, meets: bool
) -> None:
    result = measure_readability(extract_prose(html), locale, ReadabilityTargets())
    assert result is not None
    assert (result.locale, result.metric, result.meets_target) == (locale, metric, meets)


def test_exact_description_of_an_easy_english_page() -> None:
    result = measure_readability(extract_prose(EASY_EN), "en", ReadabilityTargets())
    assert result is not None
    assert result.describe() == "Flesch-Kincaid grade -0.7 (target <= 8, 100 words)"


def test_exact_description_of_a_hard_spanish_page() -> None:
    result = measure_readability(extract_prose(HARD_ES), "es", ReadabilityTargets())
    assert result is not None
    assert result.describe() == "Fernández-Huerta -36.4 (target >= 60, 102 words)"


def test_too_short_to_score() -> None:
    assert measure_readability("Call us.", "en", ReadabilityTargets()) is None


def test_targets_from_settings() -> None:
    assert read_targets({"en_max_grade": 7, "min_words": 10}) == ReadabilityTargets(7.0, 60.0, 10)
    with pytest.raises(ReadabilityError, match=r"extra.quality.readability.es_min_ease must be"):
        read_targets({"es_min_ease": "easy"})
    with pytest.raises(ReadabilityError, match=r"unknown setting extra.quality.readability.grade"):
        read_targets({"grade": 8})
