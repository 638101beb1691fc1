"""The robustness catalogue, the preview and the gates around it (issue 19): the preview
answers only names that mean this computer (no DNS rebinding), leaves no site folder
behind however it stops, and merge-conflict markers stop the build and the editors'
commands in every file an editor saves. Each case with its exact message.

Replicate a preview case: copy tests/fixtures/minimal, run ``python tools/serve.py -a
127.0.0.1:8000`` in the copy, then ``curl -H 'Host: evil.example' http://127.0.0.1:8000/``
(or stop it with ``kill -TERM``/``kill -KILL`` and look in the temporary folder).
"""

from __future__ import annotations

import html
import http.client
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, Project, make_project, sign_everything
from served import PREVIEW, Server
from test_ledger import command
from test_robustness import PLUGIN_ERROR, TODAY, assert_failed_cleanly, error_blocks

REFUSED = (
    "Blocked request: this preview answers only to 127.0.0.1, localhost, [::1] and IP "
    "addresses, not to the host 'evil.example' (a web page may be trying to read the "
    "preview). Open http://127.0.0.1:{port}/ instead, or start the preview on another name "
    "with -a HOST:PORT.\n"
)


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the previews of a test use (their ``TMPDIR``)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def start(project: Project) -> Server:
    server = Server(project.root, PREVIEW)
    try:
        server.wait("the preview", server.page_shows("", "<html"))
    except AssertionError:
        server.stop()
        raise
    return server


@pytest.fixture
def preview(tmp_path: Path, temporary: Path) -> Iterator[Server]:
    server = start(make_project(tmp_path / "project", "minimal"))
    yield server
    server.stop()


def request(server: Server, path: str, host: str) -> tuple[int, str, str]:
    """Status, content type and text of ``path`` asked for with ``Host: host``."""
    port = int(server.base.rstrip("/").rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read().decode("utf-8")
        return response.status, response.getheader("Content-Type") or "", body
    finally:
        connection.close()


PATHS = ("/care/", "/es/care/", "/_editor/editorial-report.html", "/livereload/0/0")


def test_the_preview_answers_only_names_of_this_computer(preview: Server) -> None:
    port = int(preview.base.rstrip("/").rsplit(":", 1)[1])
    for host in ("127.0.0.1", f"127.0.0.1:{port}", "localhost", f"LOCALHOST:{port}", "[::1]"):
        for path in PATHS:
            status, _, body = request(preview, path, host)
            assert status == 200, (host, path, body[:300])
    refused = REFUSED.format(port=port)
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example"):
        for path in PATHS:
            status, kind, body = request(preview, path, host)
            shown = refused.replace("'evil.example'", f"'{host.split(':')[0]}'")
            assert (status, kind, body) == (421, "text/plain; charset=utf-8", shown), (host, path)


# The site folder: removed however the preview stops ------------------------------------


def site_folders(temporary: Path) -> list[str]:
    return sorted(path.name for path in temporary.iterdir())


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stopped_preview_leaves_no_site_folder(
    tmp_path: Path, temporary: Path, stop: signal.Signals
) -> None:
    server = start(make_project(tmp_path / "project", "minimal"))
    pid = server.process.pid
    assert [name.split("-")[:3] for name in site_folders(temporary)] == [
        ["oncopress", "preview", str(pid)]
    ]
    server.process.send_signal(stop)
    assert server.process.wait(timeout=20) == 0, "\n".join(server.output)
    assert site_folders(temporary) == []
    assert "Traceback" not in "\n".join(server.output)


def test_a_killed_previews_site_folder_is_removed_by_the_next(
    tmp_path: Path, temporary: Path
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    killed = start(project)
    left = site_folders(temporary)
    killed.process.send_signal(signal.SIGKILL)
    killed.process.wait(timeout=10)
    assert site_folders(temporary) == left and len(left) == 1
    unrelated = temporary / "preview_of_something_else"
    unrelated.mkdir()
    other = start(project)
    try:
        now = site_folders(temporary)
        assert [name.split("-")[:3] for name in now] == [
            ["oncopress", "preview", str(other.process.pid)],
            ["preview_of_something_else"],
        ]
    finally:
        other.stop()
    assert site_folders(temporary) == ["preview_of_something_else"]


def test_a_preview_that_cannot_start_leaves_no_site_folder(tmp_path: Path, temporary: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    (project.root / "mkdocs.yml").write_text("site_name: [broken\n", encoding="utf-8")
    server = Server(project.root, PREVIEW)
    assert server.process.wait(timeout=60) == 1
    assert site_folders(temporary) == []


# Search: a query word is never a key of what a JavaScript object inherits ---------------

INHERITED = ["constructor", "__proto__", "toString", "hasOwnProperty"]
NO_RESULTS = {"en": "No matching documents", "es": "No se encontraron resultados"}
NETWORK = "Failed to load resource"  # the fixture's missing files, the offline site_url
WORDS = [*INHERITED, "cancer"]  # and the search still works after them
CANCER = {"en": "1 matching document", "es": "1 resultado"}


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal fixture, built (with the real search settings) and served."""
    from browser import serve

    project = make_project(tmp_path_factory.mktemp("search") / "project", "minimal")
    built = project.build()
    assert built.returncode == 0, built.explain()
    with serve(built.site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "es"])
def test_searching_for_names_every_object_inherits_is_an_ordinary_search(
    sample_url: str, language: str
) -> None:
    from browser import launch_chromium
    from playwright.sync_api import sync_playwright
    from search_relevance import Case, search

    errors: list[str] = []
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        page = chromium.new_page()
        page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: (
                errors.append(f"console {message.type}: {message.text}")
                if message.type == "error" and not message.text.startswith(NETWORK)
                else None
            ),
        )
        page.on(
            "worker",
            lambda worker: worker.on(
                "console",
                lambda message: (
                    errors.append(f"worker console: {message.text}")
                    if message.type == "error"
                    else None
                ),
            ),
        )
        page.goto(f"{sample_url}{'' if language == 'en' else 'es/'}", wait_until="networkidle")
        shown = {word: search(page, sample_url, Case(language, word, "")).meta for word in WORDS}
        synonym = {"en": "relapse", "es": "recidiva"}[language]  # synonyms still work
        [worker] = page.workers
        prepared = worker.evaluate(
            f"[...self.oncopressSearch.variantsOf('{synonym}'), "
            "...self.oncopressSearch.variantsOf('constructor')]"
        )
        chromium.close()
    # "__proto__" is searched as the word "proto", as any other word: no word of the site
    # starts with it.
    assert (errors, shown) == (
        [],
        {**dict.fromkeys(INHERITED, NO_RESULTS[language]), "cancer": CANCER[language]},
    )
    assert (
        prepared
        == {
            "en": ["relapse", "recurrence", "constructor"],
            "es": ["recidiva", "recurrencia", "constructor"],
        }[language]
    )


# Merge-conflict markers: refused in every file an editor saves ----------------------------

CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> translations\n"
AFTER = "keep one side, remove the markers, then sign the page off again"
KEEP = "keep one side and remove the markers"
SETEXT = (
    "---\ntitle: Setext\nlast_revised: 2023-08-28\nmedical: false\n{extra}---\n\n"
    "Setext heading\n=======\n\nText.\n"
)


def conflicted_pages(project: Project) -> None:
    """English care.md conflicted in the body (line 10), Spanish in the front matter
    (line 3); setext.md underlines a heading with exactly 7 '=' (not a conflict)."""
    care = project.docs / "care.md"
    text = care.read_text(encoding="utf-8")
    old = "Cancer can come back after treatment [@emery2022management].\n"
    assert old in text
    care.write_text(text.replace(old, CONFLICT.format(ours=old[:-1], theirs="Cancer.")), "utf-8")
    spanish = project.docs_es / "care.md"
    text = spanish.read_text(encoding="utf-8")
    old = "description: Página médica de prueba.\n"
    assert old in text
    new = CONFLICT.format(ours=old[:-1], theirs="description: Otra.")
    spanish.write_text(text.replace(old, new), "utf-8")
    project.write("docs/setext.md", SETEXT.format(extra=""))
    project.write("docs_es/setext.md", SETEXT.format(extra="translation_of: 2023-08-28\n"))


PAGES_REFUSED = [
    f"Doc file 'docs/care.md' (en): has merge-conflict markers (line 10: '<<<<<<< HEAD'): {AFTER}",
    f"Doc file 'docs_es/care.md' (es): has merge-conflict markers (line 3: '<<<<<<< HEAD'): {AFTER}",
]


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_conflict_markers_in_a_page_stop_the_build(tmp_path: Path, strict: bool) -> None:
    project = make_project(tmp_path / "project", "minimal")
    conflicted_pages(project)
    result = project.build(strict=strict, env=TODAY)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        "Editorial check failed: 2 problems in 2 pages\n  " + "\n  ".join(PAGES_REFUSED)
    ], result.explain()


def test_conflict_markers_in_a_page_are_refused_by_sign_off_and_status(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    conflicted_pages(project)
    ledger = (project.root / "sign-offs.yml").read_bytes()
    ran = command(
        project, "sign-off", "docs/care.md", "docs_es/care.md", "--by", "content-team",
        "--translation-by", "translation-team",
    )  # fmt: skip
    assert (ran.returncode, ran.stdout) == (1, ""), ran.stderr
    assert ran.stderr == (
        "Sign-off refused: 2 problems\n  "
        + "\n  ".join(
            m.replace("): has", "): has editorial problems to fix first: has")
            for m in PAGES_REFUSED
        )
        + "\nNothing was written.\n"
    )
    assert (project.root / "sign-offs.yml").read_bytes() == ledger
    status = command(project, "status")
    assert status.returncode == 1, status.stderr
    for row in (
        "docs/care.md       en    problem   yes     has merge-conflict markers (line 10: "
        "'<<<<<<< HEAD'):\n",
        "docs_es/care.md    es    problem   yes     has merge-conflict markers (line 3: "
        "'<<<<<<< HEAD'): keep\n",
        "8 items need an editor; 4 block publishing",  # the setext pages: not signed off
    ):
        assert row in status.stdout, status.stdout


def conflicted(name: str, anchor: str, ours: str, theirs: str) -> Callable[[Project], int]:
    """Put a conflict in place of line ``anchor`` of ``name``; return the marker's line."""

    def edit(project: Project) -> int:
        path = project.root / name
        lines = path.read_text(encoding="utf-8").split("\n")
        at = lines.index(anchor)
        lines[at : at + 1] = ["<<<<<<< HEAD", ours, "=======", theirs, ">>>>>>> main"]
        path.write_text("\n".join(lines), encoding="utf-8")
        return at + 1

    return edit


SETUP_FILES = {
    "bibliography": (
        conflicted("bibliography.bib", "@article{emery2022management,", "@article{emery2022management,", "@article{emery2022,"),
        "Bibliography 'bibliography.bib' has merge-conflict markers (line {line}: '<<<<<<< HEAD'): " + KEEP,
    ),
    "reviewers": (
        conflicted("reviewers.yml", "content-team:", "content-team:", "content-group:"),
        "Reviewer registry 'reviewers.yml' has merge-conflict markers (line {line}: '<<<<<<< HEAD'): " + KEEP,
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(SETUP_FILES))
def test_conflict_markers_in_the_bibliography_or_registry_stop_build_and_commands(
    tmp_path: Path, case: str
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    project.auto_sign = False
    edit, message = SETUP_FILES[case]
    message = message.format(line=edit(project))
    for strict in (True, False):
        result = project.build(strict=strict, env=TODAY)
        assert_failed_cleanly(result, PLUGIN_ERROR)
        assert error_blocks(result) == [message], result.explain()
    for args in (["status"], ["sign-off", "docs/care.md", "--by", "content-team"]):
        ran = command(project, *args)
        assert (ran.returncode, ran.stdout, ran.stderr) == (2, "", f"{args[0]}: {message}\n")


CONFIG_REFUSED = (
    "Config file 'mkdocs.yml' has merge-conflict markers (line {line}: '<<<<<<< HEAD'): " + KEEP
)


def test_conflict_markers_in_mkdocs_yml_stop_the_publishing_build(tmp_path: Path) -> None:
    """Before: MkDocs' YAML error, at a line of the conflict's second side."""
    project = make_project(tmp_path / "project", "minimal")
    first_line = (project.root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")[0]
    edit = conflicted("mkdocs.yml", first_line, first_line, first_line.replace(":", ": X", 1))
    message = CONFIG_REFUSED.format(line=edit(project))
    ran = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_site.py"), "out", "-f", "mkdocs.yml"],
        cwd=project.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (ran.returncode, ran.stdout, ran.stderr) == (1, "", f"Build failed: {message}\n")
    assert not (project.root / "out").exists()


def test_conflict_markers_in_mkdocs_yml_stop_the_preview_and_the_commands(
    tmp_path: Path, temporary: Path
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    first_line = (project.root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")[0]
    edit = conflicted("mkdocs.yml", first_line, first_line, first_line.replace(":", ": X", 1))
    server = start(project)
    try:
        message = CONFIG_REFUSED.format(line=edit(project))
        server.wait("the message", server.page_shows("care/", html.escape(message)))
        assert server.get("care/")[0] == 503
    finally:
        server.stop()
    assert f"ERROR   -  {message}" in server.output
    again = Server(project.root, PREVIEW)
    assert again.process.wait(timeout=60) == 1
    again.wait("the exit", lambda: bool(again.output))
    assert [line for line in again.output if "ERROR" in line or "Traceback" in line] == [
        f"ERROR   -  {message}"
    ]
    for args in (["status"], ["sign-off", "docs/care.md", "--by", "content-team"]):
        ran = command(project, *args)
        assert (ran.returncode, ran.stdout, ran.stderr) == (2, "", f"{args[0]}: {message}\n")
