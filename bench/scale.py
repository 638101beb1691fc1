"""Scale benchmark: the editor's loop and the full build, hooks against plain Material + i18n.

For each N (pages per language) it generates a bilingual site (bench/sitegen.py)
twice: with the project's hooks, templates and mkdocs-bibtex, and as the same Markdown
with plain mkdocs-material + mkdocs-static-i18n (the baseline). Then, in one run:

1. saved page to rebuilt page (measured after the builds): it starts the preview
   (``tools/serve.py``, what ``./tasks serve`` runs) and, as the baseline, plain
   ``mkdocs serve`` on the hooks site; saves an English and a Spanish page in turn
   (appending a sentence) and times until the server returns the page with the new
   sentence; median of ``--edits`` saves each;
2. full strict build (``mkdocs build --strict``) in fresh processes, taking baseline,
   hooks and a second reference in turn ``--runs`` times, before anything else runs
   on the site (the second reference: plain Material + i18n + mkdocs-bibtex, which
   renders the same citations as footnotes by itself, in its own style): the
   first hooks build starts with no ``.cache/`` (cold: every readability score
   computed), the others reuse it (warm); the median wall time and processor time of
   each, and the ratios of processor time (other jobs on the machine change the wall
   time much more than the processor time). The order of the three is reversed
   every other round, and the kernel's page cache is dropped before each build when
   the benchmark runs as root (``drop_caches``; ``--keep-page-cache`` to keep it);
3. peak memory: the largest resident set of any of those builds;
4. page weight: the HTML of one topic page, in bytes.

PDFs are off (bench/pdf.py measures them). The machine's load average is printed
with each row: other jobs share its 2 cores.

    .venv/bin/python bench/scale.py                      # N = 50, 200, 500
    .venv/bin/python bench/scale.py 50 200 --runs 3 --edits 6
    .venv/bin/python bench/scale.py 500 --no-mkdocs-serve  # skip the slow baseline serve

Prints a Markdown table for BENCHMARKS.md (and each figure as a JSON line on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from oncopress.cli.benchsite import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def environment(config: Path) -> dict[str, str]:
    """The environment of a build or preview of ``config``'s site: as ``./tasks build``
    and ``./tasks serve`` run them, with Python's bytecode kept in the site's
    ``.cache/pycache/`` (every site alike, baselines included)."""
    return {**ENV, "PYTHONPYCACHEPREFIX": str(config.parent / ".cache" / "pycache")}


EDITED = ("docs/section-01/topic-0000.md", "docs_es/section-02/topic-0001.md")


def _url(page: str) -> str:
    """The served URL path of a generated page's source."""
    folder, rest = page.split("/", 1)
    prefix = "es/" if folder == "docs_es" else ""
    return prefix + rest.removesuffix(".md") + "/"


DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_caches() -> bool:
    """Empty the kernel's page cache (root only); False when it cannot.

    On the build machine (a virtual machine) each build of the same site took a little
    longer than the one before, whichever site it was: 2.24 s to 2.50 s of processor
    time over six builds of one site, back to 2.30 s once the page cache was dropped.
    Dropping it before every build keeps the figures of a long run comparable."""
    try:
        os.sync()
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    return True


def build_once(config: Path, fresh_cache: bool = False) -> dict[str, float]:
    if fresh_cache:
        drop_caches()
    out = subprocess.run(
        [
            sys.executable,
            str(HERE / "measure_build.py"),
            "--strict",
            "-f",
            str(config),
            "-d",
            str(config.parent / "site"),
        ],
        env=environment(config),
        capture_output=True,
        text=True,
        check=False,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if result["exit"] != 0:
        raise SystemExit(f"strict build of {config} failed:\n{out.stderr[-3000:]}")
    return result


def alternate_builds(
    configs: dict[str, Path], runs: int, fresh_cache: bool = False
) -> dict[str, list[dict[str, float]]]:
    """``runs`` builds of each configuration, taking them in turn, in the opposite
    order every other round (so none is always built after the others)."""
    results: dict[str, list[dict[str, float]]] = {name: [] for name in configs}
    names = list(configs)
    for round_number in range(runs):
        for name in names if round_number % 2 == 0 else names[::-1]:
            results[name].append(build_once(configs[name], fresh_cache))
    return results


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return str(error.read().decode("utf-8"))


def edit_latencies(
    config: Path, program: list[str], edits: int, log: Path, timeout: float = 600.0
) -> list[float]:
    """Seconds from saving a page to the server returning it with the new text, for
    ``edits`` saves alternating an English and a Spanish page (server output in ``log``)."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, *program, "-v", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=config.parent,
        env=environment(config),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    seconds: list[float] = []
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                _get(base + _url(EDITED[1]))
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle after the first build
        for number in range(edits):
            page = EDITED[number % 2]
            url = base + _url(page)
            path = config.parent / page
            marker = f"Edit {number} at {time.time_ns()}"
            started = time.monotonic()
            path.write_text(path.read_text("utf-8") + f"\n{marker}\n", "utf-8")
            while True:
                if time.monotonic() - started > timeout:
                    raise SystemExit(f"{program} never showed the edit of {page} in {timeout} s")
                try:
                    if marker in _get(url):
                        seconds.append(time.monotonic() - started)
                        break
                except OSError:
                    pass
                time.sleep(0.02)
            time.sleep(1.0)  # the watcher's polling interval is 0.5 s: start the next apart
        return seconds
    finally:
        process.terminate()
        process.wait(timeout=30)


def page_weight(config: Path) -> int:
    """Bytes of one built topic page's HTML (English)."""
    return (config.parent / "site" / _url(EDITED[0]) / "index.html").stat().st_size


@dataclass
class Row:
    """Every figure measured at one N (seconds, MB, bytes)."""

    n: int
    preview_edits: list[float]
    mkdocs_serve_edits: list[float]
    hooks_builds: list[float]
    plain_builds: list[float]
    hooks_cpu: list[float]
    plain_cpu: list[float]
    bibtex_cpu: list[float]
    hooks_rss_mb: float
    plain_rss_mb: float
    page_bytes: int
    plain_page_bytes: int
    load: list[float]

    def markdown(self) -> str:
        cold, warm = self.hooks_builds[0], statistics.median(self.hooks_builds[1:] or [0.0])
        plain = statistics.median(self.plain_builds)
        cold_cpu, warm_cpu = self.hooks_cpu[0], statistics.median(self.hooks_cpu[1:] or [0.0])
        plain_cpu = statistics.median(self.plain_cpu)
        bibtex_cpu = statistics.median(self.bibtex_cpu)
        served = self.mkdocs_serve_edits
        serve_text = f"{statistics.median(served):.2f} s" if served else "-"
        return (
            f"| {self.n} | {statistics.median(self.preview_edits):.2f} s "
            f"({min(self.preview_edits):.2f}-{max(self.preview_edits):.2f}) | {serve_text} "
            f"| {plain:.2f} s / {plain_cpu:.2f} s "
            f"| {warm:.2f} s / {warm_cpu:.2f} s (**{warm_cpu / plain_cpu:.2f}x**) "
            f"| {cold:.2f} s / {cold_cpu:.2f} s ({cold_cpu / plain_cpu:.2f}x) "
            f"| {bibtex_cpu:.2f} s ({warm_cpu / bibtex_cpu:.2f}x) "
            f"| {self.hooks_rss_mb:.0f} MB / {self.plain_rss_mb:.0f} MB "
            f"| {self.page_bytes / 1024:.0f} KB / {self.plain_page_bytes / 1024:.0f} KB "
            f"| {min(self.load):.1f}-{max(self.load):.1f} |"
        )


HEADER = (
    "| pages per language | saved page to rebuilt page: preview, median (range) "
    "| same, plain `mkdocs serve` | strict build, wall / CPU: baseline (Material + i18n) "
    "| hooks, warm caches (CPU x baseline) | hooks, cold caches (CPU x baseline) "
    "| Material + i18n + mkdocs-bibtex, CPU (hooks warm x it) "
    "| peak RSS (hooks / baseline) | page weight (hooks / baseline) | load average |\n"
    "|---|---|---|---|---|---|---|---|---|---|"
)


def measure(n: int, tmp: Path, args: argparse.Namespace) -> Row:
    hooks_config = generate(tmp / f"hooks-{n}", n, with_hooks=True)
    plain_config = generate(tmp / f"plain-{n}", n, with_hooks=False)
    bibtex_config = generate(tmp / f"bibtex-{n}", n, with_hooks=False, with_bibtex=True)
    logs = Path(args.logs)
    logs.mkdir(parents=True, exist_ok=True)
    load = [os.getloadavg()[0]]
    configs = {"plain": plain_config, "hooks": hooks_config, "bibtex": bibtex_config}
    builds = alternate_builds(configs, args.runs, args.drop_caches)  # first hooks build: cold
    load.append(os.getloadavg()[0])
    preview = edit_latencies(
        hooks_config, [str(ROOT / "tools" / "serve.py")], args.edits, logs / f"preview-{n}.log"
    )
    load.append(os.getloadavg()[0])
    plain_serve = (
        []
        if args.no_mkdocs_serve
        else edit_latencies(
            hooks_config,
            ["-m", "mkdocs", "serve"],
            args.baseline_edits,
            logs / f"mkdocs-serve-{n}.log",
        )
    )
    load.append(os.getloadavg()[0])
    row = Row(
        n=n,
        preview_edits=[round(s, 3) for s in preview],
        mkdocs_serve_edits=[round(s, 3) for s in plain_serve],
        hooks_builds=[b["seconds"] for b in builds["hooks"]],
        plain_builds=[b["seconds"] for b in builds["plain"]],
        hooks_cpu=[b["cpu_seconds"] for b in builds["hooks"]],
        plain_cpu=[b["cpu_seconds"] for b in builds["plain"]],
        bibtex_cpu=[b["cpu_seconds"] for b in builds["bibtex"]],
        hooks_rss_mb=max(b["max_rss_mb"] for b in builds["hooks"]),
        plain_rss_mb=max(b["max_rss_mb"] for b in builds["plain"]),
        page_bytes=page_weight(hooks_config),
        plain_page_bytes=page_weight(plain_config),
        load=[round(value, 2) for value in load],
    )
    print(json.dumps(asdict(row)), file=sys.stderr, flush=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description="Scale benchmark")
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 200, 500])
    parser.add_argument("--runs", type=int, default=3, help="builds of each, alternating")
    parser.add_argument("--edits", type=int, default=6, help="saves timed in the preview")
    parser.add_argument(
        "--baseline-edits", type=int, default=2, help="saves timed under plain mkdocs serve"
    )
    parser.add_argument("--no-mkdocs-serve", action="store_true", help="skip plain mkdocs serve")
    parser.add_argument(
        "--keep-page-cache",
        dest="drop_caches",
        action="store_false",
        help="do not drop the kernel's page cache before each build (it needs root)",
    )
    parser.add_argument(
        "--logs", default="bench-logs", help="folder for the servers' output (default: bench-logs)"
    )
    args = parser.parse_args()
    if args.drop_caches and not drop_caches():
        print("Cannot drop the page cache (not root): builds run with it", file=sys.stderr)
        args.drop_caches = False
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        rows = [measure(n, Path(tmp), args) for n in args.sizes]
    print(HEADER)
    print("\n".join(row.markdown() for row in rows))


if __name__ == "__main__":
    main()
