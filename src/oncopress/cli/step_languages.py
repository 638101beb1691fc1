"""Steps: each language's pages from its own folder (``docs_es/``), which
mkdocs-static-i18n finds at ``es/`` (over ``oncopress.settings.language_folders`` and
``oncopress.checks.sourcefiles``; the hand-over is a seam, ``oncopress.cli.seams``).

- ``join_labels`` (each language pass): the chrome texts of each language's labels
  file (``labels/fr.yml``) join ``extra:``, where the templates read them;
- ``watch_folders``: the preview (``mkdocs serve``, ``./tasks serve``) watches each
  language's folder, as it watches docs_dir;
- ``add_pages`` (before every other plugin's ``on_files``): the files of the other
  languages' folders join the files MkDocs found in docs_dir, at ``<locale>/...``, in
  the order a walk of one tree would give them;
- ``put_back_sources`` (after mkdocs-static-i18n's ``on_files``): the plugin's copies of
  those files read their text from the language's folder again.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, file_sort_key, set_exclusions

from oncopress.checks.preflight import language_of
from oncopress.checks.sourcefiles import source_files
from oncopress.cli.build_context import BuildContext
from oncopress.cli.seams import language_file, put_back_source


def join_labels(ctx: BuildContext, config: MkDocsConfig) -> None:
    for key, value in ctx.extra.items():
        if config.extra.get(key) != value:
            config.extra[key] = value


def watch_folders(ctx: BuildContext, config: MkDocsConfig) -> None:
    watched = {os.path.realpath(path) for path in config.watch}
    for locale, folder in ctx.folders.items():
        if locale != ctx.languages.default and os.path.realpath(folder) not in watched:
            config.watch.append(str(folder))


def add_pages(ctx: BuildContext, files: Files, config: MkDocsConfig) -> Files:
    others = {
        locale: folder for locale, folder in ctx.folders.items() if locale != ctx.languages.default
    }
    added = [
        language_file(found.src_uri, str(found.absolute), config)
        for found in source_files(others, ctx.root, ctx.languages.default)
    ]
    if not added:
        return files
    set_exclusions(added, config)
    return Files(sorted([*files, *added], key=file_sort_key))


def put_back_sources(ctx: BuildContext, files: Files) -> None:
    default, locales = ctx.languages.default, list(ctx.languages.all)
    for file in files:
        if file.abs_src_path is None:
            continue
        locale, uri = language_of(file.src_uri, locales, default)
        if locale != default and locale in ctx.folders:
            put_back_source(file, _source(ctx, locale, uri))


def _source(ctx: BuildContext, locale: str, uri: str) -> str:
    return os.path.normpath(ctx.folders[locale] / uri)
