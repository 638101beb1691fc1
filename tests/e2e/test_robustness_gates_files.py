"""The robustness catalogue, "nothing is ever lost" and "the published site can be
served" (issue 19): where `./tasks build` may write, two builds or two sign-offs at
once, a build killed outright, and the permissions of the published site. Each case
with its exact message and exit status, never a traceback, and every file of the
project as it was when the build refuses.

Replicate a build case: copy tests/fixtures/minimal, then run
``python tools/build_site.py DIR -f <copy>/mkdocs.yml`` from the copy (the command
`./tasks build DIR` runs); a sign-off case: ``python tools/editor_commands.py -f
<copy>/mkdocs.yml sign-off PAGE --by content-team``, several at once.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Project, make_project, sign_everything
from filelock import FileLock
from test_ledger import command
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks
from test_robustness_platform import staging_folders

REPLACES = "./tasks build replaces its output folder with the new site"
CHOOSE = "name a new or empty folder, like: ./tasks build site"
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0", "SOURCE_DATE_EPOCH": "1795651200"}


def build_command(project: Project, out: str) -> list[str]:
    """``./tasks build OUT`` of ``project`` (run it from the project's folder)."""
    tool = [sys.executable, str(ROOT / "tools" / "build_site.py"), out]
    return [*tool, "--config-file", str(project.root / "mkdocs.yml")]


def build(
    project: Project, out: str, env: dict[str, str] | None = None, umask: int = -1
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        build_command(project, out),
        cwd=project.root,
        env={**os.environ, **BUILD_ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        umask=umask,
    )


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: a file's hash, a link's target, or 'folder'."""
    found = {}
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(parent, name)
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def signed(tmp_path: Path) -> Project:
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    return project


# 1. Folders a build must never replace -------------------------------------------------


def _git_repository(project: Project) -> str:
    other = project.root.parent / "other"
    (other / ".git").mkdir(parents=True)
    (other / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return "../other"


def _unmarked(project: Project) -> str:
    (project.root.parent / "photos").mkdir()
    (project.root.parent / "photos" / "holiday.jpg").write_bytes(b"\xff\xd8 not a site")
    return "../photos"


def _file(project: Project) -> str:
    (project.root / "notes.txt").write_text("my notes\n", encoding="utf-8")
    return "notes.txt"


def _link(project: Project) -> str:
    (project.root.parent / "published").mkdir()
    (project.root / "public").symlink_to(project.root.parent / "published")
    return "public/"


def _named(name: str) -> Callable[[Project], str]:
    return lambda project: name


REFUSED: dict[str, tuple[Callable[[Project], str], str]] = {
    "project": (
        _named("."),
        "Build refused: {root}/ is the project folder; " + REPLACES + ", which would delete "
        "it: " + CHOOSE,
    ),
    "above-the-project": (
        _named(".."),
        "Build refused: {parent}/ contains the project ({root}/); " + REPLACES + ", which "
        "would delete it: " + CHOOSE,
    ),
    "docs": (
        _named("docs"),
        "Build refused: {root}/docs/ holds the project's sources (docs/); " + REPLACES + ", "
        "which would delete it: " + CHOOSE,
    ),
    "docs_es-with-a-slash": (
        _named("docs_es/"),
        "Build refused: {root}/docs_es/ holds the project's sources (docs_es/); "
        + REPLACES
        + ", which would delete it: "
        + CHOOSE,
    ),
    "hooks": (
        _named("hooks"),
        "Build refused: {root}/hooks/ holds the project's sources (hooks/); "
        + REPLACES
        + ", which would delete it: "
        + CHOOSE,
    ),
    "inside-the-sources": (
        _named("docs/site"),
        "Build refused: {root}/docs/site/ is inside the project's sources (docs/); "
        + REPLACES
        + ", which would delete it: "
        + CHOOSE,
    ),
    "git-data": (
        _named(".git"),
        "Build refused: {root}/.git/ holds the project's sources (.git/); "
        + REPLACES
        + ", which would delete it: "
        + CHOOSE,
    ),
    "the-editorial-report": (
        _named("reports"),
        "Build refused: {root}/reports/ is where the build keeps its caches, reports or "
        "Python (reports/); " + REPLACES + ", which would delete it: " + CHOOSE,
    ),
    "inside-the-caches": (
        _named(".cache/site"),
        "Build refused: {root}/.cache/site/ is where the build keeps its caches, reports or "
        "Python (.cache/); " + REPLACES + ", which would delete it: " + CHOOSE,
    ),
    "a-git-repository": (
        _git_repository,
        "Build refused: {parent}/other/ is a git repository (it has a .git); "
        + REPLACES
        + ", which would delete it: "
        + CHOOSE,
    ),
    "a-folder-no-build-made": (
        _unmarked,
        "Build refused: {parent}/photos/ is not empty and was not made by ./tasks build (it "
        "has no .oncopress-site file); "
        + REPLACES
        + ", which would delete what is in it: "
        + CHOOSE
        + ", or delete this folder yourself first if it only holds an old site",
    ),
    "a-file": (
        _file,
        "Build refused: {root}/notes.txt is a file, not a folder; " + CHOOSE,
    ),
    "a-symbolic-link": (
        _link,
        "Build refused: {root}/public is a symbolic link (to {parent}/published); "
        + REPLACES
        + " and does not follow links: name the folder it points to, or a new or empty "
        "folder, like: ./tasks build site",
    ),
    "nothing": (_named(""), "Build refused: no output folder was named; " + CHOOSE),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_folder_the_build_must_not_replace_is_refused_and_nothing_moves(
    signed: Project, case: str
) -> None:
    prepare, message = REFUSED[case]
    out = prepare(signed)
    everything = signed.root.parent
    before = tree(everything)
    result = build(signed, out)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr == message.format(root=signed.root, parent=everything) + "\n"
    assert tree(everything) == before


def test_a_site_the_build_made_is_replaced_and_marked(signed: Project) -> None:
    first = build(signed, "public/")
    assert first.returncode == 0, first.stderr
    marker = signed.root / "public" / ".oncopress-site"
    assert marker.read_text(encoding="utf-8") == (
        "A site built by ./tasks build (tools/build_site.py): the next build replaces this "
        "folder.\n"
    )
    (signed.root / "public" / "stray.html").write_text("old\n", encoding="utf-8")
    second = build(signed, "public")
    assert second.returncode == 0, second.stderr
    assert not (signed.root / "public" / "stray.html").exists()
    assert marker.is_file()
    # An empty folder is a new site's folder too.
    (signed.root / "empty").mkdir()
    assert build(signed, "empty").returncode == 0
    assert (signed.root / "empty" / "index.html").is_file()
    leftovers = [p.name for p in signed.root.iterdir() if p.name.startswith((".public", ".empty"))]
    assert leftovers == []


def test_a_folder_in_the_way_of_the_previous_site_is_refused(signed: Project) -> None:
    assert build(signed, "public").returncode == 0
    (signed.root / ".public-previous").mkdir()
    (signed.root / ".public-previous" / "mine.txt").write_text("mine\n", encoding="utf-8")
    before = tree(signed.root.parent)
    result = build(signed, "public")
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        f"Build refused: {signed.root}/.public-previous is in the way (a build puts the last "
        "site there while it replaces public/) and was not made by ./tasks build: move it or "
        "delete it yourself\n"
    )
    assert tree(signed.root.parent) == before


# 2. Two builds into the same folder at once ---------------------------------------------


def test_two_builds_into_one_folder_take_turns(signed: Project, tmp_path: Path) -> None:
    out = tmp_path / "www" / "public"
    env = {**os.environ, **BUILD_ENV}
    lock = out.with_name(".public.lock")
    first = subprocess.Popen(
        build_command(signed, str(out)), cwd=signed.root, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not lock.exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    second = subprocess.run(
        build_command(signed, str(out)), cwd=signed.root, env=env, text=True,
        capture_output=True, check=False,
    )  # fmt: skip
    first_out, first_err = first.communicate(timeout=120)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second.stderr
    assert "Traceback" not in first_err + second.stderr
    waited = [line for line in second.stderr.splitlines() if line.startswith("Waiting")]
    assert waited == [f"Waiting for another build into {out}/ to finish (it holds {lock})..."]
    assert first_out.startswith(f"Site written to {out} in ")
    assert second.stdout.startswith(f"Site written to {out} in ")
    # One complete site, and nothing else: no lock, staging or previous folder.
    assert sorted(p.name for p in out.parent.iterdir()) == ["public"]
    assert {"index.html", "care/index.html", "es/care/index.html", ".oncopress-site"} <= set(
        tree(out)
    )


# 3. A folder nobody may write to ---------------------------------------------------------


def test_a_parent_folder_that_cannot_be_written_is_named(signed: Project, tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anywhere chmod allows nothing: use /sys
        parent, reason = Path("/sys/fs"), "Permission denied"
        if not parent.is_dir():
            pytest.skip("no /sys/fs to stand for a read-only folder")
    else:
        parent, reason = tmp_path / "readonly", "Permission denied"
        parent.mkdir()
        parent.chmod(0o555)
    result = build(signed, str(parent / "site"))
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr == (
        f"Build failed: cannot write in {parent}/ ({reason}); build into a folder you can "
        "write to, or change the permissions of this one. site/ was not replaced (nothing "
        "was written).\n"
    )
    assert not (parent / "site").exists()


# 4. A build killed outright while its PDF workers render ---------------------------------


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return None if stat[0] in ("Z", "X") else int(stat[1])


def children(pid: int) -> list[int]:
    """The running processes whose parent is ``pid`` (Linux: read from /proc)."""
    pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    return [child for child in pids if _parent_of(child) == pid]


def running(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still running after at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while (left := [pid for pid in pids if _parent_of(pid) is not None]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.05)
    return left


def pdf_project(tmp_path: Path) -> Project:
    """The PDF fixture with twelve long pages more in each language: PDFs render for
    seconds, long enough to kill the build while they do."""
    project = make_project(tmp_path / "project", "pdf-site")
    paragraph = "Your care team sees you on a schedule after treatment ends. " * 12
    for number in range(12):
        body = "\n\n".join(f"## Part {part}\n\n{paragraph}" for part in range(60))
        project.write(
            f"docs/long-{number}.md",
            f"---\ntitle: Long page {number}\ndescription: A long page.\n"
            f"last_revised: 2024-02-29\nmedical: false\n---\n\n# Long page {number}\n\n{body}\n",
        )
        project.write(
            f"docs_es/long-{number}.md",
            f"---\ntitle: Página larga {number}\ndescription: Una página larga.\n"
            f"last_revised: 2024-02-29\ntranslation_of: 2024-02-29\nmedical: false\n---\n\n"
            f"# Página larga {number}\n\n{body}\n",
        )
    sign_everything(project.root)
    return project


@pytest.mark.parametrize("killed", ["build", "mkdocs"])
def test_pdf_workers_end_when_their_build_is_killed(tmp_path: Path, killed: str) -> None:
    project = pdf_project(tmp_path)
    out = project.root / "public"
    env = {**os.environ, **BUILD_ENV, "SITE_PDFS": "1", "SITE_PDF_WORKERS": "2"}
    started = subprocess.Popen(
        build_command(project, str(out)), cwd=project.root, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    mkdocs, workers = 0, []
    try:
        deadline = time.monotonic() + 120
        while len(workers) < 2:
            assert started.poll() is None, f"the build ended first:\n{started.communicate()[1]}"
            assert time.monotonic() < deadline, "no PDF workers started"
            mkdocs = next(iter(children(started.pid)), 0)
            workers = children(mkdocs) if mkdocs else []
            time.sleep(0.02)
        os.kill(started.pid if killed == "build" else mkdocs, signal.SIGKILL)
        _, stderr = started.communicate(timeout=60)
        left = running([mkdocs, *workers], seconds=5)
    finally:
        started.kill()
        for pid in [mkdocs, *workers]:
            if _parent_of(pid) is not None:
                os.kill(pid, signal.SIGKILL)
    assert left == [], f"still running 5 s after the {killed} was killed: {left}"
    assert "Traceback" not in stderr, stderr
    if killed == "mkdocs":
        assert started.returncode == 128 + signal.SIGKILL
        assert stderr.splitlines()[-1] == (
            "Build failed: public/ was not replaced (nothing was written)."
        )
        assert staging_folders(out) == []
        return
    [stale] = staging_folders(out)
    again = build(project, str(out))
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[0] == f"Removed {stale}/, left behind by an interrupted build."
    assert staging_folders(out) == []


# 7. The published site's permissions ---------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o027], ids=["022", "027"])
def test_the_site_gets_the_permissions_mkdir_and_open_give(signed: Project, umask: int) -> None:
    result = build(signed, "public", umask=umask)
    assert result.returncode == 0, result.stderr
    site = signed.root / "public"
    modes = {
        path.relative_to(site).as_posix(): path.stat().st_mode & 0o777
        for path in [site, *site.rglob("*")]
    }
    folders = 0o777 & ~umask
    files = 0o666 & ~umask
    expected = {name: folders if (site / name).is_dir() else files for name in modes}
    assert modes == expected
    assert modes["."] == (0o755 if umask == 0o022 else 0o750)


# 5. Sign-offs at the same time -----------------------------------------------------------

PAGES = [f"docs/topic-{number}.md" for number in range(8)]


def sign_off_command(project: Project, *args: str) -> list[str]:
    """``./tasks sign-off ARGS`` of ``project``."""
    tool = [sys.executable, str(ROOT / "tools" / "editor_commands.py")]
    return [*tool, "-f", str(project.root / "mkdocs.yml"), "sign-off", *args]


def test_sign_offs_at_the_same_time_lose_nothing(signed: Project) -> None:
    for page in PAGES:
        front = f"title: {page}\nlast_revised: 2026-10-01\nmedical: false"
        signed.write(page, f"---\n{front}\n---\n\n# Topic\n\nText.\n")
        pending = f"{front}\ntranslation_status: pending"
        signed.write(f"docs_es/{page[5:]}", f"---\n{pending}\n---\n\n# Tema\n\nTexto.\n")
    hidden_before = sorted(p.name for p in signed.root.iterdir() if p.name.startswith("."))
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795651200"}  # 2026-11-26
    for day in range(1, 11):
        date = f"2026-11-{day:02}"
        started = [
            subprocess.Popen(
                sign_off_command(signed, page, "--by", "content-team", "--date", date),
                cwd=signed.root,
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for page in PAGES
        ]
        for page, process in zip(PAGES, started, strict=True):
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert out == f"Signed off '{page}' on {date} by content-team\n", err
            assert "Traceback" not in err
        ledger = yaml.safe_load((signed.root / "sign-offs.yml").read_text(encoding="utf-8"))
        revised = {page: str(ledger["pages"][page]["revised"]) for page in PAGES}
        assert revised == dict.fromkeys(PAGES, date), f"round {day} lost sign-offs"
    hidden = sorted(p.name for p in signed.root.iterdir() if p.name.startswith("."))
    assert hidden == hidden_before  # no temporary file, no lock file left
    assert [p.name for p in signed.docs.iterdir() if p.name.startswith(".")] == []


# 6. A page written twice in the ledger -------------------------------------------------


def test_a_page_written_twice_in_the_ledger_is_refused(signed: Project) -> None:
    ledger = signed.root / "sign-offs.yml"
    text = ledger.read_text(encoding="utf-8")
    start = text.index("  docs/care.md:\n")
    entry = text[start : text.index("\n  docs", start + 1) + 1]
    ledger.write_text(text + entry, encoding="utf-8")
    first = text[:start].count("\n") + 1
    second = text.count("\n") + 1
    message = (
        f"Sign-off ledger 'sign-offs.yml', line {second}: 'docs/care.md' has two entries (the "
        f"first on line {first}); the ledger is written by ./tasks sign-off only: restore it "
        "with 'git checkout sign-offs.yml', then sign the pages off again"
    )
    signed.auto_sign = False
    result = signed.build(env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    for args in (["status"], ["sign-off", "docs/care.md", "--by", "content-team"]):
        ran = command(signed, *args)
        assert (ran.returncode, ran.stdout, ran.stderr) == (2, "", f"{args[0]}: {message}\n")


def test_a_sign_off_waits_for_the_ledger_and_stops_cleanly(signed: Project) -> None:
    ledger = signed.root / "sign-offs.yml"
    before = tree(signed.root)
    held = FileLock(signed.root / ".sign-offs.yml.lock")
    with held:
        waiting = subprocess.Popen(
            sign_off_command(signed, "docs/care.md", "--by", "content-team"),
            cwd=signed.root,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert waiting.stderr is not None
        first = waiting.stderr.readline()
        waiting.send_signal(signal.SIGTERM)
        out, rest = waiting.communicate(timeout=60)
    assert first == "Waiting for another sign-off to finish (it holds .sign-offs.yml.lock)...\n"
    assert (waiting.returncode, out, rest) == (
        128 + signal.SIGTERM,
        "",
        "sign-off: interrupted (SIGTERM)\n",
    )
    (signed.root / ".sign-offs.yml.lock").unlink()  # the lock this test took
    assert tree(signed.root) == before
    assert ledger.is_file()
