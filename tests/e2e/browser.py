"""Serve a built site on 127.0.0.1 and drive Chromium with Playwright.

Which Chromium: ``$CHROMIUM`` if set, else Debian's (``/usr/bin/chromium``, which
``./tasks test`` installs where apt may be used), else Playwright's own (``python -m
playwright install chromium``: macOS, Windows, a Linux without apt). Without any, each
browser test fails with how to get one on this system (``tasks.chromium_advice``).

Browser test modules import the fixtures ``base_url`` (the real site, served),
``browser`` (Chromium) and ``page`` (a fresh desktop tab), or ``launch_chromium``, from here.
"""

from __future__ import annotations

import functools
import http.server
import platform
import runpy
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest

_ROOT = Path(__file__).resolve().parent.parent.parent
# tasks.py, the project's entry point, knows which Chromium, and how to get one.
_TASKS = SimpleNamespace(**runpy.run_path(str(_ROOT / "tasks.py"), run_name="tasks_py"))
CHROMIUM: str | None = _TASKS.system_chromium()  # None: Playwright's own Chromium
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


def foreign_requests(requested: list[str], base_url: str) -> list[str]:
    """The requests in ``requested`` to any origin but the one serving the page.

    The site's own published host (``site_url``'s) counts as foreign too: a page served
    from anywhere else (the preview, a staging copy, this test's server) that asks the
    published host for something tells that host who reads what, and fails offline.
    """
    own = urlsplit(base_url).netloc
    return [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != own
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


def launch_chromium(playwright: Any, **options: Any) -> Any:
    """A headless Chromium (see the module's docstring for which); without one, the test
    fails with how to get one on this system."""
    advice = _TASKS.chromium_advice(platform.system(), _TASKS.os_release())
    if CHROMIUM is not None and not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} does not exist: {advice}")
    try:
        return playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, **options
        )
    except Exception as error:  # playwright's Error: its own Chromium is not installed
        if CHROMIUM is None and "Executable doesn't exist" in str(error):
            pytest.fail(advice)
        raise


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch_chromium(p)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
