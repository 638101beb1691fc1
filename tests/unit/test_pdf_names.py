import pytest

from oncopress.pdf.names import (
    booklet_path,
    download_name,
    page_links,
    pdf_path,
    relative_href,
    slugify,
)


@pytest.mark.parametrize(
    ("src_uri", "locale", "expected"),
    [
        ("survivorship/recurrence.md", "en", "pdf/survivorship/recurrence.pdf"),
        ("es/survivorship/recurrence.md", "es", "es/pdf/survivorship/recurrence.pdf"),
        ("index.md", "en", "pdf/index.pdf"),
        ("es/index.md", "es", "es/pdf/index.pdf"),
        ("survivorship/index.md", "en", "pdf/survivorship/index.pdf"),
        ("es/survivorship/index.md", "es", "es/pdf/survivorship/index.pdf"),
    ],
)
def test_pdf_path_mirrors_the_source_per_language(src_uri: str, locale: str, expected: str) -> None:
    assert pdf_path(src_uri, locale, "en") == expected


@pytest.mark.parametrize(
    ("locale", "expected"), [("en", "pdf/booklet.pdf"), ("es", "es/pdf/booklet.pdf")]
)
def test_booklet_path(locale: str, expected: str) -> None:
    assert booklet_path(locale, "en") == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Understanding cancer recurrence", "understanding-cancer-recurrence"),
        ("Qué es la recurrencia del cáncer", "que-es-la-recurrencia-del-cancer"),
        (
            "Supervivencia: durante y después del tratamiento",
            "supervivencia-durante-y-despues-del-tratamiento",
        ),
        ("¿Niño?  Año—corazón!", "nino-ano-corazon"),
        ("Götze & Mehnert-Theuerkauf", "gotze-mehnert-theuerkauf"),
        ("", ""),
    ],
)
def test_slugify_keeps_letters_without_accents(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_download_name_falls_back_to_the_path_then_to_page() -> None:
    assert download_name("Qué es la recurrencia", "x.pdf") == "que-es-la-recurrencia.pdf"
    assert (
        download_name("¿?", "pdf/survivorship/recurrence.pdf")
        == "pdf-survivorship-recurrence-pdf.pdf"
    )
    assert download_name("", "") == "page.pdf"


@pytest.mark.parametrize(
    ("from_url", "to_path", "expected"),
    [
        ("pdfs/", "pdf/survivorship/recurrence.pdf", "../pdf/survivorship/recurrence.pdf"),
        ("es/pdfs/", "pdf/index.pdf", "../../pdf/index.pdf"),
        ("es/pdfs/", "es/pdf/booklet.pdf", "../pdf/booklet.pdf"),
        ("", "pdf/index.pdf", "pdf/index.pdf"),
        ("pdfs.html", "pdf/index.pdf", "pdf/index.pdf"),
    ],
)
def test_relative_href(from_url: str, to_path: str, expected: str) -> None:
    assert relative_href(from_url, to_path) == expected


@pytest.mark.parametrize(
    ("locale", "label", "other_label"),
    [("en", "Download PDF", "PDF in Spanish"), ("es", "Descargar PDF", "PDF en inglés")],
)
def test_page_links_in_the_page_language(locale: str, label: str, other_label: str) -> None:
    other = "es" if locale == "en" else "en"
    links = page_links(
        locale, f"{locale}/pdf/a.pdf", "Año nuevo", [(other, "pdf/a.pdf", "New year")]
    )
    assert links == {
        "href": f"{locale}/pdf/a.pdf",
        "lang": locale,
        "label": label,
        "filename": "ano-nuevo.pdf",
        "others": [
            {
                "href": "pdf/a.pdf",
                "lang": other,
                "label": other_label,
                "filename": "new-year.pdf",
            }
        ],
    }


def test_page_links_without_the_other_language() -> None:
    assert page_links("en", "pdf/a.pdf", "A", [])["others"] == []


def test_page_links_name_each_other_language_in_the_page_language() -> None:
    """A site in three languages: one link per other language (before: only the first,
    named "PDF in Spanish" whatever its language)."""
    others = [("es", "es/pdf/a.pdf", "Año"), ("fr", "fr/pdf/a.pdf", "An")]
    links = page_links("en", "pdf/a.pdf", "Year", others)["others"]
    assert [link["label"] for link in links] == ["PDF in Spanish", "PDF in French"]  # type: ignore[attr-defined]
    others = [("en", "pdf/a.pdf", "Year"), ("fr", "fr/pdf/a.pdf", "An")]
    links = page_links("es", "es/pdf/a.pdf", "Año", others)["others"]
    assert [link["label"] for link in links] == ["PDF en inglés", "PDF en francés"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "href"),
    [
        ('pdf/q"><svg onload=alert(1)>.pdf', "pdf/q%22%3E%3Csvg%20onload%3Dalert%281%29%3E.pdf"),
        ("pdf/a#b?c.pdf", "pdf/a%23b%3Fc.pdf"),
        ("es/pdf/después.pdf", "es/pdf/despu%C3%A9s.pdf"),
        ("pdf/survivorship/care_1-a.pdf", "pdf/survivorship/care_1-a.pdf"),
    ],
)
def test_page_links_are_percent_encoded(name: str, href: str) -> None:
    """A file name cannot end the link or the attribute (the source check refuses such
    names first: this is the second line of defence)."""
    links = page_links("en", name, "A", [("es", name, "B")])
    assert links["href"] == href
    assert links["others"][0]["href"] == href  # type: ignore[index]
