"""An outside audit of a visit (issue 24): Lighthouse 12.2.3, mobile preset, on the built
sample served with gzip from a local port.

Builds the sample (``tasks.py build``, PDFs included unless ``--no-pdfs``) into a
temporary folder, serves it on 127.0.0.1 with gzip and the publishers' guide's
``Cache-Control`` headers, and runs Lighthouse (installed once with ``npm i -E
lighthouse@12.2.3`` into ``.cache/lighthouse/``; Node 18 or later) with Chromium
(``$CHROME_PATH``, else ``/usr/bin/chromium``) on the home page and the recurrence page
in English and Spanish. Prints, for each page, the four scores (performance,
accessibility, best practices, SEO; the median of ``--runs`` runs) and every audit that
failed in any run. Performance scores depend on the machine and its load: an optional
benchmark, not a test.

    python bench/lighthouse.py [--runs N] [--no-pdfs] [--site DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VERSION = "12.2.3"
CACHE = ROOT / ".cache" / "lighthouse"
CLI = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ("", "survivorship/recurrence/", "es/", "es/survivorship/recurrence/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def install() -> Path:
    if not CLI.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        command = ["npm", "i", "-E", f"lighthouse@{VERSION}", "--prefix", str(CACHE)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return CLI


def build(site: Path, pdfs: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "1" if pdfs else "0"}
    command = [sys.executable, str(ROOT / "tasks.py"), "build", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")


def cache_control(path: str) -> str:
    """The publishers' guide's headers ("Deploying", caching)."""
    if path.startswith(("/assets/javascripts/", "/assets/stylesheets/")):
        return "public, max-age=31536000, immutable"
    if path.startswith("/assets/"):
        return "public, max-age=3600"
    return "no-cache"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as any host serves them)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0]))
        super().end_headers()

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html":
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def audit(cli: Path, url: str) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        "node",
        str(cli),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return dict(json.loads(result.stdout))


def failed(report: dict[str, Any]) -> dict[str, tuple[str, float, str]]:
    """The audits of the four categories that did not pass, by id: title, score and the
    value Lighthouse shows; ``(diagnostic)`` marks one that weighs nothing in a score."""
    weights: dict[str, float] = {}
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            weights[ref["id"]] = weights.get(ref["id"], 0) + ref.get("weight", 0)
    found = {}
    for audit_id, weight in weights.items():
        audit = report["audits"][audit_id]
        mode, score = audit.get("scoreDisplayMode"), audit.get("score")
        if mode not in ("binary", "numeric", "metricSavings") or score is None:
            continue
        if score < (1 if mode == "binary" else 0.9):
            title = audit["title"] + ("" if weight else " (diagnostic)")
            found[audit_id] = (title, float(score), str(audit.get("displayValue") or ""))
    return found


def summary(reports: list[dict[str, Any]]) -> list[str]:
    """One line per audit that failed in any run: its score (and value) in each run that
    failed it."""
    runs = [failed(report) for report in reports]
    lines = []
    for audit_id in sorted({key for run in runs for key in run}):
        seen = [run[audit_id] for run in runs if audit_id in run]
        values = "; ".join(
            f"{score:.2f}" + (f" {value}" if value else "") for _, score, value in seen
        )
        counted = f", {len(seen)} of {len(runs)} runs" if len(runs) > 1 else ""
        lines.append(f"{audit_id} ({values}{counted}): {seen[0][0]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median scores)")
    parser.add_argument("--no-pdfs", action="store_true", help="build without the PDFs")
    parser.add_argument("--site", type=Path, help="audit this built site (no build)")
    parser.add_argument("--json", type=Path, help="write the scores to this file too")
    args = parser.parse_args()
    cli = install()
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        site = args.site
        if site is None:
            site = work / "site"
            build(site, pdfs=not args.no_pdfs)
        results: dict[str, dict[str, Any]] = {}
        with serve(site) as base:
            for page in PAGES:
                reports = [audit(cli, base + page) for _ in range(args.runs)]
                scores = {
                    name: statistics.median(
                        round(100 * (r["categories"][name]["score"] or 0)) for r in reports
                    )
                    for name in CATEGORIES
                }
                problems = summary(reports)
                results["/" + page] = {"scores": scores, "failed": problems}
                shown = " ".join(f"{name} {score:g}" for name, score in scores.items())
                print(f"/{page}: {shown}")
                for line in problems:
                    print(f"    {line}")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
