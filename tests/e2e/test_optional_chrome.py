"""Optional chrome items (chat, newsletter, donate): shown with their address, in the
page's language, when mkdocs.yml gives one (tests/fixtures/full-chrome.yml); absent
otherwise (the real site, see test_site.py).

Replicate: copy tests/fixtures/minimal with the real mkdocs.yml, merge
tests/fixtures/full-chrome.yml under extra:, then mkdocs build --strict.
"""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURES, Build, make_project
from site_pages import parse

CHROME = yaml.safe_load((FIXTURES / "full-chrome.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("chrome") / "project")
    config = project.config()
    config["extra"]["chat"] = CHROME["chat"]
    config["extra"]["footer"].update(CHROME["footer"])
    project.set_config(config)
    result = project.build()
    assert result.returncode == 0, result.explain()
    assert result.warnings == [], result.explain()
    return result


@pytest.mark.parametrize(
    ("relative", "chat"),
    [
        ("care/index.html", ("Live Chat", "(weekdays)")),
        ("es/care/index.html", ("Chat en vivo", "(de lunes a viernes)")),
    ],
)
def test_chat_shows_in_the_helpline_bar(built: Build, relative: str, chat: tuple) -> None:
    bar = parse(built.site, relative).select_one(".site-helpline")
    link = bar.select_one("a.site-helpline__chat")
    assert (link.get_text(strip=True), link["href"]) == (chat[0], CHROME["chat"]["url"])
    hours = [span.get_text(strip=True) for span in bar.select(".site-helpline__hours")]
    assert hours[1] == chat[1]


@pytest.mark.parametrize(
    ("relative", "labels"),
    [
        (
            "care/index.html",
            [
                "Content usage policy (reprint requests)",
                "Sign up for our newsletter",
                "Donate: fund patient support, research and content updates",
            ],
        ),
        (
            "es/care/index.html",
            [
                "Política de uso del contenido (solicitudes de reimpresión)",
                "Suscríbase a nuestro boletín",
                "Haga un donativo: apoye la ayuda a pacientes, la investigación y la "
                "actualización del contenido",
            ],
        ),
    ],
)
def test_newsletter_and_donate_show_in_the_footer(
    built: Build, relative: str, labels: list[str]
) -> None:
    soup: BeautifulSoup = parse(built.site, relative)
    links = soup.select(".site-footer__links a")
    assert [a.get_text(strip=True) for a in links] == labels
    assert [a["href"] for a in links[1:]] == [
        CHROME["footer"]["newsletter"]["url"],
        CHROME["footer"]["donate"]["url"],
    ]
