"""Every private or patched API of MkDocs, Material, mkdocs-static-i18n and mkdocs-bibtex
the project touches, in one place.

Each seam says why it is needed and what it relies on. All were checked against the
versions in ``requirements.txt``: ``CHECKED_AGAINST`` below. ``tests/test_seams.py``
pins each one (signatures, attributes, a small behaviour check): after ``./tasks lock``
brings another version of one of these packages, a failing test there names the seam
to look at before the build changes quietly.

Used by the preview (``oncopress.cli.livepreview``, ``oncopress.cli.incremental``), the
build's steps (``oncopress.cli.step_search``, ``oncopress.cli.step_citations``) and
``bench/events.py``. It lives in ``oncopress.cli``, the one part of the package that may
import MkDocs.

Nothing else in the project imports a name starting with ``_`` from these packages,
assigns to their objects' attributes, or overrides their private methods.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs_bibtex.registry import ReferenceRegistry

CHECKED_AGAINST = {
    "mkdocs": "1.6.1",
    "mkdocs-material": "9.8.2",
    "mkdocs-static-i18n": "1.3.1",
    "mkdocs-bibtex": "4.4.0",
    "jinja2": "3.1.6",
}


# --- MkDocs: one page rendered and written (the preview's single-page rebuilds) ------
# Why: MkDocs has no public call that renders one page, or writes one page, of a build
# it has made; the preview re-renders the page an editor saved (incremental.py) with
# the very code a full build runs, so its output is byte for byte a full build's.
# Relies on: mkdocs.commands.build._populate_page(page, config, files, dirty=False) and
# _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False).


def populate_page(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read and render ``page``'s Markdown, with every page event, as a build does."""
    mkdocs_build._populate_page(page, config, files)


def build_page(
    page: Page, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation, env: Any
) -> None:
    """Render ``page``'s template and write its HTML file, as a build does."""
    mkdocs_build._build_page(page, config, doc_files, nav, env)


# --- mkdocs-static-i18n: the language pass ----------------------------------------------
# Why: the preview re-renders one page in its own language: it puts the plugin back in
# that language pass, as the plugin's own nested builds do, then out of it.
# Relies on: the plugin's ``current_language`` (the locale of the pass) and ``building``
# (True in a nested pass of another language), read by its on_config/on_pre_build.


def enter_language_pass(config: MkDocsConfig, locale: str) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.current_language, i18n.building = locale, True


def leave_language_pass(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        i18n.building = False


# --- mkdocs-static-i18n: a language's pages from a folder of their own -----------------
# Why: with ``docs_structure: folder`` the plugin takes a language's pages from
# ``docs_dir/<locale>/`` only; ours live beside docs_dir (``docs_es/``), with no symbolic
# link in the repository (a Windows checkout turns one into a text file). The build
# hands the plugin each such page as a file at ``<locale>/...`` of docs_dir.
# Relies on: the plugin's on_files keeping a file only when its ``abs_src_path`` lies
# under docs_dir, compared as written (``PurePath.is_relative_to``, nothing resolved):
# ``docs/../docs_es/care.md`` passes and opens the real file; and on it replacing each
# file by a new ``File(src_path, docs_dir, ...)`` (mkdocs_static_i18n.folder
# .create_i18n_file), whose ``abs_src_path`` (docs/es/care.md) the build puts back.


def language_file(src_uri: str, source: str, config: MkDocsConfig) -> File:
    """A file of the site at ``src_uri`` (``es/care.md``) whose text is ``source``
    (``.../docs_es/care.md``), as MkDocs' own walk of docs_dir would make it."""
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    # Written from docs_dir, so the i18n plugin keeps it (see above); opens ``source``.
    file.abs_src_path = os.path.join(config.docs_dir, os.path.relpath(source, config.docs_dir))
    return file


def put_back_source(file: File, source: str) -> None:
    """Point ``file`` (the i18n plugin's copy) at its text again."""
    file.abs_src_path = source


# --- Material: the search index indexes no page ---------------------------------------
# Why: the site's own index has the pages (oncopress.cli.step_search); Material's search
# plugin stays for its search box, and its index keeps only its settings.
# Relies on: the plugin's ``search_index`` (a SearchIndex, made in its on_config), whose
# ``add_entry_from_context(page)`` the plugin calls for each page.


def material_search_index(config: MkDocsConfig) -> Any:
    """Material search's index of this language pass (None without the plugin)."""
    return getattr(config.plugins.get("material/search"), "search_index", None)


def replace_page_indexing(index: Any, add: Callable[[Any, Page], None]) -> None:
    """Have ``index`` index each page with ``add(index, page)``."""
    index.add_entry_from_context = lambda page: add(index, page)


# --- mkdocs-bibtex: the registry ----------------------------------------------------------
# Why: the house-style registry (oncopress.cli.step_citations) formats the bibliography the
# plugin has already parsed: calling ReferenceRegistry.__init__ would read and parse the
# .bib files again. It takes the plugin's place as its ``registry``.
# Relies on: ReferenceRegistry.__init__ only setting ``bib_data`` and
# ``footnote_format``; the plugin reading ``registry`` (bib_data, footnote_format,
# validate_citation_blocks, validate_inline_references, inline_text, reference_text)
# for each page, and keeping it while the bibliography is unchanged; the plugin's
# ``config.footnote_format``.


class ParsedRegistry(ReferenceRegistry):  # type: ignore[misc]  # untyped package
    """A registry over a bibliography the plugin has parsed (``bib_data``)."""

    def __init__(self, bib_data: Any, footnote_format: str) -> None:
        # No super().__init__: it parses the .bib files again; these are what it sets.
        self.bib_data = bib_data
        self.footnote_format = footnote_format


def install_registry(plugin: Any, kind: type[ParsedRegistry]) -> Any:
    """The bibtex plugin's registry, replaced (once) by a ``kind`` over the same data."""
    if not isinstance(plugin.registry, kind):
        plugin.registry = kind(plugin.registry.bib_data, plugin.config.footnote_format)
    return plugin.registry


# --- MkDocs: the live-reload server -----------------------------------------------------
# Why: the preview (livepreview.py) answers page URLs with the build's problems while
# the build is broken, pins its warnings to the foot of pages, and never answers from
# the middle of a build. MkDocs' server has no public hook for any of this.
# Relies on: LiveReloadServer calling ``self._serve_request(environ, start_response)``
# for each request that is not refused (None: not found) and
# ``self._inject_js_into_html(content, epoch)`` for each HTML page it serves (while it
# watches a path); its
# ``_epoch_cond`` (a Condition held while ``_visible_epoch`` changes) with
# ``_visible_epoch == _wanted_epoch`` once a build is done.
# Made on first use (module ``__getattr__``): importing the server (watchdog, http.server)
# would cost every build that never serves about 80 ms.


def _reload_server_class() -> type:
    from mkdocs.livereload import LiveReloadServer

    class ReloadServer(LiveReloadServer):
        """MkDocs' ``LiveReloadServer`` with public names for what the preview changes:
        ``answer_page`` (an answer of its own for a page URL), ``decorate_page`` (each
        HTML page served), ``wait_for_build`` and ``build_lock``."""

        def answer_page(
            self, path: str, environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> Iterable[bytes] | None:
            """An answer for ``path`` (decoded), or None for MkDocs' own."""
            return None

        def decorate_page(self, content: bytes) -> bytes:
            """Each HTML page served, before the live-reload script is added."""
            return content

        def wait_for_build(self) -> int:
            """Wait until no build is running; the epoch of the site built."""
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                return int(self._visible_epoch)

        @property
        def build_lock(self) -> threading.Condition:
            """Held while the server's idea of the built site changes."""
            return self._epoch_cond

        def with_reload_script(self, content: bytes, epoch: int) -> bytes:
            """``content`` with MkDocs' live-reload script (reloads after ``epoch``)."""
            return bytes(super()._inject_js_into_html(content, epoch))  # type: ignore[no-untyped-call]

        def _serve_request(
            self, environ: dict[str, Any], start_response: Callable[..., Any]
        ) -> Iterable[bytes] | None:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            answer = self.answer_page(path, environ, start_response)
            if answer is not None:
                return answer
            return super()._serve_request(environ, start_response)

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            return self.with_reload_script(self.decorate_page(content), epoch)

    return ReloadServer


def __getattr__(name: str) -> Any:
    if name == "ReloadServer":
        made = globals()["ReloadServer"] = _reload_server_class()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- MkDocs and Jinja: timing a build's events (bench/events.py) ------------------------
# Why: to time each plugin's and hook's handlers on their own, and MkDocs' rendering
# beside them, without cProfile's overhead.
# Relies on: PluginCollection._register_event(self, event, method, plugin_name=None),
# through which every handler is registered; Page.render; jinja2.Template.render;
# ``mkdocs.commands.build.utils.write_file``.


@contextmanager
def timed_build(wrap: Callable[[str, Callable[..., Any]], Callable[..., Any]]) -> Iterator[None]:
    """While in use, every event handler registered, Markdown rendering, template
    rendering and file writing run through ``wrap(name, function)``."""
    import jinja2
    import mkdocs.plugins as plugins

    utils: Any = mkdocs_build.utils  # type: ignore[attr-defined]  # the build's mkdocs.utils
    register = plugins.PluginCollection._register_event
    render, template, write = Page.render, jinja2.Template.render, utils.write_file

    def timed_register(self: Any, event: str, method: Any, plugin_name: str | None = None) -> None:
        if isinstance(method, plugins.CombinedEvent):  # registers each of its handlers
            register(self, event, method, plugin_name)
            return
        name = f"{plugin_name or getattr(method, '__module__', '?')}: on_{event}"
        register(self, event, wrap(name, method), plugin_name)

    plugins.PluginCollection._register_event = timed_register  # type: ignore[method-assign,assignment]
    Page.render = wrap("MkDocs: Markdown (Page.render)", render)  # type: ignore[method-assign]
    jinja2.Template.render = wrap("MkDocs: Jinja templates", template)  # type: ignore[method-assign]
    utils.write_file = wrap("MkDocs: writing files", write)
    try:
        yield
    finally:
        plugins.PluginCollection._register_event = register  # type: ignore[method-assign]
        Page.render, jinja2.Template.render = render, template  # type: ignore[method-assign]
        utils.write_file = write


# --- MkDocs: one count of warnings for a build of every language -----------------------
# Why: mkdocs-static-i18n builds each other language with MkDocs' build() nested in the
# first language's on_post_build. Each build() counts the warnings logged while it runs
# (a CountHandler on the "mkdocs" logger, added when config.strict is on), and the
# nested one aborts first with its own count: "Aborted with 2 warnings" after 6 printed.
# With strict off for the nested passes, only the outer build counts, and it counts
# every language's warnings (its handler stays on the logger while they run).
# Relies on: mkdocs.commands.build.build() reading config.strict when it starts, and
# removing its handler when it ends; mkdocs-static-i18n calling build(config) again with
# the same config object.


def count_warnings_once(config: MkDocsConfig) -> bool:
    """Turn strict mode off for the nested language passes; True when it was on (then
    ``restore_strict`` must follow)."""
    was = bool(config.strict)
    config.strict = False
    return was


def restore_strict(config: MkDocsConfig, was: bool) -> None:
    if was:
        config.strict = True


# --- MkDocs: source paths in its link messages ------------------------------------------
# Why: MkDocs names a page by its path in the docs folder, which mkdocs-static-i18n
# makes the language's path ('es/index.md'); editors find the file at 'docs_es/index.md'.
# Every message of ours names the source path: this filter gives MkDocs' link messages
# the same names. Relies on: the messages of mkdocs.structure.pages starting with
# "Doc file '<src_uri>'", and naming a missing file "the target '<path>'" and a page
# "the doc '<src_uri>'".

_MKDOCS_NAMES = re.compile(r"(^Doc file '|the target '|the doc ')([^']+)(')")


class SourceNames(logging.Filter):
    """Rewrites MkDocs' page names in its messages with ``name`` (src_uri -> source)."""

    def __init__(self) -> None:
        super().__init__()
        self.name_of: Callable[[str], str] = lambda uri: uri

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and not record.args:
            record.msg = _MKDOCS_NAMES.sub(
                lambda m: m.group(1) + self.name_of(m.group(2)) + m.group(3), record.msg
            )
        return True


def name_sources(names: SourceNames, name_of: Callable[[str], str]) -> None:
    """Name pages in MkDocs' page messages by ``name_of`` (``names`` is installed once:
    the preview's rebuilds give it the names of their build)."""
    names.name_of = name_of
    logger = logging.getLogger("mkdocs.structure.pages")
    if names not in logger.filters:
        logger.addFilter(names)
