"""A computer without Pango, for the tests (tests/e2e/test_robustness_platform.py): with
this folder on PYTHONPATH, Python loads this module at start-up, and from then on every
shared library whose name holds "pango" fails to load, as it does where Pango is not
installed: through ctypes (``oncopress.pdf.native``'s check) and through cffi
(WeasyPrint's own loader). Nothing is uninstalled.
"""

import ctypes
import ctypes.util


def _refused(name: object) -> bool:
    return name is not None and "pango" in str(name).lower()


def _error(name: object) -> OSError:
    return OSError(f"cannot load library '{name}': no such file (Pango is not installed)")


_cdll_init = ctypes.CDLL.__init__
_find_library = ctypes.util.find_library


def _cdll(self: ctypes.CDLL, name: object, *args: object, **kwargs: object) -> None:
    if _refused(name):
        raise _error(name)
    _cdll_init(self, name, *args, **kwargs)  # type: ignore[arg-type]


def _find(name: str) -> str | None:
    return None if _refused(name) else _find_library(name)


ctypes.CDLL.__init__ = _cdll  # type: ignore[method-assign]
ctypes.util.find_library = _find

try:
    import _cffi_backend
except ImportError:
    pass
else:
    _load_library = _cffi_backend.load_library

    def _load(name: object, flags: int = 0) -> object:
        if _refused(name):
            raise _error(name)
        return _load_library(name, flags)

    _cffi_backend.load_library = _load
