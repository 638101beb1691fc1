from datetime import date

import pytest

from oncopress.pages.site_chrome import (
    chrome_problems,
    copyright_year,
    fill_chrome,
    reprint_contact,
    safety_block,
    sample_notice,
)

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


# Issue 23: the safety block, the sample notice, the copyright year, the reprint contact.
SAFETY = {
    "title": {"en": "If you need help now", "es": "Si necesita ayuda ahora"},
    "items": [
        {
            "label": {"en": "Emergency", "es": "Emergencias"},
            "text": {"en": "Call {tel:911}.", "es": "Llame al {tel:911}."},
        },
        {
            "label": {"en": "Crisis", "es": "Crisis"},
            "text": {
                "en": "Call {tel:988} or text {sms:988}, or chat at {web:988lifeline.org}.",
                "es": "Llame al {tel:988}, envíe un texto al {sms:988} o chatee en "
                "{web:988lifeline.org}.",
            },
        },
    ],
    "sources": {"en": "Sources: 911.gov & SAMHSA.", "es": "Fuentes (en inglés): 911.gov."},
}


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en",
            '<aside class="site-safety" aria-label="If you need help now">'
            '<p class="site-safety__title">If you need help now</p><ul>'
            '<li><strong>Emergency:</strong> Call <a href="tel:911">911</a>.</li>'
            '<li><strong>Crisis:</strong> Call <a href="tel:988">988</a> or text '
            '<a href="sms:988">988</a>, or chat at '
            '<a href="https://988lifeline.org/">988lifeline.org</a>.</li></ul>'
            '<p class="site-safety__sources">Sources: 911.gov &amp; SAMHSA.</p></aside>',
        ),
        (
            "es",
            '<aside class="site-safety" aria-label="Si necesita ayuda ahora">'
            '<p class="site-safety__title">Si necesita ayuda ahora</p><ul>'
            '<li><strong>Emergencias:</strong> Llame al <a href="tel:911">911</a>.</li>'
            '<li><strong>Crisis:</strong> Llame al <a href="tel:988">988</a>, envíe un texto al '
            '<a href="sms:988">988</a> o chatee en '
            '<a href="https://988lifeline.org/">988lifeline.org</a>.</li></ul>'
            '<p class="site-safety__sources">Fuentes (en inglés): 911.gov.</p></aside>',
        ),
    ],
)
def test_safety_block(locale: str, expected: str) -> None:
    assert safety_block({"safety": SAFETY}, locale) == expected


def test_no_safety_block_without_the_setting() -> None:
    assert safety_block({}, "en") == ""


def test_a_safety_text_missing_in_one_language() -> None:
    items = [{"label": {"en": "Emergency"}, "text": {"en": "Call {tel:911}.", "es": "Llame."}}]
    assert chrome_problems(SITE_NAMES, {**EXTRA, "safety": {**SAFETY, "items": items}}) == [
        "mkdocs.yml: extra.safety.items[0].label.es is missing; every medical page shows the "
        "safety block in each language"
    ]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Sample content: this site is an example. No clinician has reviewed its text."),
        (
            "es",
            "Contenido de ejemplo: este sitio es una muestra. "
            "Ningún profesional de la salud ha revisado su texto.",
        ),
    ],
)
def test_sample_notice_while_the_opt_in_is_on(locale: str, expected: str) -> None:
    assert sample_notice({"allow_placeholder_site_url": True}, locale) == expected
    assert sample_notice({}, locale) == ""
    assert sample_notice({"allow_placeholder_site_url": "yes"}, locale) == ""


def test_copyright_year_from_the_setting_the_ledger_or_the_build_date() -> None:
    signed = [date(2024, 2, 29), date(2025, 1, 1), date(2023, 8, 28)]
    today = date(2026, 12, 3)
    assert copyright_year({}, signed, today) == "2025"
    assert copyright_year({"footer": {"year": 2024}}, signed, today) == "2024"
    assert copyright_year({"footer": {"year": "2020-2025"}}, signed, today) == "2020-2025"
    assert copyright_year({}, [], today) == "2026"
    assert fill_chrome("© {year} {publisher}.", publisher="Servicio", year="2025") == (
        "© 2025 Servicio."
    )


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "© 2023 {publisher}. All rights reserved."),
        ("es", "© 2023 {publisher}. Todos los derechos reservados."),
    ],
)
def test_a_fixed_copyright_year(locale: str, text: str) -> None:
    footer = {"copyright": {"en": "© {year} {publisher}.", "es": "© {year} {publisher}."}}
    footer["copyright"][locale] = text
    assert chrome_problems(SITE_NAMES, {**EXTRA, "footer": footer}) == [
        f"mkdocs.yml: extra.footer.copyright.{locale} has a fixed year '2023'; write {{year}} "
        "where it goes (the newest sign-off's year, or extra.footer.year)"
    ]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en",
            '<p class="site-contact">To ask, email us at '
            '<a href="mailto:reprints@hope.org">reprints@hope.org</a>. Tell us which page you '
            "want to use, where it will be published and who will read it. We will reply to "
            "tell you what you may do.</p>",
        ),
        (
            "es",
            '<p class="site-contact">Para pedir permiso, escríbanos a '
            '<a href="mailto:reprints@hope.org">reprints@hope.org</a>. Díganos qué página '
            "quiere usar, dónde se publicará y quién la leerá. Le responderemos para decirle "
            "qué puede hacer.</p>",
        ),
    ],
)
def test_reprint_contact_shown_when_set(locale: str, expected: str) -> None:
    assert reprint_contact({"contact": {"email": "reprints@hope.org"}}, locale) == expected


@pytest.mark.parametrize("extra", [{}, {"contact": {}}, {"contact": {"email": " "}}])
def test_reprint_contact_hidden_when_not_set(extra: dict[str, object]) -> None:
    assert reprint_contact(extra, "en") == ""
    assert reprint_contact(extra, "es") == ""


def test_a_placeholder_contact_address() -> None:
    extra = {**EXTRA, "contact": {"email": "reprints@survivorship.example.org"}}
    assert chrome_problems(SITE_NAMES, extra) == [
        "mkdocs.yml: extra.contact.email 'reprints@survivorship.example.org' is a placeholder "
        "address; give the real address, or delete it so the contact sentence is not shown"
    ]
