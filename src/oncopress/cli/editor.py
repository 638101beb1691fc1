"""Editors' commands over the sign-off ledger (behind ``./tasks sign-off`` and
``./tasks status``).

  sign-off PATH... --by ID[,ID] [--translation-by ID[,ID]] [--date YYYY-MM-DD]
           [--note TEXT] [--note-LOCALE TEXT]... [--key KEY]...
      Record that reviewers approved the pages' current text: writes the ledger
      (sign-offs.yml) and each page's last_revised (and translation_of), nothing else.
      English pages and their translations may be signed in one command: --by for the
      English pages, --translation-by for who reviewed the translations. --note is a
      change note for readers of the English pages, --note-es of the Spanish ones, and
      --note-LOCALE of the pages in each other language of the site (--note-fr).
      --key signs the entries with an SSH key, for the reviewers whose key it is in
      reviewers.yml (signing_keys); their entries must carry their signature.
  sign-off --prune
      Remove the ledger entries of pages that no longer exist.
  status [--json]
      Everything that needs an editor; exit status 1 when something blocks publishing.

Both read the site exactly as the build does (the same core, ``oncopress``), from the
project's mkdocs.yml, pages, reviewers.yml, bibliography and ledger. Neither imports
MkDocs, so they take a fraction of a build's time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any

import yaml

from oncopress.checks.editorial_build import SetupError as BuildSetupError
from oncopress.checks.editorial_build import start_build
from oncopress.checks.editorial_settings import EditorialSettings, SettingsError, read_settings
from oncopress.checks.preflight import Rules, SourcePage
from oncopress.checks.sitecheck import Level, SiteCheck, check_site_with_ledger
from oncopress.checks.sourcefiles import source_files
from oncopress.citations.bibfile import BibliographyError, load_bibliography, located_problems
from oncopress.cli import PROJECT as ROOT
from oncopress.files.atomic import write_atomically
from oncopress.files.conflicts import conflict_message
from oncopress.files.locking import exclusive
from oncopress.glossary.entries import Glossary
from oncopress.i18n.labels import LOCALES
from oncopress.i18n.translations import language_name
from oncopress.ledger.ledgeredit import ledger_text
from oncopress.ledger.ledgerfile import Ledger
from oncopress.ledger.signatures import NAMESPACE, Signer, SigningError, sign_entries
from oncopress.ledger.signoff import (
    Plan,
    Request,
    SignOffError,
    SiteState,
    plan_sign_off,
)
from oncopress.pages.sourcetree import link_problems, missing_language_folder, summarize_links
from oncopress.report.editor_status import (
    reference_items,
    render_status,
    status_document,
    status_items,
)
from oncopress.settings.language_folders import (
    LanguageSettingsError,
    language_folders,
    shown_folders,
)
from oncopress.system import stop_signals, tasks_command

# The languages besides the original that may get a change note (--note-es), named in
# the help; any other language of the site takes --note-LOCALE too (--note-fr).
NOTE_LOCALES = tuple(locale for locale in LOCALES if locale != "en")
NOTE_OPTION = re.compile(r"--note-([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:=(.*))?", re.DOTALL)


class SetupError(ValueError):
    """The project cannot be read (mkdocs.yml, reviewers.yml, bibliography, ledger)."""


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, ignoring tags such as !ENV or !!python/name."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Project:
    """What the commands need from the project folder."""

    root: Path
    docs_dir: Path
    locales: tuple[str, ...]
    original: str
    settings: EditorialSettings
    stale_level: Level
    bibliography: str
    reference_keys: frozenset[str]
    today: date
    # Each entry the house style cannot print as it is: its problems, file and line.
    reference_problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    glossaries: dict[str, Glossary] = field(default_factory=dict)  # each language's

    # Each language's folder of pages (oncopress.settings.language_folders).
    sources: dict[str, Path] = field(default_factory=dict)

    def folders(self) -> dict[str, str]:
        """Each language's folder from the project folder: ``docs``, ``docs_es``."""
        return shown_folders(self.sources, self.root)


def read_config(config_file: Path) -> dict[str, Any]:
    try:
        text = config_file.read_text(encoding="utf-8")
        conflicted = conflict_message(text, f"Config file '{config_file.name}'")
        config = {} if conflicted else yaml.load(text, Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SetupError(f"cannot read {config_file.name}: {error}") from None
    if conflicted:
        raise SetupError(conflicted)
    return config if isinstance(config, dict) else {}


def ledger_file(config_file: Path) -> Path:
    """Where the project's ledger is (the default name when the settings are broken:
    loading the project then says what is wrong)."""
    try:
        name = read_settings(read_config(config_file).get("extra") or {}).ledger
    except (SetupError, SettingsError, AttributeError):
        name = EditorialSettings().ledger
    return config_file.parent / name


def load_project(config_file: Path) -> tuple[Project, Any, Ledger]:
    root = config_file.parent
    config = read_config(config_file)
    plugins = _plugins(config.get("plugins") or [])
    languages = (plugins.get("i18n") or {}).get("languages") or [{"locale": "en", "default": True}]
    locales = tuple(str(language["locale"]) for language in languages)
    original = next((str(lang["locale"]) for lang in languages if lang.get("default")), locales[0])
    extra = config.get("extra") or {}
    bib_name = str((plugins.get("bibtex") or {}).get("bib_file") or "bibliography.bib")
    try:  # the build's own start (oncopress.cli.step_editorial), without MkDocs
        state = start_build(
            root,
            extra,
            locales,
            "",
            serving=False,
            environ=os.environ,
            clock=date.today,
            read=lambda path: path.read_bytes() if path.is_file() else None,
        )
        bib_text = (root / bib_name).read_bytes()
        bib = load_bibliography(bib_text, bib_name)
        docs = root / str(config.get("docs_dir") or "docs")
        sources = language_folders(root, docs, locales, original, extra)
    except OSError as error:
        raise SetupError(f"cannot read {error.filename}: {error.strerror}") from None
    except (BuildSetupError, BibliographyError, LanguageSettingsError) as error:
        raise SetupError(str(error)) from None
    project = Project(
        root,
        docs,
        locales,
        original,
        state.settings,
        state.stale_level,
        bib_name,
        frozenset(bib.entries),
        state.report.today,
        located_problems([(bib_name, bib_text)]),
        state.glossaries,
        sources,
    )
    return project, state.registry, state.ledger


def _plugins(items: Sequence[Any]) -> dict[str, dict[str, Any]]:
    plugins: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, str):
            plugins[item] = {}
        elif isinstance(item, Mapping):
            for name, options in item.items():
                plugins[str(name)] = dict(options or {})
    return plugins


def source_pages(project: Project) -> tuple[list[SourcePage], dict[str, str]]:
    """Every Markdown page MkDocs would build (hidden files and folders skipped), and
    each page's file text as saved (line endings kept, for the front matter edit)."""
    pages, texts = [], {}
    problems = []
    for locale, folder in project.sources.items():
        if folder.is_dir():
            problems += link_problems(folder, project.root)
        else:
            problems.append(missing_language_folder(folder, project.root, locale))
    if problems:
        raise SetupError(summarize_links(problems))
    for file in source_files(project.sources, project.root, project.original):
        if not file.src_uri.endswith(".md"):
            continue
        content = file.absolute.read_bytes()
        pages.append(SourcePage(file.path, file.locale, content))
        try:
            texts[file.path] = content.decode("utf-8")
        except UnicodeDecodeError:
            pass  # the preflight reports it
    return pages, texts


def check(project: Project, registry: Any, ledger: Ledger) -> tuple[SiteCheck, dict[str, str]]:
    pages, texts = source_pages(project)
    rules = Rules(
        registry,
        project.reference_keys,
        project.bibliography,
        project.today,
        project.original,
        project.reference_problems,
        project.glossaries,
    )
    result = check_site_with_ledger(
        pages, rules, project.folders(), ledger, stale_level=project.stale_level
    )
    return result, texts


def page_path(given: str, project: Project, known: Mapping[str, object]) -> str | None:
    """The source path (from the project root) of a page named on the command line,
    or None when it is not a page of the site."""
    relative = ledger_key((Path.cwd() / given).resolve(), project.root.resolve())
    return relative if relative in known else None


def ledger_key(absolute: PurePath, root: PurePath) -> str | None:
    """The ledger's key of a file: its path from the project's root, with ``/`` on every
    system (``docs_es/care.md`` for ``C:\\site\\docs_es\\care.md`` on Windows); None
    outside the project."""
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return None


def _ids(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def sign_off(args: argparse.Namespace) -> int:
    """Sign off, holding the ledger's lock from reading it to writing it: two editors
    signing off at once both get their pages into the ledger, one after the other."""
    for handled in stop_signals():  # stop through SystemExit: a temporary file is removed
        signal.signal(handled, _stop)
    with exclusive(ledger_file(args.config_file), _waiting):
        return _sign_off(args)


def _stop(signum: int, frame: object) -> None:
    name = signal.Signals(signum).name
    print(f"sign-off: interrupted ({name})", file=sys.stderr)
    sys.exit(128 + signum)


def _waiting(lock: Path) -> None:
    print(f"Waiting for another sign-off to finish (it holds {lock.name})...", file=sys.stderr)


def _sign_off(args: argparse.Namespace) -> int:
    project, registry, ledger = load_project(args.config_file)
    site, texts = check(project, registry, ledger)
    if args.prune:
        # Every page the check read: its text, its record, or its problems (not UTF-8).
        present = set(texts) | set(site.preflight.records)
        present |= {p.path for p in site.preflight.problems}
        gone = sorted(set(ledger.entries) - present)
        if gone:
            write_ledger(project, ledger, ledger.without(gone))
        for path in gone:
            print(f"Removed the sign-off of '{path}' (the page no longer exists)")
        if not gone:
            print("Every ledger entry has its page: nothing to remove")
        return 0
    try:
        day = date.fromisoformat(args.date) if args.date else project.today
    except ValueError:
        print(f"Sign-off refused: --date must be YYYY-MM-DD (found {args.date!r})", file=sys.stderr)
        return 2
    known = {**dict.fromkeys(texts), **dict.fromkeys(site.preflight.records)}
    known.update(dict.fromkeys(p.path for p in site.preflight.problems))
    notes = _notes(args, project)
    request = Request(
        pages=tuple((given, page_path(given, project, known)) for given in args.pages),
        by=_ids(args.by),
        translation_by=_ids(args.translation_by),
        day=day,
        today=project.today,
        notes=notes,
    )
    state = SiteState(
        records=site.preflight.records,
        texts=texts,
        problems=site.preflight.problems,
        ledger=ledger,
        registry=registry,
        folders=project.folders(),
        original_locale=project.original,
    )
    try:
        plan = plan_sign_off(request, state)
        signers = {key: ssh_keygen_signer(Path(key).expanduser()) for key in args.key or ()}
        new = {path: plan.ledger.entries[path] for path in plan.texts}
        signed = sign_entries(new, ledger, registry, signers)
    except SignOffError as error:
        print(error, file=sys.stderr)
        return 1
    except SigningError as error:
        print(
            f"Sign-off refused:\n  {str(error).replace(chr(10), chr(10) + '  ')}", file=sys.stderr
        )
        print("Nothing was written.", file=sys.stderr)
        return 1
    plan = Plan(plan.ledger.with_entries(signed.entries.values()), plan.texts)
    for path, text in plan.texts.items():
        write_atomically(project.root / path, text.encode("utf-8"))
    write_ledger(project, ledger, plan.ledger)
    for path in plan.texts:
        entry = plan.ledger.entries[path]
        by = ", ".join(entry.reviewers)
        extra = f"; translation by {', '.join(entry.translation_reviewers)}"
        note = request.notes.get(state.records[path].locale)
        print(
            f"Signed off '{path}' on {entry.revised.isoformat()} by {by}"
            + (extra if entry.translation_reviewers else "")
            + (f'; note: "{note}"' if note is not None else "")
            + (
                f"; signed by {', '.join(r for r, _ in entry.signatures)}"
                if entry.signatures
                else ""
            )
        )
    for line in signed.waiting:
        print(line, file=sys.stderr)
    return 0


def write_ledger(project: Project, before: Ledger, after: Ledger) -> None:
    """Write ``after`` over the ledger file: the lines of the entries that changed only."""
    path = project.root / before.source
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    write_atomically(path, ledger_text(text, after).encode("utf-8"))


def ssh_keygen_signer(key: Path) -> Signer:
    """Signs with ``ssh-keygen -Y sign`` and ``key``: a private key file (ssh-keygen asks
    for its passphrase on the terminal), or a public key held by ssh-agent."""

    def sign(message: bytes) -> str:
        with tempfile.TemporaryDirectory(prefix="oncopress-sign-") as folder:
            data = Path(folder) / "sign-off"
            data.write_bytes(message)
            command = ["ssh-keygen", "-Y", "sign", "-n", NAMESPACE, "-f", str(key), str(data)]
            try:
                ran = subprocess.run(command, capture_output=True, text=True, check=False)
            except FileNotFoundError:
                raise SigningError(
                    "ssh-keygen not found: install OpenSSH's client (Debian: openssh-client)"
                ) from None
            signature = data.with_name("sign-off.sig")
            if ran.returncode != 0 or not signature.is_file():
                said = " ".join(ran.stderr.split()) or f"exit status {ran.returncode}"
                raise SigningError(f"--key {key}: ssh-keygen could not sign ({said})")
            return signature.read_text(encoding="ascii")

    return sign


def _notes(args: argparse.Namespace, project: Project) -> dict[str, str]:
    """The change note given for each language (``--note``: the original language's);
    ``SetupError`` for a note in a language the site does not have."""
    original = project.original
    given: dict[str, str | None] = {original: args.note}
    for locale in NOTE_LOCALES:
        if locale != original:
            given[locale] = getattr(args, f"note_{locale}")
    for locale, text in args.locale_notes.items():
        if locale == original:
            raise SetupError(
                f"--note-{locale}: the {language_name(locale)} pages' change note is --note"
            )
        if locale not in project.locales:
            raise SetupError(
                f"--note-{locale}: the site has no language '{locale}' (its languages: "
                f"{', '.join(project.locales)})"
            )
        given[locale] = text
    return {
        locale: text
        for locale, text in given.items()
        if locale in project.locales and text is not None
    }


def _locale_notes(argv: Sequence[str]) -> tuple[list[str], dict[str, str], str]:
    """``argv`` without its ``--note-LOCALE TEXT`` options for the languages the parser
    does not declare, those notes by locale, and a problem with one ("" when none)."""
    rest: list[str] = []
    notes: dict[str, str] = {}
    words = iter(argv)
    for word in words:
        match = NOTE_OPTION.fullmatch(word)
        if word == "--":
            rest += [word, *words]
        elif match is None or match.group(1) in NOTE_LOCALES:
            rest.append(word)
        elif match.group(2) is not None:
            notes[match.group(1)] = match.group(2)
        else:
            text = next(words, None)
            if text is None or text.startswith("-"):
                return rest, notes, f'{word} needs the note\'s text, like {word} "..."'
            notes[match.group(1)] = text
    return rest, notes, ""


def status(args: argparse.Namespace) -> int:
    project, registry, ledger = load_project(args.config_file)
    site, texts = check(project, registry, ledger)
    settings = project.settings
    items = status_items(
        site, project.today, settings.review_interval_years, settings.overdue_fails_strict
    )
    items += reference_items(project.reference_problems, texts.values(), project.bibliography)
    if args.json:
        document = status_document(items, project.today)
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        width = os.get_terminal_size().columns if sys.stdout.isatty() else 100
        print(render_status(items, project.today, width))
    return 1 if any(item.blocking for item in items) else 0


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=tasks_command("").rstrip(), description=__doc__.splitlines()[0]
    )
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    signing = commands.add_parser("sign-off", help="record that reviewers approved pages")
    signing.add_argument("pages", nargs="*", metavar="PATH")
    signing.add_argument("--by", help="reviewer ids from reviewers.yml, comma-separated")
    signing.add_argument("--translation-by", help="who reviewed the translation (translations)")
    signing.add_argument("--date", help="the sign-off date, YYYY-MM-DD (default: today)")
    signing.add_argument(
        "--key",
        action="append",
        metavar="KEY",
        help="sign with this SSH key (a private key, or a .pub in ssh-agent); repeatable",
    )
    signing.add_argument(
        "--note",
        help="a change note for readers of the English pages; --note-LOCALE TEXT gives "
        "one for the pages in each other language of the site (--note-fr)",
    )
    for locale in NOTE_LOCALES:
        signing.add_argument(
            f"--note-{locale}",
            help=f"a change note for readers of the {language_name(locale)} pages, in "
            f"{language_name(locale)}",
        )
    signing.add_argument("--prune", action="store_true", help="drop entries of deleted pages")
    listing = commands.add_parser("status", help="everything that needs an editor")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    argv, notes, problem = _locale_notes(argv)
    args = parser.parse_args(argv)
    args.config_file = args.config_file.resolve()
    args.locale_notes = notes
    if problem or (notes and args.command != "sign-off"):
        print(f"{args.command}: {problem or 'change notes are for sign-off'}", file=sys.stderr)
        return 2
    try:
        return sign_off(args) if args.command == "sign-off" else status(args)
    except SetupError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a read-only folder, a full disk
        print(f"{args.command}: cannot write {error.filename} ({error.strerror})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
