"""What a PDF may load: ``data:`` URLs and files inside the built site, nothing else.

A page's Markdown can name any URL (``![](http://...)``, ``![](file:///etc/passwd)``,
``![](../../../../etc/passwd)``). The PDF engine asks this policy before it reads
anything, so a build never reaches the network and never copies a file from outside
the site into a PDF; the refused URL is reported and the PDF is made without it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname


class RefusedURLError(ValueError):
    """A PDF asked for a URL outside the built site."""

    def __init__(self, url: str) -> None:
        super().__init__(f"refused to load '{url}': only files of the built site may go into a PDF")
        self.url = url


def site_file(url: str, site_dir: Path) -> Path | None:
    """The file inside ``site_dir`` that the ``file:`` URL ``url`` names.

    Returns ``None`` for a ``data:`` URL (its content is in the URL itself).
    Raises :class:`RefusedURLError` for every other scheme, for a ``file:`` URL on
    another host, and for a path that leads outside ``site_dir`` (through ``..`` or
    a symbolic link).
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return None
    if scheme != "file" or parts.netloc not in ("", "localhost"):
        raise RefusedURLError(url)
    path = Path(url2pathname(parts.path)).resolve()
    if not path.is_relative_to(site_dir.resolve()):
        raise RefusedURLError(url)
    return path
