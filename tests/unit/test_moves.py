"""Moving pages (oncopress.pages.moves), redirects and published addresses
(oncopress.pages.redirects), and changing files all or none (oncopress.files.transaction):
exact strings, in both languages where readers see them."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from oncopress.files.transaction import apply_changes
from oncopress.ledger.fingerprint import Fingerprint, fingerprint_page
from oncopress.ledger.ledgerfile import Ledger, SignOff, Translated
from oncopress.pages.moves import (
    MoveError,
    Site,
    plan_move,
    replace_addresses,
    replace_nav,
    rewrite_links,
    set_about_page,
)
from oncopress.pages.redirects import (
    RedirectError,
    page_url,
    parse_redirects,
    published_urls,
    redirect_page,
    redirect_pages,
    relative_url,
    vanished_urls,
)

DAY = date(2026, 11, 26)


def test_links_to_the_moved_page_follow_it_and_code_is_left_alone() -> None:
    text = (
        'See [care](care.md), [its diet part](care.md#diet), ![x](care.md "t") and '
        "[elsewhere](https://example.org/care.md).\n"
        "```\n[care](care.md)\n```\n"
        "[ref]: care.md#top\n"
    )
    moved = rewrite_links(
        text, lambda t: "after/care.md" + t[7:] if t.startswith("care.md") else None
    )
    assert moved == (
        "See [care](after/care.md), [its diet part](after/care.md#diet), "
        '![x](after/care.md "t") and [elsewhere](https://example.org/care.md).\n'
        "```\n[care](care.md)\n```\n"
        "[ref]: after/care.md#top\n"
    )


def test_the_nav_line_changes_and_nothing_else() -> None:
    config = (
        "site_name: x  # care.md stays here\n"
        "nav:\n"
        "  - Home: index.md\n"
        "  # care.md is our first page\n"
        "  - 'care.md'   # the care page\n"
        "  - Care again: care.md\n"
        "extra:\n"
        "  page: care.md\n"
    )
    assert replace_nav(config, "care.md", "guides/care.md") == (
        "site_name: x  # care.md stays here\n"
        "nav:\n"
        "  - Home: index.md\n"
        "  # care.md is our first page\n"
        "  - 'guides/care.md'   # the care page\n"
        "  - Care again: guides/care.md\n"
        "extra:\n"
        "  page: care.md\n"
    )


def _page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndescription: d\nlast_revised: 2026-11-20\n---\n\n{body}"


def _print(path: str, text: str) -> Fingerprint:
    meta_end = text.index("\n---\n", 4)
    return fingerprint_page(
        {"title": text.split("title: ")[1].split("\n")[0], "description": "d"}, text[meta_end + 5 :]
    )


def _site(texts: dict[str, str], ledger: Ledger, redirects: str = "") -> Site:
    return Site(
        {"en": "docs", "es": "docs_es"},
        "en",
        texts,
        "mkdocs.yml",
        "nav:\n  - care.md\n",
        ledger,
        parse_redirects(redirects),
        frozenset({"docs/assets/site.css"}),
    )


def _fingerprint(path: str, text: str) -> Fingerprint | None:
    return _print(path, text)


def test_a_move_rekeys_the_ledger_and_vouches_for_relinked_text_it_vouched_for() -> None:
    index = _page("Home", "Read [care](care.md).\n")
    care = _page("Care", "Back [home](index.md).\n")
    care_es = _page("Cuidado", "Volver al [inicio](index.md).\n")
    index_print, care_print = _print("", index), _print("", care)
    ledger = Ledger(
        "sign-offs.yml",
        {
            "docs/index.md": SignOff("docs/index.md", index_print.digest, DAY, ("a",)),
            "docs/care.md": SignOff("docs/care.md", care_print.digest, DAY, ("a",)),
            "docs_es/care.md": SignOff(
                "docs_es/care.md",
                _print("", care_es).digest,
                DAY,
                ("a",),
                ("b",),
                Translated("docs/care.md", DAY, care_print.digest, ()),
                signatures=(("a", "c2ln"),),
            ),
        },
    )
    texts = {"docs/index.md": index, "docs/care.md": care, "docs_es/care.md": care_es}
    plan = plan_move("care.md", "guides/care.md", _site(texts, ledger), DAY, _fingerprint)
    assert [(old, new) for old, new, _ in plan.renames] == [
        ("docs/care.md", "docs/guides/care.md"),
        ("docs_es/care.md", "docs_es/guides/care.md"),
    ]
    assert plan.renames[0][2] == _page("Care", "Back [home](../index.md).\n")
    assert plan.writes["docs/index.md"] == _page("Home", "Read [care](guides/care.md).\n")
    assert plan.writes["mkdocs.yml"] == "nav:\n  - guides/care.md\n"
    assert plan.writes["redirects.yml"].endswith(
        "redirects:\n- from: care.md\n  to: guides/care.md\n  date: 2026-11-26\n"
    )
    entries = plan.ledger.entries
    assert sorted(entries) == ["docs/guides/care.md", "docs/index.md", "docs_es/guides/care.md"]
    new_care = _print("", plan.renames[0][2])
    assert entries["docs/guides/care.md"].fingerprint == new_care.digest
    assert entries["docs/index.md"].fingerprint == _print("", plan.writes["docs/index.md"]).digest
    spanish = entries["docs_es/guides/care.md"]
    assert spanish.translates is not None
    assert spanish.translates.path == "docs/guides/care.md"
    assert spanish.translates.fingerprint == new_care.digest
    assert spanish.signatures == ()
    assert plan.resign == ("docs_es/guides/care.md",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "diet.md",
            "food.md",
            "'docs/diet.md' is not a page of the site: give a Markdown page in docs/",
        ),
        (
            "guides",
            "help",
            "'docs/guides' is a folder: move its pages one at a time (./tasks move docs/guides/PAGE.md NEW/PAGE.md)",
        ),
        ("care.md", "care", "'docs/care' is not a Markdown page: give a path ending in .md"),
        ("care.md", "care.md", "'docs/care.md' is already there: nothing to move"),
        ("care.md", "index.md", "'docs/index.md' already exists: choose another name for the page"),
        (
            "care.md",
            "guides/a/index.md",
            "'docs/guides/a/index.md' would be published at 'guides/a/', the address of "
            "'docs/guides/a.md': choose another name for the page",
        ),
        (
            "care.md",
            "old.md",
            "'docs/old.md' would be published at an address that redirects.yml (line 2) sends "
            "to 'index.md': choose another name, or remove line 2 of redirects.yml first",
        ),
    ],
)
def test_refusals(old: str, new: str, message: str) -> None:
    texts = {"docs/index.md": _page("Home", "x\n"), "docs/care.md": _page("Care", "y\n")}
    texts["docs/guides/a.md"] = _page("A", "z\n")
    site = _site(texts, Ledger(), "redirects:\n- from: old.md\n  to: index.md\n")
    with pytest.raises(MoveError) as raised:
        plan_move(old, new, site, DAY, _fingerprint)
    assert str(raised.value) == message


def test_chains_resolve_to_the_last_page_and_broken_ones_name_the_line() -> None:
    redirects = parse_redirects(
        "redirects:\n- from: a.md\n  to: b.md\n  date: 2026-11-01\n- from: b.md\n  to: c/index.md\n"
    )
    resolved = redirects.resolved({"c/index.md"})
    assert {old: entry.target for old, entry in resolved.items()} == {
        "a.md": "c/index.md",
        "b.md": "c/index.md",
    }
    with pytest.raises(RedirectError) as raised:
        redirects.resolved({"d.md"})
    assert str(raised.value) == (
        "Redirects file 'redirects.yml', line 2: 'a.md' redirects to 'b.md', then on to "
        "'c/index.md', which is not a page of the site: point it to a page that exists, or "
        "delete the entry"
    )
    with pytest.raises(RedirectError) as raised:
        redirects.resolved({"a.md", "c/index.md"})
    assert str(raised.value) == (
        "Redirects file 'redirects.yml', line 2: 'a.md' is a page again, so the redirect to "
        "'b.md' cannot be published: delete line 2's entry, or move the page with ./tasks move"
    )
    with pytest.raises(RedirectError) as raised:
        parse_redirects("redirects:\n- from: a.md\n")
    assert str(raised.value) == (
        "Redirects file 'redirects.yml', line 2: each move needs 'from' and 'to' (the page's "
        "path in the English folder before and after the move)"
    )


@pytest.mark.parametrize(
    ("locale", "title", "text", "link"),
    [
        (
            "en",
            "This page has moved",
            "This page has a new address.",
            "Go to the page at its new address",
        ),
        (
            "es",
            "Esta página cambió de lugar",
            "Esta página tiene una dirección nueva.",
            "Ir a la página en su nueva dirección",
        ),
    ],
)
def test_the_redirect_page_in_each_language(locale: str, title: str, text: str, link: str) -> None:
    assert redirect_page(locale, "../care/", "https://x.org/care/") == (
        "<!doctype html>\n"
        f'<html lang="{locale}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        '<link rel="canonical" href="https://x.org/care/">\n'
        '<meta http-equiv="refresh" content="0; url=../care/">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"</head>\n<body>\n<h1>{title}</h1>\n"
        f'<p>{text} <a href="../care/">{link}</a></p>\n'
        "</body>\n</html>\n"
    )


def test_addresses() -> None:
    assert [page_url(p) for p in ("index.md", "a/index.md", "a/b.md", "README.md")] == [
        "",
        "a/",
        "a/b/",
        "",
    ]
    assert relative_url("a/b/", "c/") == "../../c/"
    assert relative_url("es/a/", "es/") == "../"
    assert relative_url("", "c/") == "c/"
    resolved = parse_redirects("redirects:\n- from: a.md\n  to: b.md\n").resolved({"b.md"})
    pages = redirect_pages(
        resolved, {"en": "", "es": "es/"}, {"en": {"b.md"}, "es": set()}, "en", "https://x.org/"
    )
    assert sorted(pages) == ["a/index.html", "es/a/index.html"]
    assert 'href="https://x.org/b/"' in pages["es/a/index.html"]  # no Spanish page: the English one


def test_published_addresses(tmp_path: Path) -> None:
    for name in ("index.html", "404.html", "a/index.html", "es/index.html", "es/404.html", "x.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert published_urls(tmp_path) == ["/", "/a/", "/es/"]
    assert vanished_urls(["/", "/b/"], ["/"], "published-urls.txt") == [
        "Published URL '/b/' (published-urls.txt) is no longer served and no redirect leads "
        "from it: move pages with ./tasks move (it adds the redirect), add a redirect to "
        "redirects.yml, or retire it on purpose by deleting its line from published-urls.txt"
    ]


def test_changes_are_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text("a")
    (tmp_path / "b.md").write_text("b")
    real, calls = os.replace, []

    def failing(source: str, target: Path) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(target))
        real(source, target)

    monkeypatch.setattr(os, "replace", failing)
    writes = {"a.md": b"A", "new/c.md": b"C", "b.md": b"B"}
    with pytest.raises(OSError):
        apply_changes(tmp_path, writes, ["a.md"])
    monkeypatch.setattr(os, "replace", real)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a.md",
        "b.md",
    ]
    assert (tmp_path / "a.md").read_text() == "a"
    apply_changes(tmp_path, {"new/c.md": b"C", "b.md": b"B"}, ["a.md"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "b.md",
        "new",
        "new/c.md",
    ]


def test_the_chrome_addresses_and_the_about_page_setting_follow_the_page() -> None:
    config = (
        "extra:\n"
        "  editorial:\n"
        "    review_interval_years: 3\n"
        "  usage_policy:\n"
        "    href:\n"
        "      en: about/#policy  # the footer link\n"
        "      es: 'es/about/'\n"
        "      other: about/us/\n"
    )
    moved = replace_addresses(config, "about/", "info/about/", ["", "es/"])
    assert moved == (
        "extra:\n"
        "  editorial:\n"
        "    review_interval_years: 3\n"
        "  usage_policy:\n"
        "    href:\n"
        "      en: info/about/#policy  # the footer link\n"
        "      es: 'es/info/about/'\n"
        "      other: about/us/\n"
    )
    assert replace_addresses(config, "", "info/", ["", "es/"]) == config  # never the home page
    set_about = set_about_page(moved, "about.md", "info/about.md")
    assert set_about.startswith(
        "extra:\n  editorial:\n    about_page: info/about.md\n    review_interval_years: 3\n"
    )
    assert set_about_page(set_about, "info/about.md", "us.md").count("about_page: us.md\n") == 1
    assert set_about_page("site_name: x\nextra:\n  a: 1\n", "about.md", "us.md") == (
        "site_name: x\nextra:\n  editorial:\n    about_page: us.md\n  a: 1\n"
    )


def test_an_entry_that_did_not_match_its_page_before_the_move_is_left_as_it_was() -> None:
    index = _page("Home", "Read [care](care.md).\n")
    stale = SignOff("docs/index.md", "sha256:" + "0" * 64, DAY, ("a",))
    texts = {"docs/index.md": index, "docs/care.md": _page("Care", "y\n")}
    plan = plan_move(
        "care.md",
        "c.md",
        _site(texts, Ledger("sign-offs.yml", {stale.path: stale})),
        DAY,
        _fingerprint,
    )
    assert plan.writes["docs/index.md"] == _page("Home", "Read [care](c.md).\n")
    assert plan.ledger.entries == {"docs/index.md": stale}
