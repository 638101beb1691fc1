"""PDFs of the real site (built once with --strict and SITE_PDFS=1): one per page and
language, a booklet per language, download links, and the PDFs-by-language list.

Replicate a failure with: SITE_PDFS=1 mkdocs build --strict -d /tmp/site
then read a PDF with: pdftotext -layout /tmp/site/es/pdf/survivorship/recurrence.pdf -
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Build
from site_pages import parse, resolve

from oncopress.i18n.labels import label
from oncopress.i18n.translations import language_name
from oncopress.pages.dates import format_revised
from oncopress.pages.site_chrome import fill_chrome
from oncopress.pdf.listing import MARKER, format_size

CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
EXTRA = CONFIG["extra"]
SITE_NAMES = {
    "en": CONFIG["site_name"],
    "es": CONFIG["plugins"][1]["i18n"]["languages"][1]["site_name"],
}
# (source without .md, built page) of every page that has a PDF
PAGES = [
    ("index", ""),
    ("survivorship/index", "survivorship/"),
    ("survivorship/recurrence", "survivorship/recurrence/"),
    ("about", "about/"),
]
CASES = [(locale, stem, url) for locale in ("en", "es") for stem, url in PAGES]
# the file name a browser saves each PDF under: the page title in the PDF's language
DOWNLOAD_NAMES = {
    "en": {
        "index": "home.pdf",
        "survivorship/index": "survivorship-during-and-after-treatment.pdf",
        "survivorship/recurrence": "understanding-cancer-recurrence.pdf",
        "about": "about-our-content.pdf",
    },
    "es": {
        "index": "inicio.pdf",
        "survivorship/index": "supervivencia-durante-y-despues-del-tratamiento.pdf",
        "survivorship/recurrence": "que-es-la-recurrencia-del-cancer.pdf",
        "about": "sobre-nuestro-contenido.pdf",
    },
}


def helpline(locale: str) -> str:
    """The helpline line as printed: the operator named, then the number."""
    h = EXTRA["helpline"]
    label_text = fill_chrome(h["label"][locale], operator=h["operator"][locale])
    return f"{label_text}: {h['phone']} ({h['hours'][locale]})"


def copyright_line(locale: str) -> str:
    publisher = EXTRA["publisher"]["name"][locale]
    ledger = yaml.safe_load((ROOT / "sign-offs.yml").read_text(encoding="utf-8"))
    year = str(max(entry["revised"] for entry in ledger["pages"].values()).year)
    return fill_chrome(EXTRA["footer"]["copyright"][locale], publisher=publisher, year=year)


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


def source(locale: str, stem: str) -> tuple[dict, str]:
    folder = "docs" if locale == "en" else "docs_es"
    text = (ROOT / folder / f"{stem}.md").read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front), body


def heading(body: str) -> str:
    return next(line[2:].strip() for line in body.splitlines() if line.startswith("# "))


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF line wraps may fall anywhere (even after a '/')."""
    return "".join(text.split())


def unembedded_fonts(reader: pypdf.PdfReader) -> list[str]:
    missing = []
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            parts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for part in parts:
                descriptor = part.get("/FontDescriptor")
                files = ("/FontFile", "/FontFile2", "/FontFile3")
                if descriptor is None or not any(k in descriptor.get_object() for k in files):
                    missing.append(str(font.get("/BaseFont")))
    return missing


def outline_titles(outline: list) -> list[str]:
    titles: list[str] = []
    for item in outline:
        titles.extend(outline_titles(item) if isinstance(item, list) else [item.title])
    return titles


@pytest.fixture(scope="module")
def site(real_site: Build) -> Path:
    return real_site.site


def test_pdf_progress_line(real_site: Build) -> None:
    lines = [line for line in real_site.lines("INFO") if line.startswith("PDF:")]
    assert len(lines) == 1, real_site.explain()
    count = len(CASES) + 2  # every page in both languages, and the two booklets
    assert re.fullmatch(rf"PDF: {count} rendered, 0 reused in \d+\.\d s", lines[0]), lines


def test_exactly_one_pdf_per_page_and_language_plus_booklets(site: Path) -> None:
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    expected = [f"{prefix(loc)}pdf/{stem}.pdf" for loc, stem, _ in CASES]
    expected += ["pdf/booklet.pdf", "es/pdf/booklet.pdf"]
    assert found == sorted(expected)
    assert all((site / p).stat().st_size > 1000 for p in found)


@pytest.mark.parametrize(("locale", "stem", "url"), CASES)
def test_handout_text_and_metadata(site: Path, locale: str, stem: str, url: str) -> None:
    meta, body = source(locale, stem)
    title = heading(body)
    reader = pypdf.PdfReader(site / f"{prefix(locale)}pdf/{stem}.pdf")
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    folded = " ".join(text.split())

    assert reader.trailer["/Root"]["/Lang"] == locale
    assert reader.metadata.title == title
    assert reader.metadata.author == EXTRA["publisher"]["name"][locale]
    assert title in " ".join(pages[0].split())
    assert outline_titles(reader.outline)[0] == title
    assert unembedded_fonts(reader) == []

    revised = f"{label('last_revised', locale)}: {format_revised(meta['last_revised'], locale)}"
    assert revised in folded
    for number, page in enumerate(pages, start=1):
        page_text = " ".join(page.split())
        assert label("page_of", locale).format(page=number, pages=len(pages)) in page_text
        assert squeeze(helpline(locale)) in squeeze(page_text)
    assert squeeze(copyright_line(locale)) in squeeze(text)
    other_pdf = label("pdf_other_language", locale).format(
        language=language_name("es" if locale == "en" else "en", locale)
    )
    for screen_only in (label("download_pdf", locale), other_pdf):
        assert screen_only not in folded


@pytest.mark.parametrize("locale", ["en", "es"])
def test_handout_has_the_pages_references_and_reviewers(site: Path, locale: str) -> None:
    """The references (house style) and the reviewer stamp are the web page's, on paper."""
    html = parse(site, f"{prefix(locale)}survivorship/recurrence/index.html")
    text = squeeze(
        "".join(
            p.extract_text()
            for p in pypdf.PdfReader(
                site / f"{prefix(locale)}pdf/survivorship/recurrence.pdf"
            ).pages
        )
    )
    assert squeeze(label("references", locale)) in text
    references = html.select(".footnote li")
    assert len(references) == 2
    for reference in references:
        for backlink in reference.select(".footnote-backref"):
            backlink.decompose()
        assert squeeze(reference.get_text()) in text
    assert squeeze("Emery J, Butow P, Lai-Kwon J") in text
    assert squeeze("Götze H, Taubenheim S") in text
    reviewers = html.select(".page-meta__reviewed")
    assert len(reviewers) == (1 if locale == "en" else 2)
    for reviewer in reviewers:
        assert squeeze(reviewer.get_text()) in text
    due = {
        "en": "Next review due: December 3, 2029",
        "es": "Próxima revisión: 3 de diciembre de 2029",
    }
    assert squeeze(due[locale]) in text  # the sample's interval: 3 years after the sign-off


@pytest.mark.parametrize(("locale", "contents"), [("en", "Contents"), ("es", "Contenido")])
def test_booklet_cover_contents_and_chapters(site: Path, locale: str, contents: str) -> None:
    reader = pypdf.PdfReader(site / f"{prefix(locale)}pdf/booklet.pdf")
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    newest = max(source(locale, stem)[0]["last_revised"] for stem, _ in PAGES)
    assert reader.trailer["/Root"]["/Lang"] == locale
    assert reader.metadata.title == f"{SITE_NAMES[locale]}: {label('pdf_booklet', locale)}"
    assert SITE_NAMES[locale] in pages[0]
    assert f"{label('last_revised', locale)}: {format_revised(newest, locale)}" in pages[0]
    assert pages[1].startswith(contents)
    titles = [heading(source(locale, stem)[1]) for stem, _ in PAGES]
    toc = pages[1]
    assert [toc.index(t) for t in titles] == sorted(toc.index(t) for t in titles)  # nav order
    assert outline_titles(reader.outline)[0] == contents
    chapter_titles = [t for t in outline_titles(reader.outline) if t in titles]
    assert chapter_titles == titles
    assert len(reader.pages) > 2 + len(titles)
    last = len(reader.pages)
    assert label("page_of", locale).format(page=last, pages=last) in pages[-1]
    assert unembedded_fonts(reader) == []


@pytest.mark.parametrize(("locale", "stem", "url"), CASES)
def test_download_links_resolve_to_the_pdfs(site: Path, locale: str, stem: str, url: str) -> None:
    relative = f"{prefix(locale)}{url}index.html"
    soup = parse(site, relative)
    this = soup.select("a.site-pdf-links__this")
    other = soup.select("a.site-pdf-links__other")
    assert len(this) == 1 and len(other) == 1, relative
    assert this[0].get_text(strip=True) == label("download_pdf", locale)
    other_locale = "es" if locale == "en" else "en"
    assert other[0].get_text(strip=True) == ("PDF in Spanish", "PDF en inglés")[locale == "es"]
    assert other[0]["hreflang"] == other_locale
    assert resolve(relative, this[0]["href"]) == f"{prefix(locale)}pdf/{stem}.pdf"
    assert resolve(relative, other[0]["href"]) == f"{prefix(other_locale)}pdf/{stem}.pdf"
    assert (site / resolve(relative, this[0]["href"])).is_file()
    assert (site / resolve(relative, other[0]["href"])).is_file()
    assert this[0]["download"] == DOWNLOAD_NAMES[locale][stem]
    assert other[0]["download"] == DOWNLOAD_NAMES[other_locale][stem]


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_pdfs_page_has_no_pdf_of_its_own(site: Path, locale: str) -> None:
    soup = parse(site, f"{prefix(locale)}pdfs/index.html")
    assert soup.select(".site-pdf-links") == []
    assert not (site / f"{prefix(locale)}pdf/pdfs.pdf").exists()


def list_rows(soup: BeautifulSoup) -> list[dict[str, str]]:
    rows = []
    for row in soup.select(".site-pdf-list tbody tr"):
        cells = row.find_all("td")
        link = cells[0].a
        rows.append(
            {
                "href": link["href"],
                "lang": link["lang"],
                "title": link.get_text(strip=True),
                "language": cells[1].get_text(strip=True),
                "size": cells[2].get_text(strip=True),
                "bytes": cells[2]["data-bytes"],
                "revised": cells[3].get_text(strip=True),
            }
        )
    return rows


@pytest.mark.parametrize(
    ("locale", "headings", "languages"),
    [
        ("en", ["PDFs in English", "PDFs in Spanish"], {"en": "English", "es": "Spanish"}),
        ("es", ["PDF en español", "PDF en inglés"], {"en": "Inglés", "es": "Español"}),
    ],
)
def test_pdfs_page_lists_every_pdf_with_size_and_date(
    site: Path, locale: str, headings: list[str], languages: dict[str, str]
) -> None:
    relative = f"{prefix(locale)}pdfs/index.html"
    soup = parse(site, relative)
    assert MARKER not in (site / relative).read_text(encoding="utf-8")  # replaced by the list
    assert [h.get_text() for h in soup.select(".site-pdf-list h2")] == headings
    rows = list_rows(soup)
    listed = [resolve(relative, row["href"]) for row in rows]
    on_disk = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert sorted(listed) == on_disk
    assert len(listed) == len(set(listed))
    for row, path in zip(rows, listed, strict=True):
        pdf_locale = "es" if path.startswith("es/") else "en"
        size = (site / path).stat().st_size
        assert row["lang"] == pdf_locale
        assert row["language"] == languages[pdf_locale]
        assert row["bytes"] == str(size)
        assert row["size"] == format_size(size, locale)
        assert re.fullmatch(r"\d+ KB", row["size"])
        assert row["title"] == pypdf.PdfReader(site / path).metadata.title
        if path.endswith("booklet.pdf"):
            day = max(source(pdf_locale, stem)[0]["last_revised"] for stem, _ in PAGES)
        else:
            stem = path.removeprefix("es/").removeprefix("pdf/").removesuffix(".pdf")
            day = source(pdf_locale, stem)[0]["last_revised"]
        assert isinstance(day, date)
        assert row["revised"] == format_revised(day, locale)


@pytest.mark.parametrize(("locale", "stem", "url"), CASES)
def test_no_handout_page_holds_only_the_footer_lines(
    site: Path, locale: str, stem: str, url: str
) -> None:
    """Every page of a handout carries some of the article: the closing lines (web
    address, copyright) and the revision stamp never sit alone on a last page. The
    page number stays on one line beside the (longer, operator-named) helpline."""
    _, body = source(locale, stem)
    html = parse(site, f"{prefix(locale)}{url}index.html")
    stamp = [p.get_text(" ") for p in html.select("article .page-meta p")]
    online = label("pdf_online", locale).format(url=f"{CONFIG['site_url']}{prefix(locale)}{url}")
    chrome = [SITE_NAMES[locale], heading(body), helpline(locale), online, copyright_line(locale)]
    reader = pypdf.PdfReader(site / f"{prefix(locale)}pdf/{stem}.pdf")
    for number, page in enumerate(reader.pages, start=1):
        left = squeeze(page.extract_text())
        counter = label("page_of", locale).format(page=number, pages=len(reader.pages))
        lines = page.extract_text().splitlines()
        assert any(counter in line for line in lines), f"'{counter}' is not on one line"
        for line in [*stamp, *chrome, counter]:
            left = left.replace(squeeze(line), "")
        assert len(left) >= 40, (stem, locale, number, left)


SAFETY_IN_PDF = {
    "en": (
        "If you need help now",
        "Emergency: Call 911",
        "988 in Spanish: Call 988 and press 2, or text the word AYUDA to 988.",
    ),
    "es": (
        "Si necesita ayuda ahora",
        "Emergencias: Llame al 911",
        "La línea 988 en español: Llame al 988 y marque 2, o envíe la palabra AYUDA por "
        "mensaje de texto al 988.",
    ),
}


def link_targets(reader: pypdf.PdfReader) -> set[str]:
    """Every URI a PDF's link annotations open."""
    targets = set()
    for pdf_page in reader.pages:
        for annotation in pdf_page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                targets.add(str(action["/URI"]))
    return targets


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("stem", ["survivorship/recurrence", "survivorship/index", "booklet"])
def test_medical_pdfs_carry_the_safety_block_with_working_phone_links(
    site: Path, locale: str, stem: str
) -> None:
    """Issue 23: the safety block of every medical page reaches its PDF, and the booklet."""
    reader = pypdf.PdfReader(site / prefix(locale) / "pdf" / f"{stem}.pdf")
    text = squeeze(" ".join(pdf_page.extract_text() for pdf_page in reader.pages))
    for line in SAFETY_IN_PDF[locale]:
        assert squeeze(line) in text, f"{stem} ({locale}) lacks {line!r}"
    assert {"tel:911", "tel:988", "sms:988"} <= link_targets(reader)


@pytest.mark.parametrize(
    ("locale", "lines"),
    [
        (
            "en",
            [
                "Next review due: December 3, 2029",
                "Changes to this page",
                "December 3, 2026: Added that each page shows the date of its next review and "
                "what we changed.",
            ],
        ),
        (
            "es",
            [
                "Próxima revisión: 3 de diciembre de 2029",
                "Cambios en esta página",
                "3 de diciembre de 2026: Añadimos que cada página muestra la fecha de su próxima "
                "revisión y qué cambiamos.",
            ],
        ),
    ],
)
def test_handout_shows_the_next_review_and_the_change_notes(
    site: Path, locale: str, lines: list[str]
) -> None:
    """Issue 22: the About page of the sample was signed off with a note in each language."""
    reader = pypdf.PdfReader(site / f"{prefix(locale)}pdf/about.pdf")
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))
    for line in lines:
        assert squeeze(line) in text
