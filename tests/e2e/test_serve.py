"""`mkdocs serve` rebuilds when an editor saves a file in docs/, docs_es/ or the data files.

Replicate: ./tasks serve, edit docs_es/survivorship/recurrence.md, reload /es/survivorship/recurrence/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from conftest import Project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, timeout: float = 30.0) -> float:
    """Seconds until ``url`` serves a page containing ``text``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if text in _fetch(url):
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r} within {timeout} s")


@pytest.fixture
def served(project: Project) -> Iterator[tuple[Project, str]]:
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command, cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base, "<html", timeout=60)
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_reloads_english_and_spanish_edits(served: tuple[Project, str]) -> None:
    project, base = served
    spanish = project.docs_es / "care.md"
    spanish.write_text(
        spanish.read_text(encoding="utf-8") + "\nTexto nuevo del traductor.\n", "utf-8"
    )
    _wait_for(f"{base}es/care/", "Texto nuevo del traductor.")
    english = project.docs / "care.md"
    english.write_text(
        english.read_text(encoding="utf-8") + "\nNew text from the editor.\n", "utf-8"
    )
    _wait_for(f"{base}care/", "New text from the editor.")
