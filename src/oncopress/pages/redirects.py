"""Pages that moved, and the addresses the site has published.

``redirects.yml`` (written by ``./tasks move``, one entry per move) records each move
as the page's path before and after it, in the original language's folder; the build
publishes a redirect page at the old address in every language (``redirect_page``).
Moves chain: after A -> B and B -> C, A's redirect page sends readers to C at once.

``published-urls.txt`` lists every address the site has published, one a line,
sorted: ``./tasks build`` rewrites it after each publishing build, and a strict build
warns about an address on it that the site no longer serves (``vanished_urls``). A
publisher retires an address on purpose by deleting its line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

import yaml

from oncopress.i18n.labels import LABELS
from oncopress.system import tasks_command

REDIRECTS_FILE = "redirects.yml"
PUBLISHED_FILE = "published-urls.txt"
HEADER = (
    "# Pages that moved: the build publishes a page at each old address that sends readers\n"
    "# to the new one. Written by ./tasks move (see guides/editors.md, 'Moving a page').\n"
    "redirects:\n"
)
_RETIRE = "or retire it on purpose by deleting its line from {published}"


class RedirectError(ValueError):
    """The redirects file cannot be read, or one of its redirects cannot be published."""


@dataclass(frozen=True)
class Redirect:
    """One move: page ``source`` (a path in the original language's folder) is now at
    ``target``; ``line``: where its entry starts in the file."""

    source: str
    target: str
    day: date | None
    line: int


@dataclass(frozen=True)
class Redirects:
    """The redirects file: its name, its text as saved, and its entries in file order."""

    source: str = REDIRECTS_FILE
    text: str = ""
    entries: tuple[Redirect, ...] = field(default_factory=tuple)

    def from_url(self, url: str) -> Redirect | None:
        """The redirect published at ``url`` (``care/``), if any."""
        return next((entry for entry in self.entries if page_url(entry.source) == url), None)

    def adding(self, old: str, new: str, day: date) -> str:
        """The file's text with the move of ``old`` to ``new`` on ``day`` appended."""
        text = self.text if self.text.strip() else HEADER
        if not text.endswith("\n"):
            text += "\n"
        return text + f"- from: {_scalar(old)}\n  to: {_scalar(new)}\n  date: {day.isoformat()}\n"

    def resolved(self, pages: Iterable[str]) -> dict[str, Redirect]:
        """Each old path and the redirect that leads to a page of ``pages`` (chains
        followed to their end: the returned entry's ``target`` is the final page), or
        ``RedirectError`` naming the file and line of the first that cannot be
        published: its final target is not a page, it goes round in a circle, or its
        old path is a page again."""
        known = set(pages)
        by_source = {entry.source: entry for entry in self.entries}
        found = {}
        for entry in self.entries:
            where = f"'{self.source}', line {entry.line}"
            if entry.source in known:
                raise RedirectError(
                    f"Redirects file {where}: '{entry.source}' is a page again, so the "
                    f"redirect to '{entry.target}' cannot be published: delete line "
                    f"{entry.line}'s entry, or move the page with {tasks_command('move')}"
                )
            target, seen = entry.target, {entry.source}
            while target not in known and target in by_source and target not in seen:
                seen.add(target)
                target = by_source[target].target
            if target not in known:
                raise RedirectError(
                    f"Redirects file {where}: '{entry.source}' redirects to '{entry.target}'"
                    + (f", then on to '{target}'" if target != entry.target else "")
                    + ", which is not a page of the site: point it to a page that exists, "
                    "or delete the entry"
                )
            found[entry.source] = Redirect(entry.source, target, entry.day, entry.line)
        return found


def _scalar(path: str) -> str:
    """A path as a YAML scalar: plain where YAML reads it back as the same text."""
    plain = yaml.safe_load(path) == path if path.strip() == path else False
    if plain and not any(char in path for char in ":#'\"{}[],&*!|>%@`"):
        return path
    return "'" + path.replace("'", "''") + "'"


def parse_redirects(text: str, source: str = REDIRECTS_FILE) -> Redirects:
    """The redirects in ``text`` (an empty text has none), or ``RedirectError`` naming
    the file and line of what is wrong."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise RedirectError(
            f"Redirects file '{source}' is not valid YAML{where}: restore it with "
            f"'git checkout {source}'"
        ) from None
    if root is None:
        return Redirects(source, text)
    items = _mapping(root).get("redirects") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(items, yaml.SequenceNode):
        raise RedirectError(
            f"Redirects file '{source}', line {root.start_mark.line + 1}: expected "
            "'redirects:' and a list of moves, each with 'from', 'to' and 'date'"
        )
    entries = []
    for item in items.value:
        line = item.start_mark.line + 1
        values = _mapping(item) if isinstance(item, yaml.MappingNode) else {}
        fields = {
            key: value.value for key, value in values.items() if isinstance(value, yaml.ScalarNode)
        }
        if not {"from", "to"} <= set(fields) or not all(fields[key] for key in ("from", "to")):
            raise RedirectError(
                f"Redirects file '{source}', line {line}: each move needs 'from' and 'to' "
                "(the page's path in the English folder before and after the move)"
            )
        try:
            day = date.fromisoformat(fields["date"]) if fields.get("date") else None
        except ValueError:
            raise RedirectError(
                f"Redirects file '{source}', line {line}: the date must be YYYY-MM-DD "
                f"(found '{fields['date']}')"
            ) from None
        entries.append(Redirect(str(fields["from"]), str(fields["to"]), day, line))
    return Redirects(source, text, tuple(entries))


def _mapping(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {str(key.value): value for key, value in node.value}


def read_redirects(root: Path, name: str = REDIRECTS_FILE) -> Redirects:
    """The project's redirects file (none yet: no redirects)."""
    path = root / name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Redirects(name)
    except (OSError, UnicodeDecodeError) as error:
        raise RedirectError(f"Redirects file '{name}' cannot be read ({error})") from None
    return parse_redirects(text, name)


def page_url(path: str, directory_urls: bool = True) -> str:
    """A page's address in its language, from its path there: ``care/index.md`` ->
    ``care/``, ``care/diet.md`` -> ``care/diet/``, ``index.md`` -> ``""``."""
    stem = path.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name.lower() in ("index", "readme"):
        return f"{folder}/" if folder else ""
    if not directory_urls:
        return f"{stem}.html"
    return f"{stem}/"


def redirect_page(locale: str, target: str, canonical: str) -> str:
    """The page left at a moved page's old address: ``target`` is the new address
    relative to the old one, ``canonical`` the new one in full."""
    labels = LABELS[locale]
    title, text, link = labels["moved_title"], labels["moved_text"], labels["moved_link"]
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(locale)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={escape(target)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"</head>\n<body>\n<h1>{escape(title)}</h1>\n"
        f'<p>{escape(text)} <a href="{escape(target)}">{escape(link)}</a></p>\n'
        "</body>\n</html>\n"
    )


def relative_url(source: str, target: str) -> str:
    """The address ``target`` as a link from the page at ``source`` (both from the
    site's root, ``care/`` and ``es/care/``)."""
    start = source if source.endswith("/") or not source else posixpath_dir(source)
    link = os.path.relpath("/" + target, "/" + start).replace(os.sep, "/")
    if target.endswith("/") or not target:
        link = link.rstrip("/") + "/"
    return "./" if link in (".", "./") else link


def posixpath_dir(url: str) -> str:
    return url.rsplit("/", 1)[0] + "/" if "/" in url else ""


def published_urls(site: Path, directory_urls: bool = True) -> list[str]:
    """Every address a built site serves a page at (its HTML files but the 404
    pages), from its root: ``/``, ``/care/``, ``/es/care/``; sorted."""
    found = []
    for current, _, names in os.walk(site):
        for name in names:
            if not name.endswith(".html") or name == "404.html":
                continue
            relative = (Path(current) / name).relative_to(site).as_posix()
            if directory_urls and (relative == "index.html" or relative.endswith("/index.html")):
                relative = relative.removesuffix("index.html")
            found.append("/" + relative)
    return sorted(found)


def read_published(text: str) -> list[str]:
    """The addresses of a published-URLs file (blank lines and ``#`` comments skipped)."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def vanished_urls(published: Iterable[str], served: Iterable[str], name: str) -> list[str]:
    """A message for each address published before that the site no longer serves."""
    now = set(served)
    return [
        f"Published URL '{url}' ({name}) is no longer served and no redirect leads from it: "
        f"move pages with {tasks_command('move')} (it adds the redirect), add a redirect to "
        f"{REDIRECTS_FILE}, " + _RETIRE.format(published=name)
        for url in sorted(set(published) - now)
    ]


def published_text(urls: Iterable[str]) -> str:
    return "".join(f"{url}\n" for url in sorted(set(urls)))


def redirect_pages(
    resolved: Mapping[str, Redirect],
    prefixes: Mapping[str, str],
    has_page: Mapping[str, set[str]],
    original: str,
    site_url: str,
    directory_urls: bool = True,
) -> dict[str, str]:
    """Every redirect page to write, by its file's path from the site's root: for each
    language (``prefixes``: its address prefix, ``""`` or ``es/``), one at each old
    address, sending readers to the page in that language (or in the original one
    when that language has no such page)."""
    pages = {}
    for old, entry in resolved.items():
        for locale, prefix in prefixes.items():
            lang = locale if entry.target in has_page.get(locale, set()) else original
            source = prefix + page_url(old, directory_urls)
            target = prefixes[lang] + page_url(entry.target, directory_urls)
            file = source + "index.html" if source.endswith("/") or not source else source
            canonical = site_url.rstrip("/") + "/" + target if site_url else "/" + target
            pages[file] = redirect_page(locale, relative_url(source, target), canonical)
    return pages
