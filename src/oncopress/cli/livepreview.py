"""The editors' preview behind ``./tasks serve``: MkDocs' live-reloading server that
shows the build's problems in the browser.

It runs the same build as ``mkdocs serve`` (``mkdocs.commands.build.build`` under
MkDocs' ``LiveReloadServer``), and collects every WARNING and ERROR line the build
logs, exactly as the terminal prints them. While the build is broken, every page URL
answers at once with a page listing those lines, in English under ``/`` and in
Spanish under ``/es/``, instead of hanging until the file is fixed; the page reloads
by itself (MkDocs' live-reload script) when a save fixes the build. A build that
succeeds with warnings shows them in a panel at the foot of every page. None of
this is written into the built files: the server adds it to its answers only.

It answers only requests whose ``Host`` names this computer (127.0.0.1, localhost,
[::1], an IP address, or the host of ``-a``/``dev_addr``): any other name gets ``421
Misdirected Request``, so a web page cannot read the preview by DNS rebinding
(``oncopress.preview.hosts``). The built site lives in the temporary folder, in
``oncopress-preview-<pid>-*``, removed when the preview stops (Ctrl+C, SIGTERM, SIGHUP,
a broken start); the next preview removes those of a preview that was killed outright.

``mkdocs serve`` still works as the plain fallback (no problem page, any host name).

Usage: python tools/serve.py [-a HOST:PORT] [-f mkdocs.yml] [--dirty] [-v]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException

from oncopress.cli import seams
from oncopress.cli.build_context import source_folders
from oncopress.cli.incremental import Incremental, Rebuilt, warm_up
from oncopress.files.conflicts import conflict_message
from oncopress.glossary.entries import FOLDER as GLOSSARY
from oncopress.preview.hosts import (
    MISDIRECTED,
    allowed_hosts,
    is_allowed_host,
    preview_url,
    refusal,
)
from oncopress.preview.overlay import (
    locale_of_url,
    render_problem_page,
    render_warning_panel,
)
from oncopress.system import is_running, stop_signals

log = logging.getLogger("mkdocs.preview")
POLLING = 0.2  # seconds between looks at the watched files (MkDocs: 0.5)
SETTLE = 0.3  # seconds to wait for a save to finish before a full build
# The built site lives in <temporary folder>/oncopress-preview-<pid>-<random>/, removed
# when the preview ends; a preview killed outright leaves it for the next one to remove.
SITE_DIR_PREFIX = "oncopress-preview-"


def terminal_line(record: logging.LogRecord) -> str:
    """A log record as MkDocs' terminal prints it when it does not wrap lines."""
    return f"{record.levelname:<8}-  {record.getMessage()}"


class ProblemLog(logging.Handler):
    """Collects the WARNING and ERROR lines MkDocs' loggers print during one build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(terminal_line(record))


@dataclass(frozen=True)
class BuildOutcome:
    """What the last build left: whether it failed, and its problem lines."""

    failed: bool = False
    lines: tuple[str, ...] = ()


@dataclass
class Languages:
    """The site's locales (from the i18n plugin) for telling a URL's language."""

    locales: list[str] = field(default_factory=lambda: ["en"])
    default: str = "en"


class PreviewServer(seams.ReloadServer):  # type: ignore[misc]  # made on first use
    """MkDocs' ``LiveReloadServer`` that answers page URLs with the build's problems while
    the build is broken, and pins its warnings to the foot of pages otherwise (through
    ``oncopress.cli.seams``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcome = BuildOutcome()
        self.languages = Languages()
        self._request = threading.local()  # the locale of the URL this thread answers
        self.allowed_hosts = allowed_hosts(kwargs["host"])
        self.port = int(kwargs["port"])

    def serve_request(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """Every answer, the live-reload long poll included, only to a ``Host`` that
        names this computer (``oncopress.preview.hosts``: no DNS rebinding)."""
        host = environ.get("HTTP_HOST")
        if not is_allowed_host(host, self.allowed_hosts):
            body = refusal(host, self.allowed_hosts, self.port).encode("utf-8")
            start_response(
                MISDIRECTED,
                [
                    ("Content-Type", "text/plain; charset=utf-8"),
                    ("Content-Length", str(len(body))),
                    ("Cache-Control", "no-store"),
                ],
            )
            return [body]
        return super().serve_request(environ, start_response)  # type: ignore[no-any-return]

    def answer_page(
        self, path: str, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes] | None:
        self._request.locale = self._locale(path)  # for the warning panel, if any
        if not path.startswith("/livereload/") and _is_page(path):
            # Never answer from the middle of a build.
            with self.build_lock:
                epoch, outcome = self.wait_for_build(), self.outcome
            if outcome.failed:
                page = render_problem_page(outcome.lines, self._current_locale).encode("utf-8")
                page = self.with_reload_script(page, epoch)
                start_response(
                    "503 Service Unavailable",
                    [
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Content-Length", str(len(page))),
                        ("Cache-Control", "no-store"),
                    ],
                )
                return [page]
        return None

    def decorate_page(self, content: bytes) -> bytes:
        outcome = self.outcome
        if outcome.lines and not outcome.failed:
            panel = render_warning_panel(outcome.lines, self._current_locale)
            content = _before_body_end(content, panel.encode("utf-8"))
        return content

    @property
    def _current_locale(self) -> str:
        return str(getattr(self._request, "locale", self.languages.default))

    def _locale(self, path: str) -> str:
        relative = path[len(self.mount_path) - 1 :] if path.startswith(self.mount_path) else path
        return locale_of_url(relative, self.languages.locales, self.languages.default)


def _is_page(path: str) -> bool:
    """A URL that names a page (``/``, ``/es/care/``, ``/404.html``), not an asset."""
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


def _before_body_end(content: bytes, insert: bytes) -> bytes:
    end = content.rfind(b"</body>")
    end = len(content) if end < 0 else end
    return content[:end] + insert + content[end:]


def _languages(config: MkDocsConfig) -> Languages:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return Languages([str(config.theme["language"])], str(config.theme["language"]))
    locales = [str(language.locale) for language in i18n.config.languages]
    default = next(
        (str(language.locale) for language in i18n.config.languages if language.default),
        locales[0],
    )
    return Languages(locales, default)


def scan(paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file under ``paths`` (links not followed;
    Python's ``__pycache__`` folders left out: importing Python code writes there)."""
    found: dict[str, tuple[int, int]] = {}
    for top in paths:
        if os.path.isfile(top):
            try:
                stat = os.stat(top)
            except OSError:  # deleted since
                continue
            found[top] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, folders, names in os.walk(top):
            folders[:] = [name for name in folders if name != "__pycache__"]
            for name in names:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def replace_lines(
    lines: Sequence[str], old: Iterable[str], new: Sequence[str], at: int
) -> tuple[str, ...]:
    """``lines`` with the WARNING lines of the messages ``old`` replaced by ``new``, in
    the place of the first of them (at index ``at`` when there was none)."""
    gone = {terminal_line(logging.makeLogRecord({"levelname": "WARNING", "msg": m})) for m in old}
    kept = [line for line in lines if line not in gone]
    first = next((i for i, line in enumerate(lines) if line in gone), min(at, len(kept)))
    return (*kept[:first], *new, *kept[first:])


def changed_files(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def refuse_conflicted_config(config_file: str) -> None:
    """A clear message for merge-conflict markers in mkdocs.yml, which MkDocs reports
    as a YAML error at some line and column."""
    try:
        text = Path(config_file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return  # MkDocs says so
    message = conflict_message(text, f"Config file '{config_file}'")
    if message:
        raise ConfigurationError(message)


def site_dir_prefix(pid: int) -> str:
    """How the preview of process ``pid`` names its site folder in the temporary folder."""
    return f"{SITE_DIR_PREFIX}{pid}-"


def remove_stale_site_dirs(temporary: Path) -> list[str]:
    """Remove the site folders in ``temporary`` whose preview is no longer running (one
    killed outright, by SIGKILL or a power cut); return their names."""
    removed = []
    for folder in sorted(temporary.glob(f"{SITE_DIR_PREFIX}*")):
        owner = folder.name.removeprefix(SITE_DIR_PREFIX).partition("-")[0]
        if owner.isdigit() and not is_running(int(owner)) and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def serve(
    site_dir: str, config_file: str, dev_addr: str | None, dirty: bool, incremental: bool
) -> int:
    overrides: dict[str, Any] = {"site_dir": site_dir}
    if dev_addr:
        overrides["dev_addr"] = dev_addr

    def get_config() -> MkDocsConfig:
        refuse_conflicted_config(config_file)
        return load_config(config_file=config_file, **overrides)

    config = get_config()  # a broken mkdocs.yml at start: MkDocs' message, exit 1
    config.plugins.on_startup(command="serve", dirty=dirty)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = preview_url(host, port, mount_path)
    root = Path(config.config_file_path or ".").resolve().parent
    # docs_dir and each language's folder (docs_es/: oncopress.cli.step_languages); the
    # glossary's files (glossary/<locale>.yml) change pages too: watched when present.
    glossary = [str(root / GLOSSARY)] if (root / GLOSSARY).is_dir() else []
    watched = [*source_folders(config), str(config.config_file_path), *config.watch, *glossary]
    last_scan = scan(watched)
    pages = Incremental()

    def rebuild_page(path: str) -> Rebuilt | None:
        """Re-render one saved page; the problem lines the editorial check logs again
        replace its old ones (``server.outcome``)."""
        if not path.endswith(".md"):
            return None
        logged = ProblemLog()
        logging.getLogger("mkdocs").addHandler(logged)
        try:
            rebuilt = pages.rebuild_page(path, server.outcome.lines, root)
        finally:
            logging.getLogger("mkdocs").removeHandler(logged)
        if rebuilt is not None and rebuilt.replaced is not None:
            lines = replace_lines(
                server.outcome.lines, rebuilt.replaced, logged.lines, pages.check_at
            )
            with server.build_lock:
                server.outcome = BuildOutcome(False, lines)
        return rebuilt

    def builder(config: MkDocsConfig | None = None) -> None:
        nonlocal last_scan
        started = time.monotonic()
        now = scan(watched)
        changed, last_scan = changed_files(last_scan, now), now
        log.debug(f"Changed since the last build: {sorted(changed)}")
        if config is None and not changed and pages.config is not None:
            log.debug("No file changed since the last build: nothing to do")
            return
        if config is None and incremental and not server.outcome.failed and len(changed) == 1:
            path = next(iter(changed))
            done = rebuild_page(path)
            if done is None and path.endswith(".md"):
                # Caught in the middle of a save (an empty or half-written file)? Look again.
                time.sleep(SETTLE)
                now = scan(watched)
                more, last_scan = changed_files(last_scan, now), now
                done = rebuild_page(path) if more == {path} else None
                changed |= more
            if done is not None:
                shown = " and ".join(f"'{page}'" for page in done.pages)
                log.info(f"Rebuilt {shown} in {time.monotonic() - started:.2f} s")
                return
        log.info("Building documentation...")
        problems = ProblemLog()
        logging.getLogger("mkdocs").addHandler(problems)
        failed = False
        try:
            if config is None:
                config = get_config()
                config.site_url = serve_url
            pages.prepare(config, problems.lines)
            build(config, serve_url=serve_url, dirty=dirty)
            pages.remember(config)
        except SystemExit:  # MkDocs' Abort: the problem is already logged as an ERROR
            failed = True
        except MkDocsException as error:  # mkdocs.yml is not YAML: MkDocs' own message
            log.error(error.format_message())
            failed = True
        except Exception as error:  # a bug in a hook or plugin: traceback in the terminal
            traceback.print_exc()
            log.error(f"Unexpected error in the build: {type(error).__name__}: {error}")
            failed = True
        finally:
            logging.getLogger("mkdocs").removeHandler(problems)
        if failed:
            pages.forget()
            log.info("The build failed: the preview shows its problems until they are fixed.")
        with server.build_lock:
            server.outcome = BuildOutcome(failed, tuple(problems.lines))

    def error_handler(code: int) -> bytes | None:
        page = Path(site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server = PreviewServer(
        builder=builder,
        host=host,
        port=port,
        root=site_dir,
        mount_path=mount_path,
        polling_interval=POLLING,  # MkDocs' 0.5 s would be half of the 1 s an edit may take
    )
    server.error_handler = error_handler  # a public attribute, as `mkdocs serve` sets it
    server.languages = _languages(config)
    try:
        builder(config)
        if incremental:  # else the first English save would load textstat's dictionary
            warm_up()
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        config.plugins.on_serve(server, config=config, builder=builder)
        for item in [*config.watch, *glossary]:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
    return 0


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # SIGTERM and SIGHUP end the preview as Ctrl+C does


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--dev-addr", help="HOST:PORT to serve on (default: from mkdocs.yml)")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--dirty", action="store_true", help="MkDocs' --dirty rebuilds")
    parser.add_argument(
        "--full",
        action="store_true",
        help="rebuild the whole site on every save (no single-page re-rendering)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="DEBUG messages")
    args = parser.parse_args(argv[1:])
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    logger.propagate = False
    stream = logging.StreamHandler()
    stream.setFormatter(ColorFormatter())
    logger.addHandler(stream)
    for handled in stop_signals():
        signal.signal(handled, _interrupt)
    temporary = Path(tempfile.gettempdir())
    for name in remove_stale_site_dirs(temporary):
        log.debug(f"Removed '{name}', left in {temporary} by a preview that was killed")
    site_dir = tempfile.mkdtemp(prefix=site_dir_prefix(os.getpid()))
    try:
        return serve(site_dir, args.config_file, args.dev_addr, args.dirty, not args.full)
    except SystemExit as error:  # MkDocs' Abort on a broken mkdocs.yml at start
        return error.code if isinstance(error.code, int) else 1
    except MkDocsException as error:  # mkdocs.yml is not YAML: as `mkdocs serve` says it
        log.error(error.format_message())
        return 1
    except KeyboardInterrupt:  # stopped before it was serving (during the first build)
        log.info("Shutting down...")
        return 0
    finally:
        for handled in stop_signals():  # a second Ctrl+C must not cut the clean-up short
            signal.signal(handled, signal.SIG_IGN)
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
