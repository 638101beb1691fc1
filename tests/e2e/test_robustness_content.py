"""Robustness catalogue, content branch: placeholder addresses and chrome that
misleads (issue 10). Each case with the exact WARNING line it gives; --strict turns
them into exit status 1, and nothing else is reported.

- page cases: links and images to placeholder hosts (example.org/.com/.net and their
  subdomains; names ending in .example, .invalid, .test; localhost), each on a page
  of one copy of tests/fixtures/minimal (one build for them all);
- configuration cases: the same hosts under extra:, in nav and extra_javascript, a
  placeholder site_url without the sample's opt-in, a publisher name that is not the
  site's, a helpline label that does not name its operator (one build for them all).

Replicate a case: copy tests/fixtures/minimal with the real mkdocs.yml, make the
case's edit, then run ``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import Build, make_project
from test_robustness import assert_failed_cleanly, error_blocks, links_page, run

PLACEHOLDER = (
    "reserved for examples and reaches no real site); link to the real address or remove the link"
)


def third_party(path: str, locale: str, url: str) -> str:
    """The privacy gate's word on the same image (hooks/privacy_gate.py): an image on a
    placeholder host is also an image from another host."""
    return (
        f"Doc file '{path}' ({locale}): loads an image from another host: {url} (every "
        "reader's browser would tell that host which page they read: copy the file into "
        "docs/assets/ and load it from there, or make it a plain link)"
    )


def page_warning(path: str, locale: str, url: str, host: str) -> str:
    return (
        f"Doc file '{path}' ({locale}): links to '{url}', a placeholder address "
        f"('{host}' is {PLACEHOLDER}"
    )


@dataclass(frozen=True)
class PageCase:
    locale: str
    body: str
    warnings: tuple[str, ...]  # empty: the page must build without a word


def _path(name: str, locale: str) -> str:
    return f"{'docs' if locale == 'en' else 'docs_es'}/placeholders/{name}.md"


PAGE_CASES: dict[str, PageCase] = {
    "link-to-example-org-subdomain": PageCase(
        "en",
        "[Donate](https://donate.example.org/) to fund research.",
        (
            page_warning(
                _path("link-to-example-org-subdomain", "en"),
                "en",
                "https://donate.example.org/",
                "donate.example.org",
            ),
        ),
    ),
    "image-on-localhost": PageCase(
        "es",
        "![Gráfico](http://localhost:8000/grafico.png)",
        (
            page_warning(
                _path("image-on-localhost", "es"),
                "es",
                "http://localhost:8000/grafico.png",
                "localhost",
            ),
            third_party(
                _path("image-on-localhost", "es"), "es", "http://localhost:8000/grafico.png"
            ),
        ),
    ),
    "mail-to-invalid": PageCase(
        "en",
        "Write to [our nurses](mailto:nurses@charity.invalid).",
        (
            page_warning(
                _path("mail-to-invalid", "en"),
                "en",
                "mailto:nurses@charity.invalid",
                "charity.invalid",
            ),
        ),
    ),
    "dot-test-and-dot-example": PageCase(
        "es",
        "[Boletín](https://boletin.sitio.test/) y [chat](https://chat.clinica.example/chat).",
        (
            page_warning(
                _path("dot-test-and-dot-example", "es"),
                "es",
                "https://boletin.sitio.test/",
                "boletin.sitio.test",
            ),
            page_warning(
                _path("dot-test-and-dot-example", "es"),
                "es",
                "https://chat.clinica.example/chat",
                "chat.clinica.example",
            ),
        ),
    ),
    "html-image-from-example-net-twice": PageCase(
        "en",
        '<img alt="Logo" src="https://cdn.example.net/logo.png">\n\n'
        "![Logo again](https://cdn.example.net/logo.png)",
        (
            page_warning(
                _path("html-image-from-example-net-twice", "en"),
                "en",
                "https://cdn.example.net/logo.png",
                "cdn.example.net",
            ),
            third_party(
                _path("html-image-from-example-net-twice", "en"),
                "en",
                "https://cdn.example.net/logo.png",
            ),
        ),
    ),
    "text-mentions-and-real-hosts-are-fine": PageCase(
        "en",
        "Sites like example.org are for examples. Call [1-800-227-2345](tel:+18002272345) "
        "or read [the American Cancer Society](https://www.cancer.org/) and "
        "[a site](https://myexample.org/).",
        (),
    ),
}


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("placeholder-pages") / "project")
    for name, case in PAGE_CASES.items():
        for locale in ("en", "es"):
            body = case.body if locale == case.locale else "Text."
            project.write(_path(name, locale), links_page(name, locale, body))
    return run(project)


@pytest.mark.parametrize("name", list(PAGE_CASES))
def test_a_placeholder_in_a_page(pages_build: Build, name: str) -> None:
    case = PAGE_CASES[name]
    assert_failed_cleanly(pages_build, "warnings in strict mode!")
    mine = [w for w in pages_build.warnings if f"/placeholders/{name}.md'" in w]
    assert mine == list(case.warnings), pages_build.explain()


def test_the_placeholder_pages_give_their_warnings_and_nothing_else(pages_build: Build) -> None:
    expected = sorted(w for case in PAGE_CASES.values() for w in case.warnings)
    assert sorted(pages_build.warnings) == expected, pages_build.explain()
    assert error_blocks(pages_build) == [], pages_build.explain()


# Configuration cases: one build with every edit, each owning its WARNING line -----------


@dataclass(frozen=True)
class ConfigCase:
    edit: Callable[[dict], None]
    warning: str


def _set(path: str, value: object) -> Callable[[dict], None]:
    """Set ``extra.a.b`` (dotted, from the top of mkdocs.yml) to ``value``."""

    def edit(config: dict) -> None:
        *parents, last = path.split(".")
        node = config
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value

    return edit


SAMPLE_REVIEWERS = [
    f"reviewers.yml: reviewer '{reviewer}' is a sample (sample: true), not a real reviewer; "
    "name the real reviewers and sign the pages off with them before publishing (a sample "
    "site may add 'allow_placeholder_site_url: true' under extra:)"
    for reviewer in ("content-team", "translation-team")
]


def _drop_opt_in(config: dict) -> None:
    del config["extra"]["allow_placeholder_site_url"]


CONFIG_CASES: dict[str, ConfigCase] = {
    "chat-on-a-placeholder-host": ConfigCase(
        _set(
            "extra.chat",
            {
                "url": "https://survivorship.example.org/chat/",
                "label": {"en": "Live Chat", "es": "Chat en vivo"},
                "hours": {"en": "weekdays", "es": "de lunes a viernes"},
            },
        ),
        "mkdocs.yml: extra.chat.url is 'https://survivorship.example.org/chat/', a "
        "placeholder address ('survivorship.example.org' is reserved for examples); give the "
        "real address, or delete the item so it is not shown",
    ),
    "donate-on-example-com": ConfigCase(
        _set(
            "extra.footer.donate",
            {"url": "http://www.example.com/donate", "label": {"en": "Donate", "es": "Done"}},
        ),
        "mkdocs.yml: extra.footer.donate.url is 'http://www.example.com/donate', a placeholder "
        "address ('www.example.com' is reserved for examples); give the real address, or "
        "delete the item so it is not shown",
    ),
    "nav-link-to-example-org": ConfigCase(
        _set("nav", ["index.md", "care.md", {"Donate": "https://donate.example.org/"}]),
        "mkdocs.yml: nav[2].Donate is 'https://donate.example.org/', a placeholder address "
        "('donate.example.org' is reserved for examples); give the real address, or delete the "
        "item so it is not shown",
    ),
    "script-from-localhost": ConfigCase(
        _set("extra_javascript", ["http://localhost:8000/live.js"]),
        "mkdocs.yml: extra_javascript[0] is 'http://localhost:8000/live.js', a placeholder "
        "address ('localhost' is reserved for examples); give the real address, or delete the "
        "item so it is not shown",
    ),
    "site-url-without-the-opt-in": ConfigCase(
        _drop_opt_in,
        "mkdocs.yml: site_url 'https://survivorship.example.org/' is a placeholder address "
        "('survivorship.example.org' is reserved for examples); set your site's real address "
        "(a sample site may add 'allow_placeholder_site_url: true' under extra:)",
    ),
    "publisher-is-not-the-site": ConfigCase(
        _set("extra.publisher.name.es", "Fundación Esperanza"),
        "mkdocs.yml: extra.publisher.name.es 'Fundación Esperanza' does not agree with the "
        "site name 'Información sobre la supervivencia al cáncer'; name the site after its "
        "publisher (one containing the other)",
    ),
    "helpline-label-without-operator": ConfigCase(
        _set("extra.helpline.label.en", "Our 24/7 cancer helpline"),
        "mkdocs.yml: extra.helpline.label.en 'Our 24/7 cancer helpline' does not name the "
        "helpline's operator; write {operator} where extra.helpline.operator.en goes",
    ),
}


@pytest.fixture(scope="module")
def config_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("placeholder-config") / "project")
    config = project.config()
    for case in CONFIG_CASES.values():
        case.edit(config)
    project.set_config(config)
    return run(project)


@pytest.mark.parametrize("name", list(CONFIG_CASES))
def test_a_misleading_setting(config_build: Build, name: str) -> None:
    assert_failed_cleanly(config_build, "warnings in strict mode!")
    assert config_build.warnings.count(CONFIG_CASES[name].warning) == 1, config_build.explain()


def test_the_settings_give_their_warnings_once_and_nothing_else(config_build: Build) -> None:
    # Without the sample opt-in, the sample reviewers are refused too (issue 23).
    expected = sorted([case.warning for case in CONFIG_CASES.values()] + SAMPLE_REVIEWERS)
    assert sorted(config_build.warnings) == expected, config_build.explain()
    assert error_blocks(config_build) == [], config_build.explain()


def test_an_opt_in_that_is_not_exactly_true_is_refused(tmp_path: Path) -> None:
    """Before issue 20's schema, 'yes' was off, silently: the sample's reviewers and
    site_url were then warnings that did not say why the opt-in was not taken."""
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"]["allow_placeholder_site_url"] = "yes"
    project.set_config(config)
    result = run(project)
    assert_failed_cleanly(result, "Aborted with a BuildError!")
    assert error_blocks(result) == [
        "mkdocs.yml: extra.allow_placeholder_site_url must be true or false (found 'yes')"
    ], result.explain()


def test_a_reviewer_article_that_is_not_a_word_per_language(tmp_path: Path) -> None:
    """reviewers.yml: the word before a team's name ("Reviewed by the ...") per language."""
    project = make_project(tmp_path / "project")
    registry = project.root / "reviewers.yml"
    text = registry.read_text("utf-8").replace("article: {en: a, es: un}", "article: the", 1)
    registry.write_text(text, "utf-8")
    result = run(project)
    assert_failed_cleanly(result, "Aborted with a BuildError!")
    assert error_blocks(result) == [
        "Reviewer registry 'reviewers.yml' has 1 problem:\n"
        "  reviewer 'content-team' has an 'article' that is not a word per language (en, es), "
        "like article: {en: the, es: el}"
    ], result.explain()
