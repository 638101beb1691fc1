"""Search benchmark: what a visitor's phone pays to search, today's search against the new.

For each N (pages per language) it generates the bilingual benchmark site
(``bench/sitegen.py``, PDFs off) and builds it with ``mkdocs build --strict`` for each
engine (``--builds K``: K times each, the engines taking turns, the order reversed every
other turn; the first build is cold, with no ``.cache/``, and the table gives the median
of the others, warm, beside it):

- ``lunr``: the project as of ``--baseline`` (a commit, by default the last one with
  Material's lunr search), taken with ``git archive`` into a temporary folder, its
  generator and core on ``PYTHONPATH``;
- ``pagefind``: the project as of ``PAGEFIND``, the last commit searching with Pagefind;
- ``shards``: the project as it is in this checkout (the site's own sharded index);
- ``lunr-index``: this checkout built with Material's lunr index in place of its own
  (``BENCH_SEARCH=lunr``, see ``measure_build.py``): the build's cost of lunr's search
  on today's project, whose other work the ``lunr`` commit lacks; built, not visited;
- any other name is a commit, its project taken as the baseline's is: ``273961e``, the
  last whose shards were not searched for a first letter alone.

Each site is served on 127.0.0.1 by a server that counts every byte it sends. For each
language, a fresh Chromium tab (Debian's, ``$CHROMIUM`` to change it) with a 390 px wide
viewport and a 4x CPU slowdown (DevTools' ``Emulation.setCPUThrottlingRate``) opens a
topic page, waits for its ``load`` event (the page's load time, measured from the
navigation's start), then does what a person does: taps the search toggle, waits 1 s
(finding the keyboard, thinking of the words), then types two queries into the search
box, one key every 80 ms, with 1 s between them: a broad one (words of every generated
page) and a narrow one (one page's number). Each query's clock starts at its first key.

Per language and site it records:
- search bytes: every response for the search over the visit (page load and both
  queries): the index, the worker, lunr or Pagefind's files; as sent (this server does
  not compress) and gzip-compressed (what a compressing server would send);
- first results: from the first key of the first query to the first result shown;
- later query: from the first key of the second query to its first result shown, and
  from its last key to its final results;
- the page's own load time, and first results / load time.

    .venv/bin/python bench/search.py                       # N = 100, 500, 1000, 2000
    .venv/bin/python bench/search.py --sizes 100,1000      # a few minutes
    .venv/bin/python bench/search.py --sizes 2000 --builds 5  # the builds' cost too

Prints a Markdown table (each figure also as a JSON line on stderr). It is a benchmark,
not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# The last commit whose site searched with Material's lunr index (issue 24's "before"),
# and the last that searched with Pagefind's.
BASELINE = "50da0f8"
PAGEFIND = "c05ec3d"
LUNR_INDEX = "lunr-index"  # this checkout, Material's lunr index in place of its own
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
THROTTLE = 4
KEY_DELAY_MS = 80
QUERIES = {
    "en": ("questions after treatment", "topic 17"),
    "es": ("preguntas sobre el tratamiento", "tema 17"),
}
PAGE = "section-08/topic-0017/"  # the page a visit opens (in each language's folder)
# What the search fetches, by path: today's index, worker and lunr; Pagefind's bundle.
SEARCH_PATHS = (
    "/search/",
    "/assets/javascripts/workers/",
    "/assets/javascripts/lunr/",
    "/pagefind/",
)

# In the page: when each key went down, and each change of the results list.
PROBE = """
window.__probe = {keys: [], shown: []};
document.addEventListener("keydown", () => __probe.keys.push(performance.now()), true);
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".md-search-result__list");
  if (!list) return;
  new MutationObserver(() => __probe.shown.push(
    [performance.now(), list.querySelectorAll(".md-search-result__item").length]
  )).observe(list, {childList: true, subtree: true});
});
"""


@dataclass
class Visit:
    size: int
    engine: str
    language: str
    load_s: float
    search_bytes: int
    search_gzip_bytes: int
    first_results_s: float
    later_first_s: float
    later_done_s: float
    requests: int
    first_paint_s: float  # the page's first contentful paint
    page_bytes: int  # everything fetched until the load event (search included)
    page_gzip_bytes: int

    @property
    def ratio(self) -> float:
        return self.first_results_s / self.load_s


class _Counting(http.server.SimpleHTTPRequestHandler):
    log: list[tuple[str, int, int]]  # (path, bytes, gzip bytes), set per server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.log.append((self.path.split("?", 1)[0], len(data), len(gzip.compress(data, 6))))


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    log: list[tuple[str, int, int]] = []
    handler = type("Handler", (_Counting,), {"log": log})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()


def baseline_tree(commit: str, tmp: Path) -> Path:
    """The project as of ``commit``, unpacked into ``tmp``."""
    tree = tmp / f"tree-{commit}"
    if not tree.exists():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True
        ).stdout
        tree.mkdir(parents=True)
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
    return tree


def generate(engine: str, size: int, tmp: Path, tree: Path | None) -> tuple[Path, dict[str, str]]:
    """Generate the site of ``size`` pages per language for ``engine``'s project
    (``tree``: another checkout, None: this one); returns its folder and the
    environment its builds run in."""
    env = dict(ENV)
    if tree is not None:
        env["PYTHONPATH"] = str(tree / "src")
    if engine == LUNR_INDEX:
        env["BENCH_SEARCH"] = "lunr"
    project = tmp / f"{engine}-{size}"
    generator = (tree or ROOT) / "bench" / "sitegen.py"
    subprocess.run(
        [sys.executable, str(generator), str(project), str(size)],
        env=env,
        check=True,
        capture_output=True,
    )
    return project, env


def build(project: Path, env: dict[str, str]) -> dict[str, float]:
    """One strict build of ``project`` into its ``site/``: its figures (measure_build)."""
    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "measure_build.py"),
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(project / "site"),
        ],
        env={**env, "PYTHONPYCACHEPREFIX": str(project / ".cache" / "pycache")},
        capture_output=True,
        text=True,
        check=False,
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if figures["exit"] != 0:
        raise SystemExit(f"build of {project} failed:\n{out.stderr[-3000:]}")
    return figures


def summary(runs: list[dict[str, float]]) -> dict[str, float]:
    """The first build (cold: no ``.cache/``) and the median of the others (warm)."""
    warm = runs[1:] or runs
    return {
        "seconds": runs[0]["seconds"],
        "cpu_seconds": runs[0]["cpu_seconds"],
        "warm_seconds": statistics.median(r["seconds"] for r in warm),
        "warm_cpu_seconds": statistics.median(r["cpu_seconds"] for r in warm),
        "max_rss_mb": max(r["max_rss_mb"] for r in runs),
    }


def _first_shown(shown: list[list[float]], after: float) -> float | None:
    return next((t - after for t, count in shown if t >= after and count > 0), None)


def visit(browser, base_url: str, log: list, language: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """One visit: open the page, type both queries; the figures of ``Visit``."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(PROBE)
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    del log[:]
    home = "" if language == "en" else f"{language}/"
    page.goto(f"{base_url}{home}{PAGE}", wait_until="load")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    paint = page.evaluate(
        "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: 0}).startTime"
    )
    page_bytes = sum(entry[1] for entry in log)
    page_gzip = sum(entry[2] for entry in log)
    box = page.locator("input.md-search__input")
    page.locator("label.md-header__button[for=__search]").click()
    page.wait_for_timeout(1000)  # a person's pause between opening the search and typing
    figures: dict[str, float] = {"load_s": load}
    figures.update(first_paint_s=paint / 1000, page_bytes=page_bytes, page_gzip_bytes=page_gzip)
    for number, query in enumerate(QUERIES[language]):
        if number:
            box.fill("")
            page.wait_for_timeout(1000)
        start = page.evaluate("__probe.keys.length")
        box.press_sequentially(query, delay=KEY_DELAY_MS)
        first_key, last_key = page.evaluate(f"[__probe.keys[{start}], __probe.keys.at(-1)]")
        quiet_since, shown_count = time.monotonic(), 0
        while time.monotonic() - quiet_since < 2.0:  # until the list stops changing for 2 s
            page.wait_for_timeout(100)
            count = page.evaluate("__probe.shown.length")
            if count != shown_count:
                quiet_since, shown_count = time.monotonic(), count
        shown = page.evaluate("__probe.shown")
        first = _first_shown(shown, first_key)
        if first is None:
            raise SystemExit(f"{language} {query!r}: no results shown on {page.url}")
        changes = [t for t, _ in shown if t >= last_key]
        done = (changes[-1] - last_key) if changes else 0.0
        if number == 0:
            figures["first_results_s"] = first / 1000
        else:
            figures["later_first_s"], figures["later_done_s"] = first / 1000, done / 1000
    searched = [
        entry
        for entry in log
        if entry[0].startswith(
            tuple("/" + home + p.lstrip("/") for p in SEARCH_PATHS) + SEARCH_PATHS
        )
    ]
    figures["search_bytes"] = sum(entry[1] for entry in searched)
    figures["search_gzip_bytes"] = sum(entry[2] for entry in searched)
    figures["requests"] = len(searched)
    context.close()
    return figures


def table(visits: list[Visit], builds: dict[tuple[str, int], dict[str, float]]) -> str:
    lines = [
        "| pages/lang | engine | lang | search KB (gzip) | requests | first results s | "
        "later query s (first / done) | page load s | first/load | first paint s | "
        "page KB until load (gzip) | build s (CPU s), cold / warm | build peak MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for v in visits:
        b = builds[(v.engine, v.size)]
        lines.append(
            f"| {v.size} | {v.engine} | {v.language} | {v.search_bytes / 1024:.0f} "
            f"({v.search_gzip_bytes / 1024:.0f}) | {v.requests} | {v.first_results_s:.2f} | "
            f"{v.later_first_s:.2f} / {v.later_done_s:.2f} | {v.load_s:.2f} | {v.ratio:.2f} | "
            f"{v.first_paint_s:.2f} | {v.page_bytes / 1024:.0f} ({v.page_gzip_bytes / 1024:.0f}) | "
            f"{b['seconds']:.1f} ({b['cpu_seconds']:.1f}) / {b['warm_seconds']:.1f} "
            f"({b['warm_cpu_seconds']:.1f}) | {b['max_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def ratios(visits: list[Visit], small: int, large: int) -> str:
    """The issue's targets: growth from ``small`` to ``large`` pages per language."""
    lines = [
        f"Growth from {small} to {large} pages per language (targets: bytes <= 2x, "
        f"first results <= 1.5x; first/load <= 0.3 at {large}):"
    ]
    for v in visits:
        if v.size != large:
            continue
        [w] = [x for x in visits if (x.size, x.engine, x.language) == (small, v.engine, v.language)]
        lines.append(
            f"- {v.engine} {v.language}: bytes x{v.search_bytes / w.search_bytes:.2f}, first "
            f"results x{v.first_results_s / w.first_results_s:.2f}, first/load {v.ratio:.2f}"
        )
    return "\n".join(lines)


def build_ratios(builds: dict[tuple[str, int], dict[str, float]], engines: list[str]) -> str:
    """Each engine's builds against the first engine's, per size (target: at most 1.1x)."""
    lines = [f"Builds against {engines[0]}'s (processor time; target at 2000: at most 1.1x):"]
    for (engine, size), b in builds.items():
        first = builds[(engines[0], size)]
        if engine != engines[0]:
            lines.append(
                f"- {engine} at {size}: cold x{b['cpu_seconds'] / first['cpu_seconds']:.3f}, "
                f"warm x{b['warm_cpu_seconds'] / first['warm_cpu_seconds']:.3f}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="100,500,1000,2000", help="pages per language")
    parser.add_argument("--baseline", default=BASELINE, help="commit of today's search")
    parser.add_argument(
        "--engines", default="lunr,shards", help="of lunr, pagefind, shards, lunr-index, commits"
    )
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument(
        "--builds", type=int, default=1, help="builds of each site, engines taking turns"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    engines = args.engines.split(",")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        trees = {
            "lunr": baseline_tree(args.baseline, tmp) if "lunr" in engines else None,
            "pagefind": baseline_tree(PAGEFIND, tmp) if "pagefind" in engines else None,
            "shards": None,
            LUNR_INDEX: None,
        }
        trees.update((e, baseline_tree(e, tmp)) for e in engines if e not in trees)
        visits: list[Visit] = []
        builds: dict[tuple[str, int], dict[str, float]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for size in sizes:
                projects = {e: generate(e, size, tmp, trees[e]) for e in engines}
                runs: dict[str, list[dict[str, float]]] = {e: [] for e in engines}
                for turn in range(args.builds):  # the order reversed every other turn
                    for engine in engines if turn % 2 == 0 else engines[::-1]:
                        runs[engine].append(build(*projects[engine]))
                        record = {"build": engine, "size": size, "turn": turn, **runs[engine][-1]}
                        print(json.dumps(record), file=sys.stderr)
                for engine in engines:
                    builds[(engine, size)] = summary(runs[engine])
                    if engine == LUNR_INDEX:
                        continue  # its pages still ask for the site's own index
                    with serve(projects[engine][0] / "site") as (base_url, log):
                        for language in ("en", "es"):
                            figures = visit(browser, base_url, log, language)
                            visits.append(Visit(size, engine, language, **figures))  # type: ignore[arg-type]
                            print(json.dumps(asdict(visits[-1])), file=sys.stderr)
            browser.close()
    print(table(visits, builds))
    if len(sizes) > 1:
        print()
        print(ratios(visits, min(sizes), 1000 if 1000 in sizes else max(sizes)))
    if len(engines) > 1:
        print()
        print(build_ratios(builds, engines))


if __name__ == "__main__":
    main()
