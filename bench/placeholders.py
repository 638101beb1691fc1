"""Cost per page of the placeholder gate (src/oncopress/cli/step_gates.py, issue 10).

Usage: .venv/bin/python bench/placeholders.py [SITE_DIR]   (default: a fresh build in a
temporary folder). Times ``placeholder_urls`` on every built article of the site: the
usual page (no placeholder-looking host in it) and the same page with one placeholder
link added, which takes the full HTML parse.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from oncopress.checks.placeholder_hosts import placeholder_urls
from oncopress.pdf.handout import extract_article

ROOT = Path(__file__).resolve().parent.parent

ROUNDS = 200


def articles(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("index.html")):
        if "search" in path.parts or "assets" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "<article" in text:
            found.append(extract_article(text))
    return found


def per_page_ms(pages: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for page in pages:
                placeholder_urls(page)
        best = min(best, (time.perf_counter() - start) / (ROUNDS * len(pages)))
    return best * 1000


def main() -> None:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp()) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
    pages = articles(site)
    link = '<p><a href="https://donate.example.org/">x</a></p>'
    print(f"{len(pages)} articles, {sum(map(len, pages)) // len(pages)} characters on average")
    print(f"usual page: {per_page_ms(pages):.3f} ms")
    print(f"page with a placeholder link: {per_page_ms([p + link for p in pages]):.3f} ms")


if __name__ == "__main__":
    main()
