"""The editorial rules on the real site: Last Revised stamp, reviewer attribution,
house-style references, JSON-LD and the editorial report, in both languages.

Replicate: SOURCE_DATE_EPOCH=1891555200 mkdocs build --strict, then open
site/survivorship/recurrence/index.html and site/es/survivorship/recurrence/index.html.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, Build, make_project

# The pages of the real site were signed off on SIGNED (sign-offs.yml), but for those in
# EARLIER, whose text last changed before; on TODAY, 2029-12-10, more than three years
# later, every page is overdue for review.
SIGNED = ("2026-12-03", "December 3, 2026", "3 de diciembre de 2026")
PDF_LIST = ("2026-11-26", "November 26, 2026", "26 de noviembre de 2026")
EARLIER = {("pdfs/", "en"): PDF_LIST, ("pdfs/", "es"): PDF_LIST}
TODAY = {"SOURCE_DATE_EPOCH": "1891555200"}
REPORTS = "reports"
SITE = "https://survivorship.example.org/"
REVIEWERS = yaml.safe_load((ROOT / "reviewers.yml").read_text(encoding="utf-8"))
EMERY = (
    "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. Management of "
    "common clinical problems experienced by survivors of cancer. The Lancet. "
    "2022;399(10334):1537-1550. doi.org/10.1016/S0140-6736(22)00242-2"
)
GOTZE = (
    "Götze H, Taubenheim S, Dietz A, Lordick F, & Mehnert-Theuerkauf A. Fear of cancer "
    "recurrence across the survivorship trajectory: Results from a survey of adult long-term "
    "cancer survivors. Psycho-Oncology. 2019;28(10):2033-2041. doi.org/10.1002/pon.5188"
)
# On Spanish pages, the English titles say so.
REFERENCES = {
    "en": [GOTZE, EMERY],
    "es": [
        GOTZE.replace("cancer survivors.", "cancer survivors (en inglés)."),
        EMERY.replace("survivors of cancer.", "survivors of cancer (en inglés)."),
    ],
}
LANGUAGES = {
    "en": {
        "prefix": "",
        "revised": "Last Revised: {}",
        "due": "Next review due: December 3, 2029",  # the sample's interval: 3 years
        "reviewed": "Reviewed by a",
        "translated": "Translation reviewed by a",
        "doctor": "Go over any medical questions with your own doctor.",
        "references": "References",
        "backlink": "Back to citation {} in the text",
    },
    "es": {
        "prefix": "es/",
        "revised": "Última actualización: {}",
        "due": "Próxima revisión: 3 de diciembre de 2029",
        "reviewed": "Revisado por un",
        "translated": "Traducción revisada por un",
        "doctor": "Hable de sus preguntas médicas con su propio médico.",
        "references": "Referencias",
        "backlink": "Volver a la cita {} en el texto",
    },
}
PAGES = ["", "about/", "pdfs/", "survivorship/", "survivorship/recurrence/"]
MEDICAL = {"survivorship/", "survivorship/recurrence/"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("editorial") / "project", "real")
    result = project.build(env=TODAY)
    assert result.returncode == 0, result.explain()
    return result


def page(built: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup((built.site / url / "index.html").read_text("utf-8"), "lxml")


def text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ", strip=True).split())


def jsonld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    assert soup.head is not None
    scripts = soup.head.find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


def test_the_real_site_builds_without_warnings(built: Build) -> None:
    assert built.warnings == [], built.explain()
    overdue = [line for line in built.lines("INFO") if line.startswith("Review overdue:")]
    assert len(overdue) == 10, built.explain()
    assert overdue[0] == (
        f"Review overdue: Doc file 'docs/about.md' (en): last revised {SIGNED[0]}, "
        f"review was due 2029-{SIGNED[0][5:]}"
    )


@pytest.mark.parametrize("locale", ["en", "es"])
def test_recurrence_page_stamp(built: Build, locale: str) -> None:
    want = LANGUAGES[locale]
    url = f"{want['prefix']}survivorship/recurrence/"
    meta = page(built, url).select_one("article aside.page-meta")
    assert meta is not None, f"no editorial stamp on {url}"
    assert text(meta.select_one(".page-meta__revised")) == want["revised"].format(
        SIGNED[1 if locale == "en" else 2]
    )
    time = meta.select_one(".page-meta__revised time")
    assert time is not None and time["datetime"] == SIGNED[0]
    assert text(meta.select_one(".page-meta__review-due")) == want["due"]
    time = meta.select_one(".page-meta__review-due time")
    assert time is not None and time["datetime"] == "2029-12-03"
    assert text(meta.select_one(".page-meta__doctor")) == want["doctor"]
    lines = meta.select(".page-meta__reviewed")
    team = REVIEWERS["content-team"]
    assert text(lines[0]) == (
        f"{want['reviewed']} {team['name'][locale]} ({team['credentials'][locale]})"
    )
    link = lines[0].find("a")
    assert link is not None and text(link) == team["name"][locale]
    about = urljoin(SITE + url, str(link["href"]))
    assert about == f"{SITE}{want['prefix']}about/"
    if locale == "es":
        translators = REVIEWERS["translation-team"]
        assert text(lines[1]) == (
            f"{want['translated']} {translators['name'][locale]} "
            f"({translators['credentials'][locale]})"
        )
    assert len(lines) == (2 if locale == "es" else 1)


@pytest.mark.parametrize("locale", ["en", "es"])
def test_recurrence_page_references_in_house_style(built: Build, locale: str) -> None:
    want = LANGUAGES[locale]
    article = page(built, f"{want['prefix']}survivorship/recurrence/").select_one("article")
    assert article is not None
    heading = article.find("h2", string=want["references"])
    assert heading is not None, f"no '{want['references']}' heading"
    notes = heading.find_next_sibling("div", class_="footnote")
    assert notes is not None, "the reference list does not follow its heading"
    items = notes.select("ol > li")
    backlinks = [item.select_one("a.footnote-backref") for item in items]
    for backlink in backlinks:
        assert backlink is not None
        backlink.extract()
    assert [text(item) for item in items] == REFERENCES[locale]
    assert [b["title"] for b in backlinks if b is not None] == [
        want["backlink"].format(1),
        want["backlink"].format(2),
    ]
    dois = [(text(a), a["href"]) for item in items for a in item.find_all("a")]
    assert dois == [
        ("doi.org/10.1002/pon.5188", "https://doi.org/10.1002/pon.5188"),
        (
            "doi.org/10.1016/S0140-6736(22)00242-2",
            "https://doi.org/10.1016/S0140-6736(22)00242-2",
        ),
    ]
    citations = [text(sup) for sup in article.select("sup")]
    assert citations == ["1", "2"]


@pytest.mark.parametrize("locale", ["en", "es"])
def test_recurrence_page_json_ld(built: Build, locale: str) -> None:
    url = f"{LANGUAGES[locale]['prefix']}survivorship/recurrence/"
    (data,) = jsonld(page(built, url))
    reviewers = ["content-team", *(["translation-team"] if locale == "es" else [])]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["url"] == SITE + url
    assert data["inLanguage"] == locale
    assert data["lastReviewed"] == SIGNED[0]
    assert [r["name"] for r in data["reviewedBy"]] == [
        REVIEWERS[r]["name"][locale] for r in reviewers
    ]
    assert [c["url"] for c in data["citation"]] == [
        "https://doi.org/10.1002/pon.5188",
        "https://doi.org/10.1016/S0140-6736(22)00242-2",
    ]
    assert data["citation"][0]["author"][4] == {"@type": "Person", "name": "Mehnert-Theuerkauf A"}


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_stamped_and_only_medical_pages_carry_trust_data(
    built: Build, locale: str, url: str
) -> None:
    want = LANGUAGES[locale]
    soup = page(built, want["prefix"] + url)
    meta = soup.select_one("article aside.page-meta")
    assert meta is not None
    day = EARLIER.get((url, locale), SIGNED)[1 if locale == "en" else 2]
    assert text(meta.select_one(".page-meta__revised")) == want["revised"].format(day)
    medical = url in MEDICAL
    assert (meta.select_one(".page-meta__doctor") is not None) is medical
    assert (len(jsonld(soup)) == 1) is medical
    other = LANGUAGES["es" if locale == "en" else "en"]
    for key in ("revised", "reviewed", "doctor"):
        assert other[key].split(":")[0] not in text(meta), f"{key} label in the wrong language"


def test_the_editorial_report(built: Build) -> None:
    report = json.loads((built.site.parent / REPORTS / "editorial-report.json").read_text("utf-8"))
    assert report["generated"] == "2029-12-10"
    assert report["review_interval_years"] == 3
    assert report["summary"] == {
        "pages": 10,
        "drafts": 0,
        "overdue": 10,
        "stale": 0,
        "pending": 0,
        "hard_to_read": 0,
    }
    rows = {(row["path"], row["locale"]): row for row in report["pages"]}
    expected_paths = {
        (f"{folder}/{name}", locale)
        for folder, locale in (("docs", "en"), ("docs_es", "es"))
        for name in (
            "index.md",
            "about.md",
            "pdfs.md",
            "survivorship/index.md",
            "survivorship/recurrence.md",
        )
    }
    assert set(rows) == expected_paths
    recurrence = rows[("docs_es/survivorship/recurrence.md", "es")]
    readability = recurrence.pop("readability")  # its score follows the text: see test_quality.py
    assert (readability["metric"], readability["target"], readability["ok"]) == (
        "Fernández-Huerta",
        ">= 60",
        True,
    )
    assert recurrence == {
        "path": "docs_es/survivorship/recurrence.md",
        "locale": "es",
        "title": "Qué es la recurrencia del cáncer",
        "url": "es/survivorship/recurrence/",
        "last_revised": SIGNED[0],
        "review_due": f"2029-{SIGNED[0][5:]}",
        "overdue": True,
        "medical": True,
        "reviewers": ["content-team"],
        "translation_reviewers": ["translation-team"],
        "citations": ["gotze2019fear", "emery2022management"],
        "translation": "current",
        "translation_of": SIGNED[0],
        "original": "docs/survivorship/recurrence.md",
        "sign_off": "signed",
        "signed_off": SIGNED[0],
        "signed_by": ["content-team"],
        "changed_in_original": [],
        "moved_in_original": [],
        "how_moved": None,
        "pdf": None,  # SITE_PDFS=0
    }
    assert rows[("docs/index.md", "en")]["url"] == "./"
    assert rows[("docs/pdfs.md", "en")]["medical"] is False


def test_the_report_is_beside_the_site_never_in_it(built: Build) -> None:
    """The public must not read the publisher's overdue list."""
    published = sorted(p.name for p in built.site.rglob("editorial-report*"))
    assert published == []
    assert not (built.site / "_editor").exists()
    written = sorted(p.name for p in (built.site.parent / REPORTS).iterdir())
    assert written == ["editorial-report.html", "editorial-report.json"]
