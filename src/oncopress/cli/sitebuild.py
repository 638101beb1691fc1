"""Build the whole site strictly into a temporary directory, then swap it into place.

A failed build (a content problem, a broken template, an interrupted run) never
touches the last good site: the output directory is replaced only after
``mkdocs build --strict`` succeeded, by two renames on the same filesystem.

Interrupted (SIGINT, Ctrl+C; SIGTERM; SIGHUP), it stops mkdocs and every process
mkdocs started (PDF workers), removes its staging folder and exits with 128 + the
signal's number. A staging folder left behind by a build that could not clean up
(killed with SIGKILL, a power cut) is removed by the next build into the same folder.

It never replaces a folder that is not one of its own sites (``oncopress.files.outfolder``):
each site it writes carries a hidden marker file, ``.oncopress-site``. Two builds into
the same folder take turns (a lock file beside it, ``.site.lock``, removed after).
The site's folders and files get the permissions ``mkdir`` and ``open`` would give
(0755 and 0644 under umask 022), so a web server running as another user can read it.

Usage: python tools/build_site.py [OUTPUT_DIR] [--config-file mkdocs.yml]   (default: site)
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from oncopress.cli import PROJECT as ROOT
from oncopress.cli.editor import read_config
from oncopress.files.atomic import new_folder_mode, write_atomically
from oncopress.files.conflicts import conflict_message
from oncopress.files.locking import exclusive
from oncopress.files.outfolder import (
    MARKER_TEXT,
    SITE_MARKER,
    OutputFolderError,
    check_output_folder,
    is_built_site,
)
from oncopress.pages.redirects import PUBLISHED_FILE, published_text, published_urls, read_published
from oncopress.system import group_options, is_running, stop_group, stop_signals, tasks_command

GRACE_SECONDS = 10  # how long mkdocs gets to stop on SIGTERM before SIGKILL


class Interrupted(Exception):
    """A signal asked the build to stop."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass
class Run:
    """What an interrupted build has to clean up."""

    out: Path
    staging: Path | None = None
    child: subprocess.Popen[bytes] | None = None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="site", help="output folder (default: site)")
    parser.add_argument("--config-file", "-f", default=str(ROOT / "mkdocs.yml"))
    args = parser.parse_args(argv[1:])
    config_file = Path(args.config_file).resolve()
    # MkDocs would only say the YAML is broken, at a line of the conflict's second side.
    conflicted = _conflicted(config_file)
    if conflicted:
        print(f"Build failed: {conflicted}", file=sys.stderr)
        return 1
    try:
        run = Run(check_output_folder(args.output, Path.cwd(), config_file.parent))
    except OutputFolderError as error:
        print(error, file=sys.stderr)
        return 2
    for handled in stop_signals():
        signal.signal(handled, _interrupt)
    try:
        run.out.parent.mkdir(parents=True, exist_ok=True)
        with exclusive(run.out, lambda lock: _waiting(run.out, lock)):
            return build_and_clean_up(config_file, run)
    except Interrupted as interruption:  # while it waited for another build
        return _interrupted(run, interruption)
    except OutputFolderError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(_cannot_write(error, run.out), file=sys.stderr)
        return 1


def _conflicted(config_file: Path) -> str | None:
    try:
        text = config_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # MkDocs names a missing or unreadable file itself
    return conflict_message(text, f"Config file '{config_file.name}'")


def build_and_clean_up(config_file: Path, run: Run) -> int:
    """``build``, and on a signal, stop mkdocs and put the last site back (all under the
    lock, so that the next build finds the folder as this one leaves it)."""
    try:
        return build(config_file, run)
    except Interrupted as interruption:
        for handled in stop_signals():  # a second Ctrl+C must not cut the clean-up short
            signal.signal(handled, signal.SIG_IGN)
        if run.child is not None:
            stop_group(run.child, GRACE_SECONDS)
        restore_previous(run.out)
        return _interrupted(run, interruption)
    finally:
        if run.staging is not None and run.staging.exists():
            shutil.rmtree(run.staging, ignore_errors=True)


def _interrupted(run: Run, interruption: Interrupted) -> int:
    name = signal.Signals(interruption.signum).name
    print(
        f"Build interrupted ({name}): {run.out.name}/ was not replaced ({_kept(run.out)}).",
        file=sys.stderr,
    )
    return 128 + interruption.signum


def build(config_file: Path, run: Run) -> int:
    out = run.out
    # Checked again under the lock: another build or a person may have changed it.
    check_output_folder(str(out), out.parent, config_file.parent)
    restore_previous(out)
    for stale in remove_stale_staging(out):
        print(f"Removed {stale}/, left behind by an interrupted build.", file=sys.stderr)
    # The owner's process id is in the name, so a later build can tell a stale folder.
    prefix = f"{staging_prefix(out)}{os.getpid()}-"
    run.staging = Path(tempfile.mkdtemp(prefix=prefix, dir=out.parent))
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs), "build", "--strict", "-f", str(config_file)]
    command += ["--site-dir", str(run.staging)]
    started = time.perf_counter()
    # Its own process group, so that a signal stops mkdocs and its PDF workers together.
    run.child = subprocess.Popen(
        command, cwd=config_file.parent, **group_options(preexec=_die_with_parent)
    )
    returncode = run.child.wait()
    if returncode != 0:
        print(f"Build failed: {out.name}/ was not replaced ({_kept(out)}).", file=sys.stderr)
        return returncode if returncode > 0 else 128 - returncode  # killed by a signal
    # mkdtemp made the staging folder private (0700): publish it as mkdir would have.
    run.staging.chmod(new_folder_mode())
    (run.staging / SITE_MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    old = previous(out)
    if out.exists():
        out.rename(old)
    run.staging.rename(out)
    if old.exists():
        shutil.rmtree(old)
    print(f"Site written to {out} in {time.perf_counter() - started:.1f} s")
    record_published(config_file, out)
    return 0


def record_published(config_file: Path, site: Path) -> None:
    """Rewrite the project's list of published addresses from the site just built, when
    the project keeps one (``published-urls.txt``): the next strict build warns about
    any of them it no longer serves."""
    listed = config_file.parent / PUBLISHED_FILE
    if not listed.is_file():
        return
    directory_urls = read_config(config_file).get("use_directory_urls", True) is not False
    before = listed.read_text(encoding="utf-8-sig")
    urls = published_urls(site, directory_urls)
    text = published_text([*urls, *(line for line in before.splitlines() if line.startswith("#"))])
    if text != before:
        added = len(set(urls) - set(read_published(before)))
        write_atomically(listed, text.encode("utf-8"))
        print(f"Updated {PUBLISHED_FILE}: {added} new, {len(urls)} in all")


def previous(out: Path) -> Path:
    """Where the last good site waits while the new one is moved into place."""
    return out.with_name(f".{out.name}-previous")


def restore_previous(out: Path) -> None:
    """Put the last good site back if a build stopped between its two renames, and
    remove a left-over copy of it otherwise."""
    old = previous(out)
    if not old.exists() and not old.is_symlink():
        return
    if not is_built_site(old) or old.is_symlink():
        raise OutputFolderError(
            f"Build refused: {old} is in the way (a build puts the last site there while it "
            f"replaces {out.name}/) and was not made by {tasks_command('build')}: move it or "
            "delete it yourself"
        )
    if not out.exists():
        old.rename(out)
    else:
        shutil.rmtree(old)


def staging_prefix(out: Path) -> str:
    """How the staging folders of builds into ``out`` are named (``.site-building-``)."""
    return f".{out.name}-building-"


def remove_stale_staging(out: Path) -> list[str]:
    """Remove the staging folders next to ``out`` whose build is no longer running;
    return their names. A folder named without a process id (older builds) is stale."""
    removed = []
    prefix = staging_prefix(out)
    for folder in sorted(out.parent.glob(f"{prefix}*")):
        owner = folder.name.removeprefix(prefix).partition("-")[0]
        if folder.is_dir() and not (owner.isdigit() and is_running(int(owner))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _die_with_parent() -> None:
    """In the child, before mkdocs starts: get SIGTERM if this build process dies, even
    by SIGKILL, which it cannot catch (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _waiting(out: Path, lock: Path) -> None:
    print(
        f"Waiting for another build into {out}/ to finish (it holds {lock})...",
        file=sys.stderr,
        flush=True,
    )


def _cannot_write(error: OSError, out: Path) -> str:
    """``Build failed`` naming the folder that could not be written (a read-only one)."""
    folder = Path(error.filename).parent if error.filename else out.parent
    return (
        f"Build failed: cannot write in {folder}/ ({error.strerror}); build into a folder "
        f"you can write to, or change the permissions of this one. {out.name}/ was not "
        f"replaced ({_kept(out)})."
    )


def _kept(out: Path) -> str:
    return "the previous site is unchanged" if out.exists() else "nothing was written"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
