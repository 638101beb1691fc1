import pytest
from oncopress.chrome import chrome_problems, fill_chrome

SITE_NAMES = {
    "en": "Cancer Survivorship Information",
    "es": "Información sobre la supervivencia al cáncer",
}
EXTRA = {
    "publisher": {
        "name": {
            "en": "Cancer Survivorship Information Service",
            "es": "Servicio de Información sobre la Supervivencia al Cáncer",
        }
    },
    "helpline": {
        "operator": {"en": "American Cancer Society", "es": "Sociedad Americana Contra El Cáncer"},
        "label": {"en": "{operator} helpline, 24/7", "es": "Línea de ayuda de la {operator}, 24/7"},
    },
}


def test_fill_chrome() -> None:
    assert fill_chrome("{operator} helpline", operator="American Cancer Society") == (
        "American Cancer Society helpline"
    )
    assert fill_chrome("© 2023 {publisher}. {other}", publisher="Servicio") == (
        "© 2023 Servicio. {other}"
    )


def test_the_sample_chrome_agrees() -> None:
    assert chrome_problems(SITE_NAMES, EXTRA) == []


def test_nothing_to_check_without_the_sections() -> None:
    assert chrome_problems(SITE_NAMES, {}) == []


@pytest.mark.parametrize(
    ("locale", "name", "expected"),
    [
        (
            "en",
            "Hope Cancer Charity",
            "mkdocs.yml: extra.publisher.name.en 'Hope Cancer Charity' does not agree with the "
            "site name 'Cancer Survivorship Information'; name the site after its publisher "
            "(one containing the other)",
        ),
        (
            "es",
            "Fundación Esperanza",
            "mkdocs.yml: extra.publisher.name.es 'Fundación Esperanza' does not agree with the "
            "site name 'Información sobre la supervivencia al cáncer'; name the site after its "
            "publisher (one containing the other)",
        ),
    ],
)
def test_a_publisher_that_is_not_the_site(locale: str, name: str, expected: str) -> None:
    names = dict(EXTRA["publisher"]["name"], **{locale: name})
    assert chrome_problems(SITE_NAMES, {**EXTRA, "publisher": {"name": names}}) == [expected]


def test_a_helpline_label_without_its_operator() -> None:
    helpline = {
        **EXTRA["helpline"],
        "label": {"en": "Our helpline", "es": "Línea de la {operator}"},
    }
    assert chrome_problems(SITE_NAMES, {**EXTRA, "helpline": helpline}) == [
        "mkdocs.yml: extra.helpline.label.en 'Our helpline' does not name the helpline's "
        "operator; write {operator} where extra.helpline.operator.en goes"
    ]
