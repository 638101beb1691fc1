"""Robustness catalogue of the findability branch: pages that would make readers'
browsers load something from another host (refused by hooks/privacy_gate.py), and a
wrong search synonyms setting. Exact messages, never a traceback. The outside hosts are
real ones (no request is made): a placeholder host would also meet the placeholder gate
(tests/e2e/test_robustness_content.py), and each case here owns one warning.

Replicate a case: copy tests/fixtures/minimal, make the case's edit, then run
``mkdocs build --strict -f <copy>/mkdocs.yml``.
"""

from __future__ import annotations

import pytest
from conftest import Build, make_project
from test_robustness import PLUGIN_ERROR, WarningCase, assert_failed_cleanly, links_page, run

WHY = (
    "(every reader's browser would tell that host which page they read: copy the file into "
    "docs/assets/ and load it from there, or make it a plain link)"
)
THIRD_PARTY_CASES: dict[str, WarningCase] = {
    "spanish-image": WarningCase(
        "es",
        "![Una enfermera](https://cdn.jsdelivr.net/enfermera.jpg)",
        "Doc file 'docs_es/links/spanish-image.md' (es): loads an image from another host: "
        f"https://cdn.jsdelivr.net/enfermera.jpg {WHY}",
        "docs_es/links/spanish-image.md",
    ),
    "english-script": WarningCase(
        "en",
        '<script src="https://stats.wp.com/track.js"></script>',
        "Doc file 'docs/links/english-script.md' (en): loads a script from another host: "
        f"https://stats.wp.com/track.js {WHY}",
        "docs/links/english-script.md",
    ),
    "spanish-stylesheet": WarningCase(
        "es",
        '<link rel="stylesheet" href="https://fonts.googleapis.com/letra.css">',
        "Doc file 'docs_es/links/spanish-stylesheet.md' (es): loads a style sheet from another "
        f"host: https://fonts.googleapis.com/letra.css {WHY}",
        "docs_es/links/spanish-stylesheet.md",
    ),
    "protocol-relative-frame": WarningCase(
        "en",
        '<iframe src="//player.vimeo.com/embed/42" title="Video"></iframe>',
        "Doc file 'docs/links/protocol-relative-frame.md' (en): loads a frame from another host: "
        f"//player.vimeo.com/embed/42 {WHY}",
        "docs/links/protocol-relative-frame.md",
    ),
    "spanish-srcset": WarningCase(
        "es",
        '<img src="../../assets/logo.svg" srcset="https://cdn.jsdelivr.net/logo@2x.png 2x" alt="Logo">',
        "Doc file 'docs_es/links/spanish-srcset.md' (es): loads an image from another host: "
        f"https://cdn.jsdelivr.net/logo@2x.png {WHY}",
        "docs_es/links/spanish-srcset.md",
    ),
    "inline-style-background": WarningCase(
        "en",
        '<div style="background: url(https://cdn.jsdelivr.net/bg.png)">Text</div>',
        "Doc file 'docs/links/inline-style-background.md' (en): loads a style sheet resource "
        f"from another host: https://cdn.jsdelivr.net/bg.png {WHY}",
        "docs/links/inline-style-background.md",
    ),
}
CSS_WARNING = (
    "Doc file 'docs/assets/cases.css' (en): loads a style sheet resource from another host: "
    f"https://fonts.googleapis.com/font.woff2 {WHY}"
)
# Fine: plain links to other sites, data: images, the site's own files.
FINE_BODY = (
    "[A link](https://www.cancer.gov/) and <a href='https://www.cancer.org/x.pdf'>a PDF</a>.\n\n"
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="dot">\n'
)


@pytest.fixture(scope="module")
def third_party_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("third-party") / "project")
    # The HTML policy refuses these elements first; a publisher who allows them still has
    # the privacy gate between the pages and every other host.
    config = project.config()
    config["extra"]["html_policy"] = {"allow_elements": ["script", "link", "iframe"]}
    project.set_config(config)
    for name, case in {**THIRD_PARTY_CASES, "fine": WarningCase("en", FINE_BODY, "", "")}.items():
        for locale in ("en", "es"):
            folder = "docs" if locale == "en" else "docs_es"
            body = case.body if locale == case.locale else "Text."
            project.write(f"{folder}/links/{name}.md", links_page(name, locale, body))
    project.write(
        "docs/assets/cases.css",
        "@font-face { src: url('https://fonts.googleapis.com/font.woff2'); }\n",
    )
    return run(project)


@pytest.mark.parametrize("name", list(THIRD_PARTY_CASES))
def test_a_third_party_load_fails_the_strict_build_naming_the_page(
    third_party_build: Build, name: str
) -> None:
    case = THIRD_PARTY_CASES[name]
    assert_failed_cleanly(third_party_build, "warnings in strict mode!")
    assert third_party_build.warnings.count(case.warning) == 1, third_party_build.explain()
    assert f"Doc file '{case.names}' ({case.locale}): " in case.warning


def test_the_third_party_loads_give_their_warnings_and_nothing_else(
    third_party_build: Build,
) -> None:
    expected = sorted([*(case.warning for case in THIRD_PARTY_CASES.values()), CSS_WARNING])
    assert sorted(third_party_build.warnings) == expected, third_party_build.explain()


def build_with_config(tmp_path_factory: pytest.TempPathFactory, edit) -> Build:  # type: ignore[no-untyped-def]
    """The minimal fixture built after ``edit(config)`` changed its mkdocs.yml."""
    project = make_project(tmp_path_factory.mktemp("config") / "project")
    config = project.config()
    edit(config)
    project.set_config(config)
    return run(project)


def test_wrong_search_synonyms_stop_the_build(tmp_path_factory: pytest.TempPathFactory) -> None:
    result = build_with_config(
        tmp_path_factory,
        lambda config: config["extra"].update(
            search_synonyms={"en": {"came back": ["recurrence"]}}
        ),
    )
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert result.lines("ERROR") == [
        "mkdocs.yml: extra.search_synonyms.en: 'came back' must name single words, "
        "as in 'came back: [word, word]'"
    ], result.explain()


def test_no_site_url_stops_the_build(tmp_path_factory: pytest.TempPathFactory) -> None:
    result = build_with_config(tmp_path_factory, lambda config: config.pop("site_url"))
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert result.lines("ERROR") == [
        "mkdocs.yml has no site_url: set it to the address the site is published at "
        "(like https://www.example.org/); search engines and shared links need absolute URLs"
    ], result.explain()
