"""WeasyPrint's native libraries: the check a build makes before PDFs, and the message for
each system where they are missing (issue 21). The build's side is in
tests/e2e/test_robustness_platform.py (a computer without Pango, simulated).

Replicate: ./tasks test tests/unit/test_pdf_native.py
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from oncopress.pdf.native import REQUIRED, _ordered, install_advice, missing_libraries

CAUSE = (
    "WeasyPrint cannot make them on this computer: it needs the Pango libraries, and "
    "pango-1.0 was not found. "
)
AFTER = ", then build again. SITE_PDFS=0 builds the site without PDFs."
APT = "Install them with: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
DNF = "Install them with: sudo dnf install pango"


@pytest.mark.parametrize(
    ("system", "release", "how"),
    [
        ("Linux", {"ID": "debian"}, APT),
        ("Linux", {"ID": "ubuntu", "ID_LIKE": "debian"}, APT),
        ("Linux", {"ID": "linuxmint", "ID_LIKE": "ubuntu debian"}, APT),
        ("Linux", {"ID": "fedora"}, DNF),
        ("Linux", {"ID": "rocky", "ID_LIKE": "rhel centos fedora"}, DNF),
        (
            "Darwin",
            {},
            "Install them with Homebrew: brew install pango (if they are installed and still "
            "not found: export DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib)",
        ),
        (
            "Windows",
            {},
            "Install them with MSYS2 (https://www.msys2.org/): in its UCRT64 shell, run "
            "pacman -S mingw-w64-ucrt-x86_64-pango (WeasyPrint looks in "
            "C:\\msys64\\ucrt64\\bin, or in the folders WEASYPRINT_DLL_DIRECTORIES lists)",
        ),
        (
            "Linux",
            {"ID": "arch"},
            "Install Pango 1.44 or newer with your system's package manager (see "
            "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html#installation)",
        ),
        (
            "FreeBSD",
            {},
            "Install Pango 1.44 or newer with your system's package manager (see "
            "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html#installation)",
        ),
    ],
)
def test_the_message_names_what_to_install_on_each_system(
    system: str, release: dict[str, str], how: str
) -> None:
    assert install_advice("pango-1.0", system, release) == CAUSE + how + AFTER


def test_the_libraries_load_on_this_computer() -> None:
    """The machines that run these tests make PDFs (CI installs what they need)."""
    assert missing_libraries() is None


def weasyprints_own_list() -> list[tuple[str, ...]]:
    """The names ``weasyprint/text/ffi.py`` passes to its ``_dlopen`` for each library it
    cannot do without (those without ``allow_fail=True``), read from its source."""
    spec = importlib.util.find_spec("weasyprint")
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).parent / "text" / "ffi.py"
    found: list[tuple[str, ...]] = []
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_dlopen"):
            continue
        if any(keyword.arg == "allow_fail" for keyword in node.keywords):
            continue
        found.append(tuple(ast.literal_eval(argument) for argument in node.args[1:]))
    return found


def test_the_check_loads_what_weasyprint_loads() -> None:
    """After an upgrade of WeasyPrint that loads other libraries, or under other names,
    this fails: update ``REQUIRED`` in ``oncopress.pdf.native``."""
    assert weasyprints_own_list() == list(REQUIRED.values())


@pytest.mark.parametrize(
    ("system", "first"),
    [
        ("Linux", "libpango-1.0.so.0"),
        ("Darwin", "libpango-1.0.dylib"),
        ("Windows", "libpango-1.0-0.dll"),
        ("FreeBSD", "libpango-1.0-0"),  # WeasyPrint's own order
    ],
)
def test_each_system_tries_its_own_file_name_first(system: str, first: str) -> None:
    ordered = _ordered(REQUIRED["pango-1.0"], system)
    assert ordered[0] == first
    assert sorted(ordered) == sorted(REQUIRED["pango-1.0"])
