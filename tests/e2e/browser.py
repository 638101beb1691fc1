"""Serve a built site on 127.0.0.1 and drive Debian's Chromium with Playwright.

Browser test modules import the fixtures ``base_url`` (the real site, served),
``browser`` (Chromium) and ``page`` (a fresh desktop tab) from here.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


_ROOT = Path(__file__).resolve().parent.parent.parent
SITE_HOST = urlsplit(
    yaml.safe_load((_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
).netloc


def foreign_requests(requested: list[str], base_url: str) -> list[str]:
    """The requests in ``requested`` to a host other than the site's own.

    The site's own hosts are the local test server and ``site_url``'s host, which is
    the same site once published: Material's language switch fetches the
    ``sitemap.xml`` next to each ``hreflang`` alternate in the head, and those are
    absolute URLs on ``site_url`` (see hooks/linkmeta.py).
    """
    own = {urlsplit(base_url).netloc, SITE_HOST}
    return [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss")
        and urlsplit(url).netloc not in own
    ]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free loopback port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url(real_site) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real site (built once per session by conftest), served on loopback."""
    with serve(real_site.site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run ./tasks setup (installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
