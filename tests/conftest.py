"""Shared test helpers: copy a fixture site (or the real one) into a temporary
project next to the real hooks and templates, and build it like a user would."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ("hooks", "overrides")
# A copy has no src/: its hooks import the core installed with the project (./tasks setup),
# so its mkdocs.yml does not watch the core's folder.
CORE_FOLDER = "src/oncopress"
DATA = ("bibliography.bib", "reviewers.yml")
GLOSSARY = "glossary"  # copied only from a fixture that has one (the real site has)


@dataclass
class Build:
    """The outcome of one ``mkdocs build`` of a test project."""

    returncode: int
    log: str
    site: Path
    command: str

    def lines(self, level: str) -> list[str]:
        """Log lines of one level (``WARNING``, ``ERROR``...), prefix and padding removed."""
        prefix = f"{level} "
        return [
            line[len(prefix) :].lstrip(" -").strip()
            for line in self.log.splitlines()
            if line.startswith(prefix)
        ]

    @property
    def warnings(self) -> list[str]:
        return self.lines("WARNING")

    def explain(self) -> str:
        return f"replicate with: {self.command}\n--- build log ---\n{self.log}"


@dataclass
class Project:
    """A throwaway copy of the site: edit its sources, then build it.

    Unless ``auto_sign`` is off, every build first signs off every page that passes
    the editorial check, as it stands (its own dates and reviewers): tests of other
    rules then need no ledger. Tests of the sign-off ledger turn it off.
    """

    root: Path
    auto_sign: bool = True

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def docs_es(self) -> Path:
        return self.root / "docs_es"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def config(self) -> dict:
        return yaml.safe_load((self.root / "mkdocs.yml").read_text(encoding="utf-8"))

    def set_config(self, config: dict) -> None:
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        (self.root / "mkdocs.yml").write_text(text, encoding="utf-8")

    def sources_digest(self) -> dict[str, str]:
        """A hash of every source file a build reads (pages, bibliography, registry)."""
        digest = {}
        for folder in (self.docs, self.docs_es):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.is_symlink() and folder.name in path.parts:
                    key = path.relative_to(self.root).as_posix()
                    digest[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name in DATA:
            path = self.root / name
            if path.exists():
                digest[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        return digest

    def build(self, *args: str, strict: bool = True, env: dict[str, str] | None = None) -> Build:
        """Build like a user; fails the test if the build changed any source file."""
        if self.auto_sign:
            sign_everything(self.root)
        before = self.sources_digest()
        result = self._run_build(*args, strict=strict, env=env)
        assert self.sources_digest() == before, (
            f"the build changed a source file\n{result.explain()}"
        )
        return result

    def _run_build(self, *args: str, strict: bool, env: dict[str, str] | None) -> Build:
        site = self.root / "site"
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(self.root / "mkdocs.yml")]
        command += ["--site-dir", str(site)]
        if strict:
            command.append("--strict")
        command += list(args)
        environment = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_PDFS": "0",
            **(env or {}),
        }
        result = subprocess.run(
            command, cwd=self.root, env=environment, capture_output=True, text=True, check=False
        )
        shown = " ".join(command[1:]).replace(sys.executable, "python")
        return Build(result.returncode, result.stdout + result.stderr, site, f"python {shown}")


def site_files(site: Path, pattern: str = "*") -> dict[str, bytes]:
    """Every file of a built site matching ``pattern``, by path: two builds compare equal
    when they wrote the same files, byte for byte."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob(pattern))
        if path.is_file()
    }


def sign_everything(root: Path) -> None:
    """Write a ledger signing off every page that passes the editorial check, as it is
    (test helper: the dates and reviewers its front matter names)."""
    from oncopress.cli.editor import SetupError, check, load_project
    from oncopress.files.atomic import write_atomically
    from oncopress.i18n.translations import counterpart
    from oncopress.ledger.ledgerfile import SignOff, Translated, render_ledger

    try:
        project, registry, ledger = load_project(root / "mkdocs.yml")
        site, _ = check(project, registry, ledger)
    except SetupError:
        return  # the build reports it
    folders = project.folders()
    entries = []
    for path, record in site.preflight.records.items():
        if record.translation_pending or record.fingerprint is None:
            continue
        translates = None
        if record.locale != project.original:
            original = site.preflight.records.get(
                counterpart(path, record.locale, project.original, folders)
            )
            if original is None or original.fingerprint is None:
                continue
            translates = Translated(
                original.path,
                record.translation_of or original.last_revised,
                original.fingerprint.digest,
                tuple(p.digest for p in original.fingerprint.paragraphs),
            )
        entries.append(
            SignOff(
                path,
                record.fingerprint.digest,
                record.last_revised,
                record.reviewers or ("content-team",),
                record.translation_reviewers,
                translates,
            )
        )
    text = render_ledger(ledger.with_entries(entries))
    write_atomically(root / project.settings.ledger, text.encode("utf-8"))


def make_project(destination: Path, fixture: str = "minimal") -> Project:
    """Copy fixture ``fixture`` (a folder of tests/fixtures, or ``real`` for the real
    site) with the real hooks, templates, bibliography and reviewer registry.

    A fixture may bring its own ``bibliography.bib``/``reviewers.yml``/``mkdocs.yml``;
    without one it gets the real ``mkdocs.yml`` minus its ``nav`` (fixture pages
    make their own navigation).
    """
    source = ROOT if fixture == "real" else FIXTURES / fixture
    destination.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        shutil.copytree(
            ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    for name in DATA:
        origin = source / name if (source / name).exists() else ROOT / name
        shutil.copy2(origin, destination / name)
    for name in ("docs", "docs_es"):
        shutil.copytree(source / name, destination / name, symlinks=True)
    if (source / "sign-offs.yml").exists():
        shutil.copy2(source / "sign-offs.yml", destination / "sign-offs.yml")
    if (source / GLOSSARY).is_dir():  # the real site's, or a fixture's own
        shutil.copytree(source / GLOSSARY, destination / GLOSSARY)
    if (source / "mkdocs.yml").exists():
        text = (source / "mkdocs.yml").read_text(encoding="utf-8")
        text = text.replace(f"\n  - {CORE_FOLDER}\n", "\n")
        (destination / "mkdocs.yml").write_text(text, encoding="utf-8")
    else:
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config.pop("nav", None)
        config["watch"] = [path for path in config["watch"] if path != CORE_FOLDER]
        text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        (destination / "mkdocs.yml").write_text(text, encoding="utf-8")
    # The real site and fixtures with a ledger of their own keep it as it is.
    return Project(destination, auto_sign=not (source / "sign-offs.yml").exists())


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The ``minimal`` fixture site, ready to edit and build."""
    return make_project(tmp_path / "project", "minimal")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test session with strict mode (PDFs included)."""
    built = make_project(tmp_path_factory.mktemp("real") / "project", "real")
    result = built.build(env={"SITE_PDFS": "1"})
    assert result.returncode == 0, result.explain()
    return result
