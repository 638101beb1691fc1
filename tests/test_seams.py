"""The platform seams (``src/oncopress/cli/seams.py``) still hold on the installed MkDocs,
Material, mkdocs-static-i18n, mkdocs-bibtex and Jinja: each test pins what one seam
relies on (a signature, an attribute, a small behaviour), so that a new version of one of
those packages fails here, naming the seam, rather than changing the site quietly. And no
other module of the project touches a private or patched API of theirs.

Replicate: ./tasks test tests/test_seams.py
"""

from __future__ import annotations

import ast
import inspect
import logging
import textwrap
import threading
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import mkdocs.commands.build as mkdocs_build
import mkdocs.livereload
import mkdocs.plugins
import pytest
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.structure.pages import Page
from mkdocs_bibtex.plugin import BibTexPlugin
from mkdocs_bibtex.registry import ReferenceRegistry, SimpleRegistry
from mkdocs_static_i18n.plugin import I18n

from oncopress.cli import seams
from oncopress.preview.hosts import preview_url

ROOT = Path(__file__).resolve().parent.parent
SEAMS = ROOT / "src" / "oncopress" / "cli" / "seams.py"
THIRD_PARTY = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_bibtex", "jinja2")
# Attributes of third-party objects the seams assign: nobody else may.
PATCHED = {
    "add_entry_from_context",
    "registry",
    "building",
    "current_language",
    "_register_event",
    "write_file",
    "strict",
    "abs_src_path",
}


def parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def calls(function: Any, text: str) -> bool:
    """Whether ``function``'s source contains ``text`` (a call it relies on)."""
    return text in textwrap.dedent(inspect.getsource(function))


def test_checked_against_the_locked_versions() -> None:
    """After ./tasks lock brings another version, check each seam below and update
    CHECKED_AGAINST (the notes in seams.py say what each relies on)."""
    assert {name: version(name) for name in seams.CHECKED_AGAINST} == seams.CHECKED_AGAINST


# --- MkDocs: one page rendered and written ----------------------------------------------


def test_mkdocs_renders_and_writes_one_page_with_the_calls_the_preview_uses() -> None:
    assert parameters(mkdocs_build._populate_page)[:4] == ["page", "config", "files", "dirty"]
    assert parameters(mkdocs_build._build_page)[:6] == [
        "page",
        "config",
        "doc_files",
        "nav",
        "env",
        "dirty",
    ]
    # A full build renders and writes each page with these very functions.
    assert calls(mkdocs_build.build, "_populate_page(file.page, config, files, dirty)")
    assert calls(mkdocs_build.build, "_build_page(")


# --- mkdocs-static-i18n ------------------------------------------------------------------


def test_i18n_language_pass_is_its_current_language_and_building() -> None:
    plugin = I18n()
    assert (plugin.current_language, plugin.building) == (None, False)
    config = SimpleNamespace(plugins={"i18n": plugin})
    seams.enter_language_pass(config, "es")  # type: ignore[arg-type]
    assert (plugin.current_language, plugin.building) == ("es", True)
    seams.leave_language_pass(config)  # type: ignore[arg-type]
    assert (plugin.current_language, plugin.building) == ("es", False)
    # Its nested builds of the other languages switch the pass the same way.
    assert calls(I18n.on_post_build, "self.building = True")
    assert calls(I18n.on_post_build, "self.current_language = ")


def test_i18n_keeps_a_language_file_from_its_own_folder_and_copies_it(tmp_path: Path) -> None:
    """A page of docs_es/ handed over at es/ (``language_file``) passes the plugin's test
    of lying under docs_dir and opens the real file; the plugin's copy of it points
    under docs_dir again, which ``put_back_source`` mends."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs_static_i18n import is_relative_to
    from mkdocs_static_i18n.folder import create_i18n_file
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs_es").mkdir()
    (tmp_path / "docs_es" / "care.md").write_text("# Cuidado\n", encoding="utf-8")
    config = MkDocsConfig()
    config.load_dict({"docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    source = str(tmp_path / "docs_es" / "care.md")
    file = seams.language_file("es/care.md", source, config)
    assert is_relative_to(file.abs_src_path, config.docs_dir)
    assert file.content_string == "# Cuidado\n"
    # The plugin keeps a file on that test alone, then makes a copy under docs_dir.
    assert calls(
        ExtendedPlugin.reconfigure_files,
        "is_relative_to(file.abs_src_path, mkdocs_config.docs_dir)",
    )
    copy = create_i18n_file(file, "es", "en", ["en", "es"], config)
    assert copy.abs_src_path == str(tmp_path / "docs" / "es" / "care.md")
    seams.put_back_source(copy, source)
    assert (copy.abs_src_path, copy.content_string) == (source, "# Cuidado\n")


# --- Material: the search index -------------------------------------------------------


def test_material_search_indexes_each_page_through_its_index_object() -> None:
    assert calls(SearchPlugin.on_config, "self.search_index = SearchIndex(")
    assert calls(SearchPlugin.on_page_context, "self.search_index.add_entry_from_context(page)")
    index, seen = SearchIndex(), []
    seams.replace_page_indexing(index, lambda index, page: seen.append(page))
    index.add_entry_from_context("page")
    assert seen == ["page"] and index.entries == []
    config = SimpleNamespace(plugins={"material/search": SimpleNamespace(search_index=1)})
    assert seams.material_search_index(config) == 1  # type: ignore[arg-type]


# --- mkdocs-bibtex: the registry ----------------------------------------------------------


def test_bibtex_registry_init_only_parses_and_sets_two_attributes(tmp_path: Path) -> None:
    """ParsedRegistry skips ReferenceRegistry.__init__: it must set what that sets."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@misc{k, title = {T}, year = {2020}}\n", encoding="utf-8")
    base = SimpleRegistry.__new__(SimpleRegistry)
    ReferenceRegistry.__init__(base, [str(bib)], "{key}")
    assert sorted(vars(base)) == ["bib_data", "footnote_format"]
    ours = SimpleNamespace(registry=base, config=SimpleNamespace(footnote_format="{key}"))

    class Registry(seams.ParsedRegistry):
        def inline_text(self, citation_block: Any) -> str:
            return ""

        def reference_text(self, citation: Any) -> str:
            return ""

        def validate_citation_blocks(self, citation_blocks: Any) -> None:
            pass

        def validate_inline_references(self, inline_references: Any) -> Any:
            return set()

    installed = seams.install_registry(ours, Registry)
    assert installed is ours.registry and isinstance(installed, Registry)
    assert (installed.bib_data, installed.footnote_format) == (base.bib_data, "{key}")
    assert seams.install_registry(ours, Registry) is installed  # once


def test_bibtex_plugin_formats_through_its_registry_attribute() -> None:
    assert BibTexPlugin().registry is None
    assert calls(BibTexPlugin.on_page_markdown, "self.registry.validate_citation_blocks(")
    assert calls(BibTexPlugin.on_page_markdown, "self.registry.inline_text(")
    assert calls(BibTexPlugin.on_page_markdown, "self.registry.reference_text(")
    assert calls(BibTexPlugin.on_page_markdown, "self.registry.footnote_format")


# --- MkDocs: the live-reload server -------------------------------------------------------


def test_preview_url_is_mkdocs_serve_url() -> None:
    for args in [("127.0.0.1", 8000, "/"), ("::1", 80, ""), ("h", 1, "a/b"), ("h", 2, "//x//")]:
        assert preview_url(*args) == mkdocs.livereload._serve_url(*args)


def answer(server: Any, path: str) -> tuple[list[str], bytes]:
    status: list[str] = []
    body = server.serve_request(
        {"PATH_INFO": path, "REQUEST_METHOD": "GET", "QUERY_STRING": ""},
        lambda code, headers: status.append(code),
    )
    return status, b"".join(body)


def test_reload_server_hooks_answer_and_decorate_pages(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>Hi</body></html>", encoding="utf-8")
    (tmp_path / "style.css").write_text("p{}", encoding="utf-8")

    class Server(seams.ReloadServer):  # type: ignore[misc,name-defined]
        def answer_page(self, path: str, environ: Any, start_response: Any) -> Any:
            if path == "/refused/":
                start_response("503 Service Unavailable", [])
                return [self.with_reload_script(b"<body>No</body>", self.wait_for_build())]
            return None

        def decorate_page(self, content: bytes) -> bytes:
            return content.replace(b"Hi", b"Hello")

    server = Server(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))  # MkDocs adds its script only while it watches something
    try:
        assert isinstance(server, mkdocs.livereload.LiveReloadServer)
        assert isinstance(server.build_lock, threading.Condition().__class__)
        status, body = answer(server, "/")
        assert status == ["200 OK"]
        assert body.startswith(b"<html><body>Hello<script>") and b"livereload(" in body
        assert answer(server, "/style.css") == (["200 OK"], b"p{}")
        status, body = answer(server, "/refused/")
        assert status == ["503 Service Unavailable"]
        assert body.startswith(b"<body>No") and b"livereload(" in body
        with server.build_lock:  # re-entrant: the preview reads its outcome under it
            assert server.wait_for_build() == server._visible_epoch
    finally:
        server.observer.stop()


def test_reload_server_is_made_on_first_use() -> None:
    assert seams.ReloadServer is seams.ReloadServer
    with pytest.raises(AttributeError):
        seams.NoSuchSeam  # noqa: B018


# --- MkDocs and Jinja: timing a build's events -------------------------------------------


def test_timed_build_wraps_every_handler_and_puts_everything_back() -> None:
    before = (
        mkdocs.plugins.PluginCollection._register_event,
        Page.render,
        jinja2.Template.render,
        mkdocs_build.utils.write_file,  # type: ignore[attr-defined]
    )
    assert parameters(before[0]) == ["self", "event_name", "method", "plugin_name"]
    names: list[str] = []

    def wrap(name: str, function: Any) -> Any:
        names.append(name)
        return function

    class Plugin(mkdocs.plugins.BasePlugin):  # type: ignore[type-arg]
        def on_config(self, config: Any) -> Any:
            return config

    with seams.timed_build(wrap):
        mkdocs.plugins.PluginCollection()["some"] = Plugin()
    assert names == [
        "MkDocs: Markdown (Page.render)",
        "MkDocs: Jinja templates",
        "MkDocs: writing files",
        "some: on_config",
    ]
    assert before == (
        mkdocs.plugins.PluginCollection._register_event,
        Page.render,
        jinja2.Template.render,
        mkdocs_build.utils.write_file,  # type: ignore[attr-defined]
    )


# --- Nowhere else ---------------------------------------------------------------------------


def test_mkdocs_counts_warnings_only_when_strict_at_the_start_of_a_build() -> None:
    # count_warnings_once: a nested build() started with strict off adds no counter of
    # its own; the outer build's counter stays on the "mkdocs" logger until it ends.
    assert calls(mkdocs_build.build, "if config.strict:\n        logging.getLogger('mkdocs')")
    assert calls(mkdocs_build.build, "logger.removeHandler(warning_counter)")
    assert calls(I18n.on_post_build, "build(config, dirty=dirty)")
    config = SimpleNamespace(strict=True)
    assert seams.count_warnings_once(config) is True
    assert config.strict is False
    seams.restore_strict(config, True)
    assert config.strict is True


def test_mkdocs_link_messages_get_source_paths() -> None:
    # name_sources: MkDocs' page messages name the page first, the target after.
    source = Path(inspect.getfile(Page)).read_text(encoding="utf-8")
    assert "f\"Doc file '{self.file.src_uri}' contains a link '{" in source
    assert "but the target{target} is not found among documentation files." in source
    assert "target = f\" '{target_uri}'\"" in source
    assert "the doc '{to_file.src_uri}' does not contain an anchor" in source
    names = seams.SourceNames()
    seams.name_sources(names, lambda uri: "docs_es/" + uri.removeprefix("es/"))
    record = logging.LogRecord(
        "mkdocs.structure.pages",
        logging.WARNING,
        "",
        0,
        "Doc file 'es/a.md' contains a link 'b.md', but the target 'es/b.md' is not found "
        "among documentation files.",
        None,
        None,
    )
    assert names.filter(record)
    assert record.msg == (
        "Doc file 'docs_es/a.md' contains a link 'b.md', but the target 'docs_es/b.md' is not "
        "found among documentation files."
    )
    logging.getLogger("mkdocs.structure.pages").removeFilter(names)


def test_no_other_module_touches_private_or_patched_apis() -> None:
    found = []
    for folder in ("src", "hooks", "bench", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == SEAMS:
                continue
            where = path.relative_to(ROOT).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(THIRD_PARTY):
                    found += [
                        f"{where}:{node.lineno} imports {alias.name}"
                        for alias in node.names
                        if alias.name.startswith("_")
                    ]
                elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
                    owner = node.value.id if isinstance(node.value, ast.Name) else ""
                    if not node.attr.startswith("__") and owner not in ("self", "cls", "os"):
                        found.append(f"{where}:{node.lineno} reads .{node.attr}")
                elif isinstance(node, ast.Assign):
                    for target in node.targets:
                        for one in target.elts if isinstance(target, ast.Tuple) else [target]:
                            if isinstance(one, ast.Attribute) and one.attr in PATCHED:
                                found.append(f"{where}:{node.lineno} assigns .{one.attr}")
    assert found == []
