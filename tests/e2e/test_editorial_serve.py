"""Under `mkdocs serve`, an editorial problem shows the build's message, and the
site recovers once the file is fixed; a changed bibliography is formatted in house
style again (mkdocs-bibtex reloads it, hooks/bibliography.py re-installs its registry),
with any HTML or Markdown in its fields shown as text.

Replicate: ./tasks serve, delete `reviewed_by:` from docs/survivorship/recurrence.md,
read the terminal, put it back.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup
from conftest import Project

NO_REVIEWER = "  Doc file 'docs_es/care.md' (es): medical page has no 'reviewed_by' in front matter"


class Server:
    def __init__(self, project: Project) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        self.process = subprocess.Popen(
            command,
            cwd=project.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.base = f"http://127.0.0.1:{port}/"
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def fetch(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def wait(self, what: str, check: Callable[[], bool], timeout: float = 60.0) -> None:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        log = "".join(self.output)
        raise AssertionError(f"never saw {what} within {timeout} s\n--- serve log ---\n{log}")

    def page_shows(self, path: str, text: str) -> Callable[[], bool]:
        return lambda: text in self.fetch(path)

    def logged(self, text: str) -> Callable[[], bool]:
        return lambda: any(text in line for line in self.output)


@pytest.fixture
def server(project: Project) -> Iterator[Server]:
    served = Server(project)
    try:
        served.wait("the first build", served.page_shows("es/care/", "Última revisión"))
        yield served
    finally:
        served.process.terminate()
        served.process.wait(timeout=10)


def test_serve_reports_a_problem_and_recovers(project: Project, server: Server) -> None:
    page = project.docs_es / "care.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("reviewed_by: [content-team]\n", ""), encoding="utf-8")
    server.wait("the editorial error", server.logged(NO_REVIEWER))
    assert not any("Traceback" in line for line in server.output), "".join(server.output)

    page.write_text(good + "\nTexto corregido.\n", encoding="utf-8")
    server.wait("the fixed page", server.page_shows("es/care/", "Texto corregido."))

    bib = project.root / "bibliography.bib"
    changed = "Managing <b>common</b> *clinical* problems_of_survivors"
    text = bib.read_text(encoding="utf-8").replace(
        "Management of common clinical problems", changed
    )
    bib.write_text(text, encoding="utf-8")
    server.wait("the changed reference", server.page_shows("care/", "Managing"))
    item = BeautifulSoup(server.fetch("care/"), "lxml").select_one("li#fn\\:emery2022management p")
    assert item is not None
    assert item.find("b") is None, "HTML from bibliography.bib reached the page"
    assert item.get_text(" ", strip=True).startswith(
        "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. "
        f"{changed} experienced by survivors of cancer. The Lancet."
    ), "not in house style: the registry was not re-installed after the reload"
