"""Scale benchmark: the project's hooks against plain Material + i18n on big sites.

For each N (pages per language) it generates a bilingual site (bench/sitegen.py),
builds it with the project's hooks, templates and mkdocs-bibtex, and again as the same
Markdown with plain mkdocs-material + mkdocs-static-i18n (the baseline), each in a
fresh process; then it measures, under `mkdocs serve`, the time from saving one page
to the server returning the rebuilt page. PDFs are off (bench/pdf.py measures them).

    .venv/bin/python bench/scale.py                 # N = 50, 200, 500
    .venv/bin/python bench/scale.py 50 200 --runs 3

Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitegen import generate

HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}


def build(config: Path, runs: int) -> dict[str, float]:
    """Best wall time and largest peak memory over ``runs`` fresh-process builds."""
    best: dict[str, float] = {"seconds": float("inf"), "max_rss_mb": 0.0}
    for _ in range(runs):
        out = subprocess.run(
            [
                sys.executable,
                str(HERE / "measure_build.py"),
                "-f",
                str(config),
                "-d",
                str(config.parent / "site"),
            ],
            env=ENV,
            capture_output=True,
            text=True,
            check=False,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if result["exit"] != 0:
            raise SystemExit(f"build of {config} failed:\n{out.stderr[-3000:]}")
        best["seconds"] = min(best["seconds"], result["seconds"])
        best["max_rss_mb"] = max(best["max_rss_mb"], result["max_rss_mb"])
    return best


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def serve_edit_latency(config: Path, *options: str, timeout: float = 300.0) -> float:
    """Seconds from saving one Spanish page to `mkdocs serve` returning the new text."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-f",
            str(config),
            "-a",
            f"127.0.0.1:{port}",
            *options,
        ],
        cwd=config.parent,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    page = config.parent / "docs_es" / "section-01" / "topic-0000.md"
    url = f"http://127.0.0.1:{port}/es/section-01/topic-0000/"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                _get(url)
                break
            except OSError:
                time.sleep(0.2)
        marker = f"Texto nuevo {time.time_ns()}"
        started = time.monotonic()
        page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        while time.monotonic() - started < timeout:
            try:
                if marker in _get(url):
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit(f"mkdocs serve never showed the edit within {timeout} s")
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description="Scale benchmark")
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 200, 500])
    parser.add_argument("--runs", type=int, default=1, help="builds per variant (best time)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve latency")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as tmp:
        for n in args.sizes:
            hooks_config = generate(Path(tmp) / f"hooks-{n}", n, with_hooks=True)
            plain_config = generate(Path(tmp) / f"plain-{n}", n, with_hooks=False)
            plain = build(plain_config, args.runs)
            hooked = build(hooks_config, args.runs)
            latency = None if args.no_serve else serve_edit_latency(hooks_config)
            pages = 2 * n
            rows.append((n, hooked, plain, latency, pages))
            print(
                f"N={n}: hooks {hooked['seconds']:.2f} s, baseline {plain['seconds']:.2f} s",
                file=sys.stderr,
                flush=True,
            )

    per_page_50 = None
    print(
        "| pages per language | build with hooks | baseline (Material + i18n) "
        "| hooks / baseline | time per page (hooks) | vs N=50 "
        "| peak RSS (hooks / baseline) | serve: edit to rebuilt page |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for n, hooked, plain, latency, pages in rows:
        per_page = hooked["seconds"] / pages
        if n == 50:
            per_page_50 = per_page
        vs = f"{per_page / per_page_50:.2f}x" if per_page_50 else "-"
        serve_text = "-" if latency is None else f"{latency:.2f} s"
        print(
            f"| {n} | {hooked['seconds']:.2f} s | {plain['seconds']:.2f} s "
            f"| {hooked['seconds'] / plain['seconds']:.2f} | {per_page * 1000:.1f} ms | {vs} "
            f"| {hooked['max_rss_mb']:.0f} MB / {plain['max_rss_mb']:.0f} MB | {serve_text} |"
        )


if __name__ == "__main__":
    main()
