"""The robustness catalogue, issue 23: the sample site published honestly. A medical
page and its translation carry the safety block; while the sample opt-in
(``extra: allow_placeholder_site_url: true``) is on, every page says it is sample
content; without it, a publishing build refuses the sample reviewers with one exact
message each. The footer's year comes from the newest sign-off, and the reprint
contact shows only when ``extra.contact.email`` is set.

Replicate a case: copy tests/fixtures/minimal, add the policy pages below, make the
case's edit of mkdocs.yml, then run
``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml``
(every failing assertion prints the command it ran).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, Project, make_project
from test_robustness import assert_failed_cleanly, run
from test_robustness_content import SAMPLE_REVIEWERS

POLICY = {
    "docs/policy.md": (
        "---\ntitle: Reprints\ndescription: How to ask.\nlast_revised: 2025-03-01\n"
        "medical: false\n---\n\n# Reprints\n\nAsk us first.\n\n<!-- reprint-contact -->\n"
    ),
    "docs_es/policy.md": (
        "---\ntitle: Reimpresiones\ndescription: Cómo pedirlo.\nlast_revised: 2025-03-01\n"
        "translation_of: 2025-03-01\nmedical: false\n---\n\n# Reimpresiones\n\n"
        "Pídanos permiso primero.\n\n<!-- reprint-contact -->\n"
    ),
}
SAMPLE_NOTICE = {
    "en": "Sample content: this site is an example. No clinician has reviewed its text.",
    "es": (
        "Contenido de ejemplo: este sitio es una muestra. "
        "Ningún profesional de la salud ha revisado su texto."
    ),
}
SAFETY_LINKS = [
    ("911", "tel:911"),
    ("988", "tel:988"),
    ("988", "sms:988"),
    ("988lifeline.org", "https://988lifeline.org/"),
    ("988", "tel:988"),
    ("988", "sms:988"),
]
IN_SPANISH = {
    "en": "988 in Spanish: Call 988 and press 2, or text the word AYUDA to 988. Chat in "
    "Spanish is also available.",
    "es": "La línea 988 en español: Llame al 988 y marque 2, o envíe la palabra AYUDA por "
    "mensaje de texto al 988. También hay chat en español.",
}
CONTACT = {
    "en": "To ask, email us at reprints@hope-charity.org. Tell us which page you want to use, "
    "where it will be published and who will read it. We will reply to tell you what you "
    "may do.",
    "es": "Para pedir permiso, escríbanos a reprints@hope-charity.org. Díganos qué página "
    "quiere usar, dónde se publicará y quién la leerá. Le responderemos para decirle qué "
    "puede hacer.",
}
COPYRIGHT = {
    "en": "© 2025 Cancer Survivorship Information Service. All rights reserved. Our medical "
    "information is protected by copyright.",
    "es": "© 2025 Servicio de Información sobre la Supervivencia al Cáncer. Todos los derechos "
    "reservados. Nuestra información médica está protegida por derechos de autor.",
}


def sample_project(root: Path, contact: bool) -> Project:
    project = make_project(root, "minimal")
    for path, text in POLICY.items():
        project.write(path, text)
    if contact:
        config = project.config()
        config["extra"]["contact"] = {"email": "reprints@hope-charity.org"}
        project.set_config(config)
    return project


def page(build: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / url).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = run(sample_project(tmp_path_factory.mktemp("sample") / "project", contact=True))
    assert result.returncode == 0, result.explain()
    return result


PREFIX = {"en": "", "es": "es/"}


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_medical_page_carries_the_safety_block(sample_build: Build, locale: str) -> None:
    block = page(sample_build, f"{PREFIX[locale]}care/index.html").select_one(
        "article .site-safety"
    )
    assert block is not None, sample_build.explain()
    assert [(a.get_text(), a["href"]) for a in block.find_all("a")] == SAFETY_LINKS
    items = [" ".join(li.get_text().split()) for li in block.find_all("li")]
    assert IN_SPANISH[locale] in items
    assert page(sample_build, f"{PREFIX[locale]}index.html").select(".site-safety") == []


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("url", ["index.html", "care/index.html", "404.html"])
def test_every_page_says_it_is_sample_content(sample_build: Build, locale: str, url: str) -> None:
    notices = page(sample_build, f"{PREFIX[locale]}{url}").select(".site-sample-notice")
    assert [notice.get_text() for notice in notices] == [SAMPLE_NOTICE[locale]]


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_footer_year_is_the_newest_sign_off(sample_build: Build, locale: str) -> None:
    footer = page(sample_build, f"{PREFIX[locale]}care/index.html")
    assert footer.select_one(".site-footer__copyright").get_text() == COPYRIGHT[locale]


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_reprint_contact_shows_when_set(sample_build: Build, locale: str) -> None:
    contact = page(sample_build, f"{PREFIX[locale]}policy/index.html").select(".site-contact")
    assert [(p.get_text(), p.a["href"]) for p in contact] == [
        (CONTACT[locale], "mailto:reprints@hope-charity.org")
    ]


def test_the_reprint_contact_is_not_shown_when_not_set(tmp_path: Path) -> None:
    result = run(sample_project(tmp_path / "project", contact=False))
    assert result.returncode == 0, result.explain()
    for locale in ("en", "es"):
        html = (result.site / PREFIX[locale] / "policy/index.html").read_text(encoding="utf-8")
        assert "site-contact" not in html and "reprint-contact" not in html


def test_a_publishing_build_refuses_the_sample_reviewers(tmp_path: Path) -> None:
    project = sample_project(tmp_path / "project", contact=False)
    config = project.config()
    del config["extra"]["allow_placeholder_site_url"]
    config["site_url"] = "https://survivorship.hope-charity.org/"
    project.set_config(config)
    result = run(project)
    assert_failed_cleanly(result, "Aborted with 2 warnings in strict mode!")
    assert result.warnings == SAMPLE_REVIEWERS, result.explain()
