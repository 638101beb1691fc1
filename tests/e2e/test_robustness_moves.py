"""The robustness catalogue, page moves: ``./tasks move`` end to end on a copy of the
sample, the redirect page at the old address in each language, the moves it refuses,
a broken redirects.yml, addresses that vanish from published-urls.txt, and MkDocs'
link messages naming source paths with a count of warnings that adds up. Each case
with its exact message and exit status, never a traceback, and nothing changed on a
refusal.

Replicate a case: copy the site (or tests/fixtures/minimal), then run
``python tools/move_page.py -f <copy>/mkdocs.yml OLD NEW`` and
``mkdocs build --strict -f <copy>/mkdocs.yml`` (every failing assertion prints what ran).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, Project, make_project, sign_everything
from site_pages import indexed_pages
from test_check_command import check
from test_robustness import PLUGIN_ERROR, TODAY, assert_failed_cleanly, error_blocks

from oncopress.ledger.ledgerfile import parse_ledger

NOTHING = "Nothing was changed.\n"
OLD, NEW = "docs/survivorship/recurrence.md", "docs/coming-back.md"
MOVED = (
    f"Moved '{OLD}' to '{NEW}'\n"
    "Moved 'docs_es/survivorship/recurrence.md' to 'docs_es/coming-back.md'\n"
    "Updated the links in 'docs/index.md'\n"
    "Updated the links in 'docs/survivorship/index.md'\n"
    "Updated the links in 'docs_es/index.md'\n"
    "Updated the links in 'docs_es/survivorship/index.md'\n"
    "Updated the nav in mkdocs.yml\n"
    "Moved the sign-offs of 'docs/coming-back.md', 'docs_es/coming-back.md' in sign-offs.yml\n"
    "Recorded the move in redirects.yml: the old address sends readers to the new one\n"
)
VANISHED = (
    "Published URL '{url}' (published-urls.txt) is no longer served and no redirect leads "
    "from it: move pages with ./tasks move (it adds the redirect), add a redirect to "
    "redirects.yml, or retire it on purpose by deleting its line from published-urls.txt"
)


def move(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """``./tasks move ARGS`` on the project, on 2026-11-26."""
    tool = [sys.executable, str(ROOT / "tools" / "move_page.py")]
    return subprocess.run(
        [*tool, "-f", str(project.root / "mkdocs.yml"), *args],
        cwd=project.root,
        env={**os.environ, **TODAY},
        capture_output=True,
        text=True,
        check=False,
    )


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project (but built output) and its hash."""
    skip = ("site", "reports", ".cache")
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] not in skip
    }


def sample(tmp_path: Path) -> Project:
    """A copy of the sample site with its ledger and its list of published addresses."""
    project = make_project(tmp_path / "project", "real")
    shutil.copy2(ROOT / "published-urls.txt", project.root / "published-urls.txt")
    return project


def redirect_of(site: Path, url: str) -> dict[str, str]:
    """What a redirect page says: its language, title, refresh, canonical, robots, link."""
    soup = BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")
    html, link = soup.find("html"), soup.find("p")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    canonical = soup.find("link", rel="canonical")
    robots = soup.find("meta", attrs={"name": "robots"})
    anchor = link.find("a") if isinstance(link, Tag) else None
    tags = (html, refresh, canonical, robots, anchor)
    assert all(isinstance(tag, Tag) for tag in tags), soup
    assert isinstance(html, Tag) and isinstance(refresh, Tag) and isinstance(anchor, Tag)
    assert isinstance(canonical, Tag) and isinstance(robots, Tag) and isinstance(link, Tag)
    return {
        "lang": str(html["lang"]),
        "title": soup.title.get_text() if soup.title else "",
        "refresh": str(refresh["content"]),
        "canonical": str(canonical["href"]),
        "robots": str(robots["content"]),
        "text": link.get_text(" ", strip=True),
        "href": str(anchor["href"]),
    }


def search_locations(site: Path) -> list[str]:
    """The addresses a language's search finds (its index), site-relative."""
    return [url.lstrip("/") for url in indexed_pages(site)]


def test_a_page_pair_moves_with_its_sign_offs_links_and_old_address(tmp_path: Path) -> None:
    project = sample(tmp_path)
    before = {
        path: (project.root / path).read_bytes()
        for path in (OLD, "docs_es/survivorship/recurrence.md")
    }
    moved = move(project, OLD, NEW)
    assert (moved.returncode, moved.stdout, moved.stderr) == (0, MOVED, ""), moved.stderr
    root = project.root
    assert not (root / OLD).exists() and not (root / "docs_es/survivorship/recurrence.md").exists()
    assert (root / NEW).read_bytes() == before[OLD]  # no relative link of its own to change
    assert (root / "docs_es/coming-back.md").read_bytes() == before[
        "docs_es/survivorship/recurrence.md"
    ]
    assert "[understanding cancer recurrence](../coming-back.md)" in (
        root / "docs/survivorship/index.md"
    ).read_text("utf-8")
    assert "[la recurrencia del cáncer](../coming-back.md)" in (
        root / "docs_es/survivorship/index.md"
    ).read_text("utf-8")
    assert "[qué significa que el cáncer vuelva a aparecer](coming-back.md)" in (
        root / "docs_es/index.md"
    ).read_text("utf-8")
    assert "      - survivorship/index.md\n      - coming-back.md\n  - About our content" in (
        root / "mkdocs.yml"
    ).read_text("utf-8")
    ledger = parse_ledger((root / "sign-offs.yml").read_text("utf-8"))
    assert {OLD, "docs_es/survivorship/recurrence.md"}.isdisjoint(ledger.entries)
    spanish = ledger.entries["docs_es/coming-back.md"]
    assert spanish.translates is not None and spanish.translates.path == NEW
    assert (
        (root / "redirects.yml")
        .read_text("utf-8")
        .endswith(
            "redirects:\n- from: survivorship/recurrence.md\n  to: coming-back.md\n"
            "  date: 2026-11-26\n"
        )
    )

    built = project.build()  # no new sign-off: the same text, under another name
    assert (built.returncode, built.warnings) == (0, []), built.explain()
    site = built.site
    assert redirect_of(site, "survivorship/recurrence") == {
        "lang": "en",
        "title": "This page has moved",
        "refresh": "0; url=../../coming-back/",
        "canonical": "https://survivorship.example.org/coming-back/",
        "robots": "noindex",
        "text": "This page has a new address. Go to the page at its new address",
        "href": "../../coming-back/",
    }
    assert redirect_of(site, "es/survivorship/recurrence") == {
        "lang": "es",
        "title": "Esta página cambió de lugar",
        "refresh": "0; url=../../coming-back/",
        "canonical": "https://survivorship.example.org/es/coming-back/",
        "robots": "noindex",
        "text": "Esta página tiene una dirección nueva. Ir a la página en su nueva dirección",
        "href": "../../coming-back/",
    }
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/coming-back/" in sitemap and "recurrence" not in sitemap
    for folder in (site, site / "es"):
        locations = search_locations(folder)
        assert any(place.startswith(("coming-back/", "es/coming-back/")) for place in locations)
        assert not any("survivorship/recurrence" in place for place in locations)

    # A second move: the first address goes straight to the page's last one.
    again = move(project, NEW, "docs/survivorship/coming-back.md")
    assert again.returncode == 0, again.stderr
    rebuilt = project.build()
    assert (rebuilt.returncode, rebuilt.warnings) == (0, []), rebuilt.explain()
    assert redirect_of(rebuilt.site, "survivorship/recurrence")["href"] == "../coming-back/"
    assert redirect_of(rebuilt.site, "es/coming-back")["href"] == "../survivorship/coming-back/"

    # Moving it back onto an address that now redirects is refused.
    kept = snapshot(root)
    back = move(project, "docs/survivorship/coming-back.md", NEW)
    assert (back.returncode, back.stdout) == (1, ""), back.stderr
    assert back.stderr == (
        "Move refused: 'docs/coming-back.md' would be published at an address that "
        "redirects.yml (line 7) sends to 'survivorship/coming-back.md': choose another name, "
        "or remove line 7 of redirects.yml first\n" + NOTHING
    )
    assert snapshot(root) == kept


def test_renamed_by_hand_the_warnings_name_source_paths_and_add_up(tmp_path: Path) -> None:
    project = sample(tmp_path)
    for folder in ("docs", "docs_es"):
        old = project.root / folder / "survivorship" / "recurrence.md"
        old.rename(old.with_name("coming-back.md"))
    config = project.root / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("survivorship/recurrence.md", "survivorship/coming-back.md"))
    built = project.build()
    never = (
        "Doc file '{0}/survivorship/coming-back.md' ({1}): has never been signed off; once its "
        "reviewers have approved this text, run: ./tasks sign-off "
        "{0}/survivorship/coming-back.md --by content-team"
    )
    assert built.warnings == [
        never.format("docs", "en"),
        never.format("docs_es", "es") + " --translation-by translation-team",
        "Doc file 'docs/index.md' contains a link 'survivorship/recurrence.md', but the target "
        "is not found among documentation files.",
        "Doc file 'docs/survivorship/index.md' contains a link 'recurrence.md', but the target "
        "'docs/survivorship/recurrence.md' is not found among documentation files.",
        "Doc file 'docs_es/index.md' contains a link 'survivorship/recurrence.md', but the "
        "target 'docs_es/survivorship/recurrence.md' is not found among documentation files.",
        "Doc file 'docs_es/survivorship/index.md' contains a link 'recurrence.md', but the "
        "target 'docs_es/survivorship/recurrence.md' is not found among documentation files.",
        VANISHED.format(url="/es/survivorship/recurrence/"),
        VANISHED.format(url="/survivorship/recurrence/"),
    ], built.explain()
    assert_failed_cleanly(built, "Aborted with 8 warnings in strict mode!")


@pytest.fixture
def minimal(tmp_path: Path) -> Project:
    project = make_project(tmp_path / "project", "minimal")
    project.write("docs/guides/a.md", (project.docs / "care.md").read_text("utf-8"))
    project.write("docs_es/guides/a.md", (project.docs_es / "care.md").read_text("utf-8"))
    sign_everything(project.root)
    return project


REFUSED = {
    "old-missing": (
        ("docs/diet.md", "docs/food.md"),
        "'docs/diet.md' is not a page of the site: give a Markdown page in docs/",
    ),
    "new-exists": (
        ("docs/care.md", "docs/index.md"),
        "'docs/index.md' already exists: choose another name for the page",
    ),
    "new-outside-docs": (
        ("care.md", "../care.md"),
        "'../care.md' is outside docs/: give a path in docs/",
    ),
    "new-in-the-spanish-folder": (
        ("docs/care.md", "docs_es/other.md"),
        "'docs_es/other.md' is in docs_es/: give the English page's path (docs/...); its "
        "translations move with it",
    ),
    "old-in-the-spanish-folder": (
        ("docs_es/care.md", "docs/other.md"),
        "'docs_es/care.md' is in docs_es/: give the English page's path (docs/...); its "
        "translations move with it",
    ),
    "new-through-the-language-link": (
        ("docs/care.md", "docs/es/other.md"),
        "'docs/es/other.md' is in the es language's folder: give the English page's path "
        "(docs/...); its translations move with it",
    ),
    "a-folder": (
        ("docs/guides", "docs/help"),
        "'docs/guides' is a folder: move its pages one at a time (./tasks move "
        "docs/guides/PAGE.md NEW/PAGE.md)",
    ),
    "new-address-taken": (
        ("docs/care.md", "docs/guides/a/index.md"),
        "'docs/guides/a/index.md' would be published at 'guides/a/', the address of "
        "'docs/guides/a.md': choose another name for the page",
    ),
    "new-not-markdown": (
        ("docs/care.md", "docs/care"),
        "'docs/care' is not a Markdown page: give a path ending in .md",
    ),
    "same-path": (("docs/care.md", "care.md"), "'docs/care.md' is already there: nothing to move"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_moves_change_nothing(minimal: Project, case: str) -> None:
    args, message = REFUSED[case]
    before = snapshot(minimal.root)
    result = move(minimal, *args)
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr == f"Move refused: {message}\n{NOTHING}"
    assert snapshot(minimal.root) == before


BROKEN_REDIRECTS = {
    "target-gone": (
        "redirects:\n- from: old.md\n  to: gone.md\n  date: 2026-11-01\n",
        "Redirects file 'redirects.yml', line 2: 'old.md' redirects to 'gone.md', which is not "
        "a page of the site: point it to a page that exists, or delete the entry",
    ),
    "old-page-back": (
        "redirects:\n- from: old.md\n  to: index.md\n- from: care.md\n  to: index.md\n",
        "Redirects file 'redirects.yml', line 4: 'care.md' is a page again, so the redirect to "
        "'index.md' cannot be published: delete line 4's entry, or move the page with "
        "./tasks move",
    ),
    "not-yaml": (
        "redirects:\n- from: [old.md\n",
        "Redirects file 'redirects.yml' is not valid YAML (line 3): restore it with "
        "'git checkout redirects.yml'",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_REDIRECTS))
def test_a_broken_redirect_stops_the_build_naming_its_line(project: Project, case: str) -> None:
    text, message = BROKEN_REDIRECTS[case]
    project.write("redirects.yml", text)
    result = project.build(env=TODAY)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    checked = check(project, TODAY)  # ./tasks check gives the same line
    assert checked.returncode == 1, checked.explain()
    assert [message] == [
        line.split(" -  ", 1)[1] for line in checked.lines if line.startswith("ERROR")
    ]


def test_the_publishing_build_keeps_the_list_of_addresses(project: Project) -> None:
    def build() -> subprocess.CompletedProcess[str]:
        env = {**os.environ, **TODAY, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
        command = [sys.executable, str(ROOT / "tools/build_site.py"), str(project.root / "out")]
        command += ["--config-file", str(project.root / "mkdocs.yml")]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    sign_everything(project.root)
    first = build()  # a project that keeps no list gets none
    assert first.returncode == 0, first.stderr
    assert not (project.root / "published-urls.txt").exists()
    project.write("published-urls.txt", "/\n")
    second = build()
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[-1] == "Updated published-urls.txt: 3 new, 4 in all"
    listed = (project.root / "published-urls.txt").read_text("utf-8")
    assert listed == "/\n/care/\n/es/\n/es/care/\n"
    # Retired on purpose: its line deleted, the page gone; only the line kept is reported.
    for folder in (project.docs, project.docs_es):
        (folder / "care.md").unlink()
        index = folder / "index.md"
        index.write_text(index.read_text("utf-8").split(" Se")[0].split(" Ve")[0] + "\n")
    project.write("published-urls.txt", "/\n/es/\n/es/care/\n")
    third = project.build(env=TODAY)
    assert third.warnings == [VANISHED.format(url="/es/care/")], third.explain()
