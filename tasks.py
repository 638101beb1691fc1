#!/usr/bin/env python3
"""The project's entry point, the same on Windows, macOS and Linux. Usage:

  python tasks.py COMMAND [ARGS]   (Windows: py tasks.py COMMAND; macOS, Linux: ./tasks COMMAND)

  serve [ARGS]          live-reloading preview at http://127.0.0.1:8000/ (English) and /es/,
                        showing the build's problems in the browser (tools/serve.py)
  build [DIR]           strict build of the whole site and its PDFs into DIR (default: site/),
                        replacing DIR only when the build succeeds, and only if a build made it
                        (never the project, its sources, or other folders)
  test [ARGS]           the whole test suite (ARGS go to pytest)
  sign-off PATH... --by ID[,ID] [--translation-by ID[,ID]] [--date YYYY-MM-DD]
                        record that reviewers approved the pages' current text
  status [--json]       everything that needs an editor (exit 1 if publishing is blocked)
  move OLD NEW          move a page and its translations (docs/...); links, nav, sign-offs follow,
                        and the old address redirects to the new one
  check [ARGS]          the build's editorial gates, without MkDocs (tools/check.py)
  setup                 only install what the others need (run by each of them)
  lock [--upgrade]      remake requirements.txt and requirements-dev.txt from pyproject.toml's
                        ranges (--upgrade: newest allowed versions; without it, keep the pins)

Needs Python 3.11 to 3.14 and nothing else: no administrator rights, no system packages.
Setup is idempotent: a virtual environment in .venv/ with exactly the versions and hashes
of requirements.txt (the runtime lock), installed as wheels only, and the project's core
package (src/oncopress/, editable). `test` adds requirements-dev.txt (the test tools) and
Chromium for the browser tests: with apt where apt may be used (as root, or with sudo),
elsewhere it says how to get it. PDFs need the Pango libraries: `build` names what to
install where they are missing; `serve` runs without them.
"""

# Standard library only, and syntax Python 3.7 reads, so that an older Python gets the
# message of python_problem rather than a SyntaxError.
from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

USAGE = __doc__.split("\n\nNeeds Python", 1)[0]
ROOT = Path(__file__).resolve().parent
WINDOWS = os.name == "nt"
OLDEST, NEWEST = (3, 11), (3, 14)  # pyproject.toml's requires-python
RUNTIME_LOCK = "requirements.txt"  # serve, build, status, sign-off, check
DEV_LOCK = "requirements-dev.txt"  # the runtime lock's pins, plus the test tools and uv
STAMP = ".installed"  # in .venv/: what setup installed there (see setup)
# What `test` installs with apt where it may: Chromium for the browser tests, HarfBuzz's
# subsetter (WeasyPrint's font subsetting is about 5x faster with it), fonts with every
# accent for the PDFs, and poppler-utils (pdftotext, to read a PDF by hand).
APT_PACKAGES = ("chromium", "libharfbuzz-subset0", "fonts-dejavu-core", "poppler-utils")
DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Material 9.x prints an end-of-life notice (2027-05-05) on every mkdocs run; the publishers'
# guide ("Platform and its exit") carries it, with the exit plan. NO_MKDOCS_2_WARNING=1
# silences it, and setup prints this line instead.
PLATFORM_NOTE = (
    "setup: note: Material for MkDocs 9.x reaches end of life on 2027-05-05; tasks.py "
    "silences its notice (README: Platform, for the exit plan)"
)
# `lock` checks that every locked package has a wheel for each of these targets (uv's
# names; the Linux ones are manylinux_2_28) and Python versions: setup installs wheels only.
WHEEL_PLATFORMS = (
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-pc-windows-msvc",
)
WHEEL_PYTHONS = ("3.11", "3.12", "3.13", "3.14")


class TaskError(Exception):
    """A step failed: the message is printed (no traceback) and ``status`` is the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


# Where things are --------------------------------------------------------------------------


def venv_bin(venv: Path, windows: bool = WINDOWS) -> Path:
    """The folder of a virtual environment's programs: ``Scripts`` on Windows, else ``bin``."""
    return venv / ("Scripts" if windows else "bin")


def venv_program(venv: Path, name: str, windows: bool = WINDOWS) -> Path:
    """``.venv/bin/NAME``, or ``.venv\\Scripts\\NAME.exe`` on Windows."""
    return venv_bin(venv, windows) / (f"{name}.exe" if windows else name)


def base_python() -> str:
    """The interpreter to make ``.venv/`` with: the one running this file, or the one a
    virtual environment running it was made from (never ``.venv/``'s own, which setup may
    delete)."""
    return getattr(sys, "_base_executable", None) or sys.executable


def python_problem(version: Sequence[int], executable: str) -> str | None:
    """Why this Python cannot run the project, if it cannot."""
    if OLDEST <= tuple(version[:2]) <= NEWEST:
        return None
    found = ".".join(str(part) for part in version[:3])
    other = "py -3.13 tasks.py ..." if WINDOWS else "PYTHON=python3.13 ./tasks ..."
    return (
        f"tasks.py needs Python {OLDEST[0]}.{OLDEST[1]} to {NEWEST[0]}.{NEWEST[1]}; this is "
        f"Python {found} ({executable}). Run it with a supported one, like: {other}"
    )


# Setup -------------------------------------------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Setup:
    """Installs what the commands need into ``root/.venv``, and only what changed.

    The stamp ``.venv/.installed`` records the runtime lock's hash, the development lock's
    hash (once ``test`` installed it), and the project's: ``pyproject.toml``'s hash and the
    checkout's ``src/``. A new runtime lock, or a new development lock where one was
    installed, makes ``.venv/`` again from nothing, so it holds exactly the locked packages
    (nothing left over from an older lock); another ``pyproject.toml``, or a ``.venv/`` used
    by another checkout, only installs the project again.
    """

    def __init__(self, root: Path = ROOT) -> None:
        self.root = root
        self.venv = root / ".venv"
        self.noted = False

    @property
    def python(self) -> Path:
        return venv_program(self.venv, "python")

    def wanted(self, dev: bool) -> dict[str, object]:
        return {
            "runtime": digest(self.root / RUNTIME_LOCK),
            "dev": digest(self.root / DEV_LOCK) if dev else None,
            "project": [digest(self.root / "pyproject.toml"), str(self.root / "src")],
        }

    def stamp(self) -> dict[str, object]:
        try:
            found = json.loads((self.venv / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) and self.python.exists() else {}

    def write_stamp(self, stamp: Mapping[str, object]) -> None:
        (self.venv / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")

    def run(self, dev: bool = False) -> None:
        """The runtime lock (and with ``dev``, the development lock) and the project."""
        want, stamp = self.wanted(dev), self.stamp()
        fresh = stamp.get("runtime") != want["runtime"] or (
            dev and stamp.get("dev") not in (None, want["dev"])
        )
        if fresh:
            say(f"setup: installing the locked Python packages ({RUNTIME_LOCK}) into .venv/")
            self.make_venv()
            self.pip("--require-hashes", "--only-binary", ":all:", "-r", RUNTIME_LOCK)
            stamp = {"runtime": want["runtime"], "dev": None}
            self.write_stamp(stamp)
            self.note()
        if dev and stamp.get("dev") != want["dev"]:
            say(f"setup: installing the test tools ({DEV_LOCK}) into .venv/")
            self.pip("--require-hashes", "--only-binary", ":all:", "-r", DEV_LOCK)
            stamp = {**stamp, "dev": want["dev"]}
            self.write_stamp(stamp)
        if stamp.get("project") != want["project"]:
            # The project itself: its core package (src/oncopress/), editable, so an edit of
            # the core is what the next build runs. Its dependencies are the locked ones.
            say("setup: installing the project's core package (src/oncopress/) into .venv/")
            self.pip("--no-deps", "--no-build-isolation", "--editable", ".")
            self.write_stamp({**stamp, "project": want["project"]})

    def make_venv(self) -> None:
        if self.venv.exists():
            shutil.rmtree(self.venv)
        python = base_python()  # ./tasks runs this file with $PYTHON, if set
        result = subprocess.run([python, "-m", "venv", str(self.venv)], cwd=self.root)
        if result.returncode != 0:
            raise TaskError(
                f"setup: {python} could not make a virtual environment in .venv/ (see above). "
                "On Debian or Ubuntu, its venv module is a package of its own: sudo apt install "
                "python3-venv; or use another Python 3.11 to 3.14 (PYTHON=/path/to/python)",
                result.returncode,
            )

    def pip(self, *args: str) -> None:
        """``pip install ARGS`` in .venv/; the last of ``args`` is a lock, or ``.``."""
        command = [str(self.python), "-m", "pip", "install", "--quiet"]
        command += ["--disable-pip-version-check", *args]
        result = subprocess.run(command, cwd=self.root)
        if result.returncode != 0:
            what = "the project" if args[-1] == "." else f"the packages of {args[-1]}"
            raise TaskError(
                f"setup: pip could not install {what} into .venv/ (see above); the next "
                "command tries again",
                result.returncode,
            )

    def note(self) -> None:
        """Once per run: after a fresh install, and on every ``setup``."""
        if not self.noted:
            self.noted = True
            say(PLATFORM_NOTE)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# The browser tests' Chromium -----------------------------------------------------------


def os_release() -> dict[str, str]:
    try:
        return platform.freedesktop_os_release()
    except OSError:  # no /etc/os-release: macOS, Windows
        return {}


def system_chromium(environ: Mapping[str, str] = os.environ) -> str | None:
    """The Chromium the browser tests drive: ``$CHROMIUM``, else Debian's; ``None`` means
    Playwright's own (``playwright install chromium``), wherever it is installed."""
    chosen = environ.get("CHROMIUM")
    if chosen:
        return chosen
    return DEBIAN_CHROMIUM if Path(DEBIAN_CHROMIUM).exists() else None


def playwright_chromium_installed(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether ``playwright install chromium`` has put a Chromium in Playwright's folder."""
    if environ.get("PLAYWRIGHT_BROWSERS_PATH"):
        folder = Path(environ["PLAYWRIGHT_BROWSERS_PATH"])
    elif WINDOWS:
        folder = Path(environ.get("LOCALAPPDATA", "")) / "ms-playwright"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "ms-playwright"
    else:
        folder = Path(environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ms-playwright"
    return folder.is_dir() and any(folder.glob("chromium*"))


def chromium_advice(system: str, release: Mapping[str, str]) -> str:
    """How to get Chromium for the browser tests on ``system`` (``platform.system()``)."""
    if system == "Windows":
        playwright = r".venv\Scripts\python.exe -m playwright install chromium"
        without = 'py tasks.py test -m "not browser"'
    else:
        playwright = ".venv/bin/python -m playwright install chromium"
        without = './tasks test -m "not browser"'
    own = f"Playwright's own, without administrator rights: {playwright}"
    if system == "Linux":
        family = {release.get("ID", ""), *release.get("ID_LIKE", "").split()}
        if "debian" in family:
            own = (
                "Debian's: sudo apt install chromium (./tasks test installs it when run as "
                f"root or with sudo), or {own}"
            )
        else:
            own = f"{own} (its system libraries need your package manager)"
    return (
        f"the browser tests need Chromium, and there is none here. Install {own}; "
        f"or set CHROMIUM to one you have. Without it: {without}"
    )


def apt_prefix() -> list[str] | None:
    """How apt-get may be run here: as is (root), through sudo (where sudo can ask for the
    password, or needs none), or not at all (no apt, or nobody to approve it)."""
    if not sys.platform.startswith("linux"):
        return None
    if not (shutil.which("apt-get") and shutil.which("dpkg-query")):
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") is None:
        return None
    if sys.stdin is not None and sys.stdin.isatty():
        return ["sudo"]
    quiet = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
    return ["sudo"] if quiet.returncode == 0 else None


def browser_tools() -> None:
    """What the browser tests (and the PDFs' speed and fonts) want from the system: Debian's
    packages where apt may be used, otherwise a word on how to get Chromium."""
    prefix = apt_prefix()
    if prefix is not None:
        missing = [package for package in APT_PACKAGES if not _dpkg_installed(package)]
        if missing:
            say(f"setup: installing Debian packages: {' '.join(missing)}")
            environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            for command in (
                ["apt-get", "update", "-qq"],
                ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            ):
                result = subprocess.run(
                    [*prefix, *command], env=environment, stdout=subprocess.DEVNULL
                )
                if result.returncode != 0:
                    raise TaskError(f"setup: {' '.join(command)} failed (see above)")
        return
    if system_chromium() is None and not playwright_chromium_installed():
        say(f"test: note: {chromium_advice(platform.system(), os_release())}")


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
    )
    return "install ok installed" in result.stdout


# The locks ---------------------------------------------------------------------------------


def lock(setup: Setup, args: Sequence[str]) -> None:
    """Both locks from ``pyproject.toml``: the runtime lock (``[project] dependencies``),
    then the development lock (the ``test`` and ``lock`` extras, held to the runtime
    lock's pins, so the tests run what editors run). Wheels only, for Python 3.11 to 3.14
    on any platform; then each package's wheels are checked for every target."""
    setup.run(dev=True)  # the development lock brings the pinned uv
    uv = str(venv_program(setup.venv, "uv"))
    common = [uv, "pip", "compile", "pyproject.toml", "--universal", "--python-version"]
    common += [".".join(map(str, OLDEST)), "--generate-hashes", "--only-binary", ":all:"]
    common += ["--quiet", "--custom-compile-command", "./tasks lock"]
    dev = ["--extra", "test", "--extra", "lock", "--constraint", RUNTIME_LOCK]
    for command in (
        [*common, "--output-file", RUNTIME_LOCK, *args],
        [*common, *dev, "--output-file", DEV_LOCK, *args],
    ):
        result = subprocess.run(command, cwd=setup.root)
        if result.returncode != 0:
            raise TaskError("lock: uv could not make the lock (see above)", result.returncode)
    gaps = wheel_gaps(uv, setup.root / DEV_LOCK)
    if gaps:
        raise TaskError("lock: packages without a wheel, which setup cannot install:\n" + gaps)
    setup.run(dev=True)


def wheel_gaps(uv: str, lock_file: Path) -> str:
    """Every target of :data:`WHEEL_PLATFORMS` x :data:`WHEEL_PYTHONS` for which a package
    of ``lock_file`` has no wheel, with uv's reason (empty when there is none). The first
    target reads the package index (about 10 s); the others, uv's cache (about 1 s each)."""

    def check(target: tuple[str, str], offline: bool) -> str:
        platform_name, version = target
        command = [uv, "pip", "compile", str(lock_file), "--no-deps", "--only-binary", ":all:"]
        command += ["--python-platform", platform_name, "--python-version", version]
        command += ["--quiet", "--output-file", os.devnull, *(["--offline"] if offline else [])]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode == 0:
            return ""
        if offline:  # not all in the cache (a package only this target installs)
            return check(target, offline=False)
        causes = [line.strip() for line in result.stderr.splitlines() if "cause:" in line]
        return f"  {platform_name}, Python {version}: {' '.join(causes) or result.stderr.strip()}"

    first, *others = [(name, version) for name in WHEEL_PLATFORMS for version in WHEEL_PYTHONS]
    gaps = [check(first, offline=False)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        gaps += pool.map(lambda target: check(target, offline=True), others)
    return "\n".join(gap for gap in gaps if gap)


# The commands ------------------------------------------------------------------------------


def environment(keep_bytecode: bool) -> dict[str, str]:
    """The commands' environment. serve and build keep the compiled bytecode of the project
    in .cache/pycache/, never beside the sources (src/ and hooks/ stay clean, and the
    preview does not see them change): compiling them again took 35 ms of every build's
    start-up. The tests build copies of the project in new temporary folders, which would
    only fill the cache: they go without."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    if keep_bytecode:
        del env["PYTHONDONTWRITEBYTECODE"]
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".cache" / "pycache")
    return env


def hand_over(command: Sequence[str], env: Mapping[str, str]) -> int:
    """Run ``command`` as this process: on POSIX it replaces it (signals reach it, and its
    exit status is ours); on Windows it runs as a child, and this process waits for it."""
    sys.stdout.flush()
    sys.stderr.flush()
    if not WINDOWS:
        os.chdir(ROOT)
        os.execve(command[0], list(command), dict(env))
    child = subprocess.Popen(list(command), cwd=ROOT, env=dict(env))
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:  # Ctrl+C reaches the child too: wait for it to stop
            continue


def main(argv: Sequence[str]) -> int:
    problem = python_problem(sys.version_info[:3], sys.executable)
    if problem:
        say(problem)
        return 2
    command, args = (argv[0], list(argv[1:])) if argv else ("", [])
    setup = Setup()
    python = str(setup.python)
    tools = ROOT / "tools"
    try:
        if command == "setup":
            setup.run()
            setup.note()
            return 0
        if command == "lock":
            lock(setup, args)
            return 0
        if command == "test":
            setup.run(dev=True)
            browser_tools()
            return hand_over([python, "-m", "pytest", *args], environment(keep_bytecode=False))
        # tools/serve.py is `mkdocs serve` plus the build's problems in the browser;
        # `mkdocs serve` (in .venv/) remains the plain fallback.
        scripts = {"serve": "serve.py", "build": "build_site.py", "check": "check.py"}
        scripts |= {"sign-off": "editor_commands.py", "status": "editor_commands.py"}
        scripts |= {"move": "move_page.py"}
        if command in scripts:
            script = tools / scripts[command]
            if not script.exists():
                raise TaskError(f"{command}: {script.relative_to(ROOT)} is not in this checkout", 2)
            setup.run()
            if command in ("sign-off", "status"):
                args = [command, *args]
            elif command == "build":
                args = args or ["site"]
            keep = command in ("serve", "build")
            return hand_over([python, str(script), *args], environment(keep_bytecode=keep))
    except TaskError as error:
        say(str(error))
        return error.status
    except KeyboardInterrupt:
        say(f"{command}: interrupted")
        return 130
    print(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
