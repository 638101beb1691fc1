"""Generate a realistic bilingual test site of N pages per language for benchmarks.

Each page has full front matter (title, description, last_revised, reviewers,
translation metadata), several headings, plain-language paragraphs, a list and two
citations, spread over ten sections. The site uses the project's real mkdocs.yml,
hooks, templates, bibliography and reviewer registry, and every page is signed off
with the project's own command (``./tasks sign-off``), so it builds strictly.

    python bench/sitegen.py OUT_DIR N
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

import yaml

from oncopress.cli import PROJECT as ROOT

SECTIONS = 10
REVISED = "2025-03-14"

EN_PARAGRAPH = (
    "Many people have questions after treatment ends. Your care team can help you. "
    "Write your questions down before each visit. Bring a friend or family member if "
    "you can. Ask what each test is for and when you will get the results. "
)
ES_PARAGRAPH = (
    "Muchas personas tienen preguntas cuando termina el tratamiento. Su equipo de "
    "atención médica le puede ayudar. Escriba sus preguntas antes de cada cita. Venga "
    "con un amigo o un familiar si puede. Pregunte para qué es cada prueba y cuándo va a "
    "tener los resultados. "
)


def _page(locale: str, section: int, number: int) -> str:
    english = locale == "en"
    title = (
        f"Topic {number} in section {section}"
        if english
        else f"Tema {number} de la sección {section}"
    )
    paragraph = EN_PARAGRAPH if english else ES_PARAGRAPH
    heading = "What to know" if english else "Lo que debe saber"
    items = (
        ["ask questions", "take notes", "get support"]
        if english
        else ["hacer preguntas", "tomar notas", "buscar apoyo"]
    )
    meta = {
        "title": title,
        "description": f"{title}: {paragraph.split('. ')[0]}.",
        "last_revised": REVISED,
        "reviewed_by": ["content-team"],
    }
    if not english:
        meta["translation_of"] = REVISED
        meta["translation_reviewed_by"] = ["translation-team"]
    body = [f"# {title}", ""]
    for part in range(1, 4):
        body += [f"## {heading} {part}", "", paragraph, ""]
        body += [f"- {item}" for item in items] + [""]
    body += [paragraph + "[@emery2022management; @gotze2019fear]", ""]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "\n".join(body)


def _plain_page(locale: str, title: str) -> str:
    """A non-medical page (home, about) with no links, so any N builds strictly."""
    meta = {"title": title, "description": title, "last_revised": REVISED, "medical": False}
    if locale == "es":
        meta["translation_of"] = REVISED
    paragraph = EN_PARAGRAPH if locale == "en" else ES_PARAGRAPH
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n# {title}\n\n{paragraph}\n"


def generate(
    out: Path, pages_per_language: int, with_hooks: bool = True, with_bibtex: bool = False
) -> Path:
    """Write the project into ``out`` (replaced if present); returns its mkdocs.yml.

    Without hooks it is a baseline: plain Material + i18n on the same Markdown
    (citations stay ``[@key]`` text) or, ``with_bibtex``, with mkdocs-bibtex too,
    rendering the same citations as footnotes by itself."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, out / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("bibliography.bib", "reviewers.yml"):
        shutil.copy2(ROOT / name, out / name)
    if with_hooks and (ROOT / "glossary").is_dir():  # the build marks its terms
        shutil.copytree(ROOT / "glossary", out / "glossary")
    # The site's plugin adds docs_es/ at es/; plain mkdocs-static-i18n (the baseline)
    # takes a language's pages from docs/es/ only.
    spanish = out / "docs_es" if with_hooks else out / "docs" / "es"
    for locale, folder in (("en", out / "docs"), ("es", spanish)):
        folder.mkdir(parents=True)
        for name, title in (
            ("index", "Home" if locale == "en" else "Inicio"),
            ("about", "About" if locale == "en" else "Acerca de"),
        ):
            (folder / f"{name}.md").write_text(_plain_page(locale, title), encoding="utf-8")
        for number in range(pages_per_language):
            section = number % SECTIONS + 1
            path = folder / f"section-{section:02d}" / f"topic-{number:04d}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(_page(locale, section, number), encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", out / "docs" / "assets")

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    # the copy's build runs the installed core (./tasks setup): it has no src/ to watch
    config["watch"] = [path for path in config["watch"] if path != "src/oncopress"]
    if not with_hooks:  # the baseline: the same Markdown with plain Material + i18n
        config.pop("hooks", None)
        config["plugins"] = [p for p in config["plugins"] if p != "oncopress"]
        config["theme"].pop("custom_dir", None)
        bibtex = [p for p in config["plugins"] if isinstance(p, dict) and "bibtex" in p]
        config["plugins"] = [p for p in config["plugins"] if p not in bibtex]
        if with_bibtex:  # its reference list at the end of each page, as it does alone
            config["plugins"].append({"bibtex": {**bibtex[0]["bibtex"], "bib_by_default": True}})
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8"
    )
    if with_hooks:
        sign_off_everything(out)
    return out / "mkdocs.yml"


def sign_off_everything(out: Path) -> None:
    """Sign off every page with ``./tasks sign-off`` (English first), as editors would."""
    from oncopress.cli import editor

    config = str(out / "mkdocs.yml")
    english = sorted(str(p) for p in (out / "docs").rglob("*.md"))
    spanish = sorted(str(p) for p in (out / "docs_es").rglob("*.md"))
    for pages, more in ((english, []), (spanish, ["--translation-by", "translation-team"])):
        with contextlib.redirect_stdout(io.StringIO()):
            status = editor.main(
                ["-f", config, "sign-off", *pages, "--by", "content-team", "--date", REVISED, *more]
            )
        if status != 0:
            raise SystemExit(f"sitegen: sign-off failed ({status})")


if __name__ == "__main__":
    print(generate(Path(sys.argv[1]), int(sys.argv[2])))
