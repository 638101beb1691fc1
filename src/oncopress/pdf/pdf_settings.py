"""When PDFs are made, and with how many worker processes.

- ``mkdocs build`` makes them; ``mkdocs serve`` does not (live reload stays fast)
  unless ``mkdocs.yml`` says ``extra: {pdf: {on_serve: true}}``.
- ``SITE_PDFS=1`` forces them on, ``SITE_PDFS=0`` off, whatever the command.
- Workers: ``SITE_PDF_WORKERS``, else ``extra: {pdf: {workers: N}}``, else one per CPU.
- A ``--dirty`` build rebuilds only the changed pages, so it cannot make the booklets
  and the list: it makes no PDFs (and ``SITE_PDFS=1`` with ``--dirty`` is an error).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


class PdfSettingsError(ValueError):
    """An environment variable or ``extra: pdf:`` option has a value we cannot use."""


@dataclass(frozen=True)
class PdfSettings:
    enabled: bool
    workers: int


def read_settings(
    command: str | None,
    environ: Mapping[str, str],
    options: Mapping[str, object],
    cpu_count: int | None,
    dirty: bool = False,
) -> PdfSettings:
    """The PDF settings of one build.

    ``command`` is MkDocs' command (``build``, ``serve``, ``gh-deploy``; ``None`` if
    unknown, as when MkDocs is driven from Python), ``options`` the ``extra: pdf:``
    mapping of ``mkdocs.yml``, ``dirty`` whether only changed pages are rebuilt.
    """
    unknown = sorted(set(options) - {"on_serve", "workers"})
    if unknown:
        raise PdfSettingsError(
            f"unknown option 'extra: pdf: {unknown[0]}' in mkdocs.yml (known: on_serve, workers)"
        )
    on_serve = options.get("on_serve", False)
    if not isinstance(on_serve, bool):
        raise PdfSettingsError(f"'extra: pdf: on_serve' must be true or false, not {on_serve!r}")
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
        enabled = (on_serve if command == "serve" else True) and not dirty
    return PdfSettings(enabled, _workers(environ, options, cpu_count))


def _workers(
    environ: Mapping[str, str], options: Mapping[str, object], cpu_count: int | None
) -> int:
    raw = environ.get("SITE_PDF_WORKERS", "").strip()
    if raw:
        if not raw.isdigit() or int(raw) < 1:
            raise PdfSettingsError(
                f"SITE_PDF_WORKERS must be a whole number of 1 or more, not {raw!r}"
            )
        return int(raw)
    configured = options.get("workers")
    if configured is not None:
        if isinstance(configured, bool) or not isinstance(configured, int) or configured < 1:
            raise PdfSettingsError(
                f"'extra: pdf: workers' must be a whole number of 1 or more, not {configured!r}"
            )
        return configured
    return max(1, cpu_count or 1)
