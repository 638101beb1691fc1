"""The site's search index: Pagefind, run over the built pages.

Pagefind (https://pagefind.app, the ``pagefind-bin`` wheel) reads the built HTML and
writes ``pagefind/`` at the site's root: for each language (the page's ``<html
lang>``), a small table of contents, the words split into chunks, and one fragment per
page with its title and text. A visitor's browser fetches only the chunks holding the
words typed and the fragments of the results shown, so a search costs about the same
whatever the size of the site (Material's lunr search downloads the whole index of the
language and builds it in the browser before the first answer). Pagefind stems English
and Spanish with the Snowball stemmers and folds accents, index and query alike.

Indexed: each page whose article carries ``data-pagefind-body`` (``overrides/main.html``
puts it on pages rendered from Markdown, unless their front matter says ``search:
exclude: true``), so the 404 pages and any page without it (redirect pages) stay out;
the text of the page, without what every page repeats (``EXCLUDED``). The worker
``overrides/assets/javascripts/workers/oncopress-search.js`` answers Material's search
box from this index, with the language's settings (``language_settings``).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# What every page repeats, left out of its indexed text: the revision and review stamp,
# the notices, the safety block, the PDF links, the edit buttons and heading anchors.
EXCLUDED = (
    ".page-notices",
    ".page-meta",
    ".site-safety",
    ".site-pdf-links",
    ".md-content__button",
    ".headerlink",
)
OUTPUT = "pagefind"
# Words a query keeps only when it has nothing else: a question typed in full ("who
# checks the pages") still finds the pages with its other words.
STOP_WORDS: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        "a an and are as at be by can do does for from how i in is it me my of on or "
        "that the this to what when where which who why with you your".split()
    ),
    "es": frozenset(
        "a al como con cual cuando de del donde el en es esta este la las le lo los me mi "
        "mis o para por que quien se si son su sus te tu un una unas unos y".split()
    ),
}


class SearchIndexError(ValueError):
    """Pagefind could not index the built site."""


def pagefind_command(program: Path, site_dir: Path) -> list[str]:
    """The command that indexes ``site_dir`` into ``site_dir/pagefind/``."""
    command = [str(program), "--site", str(site_dir), "--output-subdir", OUTPUT, "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


def run_pagefind(program: Path, site_dir: Path) -> None:
    """Index the built site in ``site_dir`` (the program's own settings files and
    ``PAGEFIND_*`` variables ignored); raises ``SearchIndexError`` when it fails."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    try:
        done = subprocess.run(
            pagefind_command(program, site_dir),
            cwd=site_dir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        raise SearchIndexError(
            f"{program}: the search indexer could not start ({error.strerror}); "
            "run ./tasks setup to install it again"
        ) from error
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(
            f"{site_dir}: the search indexer failed: {detail[-1] if detail else done.returncode}"
        )


def language_settings(
    locale: str, synonyms: Mapping[str, Sequence[str]], config: Mapping[str, Any]
) -> dict[str, Any]:
    """What the worker reads from a language's ``search/search_index.json``: Material's
    search settings (``config``), the language, its synonyms and its stop words; no
    documents (the pages are in Pagefind's index)."""
    settings = {**config, "lang": [locale], "pipeline": []}
    settings["synonyms"] = {word: list(words) for word, words in synonyms.items()}
    settings["stopwords"] = sorted(STOP_WORDS.get(locale, frozenset()))
    return {"config": settings, "docs": []}
