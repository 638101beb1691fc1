"""What differs between Windows, macOS and Linux, in one place (issue 21).

- :func:`tasks_command`: how a message words a command of the project's entry point,
  ``./tasks build`` on macOS and Linux, ``py tasks.py build`` on Windows;
- :func:`stop_signals`: the signals that ask a command to stop (Ctrl+C, SIGTERM, and
  SIGHUP where it exists, Ctrl+Break on Windows), looked up when a command starts, never
  at import: Windows has no SIGHUP, SIGKILL or ``os.killpg``;
- :func:`is_running`: whether a process id is alive, without ``os.kill(pid, 0)``, which
  on Windows ends the process (``TerminateProcess``) instead of testing it;
- :func:`group_options` and :func:`stop_group`: a child in a process group of its own
  (a new session on POSIX, ``CREATE_NEW_PROCESS_GROUP`` on Windows), stopped with the
  processes it started (``killpg`` on POSIX, Ctrl+Break then ``taskkill /T /F`` on
  Windows);
- :func:`worker_context`: how PDF worker processes start: ``fork`` on Linux only,
  ``spawn`` elsewhere (macOS's default: forking a process that loaded system frameworks
  is unsafe there; Windows has no fork).

Each takes the platform as an argument (``sys.platform`` by default) so that tests run
every system's branch on any one of them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when a PDF is made, never by a build without PDFs
    from multiprocessing.context import BaseContext

WINDOWS = "win32"
#: ``subprocess.CREATE_NEW_PROCESS_GROUP``, which the module defines on Windows only.
CREATE_NEW_PROCESS_GROUP = 0x00000200
#: ``GetExitCodeProcess``'s code for a process that has not ended.
STILL_ACTIVE = 259
#: ``OpenProcess`` access enough to read the exit code, granted for other users' processes.
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
#: ``OpenProcess``'s error when the process exists but may not be opened.
ERROR_ACCESS_DENIED = 5
#: The names of the signals that ask a command to stop, where the system has them.
STOP_SIGNAL_NAMES = ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")


def tasks_command(rest: str, platform: str | None = None) -> str:
    """A command of the entry point as the user types it on this system:
    ``tasks_command("build site")`` is ``./tasks build site`` on macOS and Linux,
    ``py tasks.py build site`` on Windows."""
    if (platform or sys.platform) == WINDOWS:
        return f"py tasks.py {rest}"
    return f"./tasks {rest}"


def stop_signals(module: Any = signal) -> tuple[signal.Signals, ...]:
    """The stop signals ``module`` (the ``signal`` module) has: SIGINT, SIGTERM, then
    SIGHUP (POSIX: the terminal closed) or SIGBREAK (Windows: Ctrl+Break)."""
    return tuple(getattr(module, name) for name in STOP_SIGNAL_NAMES if hasattr(module, name))


def is_running(
    pid: int,
    platform: str | None = None,
    kernel32: Any = None,
    kill: Callable[[int, int], None] = os.kill,
) -> bool:
    """Whether process ``pid`` exists (and, on Windows, has not ended). Never signals it
    on Windows; ``kernel32`` stands for Windows' library in tests."""
    if (platform or sys.platform) == WINDOWS:
        return _windows_running(pid, kernel32 or _kernel32())
    try:
        kill(pid, 0)  # POSIX: signal 0 only checks that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _kernel32() -> Any:
    """Windows' kernel32, its functions typed (a handle is pointer-sized)."""
    import ctypes

    # WinDLL and get_last_error exist on Windows only: looked up there, never at import.
    kernel32 = getattr(ctypes, "WinDLL")("kernel32", use_last_error=True)  # noqa: B009
    kernel32.last_error = getattr(ctypes, "get_last_error")  # noqa: B009
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.OpenProcess.argtypes = (ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong)
    kernel32.GetExitCodeProcess.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong))
    kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
    return kernel32


def _windows_running(pid: int, kernel32: Any) -> bool:
    handle = kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        # No such process (ERROR_INVALID_PARAMETER), or one this user may not open.
        return bool(kernel32.last_error() == ERROR_ACCESS_DENIED)
    try:
        import ctypes

        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True  # it exists; we cannot tell more
        return code.value == STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def group_options(
    platform: str | None = None, preexec: Callable[[], None] | None = None
) -> dict[str, Any]:
    """``subprocess.Popen`` keywords that start a child in a process group of its own,
    so that :func:`stop_group` reaches it and every process it starts. ``preexec`` runs in
    the child before it starts (POSIX only: Windows has no ``preexec_fn``)."""
    if (platform or sys.platform) == WINDOWS:
        return {"creationflags": CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True, "preexec_fn": preexec}


def stop_group(
    child: subprocess.Popen[bytes],
    grace: float,
    platform: str | None = None,
    kill: Callable[[int, int], None] | None = None,
    run: Callable[..., Any] = subprocess.run,
) -> None:
    """Stop ``child`` and the processes it started: ask first (SIGTERM to the group on
    POSIX, Ctrl+Break on Windows), then, after ``grace`` seconds, force them (SIGKILL to
    the group; ``taskkill /T /F``, the process tree, on Windows). Ends with a forced stop
    of whatever outlived the child (a worker it started)."""
    windows = (platform or sys.platform) == WINDOWS
    if windows:
        kill = kill or os.kill
        gentle: int = getattr(signal, "CTRL_BREAK_EVENT", 1)
        force = 0  # taskkill does it
    else:  # killpg and SIGKILL exist on POSIX only: looked up here, never at import
        kill = kill or getattr(os, "killpg")  # noqa: B009
        gentle, force = signal.SIGTERM, getattr(signal, "SIGKILL")  # noqa: B009

    def forced() -> None:
        if windows:
            run(["taskkill", "/T", "/F", "/PID", str(child.pid)], capture_output=True)
        else:
            _quietly(kill, child.pid, force)

    _quietly(kill, child.pid, gentle)
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        forced()
        if windows:
            child.kill()
        child.wait()
    forced()  # any worker that outlived the child


def _quietly(kill: Callable[[int, int], None], pid: int, signum: int) -> None:
    try:
        kill(pid, signum)
    except (ProcessLookupError, OSError):
        pass  # nothing left to stop


def worker_context(platform: str | None = None) -> BaseContext:
    """The start method of worker processes: ``fork`` on Linux (the workers inherit the
    loaded PDF engine and start at once), ``spawn`` everywhere else."""
    import multiprocessing  # only where PDFs are made (tests/e2e/test_start_up.py)

    if (platform or sys.platform).startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
