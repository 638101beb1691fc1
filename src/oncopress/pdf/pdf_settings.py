"""When PDFs are made, and with how many worker processes.

- ``mkdocs build`` makes them; ``mkdocs serve`` does not (live reload stays fast)
  unless ``mkdocs.yml`` says ``extra: {pdf: {on_serve: true}}``.
- ``SITE_PDFS=1`` forces them on, ``SITE_PDFS=0`` off, whatever the command.
- Workers: ``SITE_PDF_WORKERS``, else ``extra: {pdf: {workers: N}}``, else one per CPU.
- A ``--dirty`` build rebuilds only the changed pages, so it cannot make the booklets
  and the list: it makes no PDFs (and ``SITE_PDFS=1`` with ``--dirty`` is an error).
- Where WeasyPrint's native libraries are missing (``oncopress.pdf.native``), a build that
  would make PDFs stops with what to install; the preview goes on without them, and says
  why on the PDFs page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import PdfOptions

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class PdfSettingsError(SettingsError):
    """An environment variable or ``extra: pdf:`` option has a value we cannot use."""


@dataclass(frozen=True)
class PdfSettings:
    enabled: bool
    workers: int
    #: Why this computer cannot make PDFs (its native libraries are missing), if it cannot.
    unavailable: str | None = None


def read_settings(
    command: str | None,
    environ: Mapping[str, str],
    options: object,
    cpu_count: int | None,
    dirty: bool = False,
    unavailable: str | None = None,
) -> PdfSettings:
    """The PDF settings of one build.

    ``command`` is MkDocs' command (``build``, ``serve``, ``gh-deploy``; ``None`` if
    unknown, as when MkDocs is driven from Python), ``options`` the value of ``extra: pdf:``
    in ``mkdocs.yml`` (``None`` when absent), ``dirty`` whether only changed pages are rebuilt.
    """
    pdf = read_section(PdfOptions, options, "extra.pdf", PdfSettingsError)
    forced = environ.get("SITE_PDFS", "").strip().lower()
    if forced and forced not in TRUE + FALSE:
        raise PdfSettingsError(
            f"SITE_PDFS must be 1 (make PDFs) or 0 (skip them), not {environ['SITE_PDFS']!r}"
        )
    if forced in TRUE and dirty:
        raise PdfSettingsError(
            "SITE_PDFS=1 needs a full build: a --dirty build cannot make booklets and the PDF list"
        )
    if forced:
        enabled = forced in TRUE
    else:
        enabled = (pdf.on_serve if command == "serve" else True) and not dirty
    if unavailable is not None:
        if enabled and command != "serve":
            raise PdfSettingsError(unavailable)
        enabled = False
    return PdfSettings(enabled, _workers(environ, pdf, cpu_count), unavailable)


def _workers(environ: Mapping[str, str], pdf: PdfOptions, cpu_count: int | None) -> int:
    raw = environ.get("SITE_PDF_WORKERS", "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise PdfSettingsError(
                f"SITE_PDF_WORKERS must be a whole number of 1 or more, not {raw!r}"
            )
        return int(raw)
    if pdf.workers is not None:
        return pdf.workers
    return max(1, cpu_count or 1)
