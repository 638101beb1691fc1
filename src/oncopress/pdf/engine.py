"""The PDF engine: WeasyPrint behind a small interface that tests can replace.

An engine turns one print document (HTML with its stylesheet inside) into PDF bytes.
It loads nothing but what :func:`oncopress.pdf.fetch.site_file` allows, and reports
the URLs it refused. WeasyPrint is imported only when a PDF has to be rendered: a
build whose PDFs all come from the cache never pays for the import (about 1 s).
"""

from __future__ import annotations

import contextlib
import io
import logging
import mimetypes
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from oncopress.pdf.fetch import RefusedURLError, site_file
from oncopress.system import tasks_command

#: The best tagged-PDF variant WeasyPrint 70 supports: PDF/UA-1 (tagged PDF 1.7,
#: document language, title shown in the window, structure tree).
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class Rendered:
    """What one render produced: the PDF, the URLs refused, the engine's remarks."""

    pdf: bytes
    refused: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class PdfEngine(Protocol):
    """Anything that renders a print document into PDF bytes."""

    @property
    def identity(self) -> str:
        """Name and version: part of every cache key, so an upgrade re-renders."""
        ...

    def prepare(self) -> None:
        """Load the engine once in the parent, before worker processes are forked."""
        ...

    def render(self, html: str, stylesheet: str, site_dir: Path) -> Rendered:
        """The PDF of ``html`` styled by ``stylesheet``; relative URLs are resolved
        against ``site_dir``."""
        ...


class EngineMissingError(ValueError):
    """WeasyPrint (or a system library it needs) is not installed."""


@dataclass(frozen=True)
class WeasyPrintEngine:
    """WeasyPrint with a fetcher restricted to the built site."""

    variant: str | None = PDF_VARIANT

    @property
    def identity(self) -> str:
        try:
            version = metadata.version("weasyprint")
        except metadata.PackageNotFoundError:
            version = "missing"
        return f"weasyprint {version} {self.variant}"

    def prepare(self) -> None:
        _weasyprint()

    def render(self, html: str, stylesheet: str, site_dir: Path) -> Rendered:
        weasyprint = _weasyprint()
        fetcher = _restricted_fetcher(weasyprint, site_dir)
        fonts, css = _process_resources(weasyprint, stylesheet, fetcher)
        notes = _NoteCollector()
        logger = logging.getLogger("weasyprint")
        logger.addHandler(notes)
        try:
            document = weasyprint.HTML(
                string=html, base_url=site_dir.resolve().as_uri() + "/", url_fetcher=fetcher
            )
            pdf = document.write_pdf(pdf_variant=self.variant, stylesheets=[css], font_config=fonts)
        finally:
            logger.removeHandler(notes)
        return Rendered(bytes(pdf), tuple(dict.fromkeys(fetcher.refused)), tuple(notes.messages))


#: Per process: WeasyPrint's font configuration and the parsed print stylesheet. Reusing
#: them across documents makes each PDF about a third cheaper (measured on 1-page
#: handouts); they are made again in each worker process (keyed by process id).
_PROCESS_RESOURCES: dict[tuple[int, str, str], tuple[Any, Any]] = {}


def _process_resources(weasyprint: Any, stylesheet: str, fetcher: Any) -> tuple[Any, Any]:
    key = (os.getpid(), stylesheet, str(fetcher.site_dir))
    if key not in _PROCESS_RESOURCES:
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        css = weasyprint.CSS(string=stylesheet, url_fetcher=fetcher, font_config=fonts)
        _PROCESS_RESOURCES.clear()
        _PROCESS_RESOURCES[key] = (fonts, css)
    return _PROCESS_RESOURCES[key]


def _weasyprint() -> Any:
    """The ``weasyprint`` module. A build checks its native libraries first
    (``oncopress.pdf.native``); this says the same if they fail to load here all the same,
    without the notice WeasyPrint prints on the way (one message, not two)."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except ImportError as error:
        raise EngineMissingError(
            f"WeasyPrint cannot be loaded ({error}): run {tasks_command('setup')} to install "
            "it, or build without PDFs: SITE_PDFS=0"
        ) from None
    except OSError as error:
        from oncopress.pdf.native import missing_libraries

        raise EngineMissingError(
            missing_libraries()
            or f"WeasyPrint cannot load a library it needs ({error}). SITE_PDFS=0 builds the "
            "site without PDFs."
        ) from None
    return weasyprint


def _restricted_fetcher(weasyprint: Any, site_dir: Path) -> Any:
    """A WeasyPrint URL fetcher that only reads ``data:`` URLs and files of the site."""

    class SiteOnlyFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, timeout=1)
            self.refused: list[str] = []
            self.site_dir = site_dir

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                path = site_file(url, site_dir)
            except RefusedURLError:
                self.refused.append(url)
                raise
            if path is None:
                return super().fetch(url, headers)
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": kind}
            )

    return SiteOnlyFetcher()


class _NoteCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
