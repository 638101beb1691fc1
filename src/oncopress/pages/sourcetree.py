"""The folder of sources itself: symbolic links that would break or hang a build or
publish a file from outside the project, names a web address cannot carry, and folders
that would silently lose their pages.

MkDocs walks ``docs/`` following symbolic links, and the build walks each other
language's folder (``docs_es/``) the same way. A link to a missing file, a link to
itself, or a link to a folder that contains it makes that walk end in a traceback, or
never end: two such
folder links nest 2^40 paths deep. ``link_problems`` finds them first, without
following any link twice on the way down. A link whose target lies outside the
project folder (``docs/passwd.txt -> /etc/passwd``) would copy that file into the
site: it is refused too, file or folder; links inside the project stay.

Every file and folder name must keep to ``SAFE_NAME_CHARACTERS`` (ASCII letters,
digits, ``-``, ``_``, ``.``): names become addresses (page, PDF, language switch,
sitemap), and a ``"``, ``<``, ``#``, ``?`` or space in one would break the link or
inject markup. Hidden names (``.git``, starting with ``.``) are skipped, as MkDocs
skips them.

mkdocs-static-i18n (folder structure) takes every top-level folder of ``docs/`` named
like a language code (``ct``, ``pt-BR``) for the folder of that language, whether the
site has that language or not, and leaves its pages out of the English site without a
word; the site's other languages have their pages in folders of their own
(``docs_es/``), so a folder ``docs/es`` would be a second, unseen home for them.
``find_language_like_folders`` names them before the build.
"""

from __future__ import annotations

import errno
import os
import re
import string
from collections.abc import Mapping
from pathlib import Path

from oncopress.pdf.names import slugify

# mkdocs-static-i18n's own test for a language folder (``mkdocs_static_i18n.config.RE_LOCALE``,
# copied: the core imports nothing from MkDocs or its plugins; a unit test keeps them equal).
LANGUAGE_CODE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")
SAFE_NAME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_.")


def link_problems(folder: Path, root: Path) -> list[str]:
    """A message for every broken symbolic link under ``folder`` (paths shown from
    ``root``, the project folder), every link that leads out of ``root``, and every
    name outside ``SAFE_NAME_CHARACTERS``, in walking order. Hidden files and folders
    (``.git``), which MkDocs skips, are skipped too."""
    problems: list[str] = []
    real_root = os.path.realpath(root)
    _visit(folder, (os.path.realpath(folder),), real_root, problems)
    return problems


def _visit(folder: Path, ancestors: tuple[str, ...], root: str, problems: list[str]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable folder: MkDocs names it itself
    for entry in entries:
        if entry.name.startswith("."):
            continue
        shown = _shown(os.path.join(ancestors[-1], entry.name), root)
        if unsafe := unsafe_characters(entry.name):
            problems.append(describe_unsafe_name(shown, entry.name, unsafe, entry.is_dir()))
        if not entry.is_symlink():
            if entry.is_dir():
                _visit(Path(entry.path), (*ancestors, os.path.realpath(entry.path)), root, problems)
            continue
        try:
            target = os.path.realpath(entry.path, strict=True)
        except OSError as error:
            problems.append(_broken(shown, os.readlink(entry.path), error))
            continue
        if os.path.commonpath([target, root]) != root:
            written = os.readlink(entry.path)
            where = written if os.path.isabs(written) else f"{written}' ('{target}"
            problems.append(
                f"Symbolic link '{shown}' points to '{where}', outside the project folder: "
                "nothing outside it may be published; copy what it should show into the "
                "sources, or remove the link"
            )
            continue
        if not os.path.isdir(target):
            continue
        if target in ancestors:
            problems.append(
                f"Symbolic link '{shown}' leads back to '{_shown(target, root)}', a folder "
                "that contains it (a loop): remove the link"
            )
        else:
            _visit(Path(entry.path), (*ancestors, target), root, problems)


def _broken(shown: str, points_to: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return f"Symbolic link '{shown}' leads back to itself (a loop): remove the link"
    if error.errno == errno.ENOENT:
        return (
            f"Symbolic link '{shown}' points to '{points_to}', which does not exist: "
            "remove the link or restore the file"
        )
    return f"Symbolic link '{shown}' cannot be followed ({error.strerror}): remove the link"


def unsafe_characters(name: str) -> list[str]:
    """The characters of ``name`` outside ``SAFE_NAME_CHARACTERS``, each once, in order."""
    return list(dict.fromkeys(c for c in name if c not in SAFE_NAME_CHARACTERS))


def describe_unsafe_name(shown: str, name: str, unsafe: list[str], folder: bool) -> str:
    """Why the file or folder ``shown`` cannot keep its ``name``, and a name it could take."""
    stem, dot, extension = name.rpartition(".") if not folder and "." in name else (name, "", "")
    suggestion = (slugify(stem) or "page") + dot + (slugify(extension) if extension else "")
    kind = "Folder" if folder else "File"
    listed = ", ".join(_character(c) for c in unsafe)
    return (
        f"{kind} name '{shown}' has characters a web address cannot carry safely ({listed}): "
        f"rename it using only ASCII letters, digits, '-', '_' and '.' (like '{suggestion}')"
    )


def _character(c: str) -> str:
    if c == " ":
        return "a space"
    return repr(c) if c.isprintable() else f"U+{ord(c):04X}"


def _shown(path: str, root: str) -> str:
    """``path`` from the project folder, as an editor would type it."""
    return Path(os.path.relpath(path, root)).as_posix()


def summarize_links(problems: list[str]) -> str:
    """One message listing every broken link."""
    noun = "problem" if len(problems) == 1 else "problems"
    return "\n".join(
        [f"Source folder check failed: {len(problems)} {noun}"]
        + [f"  {problem}" for problem in problems]
    )


def find_language_like_folders(folder: Path, root: Path, languages: Mapping[str, str]) -> list[str]:
    """A message for every top-level folder of ``folder`` (the docs folder) named like a
    language code. ``languages``: the site's other languages and the folder of each one's
    pages (``{"es": "docs_es"}``), which a folder ``docs/es`` would stand in the way of.
    Paths are shown from ``root``, the project folder."""
    real_folder, real_root = os.path.realpath(folder), os.path.realpath(root)
    try:
        entries = sorted(os.scandir(real_folder), key=lambda entry: entry.name)
    except OSError:
        return []  # no docs folder: MkDocs names it itself
    return [
        describe_language_folder(_shown(entry.path, real_root), entry.name, languages)
        for entry in entries
        if LANGUAGE_CODE.match(entry.name) and entry.is_dir()
    ]


def describe_language_folder(shown: str, name: str, languages: Mapping[str, str]) -> str:
    """Why the folder ``shown`` (``docs/ct``) cannot keep its name ``name``."""
    if name in languages:
        return (
            f"Folder '{shown}' is named like the site's language '{name}', whose pages are in "
            f"'{languages[name]}/': move any page of it there, then delete '{shown}'"
        )
    folders = [f"{shown.rpartition('/')[0] or '.'}/", *(f"{f}/" for f in languages.values())]
    where = " and ".join([", ".join(folders[:-1]), folders[-1]] if len(folders) > 1 else folders)
    return (
        f"Folder '{shown}' is named like a language code: mkdocs-static-i18n would take it "
        f"for the pages of language '{name}', and they would not be published at '{name}/'; "
        f"rename the folder in {where} to a name that is not a language code (a whole word)"
    )


def missing_language_folder(folder: Path, root: Path, locale: str) -> str:
    """Why the build cannot find the pages of language ``locale``."""
    shown = _shown(os.path.realpath(folder), os.path.realpath(root))
    return (
        f"Folder '{shown}' of the pages in language '{locale}' does not exist: create it "
        f"and put the pages there, or name their folder in mkdocs.yml "
        f"(extra.languages.{locale}.docs)"
    )
