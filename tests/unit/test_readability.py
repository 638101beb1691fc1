import re
from pathlib import Path

import pytest

from oncopress.quality.readability import (
    NOT_PROSE_CLASSES,
    Readability,
    ReadabilityError,
    ReadabilityTargets,
    extract_prose,
    hard_to_read_message,
    measure_readability,
    read_targets,
    report_fields,
)

PARTIALS = Path(__file__).resolve().parents[2] / "overrides" / "partials"

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


@pytest.mark.parametrize("partial", ["page-meta.html", "pdf-links.html", "page-notices.html"])
def test_what_the_hooks_add_around_the_article_is_not_prose(partial: str) -> None:
    """The outermost class of each partial the hooks fill is skipped (renaming it
    in the template without updating NOT_PROSE_CLASSES would score it)."""
    template = (PARTIALS / partial).read_text(encoding="utf-8")
    outer = re.search(r'<(?:aside|div|p|section)\s+class="([\w-]+)', template)
    assert outer is not None, f"no outer element with a class in {partial}"
    assert outer.group(1) in NOT_PROSE_CLASSES


def test_a_built_article_keeps_only_its_own_text() -> None:
    article = (
        '<div class="page-notices"><div class="admonition warning" role="note">'
        '<p class="admonition-title">Estamos actualizando esta traducción</p><p>La versión en inglés se '
        'actualizó. <a href="../../care/">Lea esta página en inglés</a></p></div></div>'
        '<h1 id="cuidado">Cuidado</h1><p>Vaya a sus citas.</p>'
        '<h2 id="referencias">Referencias</h2>'
        '<div class="footnote"><hr /><ol><li><p>Emery J. The Lancet. 2022.</p></li></ol></div>'
        '<aside class="page-meta" lang="es"><p>Última actualización: 28 de agosto de 2023</p></aside>'
        '<p class="site-pdf-links"><a href="x.pdf">Descargar PDF</a></p>'
    )
    assert extract_prose(article) == "Cuidado.\nVaya a sus citas."


def test_a_heading_not_followed_by_references_is_kept() -> None:
    assert extract_prose("<h2>Referencias</h2><p>Texto.</p>") == "Referencias.\nTexto."


@pytest.mark.parametrize(
    ("result", "message"),
    [
        (
            Readability("en", "Flesch-Kincaid grade", 12.34, 90, "<= 8", False),
            "is harder to read than the target: Flesch-Kincaid grade 12.3 (target <= 8, 90 "
            "words); use shorter sentences and everyday words",
        ),
        (
            Readability("es", "Fernández-Huerta", 41.06, 120, ">= 60", False),
            "is harder to read than the target: Fernández-Huerta 41.1 (target >= 60, 120 "
            "words); use shorter sentences and everyday words",
        ),
    ],
)
def test_hard_to_read_message(result: Readability, message: str) -> None:
    assert hard_to_read_message(result) == message


def test_report_fields() -> None:
    result = Readability("es", "Fernández-Huerta", 85.16, 578, ">= 60", True)
    assert report_fields(result) == {
        "readability": {
            "metric": "Fernández-Huerta",
            "score": 85.2,
            "target": ">= 60",
            "ok": True,
            "words": 578,
        }
    }
    assert report_fields(None) == {"readability": None}
