"""The editorial gates of a build, run without MkDocs (``./tasks check``): the same core
functions the hooks call, on the same inputs, giving the same messages.

A build stops at its first failing gate; this runs every gate it can and gives every
problem at once. It stops only where a gate needs what a failed one reads: after a
problem with mkdocs.yml's settings, the source folder, the bibliography or the
editorial setup (registry, ledger), no page is read; a page whose size, nesting or
front matter is refused is not rendered.

In the order a build runs them:

0. languages: each one Babel knows, with every label of the site (its labels file);
1. settings: every section of ``extra:`` (``read_site_settings``), search synonyms;
2. source folder: symbolic links out of the project, unsafe names, folders named like a
   language code, each language's folder of pages (``docs_es``);
3. bibliography: the file (or folder) exists and reads, and its warnings;
4. editorial setup: no fallback to the default language, reviewer registry, ledger,
   build date; sample reviewers;
5. placeholder addresses in settings and ``site_url``; site chrome
   (``oncopress.checks.setup_gates``);
6. each page's size and nesting; third-party loads in style sheets;
7. the editorial check and the sign-off ledger (front matter, dates, reviewers,
   citation keys, counterparts, drafts, stale translations); the moves of
   ``redirects.yml`` against the pages;
8. each page's HTML (``oncopress.checks.page_html``): links to local files, the HTML
   policy, readability, placeholder links, third-party loads;
9. editors' news: About pages, reviews overdue, translations pending
   (``oncopress.checks.page_gates``).

What only a build checks: MkDocs' own validation (links between pages, anchors, the
navigation), duplicate page titles, the theme's templates, and the addresses of
published-urls.txt (they are compared with the site built).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date

from oncopress.checks.gate_lines import GateRun, Severity
from oncopress.checks.page_gates import (
    about_pages,
    editorial_check,
    html_gates,
    source_check,
    style_sheets,
)
from oncopress.checks.setup_gates import setup_gates
from oncopress.checks.sourcefiles import read_pages, source_files
from oncopress.pages.redirects import RedirectError, read_redirects
from oncopress.quality.readability_cache import ReadabilityCache
from oncopress.settings.platform import PlatformConfig


def run_gates(
    platform: PlatformConfig,
    *,
    environ: Mapping[str, str],
    clock: Callable[[], date],
    scores: ReadabilityCache | None = None,
) -> GateRun:
    """Every gate over the project ``platform`` describes. ``environ`` and ``clock``
    give the build date (``SOURCE_DATE_EPOCH``, today); ``scores`` keeps readability
    scores between runs."""
    run = GateRun()
    setup = setup_gates(platform, run, environ, clock)
    if setup is None:
        run.stopped = True
        return run
    platform = setup.platform  # with each language's chrome from its labels file
    locales, original = platform.locales, platform.default_locale
    files = source_files(platform.language_folders(), platform.root, original)
    pages = read_pages(files)
    counted = Counter(page.locale for page in pages)
    run.pages = {locale: counted[locale] for locale in locales}
    safe = source_check(pages, setup.settings, run)
    style_sheets(platform, files, run)
    readable, signed_off = editorial_check(platform, pages, setup, run)
    originals = (file.uri for file in files if file.locale == original and file.uri.endswith(".md"))
    try:
        read_redirects(platform.root).resolved(originals)
    except RedirectError as error:
        run.add(Severity.ERROR, error)
    rendered = [
        page
        for page in pages
        if page.path in safe and page.path in readable and page.locale in platform.build_locales
    ]
    html_gates(platform, rendered, setup, run, scores or ReadabilityCache(""))
    about_pages(platform, files, setup.settings, run)
    if signed_off:  # the build's news, once every page passed the editorial check
        for line in setup.state.news():
            run.add(Severity.INFO, line)
    return run
