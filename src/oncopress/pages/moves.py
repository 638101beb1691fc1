"""Moving a page and its translations to another path (behind ``./tasks move``).

``plan_move`` says, without touching a file, everything a move changes: the page is
renamed in every language folder that has it, every relative link to it (from other
pages, in every language) and every relative link of its own follow it, the nav in
mkdocs.yml names the new path (a text edit of those lines only, so comments and layout
stay), the ledger's entries take the new paths, and the move is recorded in the
redirects file so the old address keeps working (``oncopress.pages.redirects``).

A link rewritten by the move changes a page's text, so its fingerprint: an entry that
vouched for the text before the move is given the fingerprint of the text after it
(the words readers see are the same), through ``fingerprint`` (the preflight's own).
An entry that did not match its page before the move is left as it was: the page needs
a sign-off either way.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from oncopress.ledger.fingerprint import Fingerprint
from oncopress.ledger.ledgerfile import Ledger, SignOff, Translated
from oncopress.pages.redirects import Redirects, page_url
from oncopress.system import tasks_command

# A link in Markdown: ``[text](target "title")``, ``![alt](target)``, ``[id]: target``.
_INLINE = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


class MoveError(ValueError):
    """The move is refused: nothing may change."""


@dataclass(frozen=True)
class MovePlan:
    """What a move changes: files renamed (from, to: paths from the project root, with
    the text the new file gets), files written (path: new text), and the ledger after."""

    renames: tuple[tuple[str, str, str], ...]
    writes: Mapping[str, str]
    ledger: Ledger
    resign: tuple[str, ...]  # entries whose SSH signatures the move dropped
    nav_lines: int = 0  # lines of mkdocs.yml's nav that named the page
    address_lines: int = 0  # lines of mkdocs.yml (extra:) that gave its address
    about_page: bool = False  # the page was the About page: the setting names it now


@dataclass(frozen=True)
class Site:
    """What a move reads: each language's folder (from the project root: ``docs``,
    ``docs_es``), the original language, every page's text by source path, the
    mkdocs.yml text, the ledger, and the redirects file."""

    folders: Mapping[str, str]
    original: str
    texts: Mapping[str, str]
    config_name: str
    config_text: str
    ledger: Ledger
    redirects: Redirects
    others: frozenset[str] = frozenset()  # every other file of the folders (not pages)
    about_page: str = "about.md"  # extra: editorial: about_page


def plan_move(
    old: str,
    new: str,
    site: Site,
    today: date,
    fingerprint: Callable[[str, str], Fingerprint | None],
) -> MovePlan:
    """The move of page ``old`` to ``new`` (paths in the original language's folder,
    ``survivorship/recurrence.md``), or ``MoveError`` saying why not.
    ``fingerprint(path, text)``: a page's fingerprint, None when it has problems."""
    folder = site.folders[site.original]
    _refuse_bad_target(old, new, site, folder)
    moved = {
        f"{root}/{old}": f"{root}/{new}"
        for root in site.folders.values()
        if f"{root}/{old}" in site.texts
    }
    for target in moved.values():
        if target in site.texts or target in site.others:
            raise MoveError(f"'{target}' already exists: choose another name for the page")
    texts = {path: _relinked(path, text, old, new, site) for path, text in site.texts.items()}
    renames = tuple((path, moved[path], texts[path]) for path in sorted(moved))
    writes = {
        path: text for path, text in texts.items() if path not in moved and text != site.texts[path]
    }
    config = replace_nav(site.config_text, old, new)
    nav_lines = _changed_lines(site.config_text, config)
    prefixes = ["" if locale == site.original else f"{locale}/" for locale in site.folders]
    addressed = replace_addresses(config, page_url(old), page_url(new), prefixes)
    address_lines = _changed_lines(config, addressed)
    about = old == site.about_page
    if about:
        addressed = set_about_page(addressed, old, new)
    if addressed != site.config_text:
        writes[site.config_name] = addressed
    writes[site.redirects.source] = site.redirects.adding(old, new, today)
    after = {moved.get(path, path): text for path, text in texts.items()}
    ledger, resign = _moved_ledger(site, moved, after, fingerprint)
    return MovePlan(renames, writes, ledger, resign, nav_lines, address_lines, about)


def _changed_lines(before: str, after: str) -> int:
    return sum(a != b for a, b in zip(before.splitlines(), after.splitlines(), strict=True))


def set_about_page(config: str, old: str, new: str) -> str:
    """mkdocs.yml's text with ``extra: editorial: about_page:`` naming ``new``: its line
    changed, or added under ``editorial:`` (and that under ``extra:``) when absent."""
    setting = re.compile(
        r"^(?P<before>\s+about_page:\s+(?P<quote>['\"]?))" + re.escape(old) + r"(?P=quote)",
        re.MULTILINE,
    )
    if setting.search(config):
        return setting.sub(lambda m: m.group("before") + new + m.group("quote"), config, count=1)
    lines = config.splitlines(keepends=True)
    extra = next((n for n, line in enumerate(lines) if re.match(r"extra:\s*(#.*)?$", line)), None)
    if extra is None:
        return config + f"extra:\n  editorial:\n    about_page: {new}\n"
    end = next(
        (
            n
            for n in range(extra + 1, len(lines))
            if lines[n][:1] not in (" ", "\t", "#", "\n", "\r")
        ),
        len(lines),
    )
    for number in range(extra + 1, end):
        found = re.match(r"(\s+)editorial:\s*(#.*)?$", lines[number])
        if found:
            child = _first_indent(lines[number + 1 : end], found.group(1) * 2)
            lines.insert(number + 1, f"{child}about_page: {new}\n")
            return "".join(lines)
    lines.insert(extra + 1, f"  editorial:\n    about_page: {new}\n")
    return "".join(lines)


def _refuse_bad_target(old: str, new: str, site: Site, folder: str) -> None:
    if f"{folder}/{old}" not in site.texts:
        if any(path.startswith(f"{folder}/{old}/") for path in site.texts):
            raise MoveError(
                f"'{folder}/{old}' is a folder: move its pages one at a time "
                f"({tasks_command('move')} {folder}/{old}/PAGE.md NEW/PAGE.md)"
            )
        raise MoveError(
            f"'{folder}/{old}' is not a page of the site: give a Markdown page in {folder}/"
        )
    if not new.endswith(".md"):
        raise MoveError(f"'{folder}/{new}' is not a Markdown page: give a path ending in .md")
    if new == old:
        raise MoveError(f"'{folder}/{old}' is already there: nothing to move")
    taken = next(
        (
            path
            for path in site.texts
            if path.startswith(folder + "/")
            and path != f"{folder}/{old}"
            and page_url(path[len(folder) + 1 :]) == page_url(new)
        ),
        None,
    )
    if taken is not None and taken != f"{folder}/{new}":
        raise MoveError(
            f"'{folder}/{new}' would be published at '{page_url(new)}', the address of "
            f"'{taken}': choose another name for the page"
        )
    redirect = site.redirects.from_url(page_url(new))
    if redirect is not None:
        raise MoveError(
            f"'{folder}/{new}' would be published at an address that {site.redirects.source} "
            f"(line {redirect.line}) sends to '{redirect.target}': choose another name, or "
            f"remove line {redirect.line} of {site.redirects.source} first"
        )


def _relinked(path: str, text: str, old: str, new: str, site: Site) -> str:
    """``text`` with every relative link to ``old`` pointing to ``new``; the moved page's
    own relative links made relative to its new folder."""
    folder = next((root for root in site.folders.values() if path.startswith(root + "/")), None)
    if folder is None:
        return text
    here = path[len(folder) + 1 :]
    there = new if here == old else here

    def retarget(target: str) -> str | None:
        if not target or target.startswith(("#", "/")) or _SCHEME.match(target):
            return None
        address, mark, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), address))
        if resolved.startswith("../") or resolved == "..":
            return None
        if resolved == old:
            resolved = new
        elif here != old:
            return None
        link = posixpath.relpath(resolved, posixpath.dirname(there) or ".")
        if address.endswith("/") and not link.endswith("/"):
            link += "/"
        return link + mark + fragment

    return rewrite_links(text, retarget)


def rewrite_links(text: str, retarget: Callable[[str], str | None]) -> str:
    """``text`` with each Markdown link target ``retarget`` maps to a new one replaced
    (outside fenced code blocks); a target it maps to None stays as it is."""
    lines = text.splitlines(keepends=True)
    fence: str | None = None
    out = []
    for line in lines:
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append(line)
            continue
        out.append(
            _REFERENCE.sub(
                lambda m: _swap(m, retarget), _INLINE.sub(lambda m: _swap(m, retarget), line)
            )
        )
    return "".join(out)


def _swap(match: re.Match[str], retarget: Callable[[str], str | None]) -> str:
    target = match.group(2)
    bracketed = target.startswith("<") and target.endswith(">")
    new = retarget(target[1:-1] if bracketed else target)
    if new is None:
        return match.group(0)
    return match.group(1) + (f"<{new}>" if bracketed else new)


def replace_nav(config: str, old: str, new: str) -> str:
    """mkdocs.yml's text with the nav's entries naming page ``old`` naming ``new``:
    only those lines change (comments, quotes and layout stay)."""
    lines = config.splitlines(keepends=True)
    value = re.compile(
        r"(?P<before>(?:^\s*-\s*|:\s+)(?P<quote>['\"]?))"
        + re.escape(old)
        + r"(?P=quote)(?P<after>\s*(?:#.*)?)$"
    )
    inside = False
    for number, line in enumerate(lines):
        if line[:1] not in (" ", "\t", "-", "#", "\n", "\r", ""):
            inside = line.startswith("nav:")
            continue
        if inside:
            body = line.rstrip("\r\n")
            lines[number] = (
                value.sub(
                    lambda m: m.group("before") + new + m.group("quote") + m.group("after"), body
                )
                + line[len(body) :]
            )
    return "".join(lines)


def replace_addresses(config: str, old: str, new: str, prefixes: list[str]) -> str:
    """mkdocs.yml's text with each setting whose whole value is the page's address in a
    language (``about/#policy``, ``es/about/``: a link of the site chrome) giving the new
    one. The home page's address (empty) is never replaced."""
    if not old:
        return config
    value = re.compile(
        r"(?P<before>^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+(?P<quote>['\"]?))"
        r"(?P<prefix>"
        + "|".join(re.escape(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
        + r")"
        + re.escape(old)
        + r"(?P<fragment>#[^'\"\s]*)?(?P=quote)(?P<after>\s*(?:#.*)?)$"
    )
    lines = config.splitlines(keepends=True)
    for number, line in enumerate(lines):
        body = line.rstrip("\r\n")
        lines[number] = (
            value.sub(
                lambda m: (
                    m.group("before")
                    + m.group("prefix")
                    + new
                    + (m.group("fragment") or "")
                    + m.group("quote")
                    + m.group("after")
                ),
                body,
            )
            + line[len(body) :]
        )
    return "".join(lines)


def _first_indent(lines: list[str], default: str) -> str:
    """The indentation of the first line that holds a setting, or ``default``."""
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            return line[: len(line) - len(line.lstrip())]
    return default


def _moved_ledger(
    site: Site,
    moved: Mapping[str, str],
    after: Mapping[str, str],
    fingerprint: Callable[[str, str], Fingerprint | None],
) -> tuple[Ledger, tuple[str, ...]]:
    """The ledger with the moved pages' entries under their new paths, and each entry
    that vouched for a text the move relinked vouching for the relinked text."""
    prints: dict[str, tuple[Fingerprint | None, Fingerprint | None]] = {}

    def changed(path: str) -> tuple[Fingerprint | None, Fingerprint | None]:
        """A page's fingerprints before and after the move (by its old path)."""
        if path not in prints:
            before = site.texts.get(path)
            now = after.get(moved.get(path, path))
            prints[path] = (
                (fingerprint(path, before), fingerprint(moved.get(path, path), now))
                if before is not None and now is not None and before != now
                else (None, None)
            )
        return prints[path]

    entries, resign = {}, []
    for entry in site.ledger.entries.values():
        new_entry = _moved_entry(entry, moved, changed)
        if new_entry != entry:
            if entry.signatures:
                new_entry = dataclasses.replace(new_entry, signatures=())
                resign.append(new_entry.path)
        entries[new_entry.path] = new_entry
    return Ledger(site.ledger.source, entries), tuple(sorted(resign))


def _moved_entry(
    entry: SignOff,
    moved: Mapping[str, str],
    changed: Callable[[str], tuple[Fingerprint | None, Fingerprint | None]],
) -> SignOff:
    before, now = changed(entry.path)
    fingerprint = entry.fingerprint
    if before is not None and now is not None and _digest(before, entry.legacy) == fingerprint:
        fingerprint = _digest(now, entry.legacy)
    translates = entry.translates
    if translates is not None:
        original_before, original_now = changed(translates.path)
        if (
            original_before is not None
            and original_now is not None
            and _digest(original_before, entry.legacy) == translates.fingerprint
        ):
            translates = Translated(
                translates.path,
                translates.revised,
                _digest(original_now, entry.legacy),
                _paragraphs(original_now, entry.legacy),
            )
        if translates.path in moved:
            translates = dataclasses.replace(translates, path=moved[translates.path])
    return dataclasses.replace(
        entry,
        path=moved.get(entry.path, entry.path),
        fingerprint=fingerprint,
        translates=translates,
    )


def _digest(print_: Fingerprint, legacy: bool) -> str:
    return print_.text_digest if legacy else print_.digest


def _paragraphs(print_: Fingerprint, legacy: bool) -> tuple[str, ...]:
    source = print_.text_only() if legacy else print_
    return tuple(paragraph.digest for paragraph in source.paragraphs)
