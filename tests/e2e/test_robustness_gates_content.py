"""Robustness catalogue, gates on content (issue 19, parts 3 and 4): nothing private is
published, and hostile content is refused. Each case with its exact message; every one
stops strict and non-strict builds alike (exit status 1), before a page is written.

- source folder: symbolic links to files or folders outside the project, and file or
  folder names outside the safe set (one build lists them all, at once);
- source check: a page above the size limit, or nested too deep for Python-Markdown
  (lists, quotes, HTML, brackets, emphasis), refused before any page is read (one build);
- front matter: YAML anchors and aliases (a "billion laughs"), and nesting 5000 deep
  (one build, in the editorial check's block);
- HTML policy: scripts, event attributes (raw HTML and attr_list), script and data
  URLs (Markdown links too), frames, plugins, forms and the elements that change the
  page around them, each with its line in the Markdown source (one build); a
  publisher's ``allow_elements`` lets an element through.

Replicate a case: copy tests/fixtures/minimal with the real mkdocs.yml, make the
case's edit, then run ``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Build, make_project
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks, links_page, run

SAFE_NAMES = "rename it using only ASCII letters, digits, '-', '_' and '.'"
OUTSIDE = (
    "outside the project folder: nothing outside it may be published; copy what it should "
    "show into the sources, or remove the link"
)
ALLOW = "remove it (a publisher can allow it: extra.html_policy.allow_elements in mkdocs.yml)"
RUNS = "which would run a script in readers' browsers"


# Source folder: links out of the project and unsafe names --------------------------------

LINKS_OUT = {  # link -> target
    "docs/assets/passwd.txt": "/etc/passwd",
    "docs_es/environ.txt": "/proc/self/environ",
    "docs/private": "/etc",
    # The theme's folder is published too (its images, scripts and style sheets).
    "overrides/assets/hosts.txt": "/etc/hosts",
}
UNSAFE_NAMES = {
    'docs/q"><svg onload=alert(1)>.md': (
        "File name 'docs/q\"><svg onload=alert(1)>.md' has characters a web address cannot "
        "carry safely ('\"', '>', '<', a space, '=', '(', ')'): "
        f"{SAFE_NAMES} (like 'q-svg-onload-alert-1.md')"
    ),
    "docs_es/efectos#2?.md": (
        "File name 'docs_es/efectos#2?.md' has characters a web address cannot carry safely "
        f"('#', '?'): {SAFE_NAMES} (like 'efectos-2.md')"
    ),
}


@pytest.fixture(scope="module")
def folder_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("folder") / "project")
    for link, target in LINKS_OUT.items():
        path = project.root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
    (project.root / "docs" / "home.md").symlink_to("index.md")  # inside: allowed
    for name in UNSAFE_NAMES:
        locale = "es" if name.startswith("docs_es") else "en"
        project.write(name, links_page("odd", locale, "Text."))
    return run(project)


def test_links_out_of_the_project_and_unsafe_names_stop_the_build(folder_build: Build) -> None:
    assert_failed_cleanly(folder_build, PLUGIN_ERROR)
    problems = [
        f"Symbolic link '{link}' points to '{target}', {OUTSIDE}"
        for link, target in LINKS_OUT.items()
    ] + list(UNSAFE_NAMES.values())
    [block] = error_blocks(folder_build)
    lines = block.splitlines()
    assert lines[0] == f"Source folder check failed: {len(problems)} problems"
    assert sorted(lines[1:]) == sorted(f"  {problem}" for problem in problems), (
        folder_build.explain()
    )
    assert not (folder_build.site / "assets" / "passwd.txt").exists()


def test_the_link_to_the_spanish_sources_and_links_inside_still_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project.root / "docs" / "assets").mkdir(parents=True, exist_ok=True)
    (project.root / "docs" / "assets" / "note.txt").write_text("A note.\n")
    (project.root / "docs" / "assets" / "same-note.txt").symlink_to("note.txt")
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert (result.site / "assets" / "same-note.txt").read_text() == "A note.\n"
    assert (result.site / "es" / "care" / "index.html").is_file()


# Source check: size and nesting, before any page is read ---------------------------------

DEEP = "nested more than 50 levels deep; pages need a few levels at most: write it flatter"
SOURCE_CASES = {  # name -> (English body, message)
    "too-big": (
        "Rest helps. " * 200_000,
        f"is {len(links_page('too-big', 'en', 'Rest helps. ' * 200_000)):,} bytes, more than the limit of 2,000,000 bytes for a page; split it into "
        "pages (or raise extra.limits.page_bytes in mkdocs.yml)",
    ),
    "list-on-one-line": ("- " * 5000 + "x", f"line 10: lists or quotes {DEEP}"),
    "list-indented": (
        "".join("    " * level + "- x\n" for level in range(300)),
        f"line 60: lists or quotes {DEEP}",
    ),
    "quotes": (">" * 5000 + " x", f"line 10: lists or quotes {DEEP}"),
    "html-with-markdown": (
        '<div markdown="1">\n' * 500 + "x\n" + "</div>\n" * 500,
        f"line 60: HTML elements {DEEP}",
    ),
    "brackets": ("[" * 5000 + "x" + "]" * 5000, f"line 10: brackets {DEEP}"),
    "emphasis": ("*" * 2000 + "x" + "*" * 2000, f"line 10: emphasis marks ('*', '_') {DEEP}"),
}


@pytest.fixture(scope="module")
def source_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("source") / "project")
    for name, (body, _) in SOURCE_CASES.items():
        project.write(f"docs/limits/{name}.md", links_page(name, "en", body))
        project.write(f"docs_es/limits/{name}.md", links_page(name, "es", "Texto."))
    return run(project, seconds=60)


@pytest.mark.parametrize("name", list(SOURCE_CASES))
def test_a_page_too_big_or_too_deep(source_build: Build, name: str) -> None:
    assert_failed_cleanly(source_build, PLUGIN_ERROR)
    [block] = error_blocks(source_build)
    line = f"  Doc file 'docs/limits/{name}.md' (en): {SOURCE_CASES[name][1]}"
    assert block.splitlines().count(line) == 1, source_build.explain()


def test_the_source_check_gives_one_block_and_nothing_else(source_build: Build) -> None:
    expected = sorted(
        f"  Doc file 'docs/limits/{name}.md' (en): {message}"
        for name, (_, message) in SOURCE_CASES.items()
    )
    header = f"Source check failed: {len(expected)} problems in {len(expected)} pages"
    assert error_blocks(source_build) == ["\n".join([header, *expected])], source_build.explain()


def test_the_size_limit_is_a_setting(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"]["limits"] = {"page_bytes": 1_000_000}
    project.set_config(config)
    page = links_page("long", "en", "Rest helps. " * 100_000)
    project.write("docs/long.md", page)
    project.write("docs_es/long.md", links_page("long", "es", "Texto."))
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        "Source check failed: 1 problem in 1 page\n"
        f"  Doc file 'docs/long.md' (en): is {len(page):,} bytes, more than the limit of "
        "1,000,000 bytes for a page; split it into pages (or raise extra.limits.page_bytes in "
        "mkdocs.yml)"
    ], result.explain()


# Front matter: anchors, aliases, nesting --------------------------------------------------

ALIASES = (
    "front matter uses a YAML anchor '&a' (line 2): anchors (&) and aliases (*) are not "
    "allowed in pages; write each value out, and put a value that starts with '*' or '&' "
    "in quotes"
)
FRONT_MATTER_CASES = {
    "alias-bomb": (
        "tags: [&a [lol, lol, lol], &b [*a, *a, *a], &c [*b, *b, *b]]\n",
        ALIASES.replace("(line 2)", "(line 5)"),
    ),
    "alias-only": (
        "tags: *content\n",
        "front matter uses a YAML alias '*content' (line 5): anchors (&) and aliases (*) are "
        "not allowed in pages; write each value out, and put a value that starts with '*' or "
        "'&' in quotes",
    ),
    "nested-5000-deep": (
        "tags: " + "[" * 5000 + "]" * 5000 + "\n",
        "front matter is nested more than 50 levels deep (line 5); write its values as plain "
        "'key: value' lines or lists",
    ),
}


def front_matter_page(locale: str, extra: str) -> str:
    translated = "translation_of: 2023-08-28\n" if locale == "es" else ""
    return (
        f"---\ntitle: Case\nlast_revised: 2023-08-28\nmedical: false\n{extra}{translated}"
        "---\n\n# Case\n\nText.\n"
    )


@pytest.fixture(scope="module")
def front_matter_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("front-matter") / "project")
    for name, (extra, _) in FRONT_MATTER_CASES.items():
        project.write(f"docs/yaml/{name}.md", front_matter_page("en", extra))
        project.write(f"docs_es/yaml/{name}.md", front_matter_page("es", ""))
    return run(project, seconds=60)


def test_front_matter_anchors_aliases_and_nesting(front_matter_build: Build) -> None:
    assert_failed_cleanly(front_matter_build, PLUGIN_ERROR)
    expected = sorted(
        f"  Doc file 'docs/yaml/{name}.md' (en): {message}"
        for name, (_, message) in FRONT_MATTER_CASES.items()
    )
    header = f"Editorial check failed: {len(expected)} problems in {len(expected)} pages"
    assert error_blocks(front_matter_build) == ["\n".join([header, *expected])], (
        front_matter_build.explain()
    )


# HTML policy: what the rendered page holds, with the line of the Markdown source ---------

HTML_CASES = {  # name -> (English body, from line 10, message)
    "script": (
        "<script>alert(1)</script>",
        f"line 10: has the element <script>, which pages "
        f"may not contain (it would run in readers' browsers); {ALLOW}",
    ),
    "image-onerror": (
        'Text.\n\n<img src="x.png" alt="" onerror="alert(1)">',
        f"line 12: has an event attribute 'onerror' on <img>, {RUNS}; remove it",
    ),
    "attr-list-onclick": (
        'A paragraph.\n{: onclick="alert(1)" }',
        f"line 11: has an event attribute 'onclick' on <p>, {RUNS}; remove it",
    ),
    "markdown-javascript-link": (
        "[Call us](javascript:alert(1))",
        "line 10: has a 'javascript:' URL in 'href' of <a> ('javascript:alert(1)'), "
        f"{RUNS}; link to a page or a web address",
    ),
    "vbscript-link-with-tab": (
        '<a href="VB&#x09;Script:msgbox(1)">x</a>',
        "line 10: has a 'vbscript:' URL in 'href' of <a> ('VB\\x09Script:msgbox(1)'), "
        f"{RUNS}; link to a page or a web address",
    ),
    "data-link": (
        "[Open](data:text/html;base64,PHNjcmlwdD4=)",
        "line 10: has a 'data:' URL in 'href' of <a> ('data:text/html;base64,PHNjcmlwdD4='), "
        "which can carry a whole page or a script; link to a file in the site instead",
    ),
    "iframe": (
        '<iframe src="/care/"></iframe>',
        "line 10: has the element <iframe>, which pages may not contain (it shows another "
        f"site inside the page); {ALLOW}",
    ),
    "form": (
        '<form action="/x"><input name="q"></form>',
        "line 10: has the element <form>, which pages may not contain (it would send what "
        f"readers type to another address); {ALLOW}",
    ),
    "meta-refresh": (
        '<meta http-equiv="refresh" content="0; url=/x">',
        "line 10: has the element <meta>, which pages may not contain (it can send readers "
        f"to another page); {ALLOW}",
    ),
    "base": (
        '<base href="/elsewhere/">',
        "line 10: has the element <base>, which pages may not contain (it changes where "
        f"every link of the page goes); {ALLOW}",
    ),
    "svg-onload": (
        '<svg onload="alert(1)"></svg>',
        f"line 10: has an event attribute 'onload' on <svg>, {RUNS}; remove it",
    ),
}
MUST_PASS = (  # raw HTML patient pages may use
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">\n\n'
    '<details><summary>More</summary><p style="color: #333">Text.</p></details>\n\n'
    "[A page](../care.md) and [a site](https://www.cancer.org/).\n"
)


@pytest.fixture(scope="module")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("html") / "project")
    for name, (body, _) in HTML_CASES.items():
        project.write(f"docs/html/{name}.md", links_page(name, "en", body))
        project.write(f"docs_es/html/{name}.md", links_page(name, "es", "Texto."))
    project.write("docs/html/fine.md", links_page("fine", "en", MUST_PASS))
    project.write("docs_es/html/fine.md", links_page("fine", "es", "Texto."))
    return run(project, seconds=60)


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_hostile_html_is_refused_with_its_line(html_build: Build, name: str) -> None:
    assert_failed_cleanly(html_build, PLUGIN_ERROR)
    blocks = [b for b in error_blocks(html_build) if b.startswith("HTML policy check")]
    line = f"  Doc file 'docs/html/{name}.md' (en): {HTML_CASES[name][1]}"
    assert [b.splitlines().count(line) for b in blocks] == [1], html_build.explain()


def test_the_html_policy_gives_one_block_and_nothing_else(html_build: Build) -> None:
    expected = sorted(
        f"  Doc file 'docs/html/{name}.md' (en): {message}"
        for name, (_, message) in HTML_CASES.items()
    )
    header = f"HTML policy check failed: {len(expected)} problems in {len(expected)} pages"
    assert error_blocks(html_build) == ["\n".join([header, *expected])], html_build.explain()
    assert not (html_build.site / "html").exists(), "no page may be written"


def test_non_strict_builds_refuse_it_too(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    project.write("docs/x.md", links_page("x", "en", "<script>alert(1)</script>"))
    project.write("docs_es/x.md", links_page("x", "es", "Texto."))
    result = project.build(strict=False, env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert "HTML policy check failed: 1 problem in 1 page" in result.log, result.explain()


def test_a_publisher_can_allow_an_element_whose_attributes_are_still_checked(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"]["html_policy"] = {"allow_elements": ["iframe"]}
    project.set_config(config)
    project.write("docs/video.md", links_page("video", "en", '<iframe src="../care/"></iframe>'))
    project.write("docs_es/video.md", links_page("video", "es", MUST_PASS))
    project.write(
        "docs/clip.md", links_page("clip", "en", '<iframe src="../care/" onload="go()"></iframe>')
    )
    project.write("docs_es/clip.md", links_page("clip", "es", "Texto."))
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        "HTML policy check failed: 1 problem in 1 page\n"
        f"  Doc file 'docs/clip.md' (en): line 10: has an event attribute 'onload' on <iframe>, "
        f"{RUNS}; remove it"
    ], result.explain()


def test_a_wrong_allow_elements_value_stops_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"]["html_policy"] = {"allow_elements": ["ifrme"]}
    project.set_config(config)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        "mkdocs.yml: extra.html_policy.allow_elements: 'ifrme' is not an element the policy "
        "refuses (it refuses: script, iframe, frame, frameset, object, embed, applet, portal, "
        "form, base, meta, link, style, noscript, xmp, noembed, noframes, plaintext)"
    ], result.explain()
