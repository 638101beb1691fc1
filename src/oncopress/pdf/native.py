"""Whether this computer has the native libraries WeasyPrint needs (Pango and its
companions), and what to install where they are missing.

WeasyPrint is a Python package, installed with the others, but it draws text with Pango,
a system library that pip cannot install. Without it, ``import weasyprint`` fails with an
``OSError`` from cffi ("cannot load library 'libgobject-2.0-0'...") after printing a
notice of its own. That import takes about a second, so :func:`missing_libraries` does
not make it: it loads the same libraries, by the same names and in the same way
(``cffi``'s ``dlopen``, and on Windows the folders of ``WEASYPRINT_DLL_DIRECTORIES``),
which takes milliseconds. ``tests/unit/test_pdf_native.py`` checks the names against
the installed WeasyPrint's own list, so an upgrade that changes them fails a test.

:func:`install_advice` is pure: the message for a system (``platform.system()``) and its
``/etc/os-release`` fields, with the package manager that system uses.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
from collections.abc import Mapping
from contextlib import suppress

#: Every library ``weasyprint.text.ffi`` loads without ``allow_fail``, by its short name,
#: with the names WeasyPrint 70 tries for it (in its order).
REQUIRED: dict[str, tuple[str, ...]] = {
    "gobject-2.0": (
        "libgobject-2.0-0",
        "gobject-2.0-0",
        "gobject-2.0",
        "libgobject-2.0.so.0",
        "libgobject-2.0.0.dylib",
        "libgobject-2.0-0.dll",
    ),
    "pango-1.0": (
        "libpango-1.0-0",
        "pango-1.0-0",
        "pango-1.0",
        "libpango-1.0.so.0",
        "libpango-1.0.dylib",
        "libpango-1.0-0.dll",
    ),
    "harfbuzz": (
        "libharfbuzz-0",
        "harfbuzz",
        "harfbuzz-0.0",
        "libharfbuzz.so.0",
        "libharfbuzz.0.dylib",
        "libharfbuzz-0.dll",
    ),
    "fontconfig": (
        "libfontconfig-1",
        "fontconfig-1",
        "fontconfig",
        "libfontconfig.so.1",
        "libfontconfig.1.dylib",
        "libfontconfig-1.dll",
    ),
    "pangoft2-1.0": (
        "libpangoft2-1.0-0",
        "pangoft2-1.0-0",
        "pangoft2-1.0",
        "libpangoft2-1.0.so.0",
        "libpangoft2-1.0.dylib",
        "libpangoft2-1.0-0.dll",
    ),
}

#: Where WeasyPrint 70 looks for the DLLs on Windows when ``WEASYPRINT_DLL_DIRECTORIES``
#: is not set (MSYS2's UCRT64 and MINGW64 folders, then the old GTK3 installer's).
WINDOWS_DLL_DIRECTORIES = (
    "C:\\msys64\\ucrt64\\bin;C:\\msys64\\mingw64\\bin;C:\\Program Files\\GTK3-Runtime Win64\\bin"
)

WEASYPRINT_INSTALL_PAGE = "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"

#: The file suffix each system's loader finds first: tried before WeasyPrint's other
#: names, only to be quick (a name that is not found costs a search of the library path).
_SUFFIX = {"Linux": ".so.", "Darwin": ".dylib", "Windows": ".dll"}
_LOAD_LIBRARY_SEARCH_DEFAULT_DIRS = 0x00001000


def missing_libraries() -> str | None:
    """``None`` when WeasyPrint's native libraries load; otherwise the message that says
    what is missing and how to install it on this system."""
    system = platform.system()
    if os.name == "nt" and hasattr(os, "add_dll_directory"):
        folders = os.environ.get("WEASYPRINT_DLL_DIRECTORIES", WINDOWS_DLL_DIRECTORIES)
        for folder in folders.split(";"):
            with suppress(OSError):
                os.add_dll_directory(folder)
    for library, names in REQUIRED.items():
        if not any(_loads(name) for name in _ordered(names, system)):
            return install_advice(library, system, os_release())
    return None


def _ordered(names: tuple[str, ...], system: str) -> list[str]:
    suffix = _SUFFIX.get(system, "\0")
    return sorted(names, key=lambda name: suffix not in name)


def _loads(name: str) -> bool:
    """Whether ``name`` loads the way cffi's ``dlopen`` (WeasyPrint's loader) loads it: as
    given when it looks like a file name, then wherever ``ctypes.util.find_library``
    finds it; with WeasyPrint's flags (``RTLD_NOW``; on Windows, the default DLL folders
    and those added with ``os.add_dll_directory``). Through ctypes, not cffi: cffi's
    ``FFI()`` imports its C parser first (about 70 ms)."""
    paths = [name] if ("." in name or "/" in name or os.sep in name) else []
    paths.append("")  # then: ctypes.util.find_library(name), looked up only if needed
    for path in paths:
        if not path:
            path = ctypes.util.find_library(name) or ""
            if not path:
                return False
        try:
            if os.name == "nt":
                ctypes.CDLL(path, winmode=_LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
            else:
                ctypes.CDLL(path, mode=os.RTLD_NOW)
        except OSError:
            continue
        return True
    return False


def os_release() -> dict[str, str]:
    """The fields of ``/etc/os-release`` (empty where there is none: macOS, Windows)."""
    try:
        return platform.freedesktop_os_release()
    except OSError:
        return {}


def install_advice(library: str, system: str, release: Mapping[str, str]) -> str:
    """What to say when ``library`` (one of :data:`REQUIRED`) does not load on ``system``.

    One sentence of cause, then the command for that system's package manager: apt on
    Debian and Ubuntu (and their derivatives), dnf on Fedora and its relatives, Homebrew
    on macOS, MSYS2 on Windows (WeasyPrint's documented way); elsewhere, WeasyPrint's
    installation page.
    """
    cause = (
        "WeasyPrint cannot make them on this computer: it needs the Pango libraries, "
        f"and {library} was not found. "
    )
    family = {release.get("ID", ""), *release.get("ID_LIKE", "").split()}
    if system == "Linux" and family & {"debian", "ubuntu"}:
        how = (
            "Install them with: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 "
            "libharfbuzz-subset0"
        )
    elif system == "Linux" and family & {"fedora", "rhel", "centos"}:
        how = "Install them with: sudo dnf install pango"
    elif system == "Darwin":
        how = (
            "Install them with Homebrew: brew install pango (if they are installed and "
            "still not found: export DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib)"
        )
    elif system == "Windows":
        how = (
            "Install them with MSYS2 (https://www.msys2.org/): in its UCRT64 shell, run "
            "pacman -S mingw-w64-ucrt-x86_64-pango (WeasyPrint looks in "
            "C:\\msys64\\ucrt64\\bin, or in the folders WEASYPRINT_DLL_DIRECTORIES lists)"
        )
    else:
        how = (
            "Install Pango 1.44 or newer with your system's package manager (see "
            f"{WEASYPRINT_INSTALL_PAGE}#installation)"
        )
    return f"{cause}{how}, then build again. SITE_PDFS=0 builds the site without PDFs."
