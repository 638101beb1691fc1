from __future__ import annotations

from datetime import date
from typing import Any

import lxml.html
import pytest

from oncopress.pdf.handout import (
    Chrome,
    ChromeError,
    NoArticleError,
    PageSource,
    article_title,
    build_handout,
    extract_article,
    page_counter_css,
    read_chrome,
)

EXTRA: dict[str, Any] = {
    "publisher": {"name": {"en": "Survivorship Service", "es": "Servicio de Supervivencia"}},
    "helpline": {
        "operator": {"en": "American Cancer Society", "es": "Sociedad Americana Contra El Cáncer"},
        "phone": "1-800-227-2345",
        "label": {"en": "{operator} helpline, 24/7", "es": "Línea de ayuda de la {operator}, 24/7"},
        "hours": {"en": "any time, day or night", "es": "a cualquier hora, de día o de noche"},
    },
    "footer": {
        "copyright": {
            "en": "© 2023 {publisher}. All rights reserved.",
            "es": "© 2023 {publisher}. Todos los derechos reservados.",
        }
    },
}
HELPLINE = {
    "en": "American Cancer Society helpline, 24/7: 1-800-227-2345 (any time, day or night)",
    "es": (
        "Línea de ayuda de la Sociedad Americana Contra El Cáncer, 24/7: 1-800-227-2345 "
        "(a cualquier hora, de día o de noche)"
    ),
}
COPYRIGHT = {
    "en": "© 2023 Survivorship Service. All rights reserved.",
    "es": "© 2023 Servicio de Supervivencia. Todos los derechos reservados.",
}
SITE_NAMES = {
    "en": "Cancer Survivorship Information",
    "es": "Información sobre la supervivencia al cáncer",
}

ARTICLE = """
<h1 id="title">Título &amp; más</h1>
<p class="site-pdf-links"><a href="../../pdf/x.pdf">Descargar PDF</a></p>
<p>Texto con <a href="../index.md">enlace</a>, <a href="../other/#part">otro</a>,
<a href="#local">ancla</a>, <a href="tel:+18002272345">teléfono</a>,
<a href="https://example.org/">web</a> y <a href="../../../../outside/">fuera</a>.</p>
<p><img src="../img/a.png" alt="a" srcset="../img/a@2x.png 2x"><img src="/assets/b.png" alt="b">
<img src="../../../../etc/passwd" alt="c"><img src="file:///etc/passwd" alt="d">
<img src="http://example.com/x.png" alt="e"><img src="data:image/png;base64,AAAA" alt="f"></p>
<nav><a href="../">Menú</a></nav><form><input name="q"><button>Buscar</button></form>
<script>alert(1)</script><style>body { color: red }</style><!-- comment -->
<a class="md-content__button" href="edit">Editar</a>
<p id="local">Fin.</p>
"""


def chrome(locale: str, site_url: str = "https://survivorship.example.org/") -> Chrome:
    return read_chrome(locale, SITE_NAMES[locale], "Description", site_url, EXTRA)


def page(locale: str = "es", article: str = ARTICLE) -> PageSource:
    prefix = "es/" if locale == "es" else ""
    return PageSource(
        locale=locale,
        source=f"docs{'_es' if locale == 'es' else ''}/survivorship/recurrence.md",
        url=f"{prefix}survivorship/recurrence/",
        pdf=f"{prefix}pdf/survivorship/recurrence.pdf",
        title="Título & más",
        description="Qué pasa",
        revised=date(2024, 2, 29),
        article=article,
    )


def test_extract_article_returns_the_inner_html() -> None:
    html = "<html><body><nav>Menu</nav><article class='md-content__inner'>Hi <b>there</b></article></body></html>"
    assert extract_article(html) == "Hi <b>there</b>"


def test_extract_article_without_an_article_is_an_error() -> None:
    with pytest.raises(NoArticleError, match="the built page has no <article> element"):
        extract_article("<html><body><p>No article</p></body></html>")


def test_article_title_is_the_first_h1() -> None:
    assert (
        article_title("<p>x</p><h1>  Qué   es\n la recurrencia </h1><h1>Other</h1>")
        == "Qué es la recurrencia"
    )
    assert article_title("<h2>Only h2</h2>") is None


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Page {page} of {pages}", '"Page " counter(page) " of " counter(pages)'),
        ("Página {page} de {pages}", '"Página " counter(page) " de " counter(pages)'),
        ("{page}/{pages}", 'counter(page) "/" counter(pages)'),
        ('"{page}"', '"\\"" counter(page) "\\""'),
        ("No numbers", '"No numbers"'),
    ],
)
def test_page_counter_css(template: str, expected: str) -> None:
    assert page_counter_css(template) == expected


@pytest.mark.parametrize(
    ("locale", "counter", "online"),
    [
        (
            "en",
            '"Page " counter(page) " of " counter(pages)',
            "Read this page online: https://survivorship.example.org/survivorship/recurrence/",
        ),
        (
            "es",
            '"Página " counter(page) " de " counter(pages)',
            "Lea esta página en internet: https://survivorship.example.org/es/survivorship/recurrence/",
        ),
    ],
)
def test_handout_chrome_in_the_page_language(locale: str, counter: str, online: str) -> None:
    document = build_handout(page(locale), chrome(locale))
    root = lxml.html.document_fromstring(document.html)
    assert root.get("lang") == locale
    assert root.findtext("head/title") == "Título & más"
    assert (
        root.xpath("string(//meta[@name='author']/@content)") == EXTRA["publisher"]["name"][locale]
    )
    assert root.xpath("string(//meta[@name='description']/@content)") == "Qué pasa"
    assert root.xpath("string(//meta[@name='dcterms.modified']/@content)") == "2024-02-29"
    styles = [style.text for style in root.iter("style")]
    assert styles == [f"@page {{ @bottom-right {{ content: {counter}; }} }}"]
    masthead = root.xpath("//header[@class='handout__masthead']")[0]
    assert masthead.findtext("p[@class='handout__site']") == SITE_NAMES[locale]
    helpline = " ".join(masthead.xpath("p[@class='handout__helpline']")[0].text_content().split())
    assert helpline == HELPLINE[locale]
    colophon = root.xpath("//footer[@class='handout__colophon']")[0]
    assert [p.text_content() for p in colophon.iter("p")] == [online, COPYRIGHT[locale]]


def test_handout_leaves_out_screen_only_parts() -> None:
    root = lxml.html.document_fromstring(build_handout(page(), chrome("es")).html)
    main = root.xpath("//main")[0]
    assert main.xpath(".//nav | .//form | .//button | .//input | .//script | .//style") == []
    assert (
        main.xpath(
            ".//*[contains(@class, 'site-pdf-links') or contains(@class, 'md-content__button')]"
        )
        == []
    )
    assert "comment" not in lxml.html.tostring(main, encoding="unicode")
    assert main.findtext("h1") == "Título & más"
    assert main.xpath("string(.//p[@id='local'])") == "Fin."


def test_handout_links_point_to_the_web_site() -> None:
    root = lxml.html.document_fromstring(build_handout(page(), chrome("es")).html)
    links = {a.text_content(): a.get("href") for a in root.xpath("//main//a")}
    assert links == {
        "enlace": "https://survivorship.example.org/es/survivorship/index.md",
        "otro": "https://survivorship.example.org/es/survivorship/other/#part",
        "ancla": "#local",
        "teléfono": "tel:+18002272345",
        "web": "https://example.org/",
        "fuera": None,
    }


def test_handout_without_site_url_keeps_link_text_only() -> None:
    document = build_handout(page(), chrome("es", site_url=""))
    root = lxml.html.document_fromstring(document.html)
    links = {a.text_content(): a.get("href") for a in root.xpath("//main//a")}
    assert links["enlace"] is None
    assert links["ancla"] == "#local"
    assert root.xpath("//p[@class='handout__online']") == []


def test_handout_images_are_site_relative_and_listed_as_resources() -> None:
    document = build_handout(page(), chrome("es"))
    root = lxml.html.document_fromstring(document.html)
    sources = {img.get("alt"): img.get("src") for img in root.iter("img")}
    assert sources == {
        "a": "es/survivorship/img/a.png",
        "b": "assets/b.png",
        "c": "../etc/passwd",
        "d": "file:///etc/passwd",
        "e": "http://example.com/x.png",
        "f": "data:image/png;base64,AAAA",
    }
    assert [img.get("srcset") for img in root.iter("img")] == [None] * 6
    assert document.resources == ("es/survivorship/img/a.png", "assets/b.png")


def test_handout_is_the_same_wherever_the_site_is_built() -> None:
    first = build_handout(page(), chrome("es"))
    assert build_handout(page(), chrome("es")) == first
    assert "/tmp" not in first.html


def test_missing_chrome_label_names_the_key() -> None:
    extra = {**EXTRA, "helpline": {**EXTRA["helpline"], "hours": {"en": "any time"}}}
    with pytest.raises(ChromeError) as caught:
        read_chrome("es", "Sitio", "", "", extra)
    assert (
        str(caught.value) == "mkdocs.yml has no 'extra: helpline: hours: es', which the PDFs print"
    )


def test_missing_helpline_operator_names_the_key() -> None:
    helpline = {k: v for k, v in EXTRA["helpline"].items() if k != "operator"}
    with pytest.raises(ChromeError) as caught:
        read_chrome("en", "Site", "", "", {**EXTRA, "helpline": helpline})
    assert (
        str(caught.value)
        == "mkdocs.yml has no 'extra: helpline: operator: en', which the PDFs print"
    )


def sample_chrome(locale: str) -> Chrome:
    """The chrome of a sample site: a placeholder site_url with its opt-in on."""
    extra = {**EXTRA, "allow_placeholder_site_url": True}
    return read_chrome(
        locale, SITE_NAMES[locale], "Description", "https://survivorship.example.org/", extra
    )


SAMPLE_NOTICES = [
    ("en", "Sample content: this site is an example. No clinician has reviewed its text."),
    (
        "es",
        "Contenido de ejemplo: este sitio es una muestra. "
        "Ningún profesional de la salud ha revisado su texto.",
    ),
]


@pytest.mark.parametrize(("locale", "notice"), SAMPLE_NOTICES)
def test_sample_handout_shows_the_notice_and_no_placeholder_address(
    locale: str, notice: str
) -> None:
    document = build_handout(page(locale), sample_chrome(locale))
    root = lxml.html.document_fromstring(document.html)
    assert root.xpath("string(//header/p[@class='handout__sample'])") == notice
    assert root.xpath("//p[@class='handout__online']") == []
    assert "survivorship.example.org" not in document.html
    assert chrome(locale).sample_notice == ""  # no opt-in: no notice
    assert "handout__sample" not in build_handout(page(locale), chrome(locale)).html


def test_copyright_year_comes_from_the_build() -> None:
    extra = {**EXTRA, "copyright_year": "2025"}
    extra["footer"] = {"copyright": {"en": "© {year} {publisher}.", "es": "© {year} {publisher}."}}
    assert (
        read_chrome("es", "Sitio", "", "", extra).copyright == "© 2025 Servicio de Supervivencia."
    )
