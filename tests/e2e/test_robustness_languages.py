"""The robustness catalogue, languages: each language's pages in a folder of its own with
no symbolic link in the repository, and a language added by configuration. Each case
with its exact message, in the build and in ``./tasks check``, never a traceback.

Replicate a case: copy tests/fixtures/minimal (``make_project``), make the case's edit,
then ``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml`` or
``python tools/check.py -f <copy>/mkdocs.yml`` (every failing assertion prints what it ran).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Project, make_project, sign_everything
from test_check_command import check
from test_ledger import ENV as LEDGER_ENV
from test_ledger import command as ledger_command
from test_robustness import PLUGIN_ERROR, TODAY, assert_failed_cleanly, error_blocks, run

STOPPED = "Check stopped before reading the pages: 1 error, 0 warnings, 0 notes"


def set_extra(project: Project, key: str, value: object) -> None:
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"][key] = value
    project.set_config(config)


def title(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h1")
    assert heading is not None, path
    return heading.get_text(strip=True)


# No symbolic links: the Spanish pages from docs_es/ ---------------------------------------


def test_git_tracks_no_symbolic_link() -> None:
    """A Windows checkout turns a symbolic link into a text file (issue 21)."""
    listed = subprocess.run(
        ["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert [line for line in listed if line.startswith("120000 ")] == []


def test_the_spanish_pages_build_from_docs_es_without_a_link(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert not (project.root / "docs" / "es").exists()
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert title(result.site / "es" / "care" / "index.html") == "Cuidado después del tratamiento"


MISSING = (
    "Source folder check failed: 1 problem\n"
    "  Folder 'docs_es' of the pages in language 'es' does not exist: create it and put the "
    "pages there, or name their folder in mkdocs.yml (extra.languages.es.docs)"
)


def test_a_missing_spanish_folder_stops_the_build_and_the_check(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    project.auto_sign = False
    shutil.rmtree(project.root / "docs_es")
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [MISSING], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        1,
        f"ERROR   -  {MISSING}\n{STOPPED}\n",
        "",
    ), ran.explain()


LEFT_OVER = (
    "Source folder check failed: 1 problem\n"
    "  Folder 'docs/es' is named like the site's language 'es', whose pages are in "
    "'docs_es/': move any page of it there, then delete 'docs/es'"
)


def test_a_folder_docs_es_left_from_an_old_checkout(tmp_path: Path) -> None:
    """Before: the link's own check ("'docs/es' must be a symbolic link"); a real
    folder there would hold Spanish pages nobody edits."""
    project = make_project(tmp_path / "project")
    shutil.copytree(project.root / "docs_es", project.root / "docs" / "es")
    sign_everything(project.root)
    project.auto_sign = False
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [LEFT_OVER], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.stdout) == (1, f"ERROR   -  {LEFT_OVER}\n{STOPPED}\n"), (
        ran.explain()
    )


def test_the_spanish_folder_named_in_mkdocs_yml(tmp_path: Path) -> None:
    """extra.languages.es.docs: the pages, their messages and sign-offs use that folder."""
    project = make_project(tmp_path / "project")
    (project.root / "docs_es").rename(project.root / "spanish")
    set_extra(project, "languages", {"es": {"docs": "spanish"}})
    sign_everything(project.root)
    project.auto_sign = False
    assert "spanish/care.md:" in (project.root / "sign-offs.yml").read_text("utf-8")
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert title(result.site / "es" / "care" / "index.html") == "Cuidado después del tratamiento"
    care = project.root / "spanish" / "care.md"
    care.write_text(care.read_text("utf-8").replace("reviewed_by", "reviewd_by"), "utf-8")
    ran = check(project)
    assert ran.returncode == 1, ran.explain()
    assert next(line for line in ran.lines if "care.md" in line).startswith(
        "ERROR   -  Doc file 'spanish/care.md' (es): "
    ), ran.explain()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"es": {"docs": ["x"]}},
            "mkdocs.yml: extra.languages.es.docs must be a folder name, like docs_es (found ['x'])",
        ),
        (
            {"es": {"docs": "../elsewhere"}},
            "mkdocs.yml: extra.languages.es.docs must be a folder inside the project, like "
            "docs_es (found '../elsewhere')",
        ),
        (
            {"es": {"docs": "docs/es"}},
            "mkdocs.yml: extra.languages.es.docs must be a folder beside docs_dir, not inside "
            "it (found 'docs/es')",
        ),
        (
            {"fr": {"docs": "docs_fr"}},
            "mkdocs.yml: extra.languages.fr: the site has no language 'fr' (its languages, in "
            "the i18n plugin's 'languages': en, es)",
        ),
        (
            {"es": {"folder": "docs_es"}},
            "mkdocs.yml: extra.languages.es: unknown setting 'folder' (known: docs, labels)",
        ),
        (
            ["es"],
            "mkdocs.yml: extra.languages must list languages as 'locale: settings' (found ['es'])",
        ),
    ],
)
def test_a_wrong_language_folder_setting(tmp_path: Path, value: object, message: str) -> None:
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    project.auto_sign = False
    set_extra(project, "languages", value)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.lines) == (1, [f"ERROR   -  {message}", STOPPED]), ran.explain()


# A language by configuration: French in three things --------------------------------------

FRENCH = ROOT / "tests" / "fixtures" / "french"
REVIEWERS_FR = {
    "content-team": (
        "relecteur d'exemple",
        "un remplaçant pour ce site d'exemple, pas un soignant",
    ),
    "translation-team": (
        "relecteur de traduction d'exemple",
        "un remplaçant pour ce site d'exemple, pas un traducteur médical",
    ),
}


def three_languages(tmp_path: Path, sign: bool = True) -> Project:
    """The minimal site in English, Spanish and French: French added by one entry in the
    i18n plugin's languages, docs_fr/ and labels/fr.yml (and its reviewers named in
    French, which is content)."""
    project = make_project(tmp_path / "project")
    shutil.copytree(FRENCH / "docs_fr", project.root / "docs_fr")
    shutil.copytree(FRENCH / "labels", project.root / "labels")
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"].append(
        {"locale": "fr", "name": "Français", "site_name": "Information sur la vie après le cancer"}
    )
    project.set_config(config)
    path = project.root / "reviewers.yml"
    reviewers = yaml.safe_load(path.read_text(encoding="utf-8"))
    for reviewer, (name, credentials) in REVIEWERS_FR.items():
        reviewers[reviewer]["name"]["fr"] = name
        reviewers[reviewer]["credentials"]["fr"] = credentials
        reviewers[reviewer]["article"]["fr"] = "un"
    path.write_text(yaml.safe_dump(reviewers, allow_unicode=True, sort_keys=False), "utf-8")
    if sign:
        sign_everything(project.root)
    project.auto_sign = False
    return project


def assert_stops(project: Project, message: str) -> None:
    """The build and ./tasks check both stop with ``message`` alone, before any page."""
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.stdout) == (1, f"ERROR   -  {message}\n{STOPPED}\n"), ran.explain()


def edit_labels(project: Project, old: str, new: str) -> None:
    path = project.root / "labels" / "fr.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"labels/fr.yml has no {old!r}: update the case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(e.get_text(" ", strip=True).split()) for e in soup.select(selector)]


def test_a_site_in_three_languages_builds_with_french_chrome(tmp_path: Path) -> None:
    project = three_languages(tmp_path)
    result = run(project)
    assert result.returncode == 0, result.explain()
    page = BeautifulSoup((result.site / "fr" / "care" / "index.html").read_text("utf-8"), "lxml")
    assert page.html is not None and page.html.get("lang") == "fr"
    assert texts(page, ".site-helpline") == [
        "Ligne d'aide de la Société américaine du cancer, 24 h/24: 1-800-227-2345 "
        "(à toute heure, de jour comme de nuit)"
    ]
    assert texts(page, ".page-meta__revised") == ["Dernière mise à jour: 28 août 2023"]
    assert texts(page, ".page-meta__doctor") == [
        "Parlez de vos questions médicales avec votre médecin."
    ]
    assert texts(page, ".site-footer__copyright") == [
        "© 2023 Service d'information sur la vie après le cancer. Tous droits réservés."
    ]
    assert texts(page, ".site-safety__title") == ["Si vous avez besoin d'aide maintenant"]
    assert texts(page, ".md-skip") == ["Aller au texte"]  # the labels file's theme string
    assert texts(page, ".site-sample-notice") == [
        "Contenu d'exemple : ce site est un modèle. Aucun soignant n'a relu son texte."
    ]
    links = [(a.get("href"), a.get_text(strip=True)) for a in page.select(".site-header-links a")]
    assert links == [
        ("../../care/", "English"),
        ("../../es/care/", "Español"),
        ("../pdfs/", "PDF par langue"),
    ]
    og = page.find("meta", attrs={"property": "og:locale"})
    assert og is not None and og.get("content") == "fr_FR"
    missing = BeautifulSoup((result.site / "fr" / "404.html").read_text("utf-8"), "lxml")
    assert texts(missing, "h1") == ["Page introuvable"]
    english = BeautifulSoup((result.site / "care" / "index.html").read_text("utf-8"), "lxml")
    assert texts(english, ".md-skip") == ["Skip to content"]  # Material's, unchanged
    ran = check(project)
    assert (ran.returncode, ran.lines[-2:]) == (
        0,
        [
            "INFO    -  No About page 'about.md' in 'fr': reviewers not linked",
            "Check passed: 6 pages (2 en, 2 es, 2 fr), 0 errors, 0 warnings, 3 notes",
        ],
    ), ran.explain()


MISSING_FRENCH = (
    "Labels file 'labels/fr.yml' (fr): 2 labels of the site missing in French; add each, "
    "as the English ones in src/oncopress/i18n/labels/en.yml (guides/publishers.md, "
    '"Adding a language"):\n'
    "  labels.references\n"
    "  chrome.helpline.hours"
)


def test_missing_french_labels_give_one_message(tmp_path: Path) -> None:
    project = three_languages(tmp_path)
    edit_labels(project, "  references: Références\n", "")
    edit_labels(project, "    hours: à toute heure, de jour comme de nuit\n", "")
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [MISSING_FRENCH], result.explain()
    assert not (result.site / "fr").exists()  # no page with blank or English chrome
    ran = check(project)
    assert (ran.returncode, ran.stdout) == (
        1,
        f"ERROR   -  {MISSING_FRENCH}\n{STOPPED}\n",
    ), ran.explain()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  references: Références\n",
            "  references: [Références\n",
            "Labels file 'labels/fr.yml' is not valid YAML (line 14, column 17): expected ',' or "
            "']', but got ':'",
        ),
        (
            "  references: Références\n",
            "  references: [Références]\n",
            "Labels file 'labels/fr.yml', labels.references: must be text (found ['Références'])",
        ),
        (
            "readability: none ",
            "readability: flesch ",
            "Labels file 'labels/fr.yml', readability: 'flesch' is not a formula the site knows "
            "(one of: flesch_kincaid, fernandez_huerta, none)",
        ),
    ],
)
def test_a_broken_labels_file(tmp_path: Path, old: str, new: str, message: str) -> None:
    project = three_languages(tmp_path)
    edit_labels(project, old, new)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.lines[0]) == (1, f"ERROR   -  {message}"), ran.explain()


def test_an_unknown_key_is_a_warning(tmp_path: Path) -> None:
    """Warned, not refused: a file written for a newer oncopress still previews; the
    publishing build (strict) refuses it; a misspelt key is also missing, an error."""
    project = three_languages(tmp_path)
    edit_labels(project, "search_synonyms:", "search_synonym: {}\nsearch_synonyms:")
    edit_labels(project, "  header_links_label:", "  header_link_label: x\n  header_links_label:")
    result = run(project)
    warning = (
        "Labels file 'labels/fr.yml' (fr): unknown keys ignored: search_synonym, "
        "chrome.header_link_label (a misspelt key, or one a newer oncopress reads)"
    )
    assert result.returncode == 1 and "Traceback" not in result.log, result.explain()
    assert result.warnings == [warning], result.explain()
    ran = check(project)
    assert f"WARNING -  {warning}" in ran.lines, ran.explain()


def test_no_labels_file_for_a_new_language(tmp_path: Path) -> None:
    project = three_languages(tmp_path, sign=False)
    shutil.rmtree(project.root / "labels")
    message = (
        "Language 'fr' has no labels file 'labels/fr.yml': create it with every label of the "
        "site in that language, starting from a copy of src/oncopress/i18n/labels/en.yml "
        '(guides/publishers.md, "Adding a language")'
    )
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()


def test_a_language_babel_does_not_know(tmp_path: Path) -> None:
    project = three_languages(tmp_path, sign=False)
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"][-1]["locale"] = "zz"
    project.set_config(config)
    (project.root / "docs_fr").rename(project.root / "docs_zz")
    message = (
        "mkdocs.yml: the i18n plugin's language 'zz' is not one Babel knows, and Babel writes "
        "the site's dates and numbers: use a language code such as 'fr' or 'pt-BR'"
    )
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.lines[0]) == (1, f"ERROR   -  {message}"), ran.explain()


# A language Material has no strings for: its labels file's theme: gives them --------------


def as_breton(project: Project) -> None:
    """The three-language site with its third language Breton ('br'): Babel knows it,
    Material 9 has no partials/languages/br.html (the French pages stand in for it)."""
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    i18n["languages"][-1].update(locale="br", name="Brezhoneg")
    project.set_config(config)
    (project.root / "docs_fr").rename(project.root / "docs_br")
    (project.root / "labels" / "fr.yml").rename(project.root / "labels" / "br.yml")
    path = project.root / "reviewers.yml"
    text = path.read_text(encoding="utf-8").replace("  fr: ", "  br: ")
    path.write_text(text, encoding="utf-8")


def material_strings(locale: str) -> dict[str, str]:
    """Material's table for ``locale``, without its settings (language, search.config),
    with the two strings Material's French lacks (it falls back to English for them)."""
    from oncopress.i18n.theme_strings import SETTINGS, material_languages

    text = (material_languages() / f"{locale}.html").read_text(encoding="utf-8")
    table = dict(re.findall(r'^\s*"([^"]+)": "(.*)",?$', text, re.MULTILINE))
    table = {"direction": "ltr", "blog.authors": "Auteurs", **table}
    return {key: value for key, value in table.items() if key not in SETTINGS}


def give_theme(project: Project, theme: dict[str, str]) -> None:
    path = project.root / "labels" / "br.yml"
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels["theme"] = theme
    path.write_text(yaml.safe_dump(labels, allow_unicode=True, sort_keys=False), "utf-8")


def test_a_language_material_lacks_builds_with_its_theme_strings(tmp_path: Path) -> None:
    """Before: jinja2's TemplateNotFound (partials/languages/br.html), a traceback."""
    project = three_languages(tmp_path, sign=False)
    as_breton(project)
    give_theme(project, {**material_strings("fr"), "search.placeholder": "Klask"})
    sign_everything(project.root)
    result = run(project)
    assert result.returncode == 0, result.explain()
    page = BeautifulSoup((result.site / "br" / "care" / "index.html").read_text("utf-8"), "lxml")
    assert page.html is not None and page.html.get("lang") == "br"
    assert texts(page, ".md-skip") == ["Aller au contenu"]
    search = page.select_one("input.md-search__input")
    assert search is not None and search.get("placeholder") == "Klask"
    assert texts(page, ".page-meta__revised") == ["Dernière mise à jour: 28 Eost 2023"]
    english = BeautifulSoup((result.site / "care" / "index.html").read_text("utf-8"), "lxml")
    assert texts(english, ".md-skip") == ["Skip to content"]


MISSING_BRETON = (
    "Labels file 'labels/br.yml' (br): 3 labels of the site missing in Breton; add each, as "
    "the English ones in src/oncopress/i18n/labels/en.yml (Material has no strings in "
    "Breton: the theme ones as in its partials/languages/en.html) (guides/publishers.md, "
    '"Adding a language"):\n'
    "  labels.references\n"
    "  theme.search.placeholder\n"
    "  theme.toc"
)


def test_a_language_material_lacks_needs_every_theme_string(tmp_path: Path) -> None:
    """Before: jinja2's TemplateNotFound (partials/languages/br.html), a traceback."""
    project = three_languages(tmp_path, sign=False)
    as_breton(project)
    theme = material_strings("fr")
    del theme["search.placeholder"], theme["toc"]
    give_theme(project, theme)
    path = project.root / "labels" / "br.yml"
    path.write_text(path.read_text("utf-8").replace("  references: Références\n", ""), "utf-8")
    sign_everything(project.root)
    assert_stops(project, MISSING_BRETON)


# PDFs in three languages: each page links its PDF in every other language ----------------


def test_each_page_links_its_pdf_in_every_other_language(tmp_path: Path) -> None:
    """Before: one link, to the first other language's PDF (an English page: "PDF in
    Spanish" alone; a French page: "PDF en anglais" alone). The PDFs page lists every
    language already, each in the page's language."""
    project = three_languages(tmp_path, sign=False)
    for folder in ("docs", "docs_es", "docs_fr"):
        source = ROOT / ("docs" if folder == "docs" else "docs_es") / "pdfs.md"
        shutil.copy(source, project.root / folder / "pdfs.md")
    sign_everything(project.root)
    result = project.build(env={**TODAY, "SITE_PDFS": "1"})
    assert result.returncode == 0, result.explain()

    def links(page: str) -> list[tuple[str | None, str | None, str]]:
        soup = BeautifulSoup((result.site / page).read_text("utf-8"), "lxml")
        return [
            (str(a.get("href")), str(a.get("hreflang")), a.get_text(strip=True))
            for a in soup.select(".site-pdf-links__other")
        ]

    assert links("care/index.html") == [
        ("../es/pdf/care.pdf", "es", "PDF in Spanish"),
        ("../fr/pdf/care.pdf", "fr", "PDF in French"),
    ]
    assert links("es/care/index.html") == [
        ("../../pdf/care.pdf", "en", "PDF en inglés"),
        ("../../fr/pdf/care.pdf", "fr", "PDF en francés"),
    ]
    assert links("fr/care/index.html") == [
        ("../../pdf/care.pdf", "en", "PDF en anglais"),
        ("../../es/pdf/care.pdf", "es", "PDF en espagnol"),
    ]
    for page, headings in [
        ("pdfs/index.html", ["PDFs in English", "PDFs in Spanish", "PDFs in French"]),
        ("fr/pdfs/index.html", ["PDF en français", "PDF en anglais", "PDF en espagnol"]),
    ]:
        soup = BeautifulSoup((result.site / page).read_text("utf-8"), "lxml")
        assert texts(soup, ".site-pdf-list h2") == headings
        assert len(soup.select(".site-pdf-list td a")) == 9  # per language: 2 pages, 1 booklet


# Change notes in every language: --note-LOCALE -------------------------------------------

CARE = {
    "docs/care.md": ("Cancer can come back", "Cancer may come back"),
    "docs_es/care.md": ("El cáncer puede regresar", "El cáncer podría regresar"),
    "docs_fr/care.md": ("Le cancer peut revenir", "Le cancer pourrait revenir"),
}
NOTES = [
    "--note", "Added what to do if a symptom comes back.",
    "--note-es", "Añadimos qué hacer si un síntoma regresa.",
    "--note-fr", "Nous avons ajouté quoi faire si un symptôme revient.",
]  # fmt: skip


def changed_care(tmp_path: Path) -> Project:
    """The three-language site, signed off, then its care page changed in each language."""
    project = three_languages(tmp_path)
    for path, (old, new) in CARE.items():
        page = project.root / path
        page.write_text(page.read_text("utf-8").replace(old, new, 1), "utf-8")
    return project


def test_a_change_note_for_each_language_of_the_site(tmp_path: Path) -> None:
    """Before: "editor_commands.py: error: unrecognized arguments: --note-fr ...", exit 2,
    while the sign-off's own message, when the French note is missing, asks for it:
    "--note-fr: the French pages of this command need their note too, in their language
    (each page shows the note in its own language)"."""
    project = changed_care(tmp_path)
    ran = ledger_command(
        project, "sign-off", *CARE, "--by", "content-team",
        "--translation-by", "translation-team", *NOTES,
    )  # fmt: skip
    assert (ran.returncode, ran.stderr) == (0, ""), ran.stderr
    assert ran.stdout == (
        "Signed off 'docs/care.md' on 2026-12-04 by content-team; note: \"Added what to do "
        'if a symptom comes back."\n'
        "Signed off 'docs_es/care.md' on 2026-12-04 by content-team; translation by "
        'translation-team; note: "Añadimos qué hacer si un síntoma regresa."\n'
        "Signed off 'docs_fr/care.md' on 2026-12-04 by content-team; translation by "
        'translation-team; note: "Nous avons ajouté quoi faire si un symptôme revient."\n'
    )
    result = project.build(env=LEDGER_ENV)
    assert result.returncode == 0, result.explain()
    page = BeautifulSoup((result.site / "fr" / "care" / "index.html").read_text("utf-8"), "lxml")
    assert texts(page, ".page-meta__changes li") == [
        "4 décembre 2026 : Nous avons ajouté quoi faire si un symptôme revient."
    ]


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        (
            [*NOTES, "--note-de", "Wir haben ergänzt."],
            "sign-off: --note-de: the site has no language 'de' (its languages: en, es, fr)\n",
        ),
        (
            [*NOTES, "--note-en", "Added."],
            "sign-off: --note-en: the English pages' change note is --note\n",
        ),
        (
            [*NOTES, "--note-fr"],
            'sign-off: --note-fr needs the note\'s text, like --note-fr "..."\n',
        ),
    ],
)
def test_a_wrong_change_note_option(tmp_path: Path, notes: list[str], message: str) -> None:
    project = changed_care(tmp_path)
    ledger = (project.root / "sign-offs.yml").read_bytes()
    ran = ledger_command(
        project, "sign-off", *CARE, "--by", "content-team",
        "--translation-by", "translation-team", *notes,
    )  # fmt: skip
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        1 if "refused" in message else 2,
        "",
        message,
    )
    assert (project.root / "sign-offs.yml").read_bytes() == ledger


WRONG_PLACEHOLDERS = (
    "Labels file 'labels/fr.yml' (fr): 2 labels with other {placeholders} than the English "
    "ones; write each as in src/oncopress/i18n/labels/en.yml:\n"
    "  labels.pdf_other_language: {language} (found none)\n"
    "  labels.page_of: {page}, {pages} (found {page}, {total})"
)


def test_a_label_with_other_placeholders_than_english(tmp_path: Path) -> None:
    """Before: the build passed, every French page naming one language for each of its
    other PDFs ("PDF en anglais"), and each French PDF's footer printing "{total}"."""
    project = three_languages(tmp_path)
    edit_labels(project, "PDF en {language}", "PDF en anglais")
    edit_labels(project, "Page {page} sur {pages}", "Page {page} sur {total}")
    assert_stops(project, WRONG_PLACEHOLDERS)
