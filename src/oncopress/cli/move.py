"""``./tasks move OLD NEW``: move a page and its translations, keeping every link,
sign-off and address.

  move OLD NEW
      OLD and NEW are paths of the English page (``docs/care/diet.md``, or
      ``care/diet.md`` from docs/). The page moves in every language folder that has it
      (docs_es/...). Every relative link to it, and its own relative links, follow it;
      the nav in mkdocs.yml names the new path; its sign-offs move in the ledger (the
      text is the same: no new sign-off); redirects.yml records the move, and the build
      publishes a page at the old address that sends readers to the new one.

Every file changes, or none does. The ledger's lock is held from reading the ledger to
writing it, as ``./tasks sign-off`` holds it. The language folders are
``oncopress.cli.editor.Project.folders()``: the one place this command learns them.
"""

from __future__ import annotations

import argparse
import posixpath
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from oncopress.checks.preflight import SourcePage, text_fingerprint
from oncopress.checks.sourcefiles import source_files
from oncopress.cli import PROJECT as ROOT
from oncopress.cli.editor import SetupError, ledger_file, load_project, source_pages
from oncopress.files.locking import exclusive
from oncopress.files.transaction import apply_changes
from oncopress.ledger.fingerprint import Fingerprint
from oncopress.ledger.ledgeredit import ledger_text
from oncopress.pages.moves import MoveError, MovePlan, Site, plan_move
from oncopress.pages.redirects import RedirectError, read_redirects
from oncopress.system import stop_signals, tasks_command

NOTHING = "Nothing was changed."


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=tasks_command("move"), description=__doc__.splitlines()[0]
    )
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("old", metavar="OLD", help="the English page's path now")
    parser.add_argument("new", metavar="NEW", help="its new path")
    args = parser.parse_args(argv)
    config = args.config_file.resolve()
    for handled in stop_signals():  # stop through SystemExit: the changes are undone
        signal.signal(handled, _stop)
    try:
        with exclusive(ledger_file(config), _waiting):
            return move(config, args.old, args.new)
    except SetupError as error:
        print(f"move: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # a read-only folder, a full disk: every file was put back
        print(f"move: cannot write {error.filename} ({error.strerror}). {NOTHING}", file=sys.stderr)
        return 2


def _stop(signum: int, frame: object) -> None:
    print(f"move: interrupted ({signal.Signals(signum).name}). {NOTHING}", file=sys.stderr)
    sys.exit(128 + signum)


def _waiting(lock: Path) -> None:
    print(f"Waiting for a sign-off or move to finish (it holds {lock.name})...", file=sys.stderr)


def move(config: Path, old_given: str, new_given: str) -> int:
    project, _, ledger = load_project(config)
    folders = project.folders()
    folder = folders[project.original]
    try:
        old = page_in_folder(old_given, project.root, folder, folders)
        new = page_in_folder(new_given, project.root, folder, folders)
        redirects = read_redirects(project.root)
    except (MoveError, RedirectError) as error:
        return _refused(error)
    pages, texts = source_pages(project)
    locales = {page.path: page.locale for page in pages}

    def fingerprint(path: str, text: str) -> Fingerprint | None:
        locale = locales.get(path) or next(
            (lang for lang, root in folders.items() if path.startswith(root + "/")),
            project.original,
        )
        page = SourcePage(path, locale, text.encode("utf-8"))
        return text_fingerprint(page, project.original, project.today, project.glossaries)

    files = source_files(project.sources, project.root, project.original)
    site = Site(
        folders,
        project.original,
        texts,
        config.name,
        config.read_text(encoding="utf-8"),
        ledger,
        redirects,
        frozenset(file.path for file in files if file.path not in texts),
        project.settings.about_page,
    )
    try:
        plan = plan_move(old, new, site, project.today, fingerprint)
    except MoveError as error:
        return _refused(error)
    ledger_path = project.root / ledger.source
    before = ledger_path.read_text(encoding="utf-8-sig") if ledger_path.is_file() else ""
    writes = {path: text.encode("utf-8") for path, text in plan.writes.items()}
    writes |= {target: text.encode("utf-8") for _, target, text in plan.renames}
    if plan.ledger != ledger:
        writes[ledger.source] = ledger_text(before, plan.ledger).encode("utf-8")
    apply_changes(project.root, writes, [source for source, _, _ in plan.renames])
    _report(plan, config.name, redirects.source)
    return 0


def _report(plan: MovePlan, config_name: str, redirects_name: str) -> None:
    for source, target, _ in plan.renames:
        print(f"Moved '{source}' to '{target}'")
    for path in sorted(plan.writes):
        if path == config_name:
            if plan.nav_lines:
                print(f"Updated the nav in {config_name}")
            if plan.about_page:
                print(
                    f"Updated the About page's setting in {config_name} "
                    "(extra: editorial: about_page)"
                )
            if plan.address_lines:
                print(
                    f"Updated the page's address in {config_name} ({plan.address_lines} of extra:)"
                )
        elif path != redirects_name:
            print(f"Updated the links in '{path}'")
    moved = [target for _, target, _ in plan.renames if target in plan.ledger.entries]
    if moved:
        print(f"Moved the sign-offs of {', '.join(repr(p) for p in moved)} in {plan.ledger.source}")
    print(f"Recorded the move in {redirects_name}: the old address sends readers to the new one")
    for path in plan.resign:
        print(
            f"'{path}' lost its SSH signatures (a signature covers the page's path): sign it "
            f"off again with {tasks_command('sign-off')} {path} --by ... --key ...",
            file=sys.stderr,
        )


def _refused(error: ValueError) -> int:
    print(f"Move refused: {error}\n{NOTHING}", file=sys.stderr)
    return 1


def page_in_folder(given: str, root: Path, folder: str, folders: dict[str, str]) -> str:
    """A page's path in the original language's folder, from a path given on the command
    line (from that folder, from the project, or from the current folder)."""
    text = given.replace("\\", "/")
    candidates = [posixpath.normpath(text)]
    absolute = (Path.cwd() / given).resolve(strict=False)
    for start in (root.resolve(), root.absolute()):
        try:
            candidates.append(absolute.relative_to(start).as_posix())
        except ValueError:
            continue
    for candidate in candidates:
        for other in folders.values():
            if other != folder and (candidate == other or candidate.startswith(other + "/")):
                raise MoveError(
                    f"'{given}' is in {other}/: give the English page's path ({folder}/...); "
                    "its translations move with it"
                )
        if candidate.startswith(folder + "/"):
            return _inside(candidate[len(folder) + 1 :], given, folder, folders)
    relative = candidates[0]
    if relative.startswith(("../", "/")) or relative == ".." or Path(text).is_absolute():
        raise MoveError(f"'{given}' is outside {folder}/: give a path in {folder}/")
    return _inside(relative, given, folder, folders)


def _inside(relative: str, given: str, folder: str, folders: dict[str, str]) -> str:
    if relative.startswith("../") or relative in ("..", "."):
        raise MoveError(f"'{given}' is outside {folder}/: give a path in {folder}/")
    first = relative.split("/", 1)[0]
    if first in folders and folders.get(first) != folder:
        raise MoveError(
            f"'{given}' is in the {first} language's folder: give the English page's path "
            f"({folder}/...); its translations move with it"
        )
    return relative
