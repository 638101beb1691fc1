"""The site's search index: Pagefind, run over each language's pages.

Pagefind (https://pagefind.app, the ``pagefind-bin`` wheel) reads HTML pages and writes
a search bundle: a small table of contents, the words split into chunks, and one
fragment per page with its title and text. A visitor's browser fetches only the chunks
holding the words typed and the fragments of the results shown, so a search costs about
the same whatever the size of the site (Material's lunr search downloads the whole index
of the language and builds it in the browser before the first answer). Pagefind stems
English and Spanish with the Snowball stemmers and folds accents, index and query alike.

Each language has its own bundle, in its folder (``pagefind/``, ``es/pagefind/``). What
Pagefind reads is not the built pages but each page's article alone (``article_page``:
its title and its text as Markdown rendered it, references included), written during
the build into a folder of the language's site (``SCRATCH``) that indexing removes:
the built pages repeat the whole navigation, which made Pagefind three times slower.
Only pages rendered from Markdown are indexed, unless their front matter says
``search: exclude: true``; the 404 pages and redirect pages never are. The worker
``overrides/assets/javascripts/workers/oncopress-search.js`` answers Material's search
box from the bundle, with the language's settings (``language_settings``).
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# Left out of the indexed text: the headings' permalink signs, and what the page marks
# as no search text (a glossary term's definition: oncopress.glossary.glossary_markdown).
EXCLUDED = (".headerlink", "[data-search-exclude]")
OUTPUT = "pagefind"
SCRATCH = ".search-pages"  # the articles Pagefind reads, removed once indexed
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


def article_page(language: str, title: str, content: str) -> str:
    """What Pagefind reads of a page: its article (``content``, the HTML Markdown gave),
    with its title as a heading if the article has none."""
    heading = "" if "<h1" in content else f"<h1>{html.escape(title)}</h1>"
    return (
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body>{heading}{content}</body></html>"
    )


def pagefind_command(program: Path, pages: Path, output: Path) -> list[str]:
    """The command that indexes the pages in ``pages`` into ``output``."""
    command = [str(program), "--site", str(pages), "--output-path", str(output), "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command


def index_language(program: Path, language_site: Path) -> None:
    """Index the articles written into ``language_site/SCRATCH`` into
    ``language_site/pagefind/`` (replaced), then remove them; the program's own settings
    files and ``PAGEFIND_*`` variables are ignored. Raises ``SearchIndexError`` when
    Pagefind fails."""
    pages, output = language_site / SCRATCH, language_site / OUTPUT
    env = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    try:
        if output.exists():
            shutil.rmtree(output)
        pages.mkdir(parents=True, exist_ok=True)  # no page: an empty index
        done = subprocess.run(
            pagefind_command(program, pages, output),
            cwd=pages,
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
    finally:
        shutil.rmtree(pages, ignore_errors=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(
            f"{language_site}: the search indexer failed: "
            f"{detail[-1] if detail else done.returncode}"
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
