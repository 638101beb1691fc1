from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from oncopress.pdf.cache import PdfCache, cache_key, copy_atomically, write_atomically


def files(contents: dict[str, bytes]):  # type: ignore[no-untyped-def]
    return lambda path: contents.get(path)


def test_cache_key_depends_on_document_stylesheet_engine_and_images() -> None:
    engine = "weasyprint 70.0 pdf/ua-1"
    base = cache_key("<html>", "css", ["a.png"], engine, files({"a.png": b"1"}))
    assert len(base) == 64
    assert cache_key("<html>", "css", ["a.png"], engine, files({"a.png": b"1"})) == base
    changed = [
        cache_key("<html> ", "css", ["a.png"], engine, files({"a.png": b"1"})),
        cache_key("<html>", "css ", ["a.png"], engine, files({"a.png": b"1"})),
        cache_key("<html>", "css", ["a.png"], "weasyprint 71.0 pdf/ua-1", files({"a.png": b"1"})),
        cache_key("<html>", "css", ["a.png"], engine, files({"a.png": b"2"})),
        cache_key("<html>", "css", ["a.png"], engine, files({})),
        cache_key("<html>", "css", [], engine, files({})),
    ]
    assert base not in changed
    assert len(set(changed)) == len(changed)


def test_cache_key_ignores_resource_order() -> None:
    read = files({"a": b"1", "b": b"2"})
    assert cache_key("x", "", ["a", "b"], "e", read) == cache_key(
        "x", "", ["b", "a", "a"], "e", read
    )


def test_store_then_load(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path / ".cache" / "pdf")
    assert cache.load("k") is None
    stored = cache.store("k", b"%PDF-1.7 x", ("http://example.com/x.png",))
    loaded = cache.load("k")
    assert loaded is not None
    assert loaded.path == stored
    assert loaded.path.read_bytes() == b"%PDF-1.7 x"
    assert loaded.refused == ("http://example.com/x.png",)


@pytest.mark.parametrize("broken", ["no sidecar", "bad sidecar", "empty pdf", "no pdf"])
def test_a_damaged_entry_is_a_miss(tmp_path: Path, broken: str) -> None:
    cache = PdfCache(tmp_path)
    cache.store("k", b"%PDF", ())
    if broken == "no sidecar":
        (tmp_path / "k.json").unlink()
    elif broken == "bad sidecar":
        (tmp_path / "k.json").write_text("{")
    elif broken == "empty pdf":
        (tmp_path / "k.pdf").write_bytes(b"")
    else:
        (tmp_path / "k.pdf").unlink()
    assert cache.load("k") is None


def test_prune_removes_entries_unused_for_a_week(tmp_path: Path) -> None:
    week = 7 * 24 * 3600
    clock = [1_000_000_000.0]
    cache = PdfCache(tmp_path, now=lambda: clock[0])
    for key in ("old", "recent", "current"):
        cache.store(key, b"%PDF", ())
    for key, age in (("old", week + 1), ("recent", week - 10), ("current", week + 1)):
        os.utime(tmp_path / f"{key}.json", (clock[0] - age, clock[0] - age))
    (tmp_path / "README").write_text("not ours")
    assert cache.prune(["current"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "README", "current.json", "current.pdf", "recent.json", "recent.pdf",
    ]  # fmt: skip
    assert PdfCache(tmp_path / "missing").prune([]) == 0


def test_loading_an_entry_marks_it_used(tmp_path: Path) -> None:
    clock = [1_000_000_000.0]
    cache = PdfCache(tmp_path, max_age=100, now=lambda: clock[0])
    cache.store("k", b"%PDF", ())
    os.utime(tmp_path / "k.json", (0, 0))
    assert cache.load("k") is not None
    clock[0] += 50
    assert cache.prune([]) == 0
    clock[0] += 60
    assert cache.prune([]) == 1
    assert cache.load("k") is None


def test_atomic_writes_leave_no_temporary_files_and_are_readable(tmp_path: Path) -> None:
    write_atomically(tmp_path / "a" / "x.pdf", b"%PDF")
    copy_atomically(tmp_path / "a" / "x.pdf", tmp_path / "b" / "c" / "y.pdf")
    assert (tmp_path / "b" / "c" / "y.pdf").read_bytes() == b"%PDF"
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["x.pdf"]
    assert sorted(p.name for p in (tmp_path / "b" / "c").iterdir()) == ["y.pdf"]
    assert stat.S_IMODE((tmp_path / "a" / "x.pdf").stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"%PDF old")
    with pytest.raises(TypeError):  # not bytes: the write fails half way
        write_atomically(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]


def test_copying_onto_its_own_hard_link_leaves_no_temporary(tmp_path: Path) -> None:
    write_atomically(tmp_path / "cache.pdf", b"%PDF")
    copy_atomically(tmp_path / "cache.pdf", tmp_path / "site.pdf")
    copy_atomically(tmp_path / "cache.pdf", tmp_path / "site.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.pdf", "site.pdf"]
