"""A content-addressed cache of rendered PDFs (``.cache/pdf/`` at the project root).

The key is a SHA-256 of everything that decides a PDF's bytes: the engine's name
and version, this module's format version, the print stylesheet, the print document
(the article and the chrome in its language) and the content of every site file it loads
(images). A build where nothing changed finds every key and copies the PDFs; an
edited page changes its own document and its language's booklet, nothing else.

Each entry is ``<key>.pdf`` plus ``<key>.json`` (the URLs the engine refused, so a
reused PDF reports the same warnings as a fresh one). Entries are written to a
temporary file and renamed, so an interrupted build never leaves half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from oncopress.files.atomic import new_file_mode, write_atomically

#: Bump when the way PDFs are made changes without the documents changing.
CACHE_FORMAT = "1"


@dataclass(frozen=True)
class CachedPdf:
    path: Path
    refused: tuple[str, ...]


def cache_key(
    html: str,
    stylesheet: str,
    resources: Iterable[str],
    engine_identity: str,
    read: Callable[[str], bytes | None],
) -> str:
    """The cache key of one print document and the stylesheet it is printed with.

    ``read(path)`` gives the bytes of a site-relative file (``None`` if missing).
    """
    digest = hashlib.sha256()
    digest.update(f"oncopress-pdf {CACHE_FORMAT}\0{engine_identity}\0".encode())
    digest.update(hashlib.sha256(stylesheet.encode("utf-8")).digest())
    digest.update(html.encode("utf-8"))
    for resource in sorted(set(resources)):
        content = read(resource)
        marker = hashlib.sha256(content).hexdigest() if content is not None else "missing"
        digest.update(f"\0{resource}\0{marker}".encode())
    return digest.hexdigest()


class PdfCache:
    """The cache folder (the project's ``.cache/pdf``).

    Entries a build does not use are kept ``max_age`` seconds after their last use
    (a week by default), so switching between a preview and a full build, or between
    branches, does not throw the other's PDFs away. ``now`` is the wall clock.
    """

    def __init__(
        self,
        directory: Path,
        max_age: float = 7 * 24 * 3600,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.directory = directory
        self.max_age = max_age
        self.now = now

    def load(self, key: str) -> CachedPdf | None:
        """The entry of ``key`` (marked as used now), or ``None``."""
        pdf = self.directory / f"{key}.pdf"
        sidecar = self.directory / f"{key}.json"
        try:
            refused = json.loads(sidecar.read_text(encoding="utf-8"))["refused"]
            if pdf.stat().st_size == 0:
                return None
            used = self.now()
            os.utime(sidecar, (used, used))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return CachedPdf(pdf, tuple(str(url) for url in refused))

    def store(self, key: str, pdf: bytes, refused: tuple[str, ...]) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        sidecar = json.dumps({"refused": list(refused)}).encode("utf-8")
        target = self.directory / f"{key}.pdf"
        write_atomically(target, pdf, new_file_mode())
        sidecar_path = self.directory / f"{key}.json"
        write_atomically(sidecar_path, sidecar, new_file_mode())  # last: marks it complete
        return target

    def prune(self, keep: Iterable[str]) -> int:
        """Remove entries that are not in ``keep`` and were last used more than
        ``max_age`` seconds ago; the number of PDFs removed."""
        kept = set(keep)
        if not self.directory.is_dir():
            return 0
        limit = self.now() - self.max_age
        removed = 0
        for pdf in self.directory.glob("*.pdf"):
            if pdf.stem in kept:
                continue
            sidecar = pdf.with_suffix(".json")
            marker = sidecar if sidecar.exists() else pdf
            try:
                if marker.stat().st_mtime >= limit:
                    continue
            except OSError:
                continue  # removed meanwhile by another build
            sidecar.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            removed += 1
        return removed


def copy_atomically(source: Path, target: Path) -> None:
    """Put a copy of ``source`` at ``target`` (a hard link when the filesystem allows)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and os.path.samefile(source, target):
        return  # already linked (renaming a link onto itself would leave the temporary)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    try:
        os.unlink(temporary)
        try:
            os.link(source, temporary)
        except OSError:
            with source.open("rb") as reader, open(temporary, "wb") as writer:
                while chunk := reader.read(1 << 20):
                    writer.write(chunk)
            os.chmod(temporary, new_file_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
