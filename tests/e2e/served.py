"""A preview server (`mkdocs serve` or tools/serve.py) of a test project on a free
loopback port, its terminal output collected line by line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent.parent
MKDOCS_SERVE = ("-m", "mkdocs", "serve")
PREVIEW = (str(ROOT / "tools" / "serve.py"),)


class Server:
    def __init__(
        self,
        root: Path,
        program: tuple[str, ...] = MKDOCS_SERVE,
        env: dict[str, str] | None = None,
    ) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        # COLUMNS=0: no terminal width, so MkDocs does not wrap the lines it prints
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0", "COLUMNS": "0"}
        command = [sys.executable, *program, "-a", f"127.0.0.1:{port}"]
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env={**environment, **(env or {})},
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
            self.output.append(click.unstyle(line.rstrip("\n")))  # the terminal's colours

    def fetch(self, path: str) -> str:
        return self.get(path)[1]

    def get(self, path: str) -> tuple[int, str]:
        """Status and text of ``path``, within 10 s (a hanging request fails)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def wait(self, what: str, check: Callable[[], bool], timeout: float = 60.0) -> None:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            try:
                if check():
                    return
            except OSError:
                pass
            time.sleep(0.2)
        log = "\n".join(self.output)
        raise AssertionError(f"never saw {what} within {timeout} s\n--- serve log ---\n{log}")

    def page_shows(self, path: str, text: str) -> Callable[[], bool]:
        return lambda: text in self.fetch(path)

    def logged(self, text: str) -> Callable[[], bool]:
        return lambda: any(text in line for line in self.output)

    def stop(self) -> None:
        self.process.terminate()
        # Generous: on a machine loaded by other jobs (load average 14 seen) the preview
        # took more than 10 s to stop; the tests that time its stopping have their own.
        self.process.wait(timeout=60)
