"""The project's commands, behind the thin scripts in ``tools/`` and ``bench/``:
``./tasks sign-off``/``status`` (``editor``), ``./tasks build`` (``sitebuild``), the
editors' preview (``livepreview``, with ``incremental``), the site a benchmark builds
(``benchsite``) and the comparison of two builds (``compare``).

Unlike the rest of ``oncopress``, these are programs: they read the command line, print,
exit, and drive MkDocs itself. The core never imports them.
"""

from __future__ import annotations

from pathlib import Path

# The project's folder (mkdocs.yml, docs/, hooks/...): the checkout ./tasks setup installs
# this package from, in editable mode (src/oncopress/cli/ inside it).
PROJECT = Path(__file__).resolve().parents[3]
