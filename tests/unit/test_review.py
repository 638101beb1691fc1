from pathlib import Path

import pytest

from oncopress.checks.review import (
    RegistryError,
    ReviewerRegistry,
    is_medical,
    load_reviewers,
    missing_review,
    registry_not_found,
    sample_reviewer_problems,
)

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("en", "es")
REGISTRY_YAML = """\
content-team:
  name: {en: Medical and Editorial Content Team, es: Equipo de Contenido Médico y Editorial}
  credentials: {en: Doctors and nurses, es: Médicos y enfermeras}
translation-team:
  name: {en: Medical Translation Team, es: Equipo de Traducción Médica}
  credentials: {en: Translators, es: Traductores}
"""


@pytest.fixture
def registry() -> ReviewerRegistry:
    return load_reviewers(REGISTRY_YAML, "reviewers.yml", LOCALES)


def test_the_real_registry_loads_in_both_languages() -> None:
    text = (ROOT / "reviewers.yml").read_text(encoding="utf-8")
    real = load_reviewers(text, "reviewers.yml", LOCALES)
    assert sorted(real.reviewers) == ["content-team", "translation-team"]
    team = real.get("content-team")
    # The sample's reviewers are stand-ins, and say so (issue 23): no clinical team.
    assert team.name == {"en": "sample reviewer", "es": "revisor de ejemplo"}
    assert team.credentials == {
        "en": "a stand-in for this sample site, not a clinician",
        "es": "un sustituto en este sitio de ejemplo, no un profesional de la salud",
    }
    assert team.article == {"en": "a", "es": "un"}  # "Reviewed by a sample reviewer"
    assert all(reviewer.sample for reviewer in real.reviewers.values())


SAMPLE_YAML = (
    "content-team:\n  name: {en: Sample reviewer, es: Revisor de ejemplo}\n"
    "  credentials: {en: a stand-in, es: un sustituto}\n  sample: true\n"
    "ana-ruiz:\n  name: {en: Dr. Ana Ruiz, es: Dra. Ana Ruiz}\n  credentials: {en: a, es: b}\n"
)


def test_a_publishing_build_refuses_sample_reviewers() -> None:
    sample = load_reviewers(SAMPLE_YAML, "reviewers.yml", LOCALES)
    assert sample_reviewer_problems(sample, allowed=False) == [
        "reviewers.yml: reviewer 'content-team' is a sample (sample: true), not a real "
        "reviewer; name the real reviewers and sign the pages off with them before "
        "publishing (a sample site may add 'allow_placeholder_site_url: true' under extra:)"
    ]
    assert sample_reviewer_problems(sample, allowed=True) == []
    assert not sample.get("ana-ruiz").sample


def test_sample_must_be_true_or_false() -> None:
    text = "content-team:\n  name: {en: a, es: b}\n  credentials: {en: a, es: b}\n  sample: yes please\n"
    with pytest.raises(RegistryError) as caught:
        load_reviewers(text, "reviewers.yml", LOCALES)
    assert str(caught.value) == (
        "Reviewer registry 'reviewers.yml' has 1 problem:\n"
        "  reviewer 'content-team' has a 'sample' that is not true or false"
    )


def test_a_reviewer_without_an_article_is_named_alone() -> None:
    text = (
        "ana-ruiz:\n  name: {en: Dr. Ana Ruiz, es: Dra. Ana Ruiz}\n  credentials: {en: a, es: b}\n"
    )
    assert load_reviewers(text, "reviewers.yml", LOCALES).get("ana-ruiz").article == {}


@pytest.mark.parametrize(
    ("meta", "problems"),
    [
        ({"reviewed_by": ["content-team"]}, []),
        ({"reviewed_by": "content-team"}, []),  # one id written alone
        ({"medical": False}, []),
        ({"medical": False, "reviewed_by": ["content-team"]}, []),
        (
            {"reviewed_by": ["content-team"], "translation_reviewed_by": ["translation-team"]},
            [],
        ),
        (
            {},
            [
                "medical page has no 'reviewed_by' in front matter (name reviewer ids from "
                "reviewers.yml, or set 'medical: false')"
            ],
        ),
        (
            {"reviewed_by": []},
            [
                "medical page has no 'reviewed_by' in front matter (name reviewer ids from "
                "reviewers.yml, or set 'medical: false')"
            ],
        ),
        (
            {"reviewed_by": ["dr-who", "content-team", "nurse-x"]},
            [
                "unknown reviewer id 'dr-who' in 'reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)",
                "unknown reviewer id 'nurse-x' in 'reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)",
            ],
        ),
        (
            {"medical": False, "reviewed_by": ["dr-who"]},
            [
                "unknown reviewer id 'dr-who' in 'reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)"
            ],
        ),
        (
            {"reviewed_by": ["content-team"], "translation_reviewed_by": ["translators"]},
            [
                "unknown reviewer id 'translators' in 'translation_reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)"
            ],
        ),
        (
            {"reviewed_by": {"id": "content-team"}},
            [
                "'reviewed_by' must be a list of reviewer ids, like [content-team] "
                "(found {'id': 'content-team'})"
            ],
        ),
        (
            {"medical": "no", "reviewed_by": ["content-team"]},
            ["'medical' must be true or false (found 'no')"],
        ),
    ],
)
def test_missing_review(
    registry: ReviewerRegistry, meta: dict[str, object], problems: list[str]
) -> None:
    assert missing_review(meta, registry) == problems


@pytest.mark.parametrize(("meta", "expected"), [({}, True), ({"medical": False}, False)])
def test_pages_are_medical_unless_they_say_otherwise(
    meta: dict[str, object], expected: bool
) -> None:
    assert is_medical(meta) is expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "content-team:\n  name: {en: Team, es: Equipo\n",
            "Reviewer registry 'reviewers.yml' is not valid YAML "
            "(line 2, column 9: expected ',' or '}', but got '<stream end>')",
        ),
        (
            "content-team:\n  name: {en: Team}\n  credentials: {en: Doctors, es: ''}\n",
            "Reviewer registry 'reviewers.yml' has 2 problems:\n"
            "  reviewer 'content-team' has no 'name' in 'es'\n"
            "  reviewer 'content-team' has no 'credentials' in 'es'",
        ),
        (
            "Content Team:\n  name: {en: A, es: B}\n  credentials: {en: C, es: D}\n"
            "nurses: a list\n",
            "Reviewer registry 'reviewers.yml' has 2 problems:\n"
            "  reviewer id 'Content Team' must be lowercase letters, digits and hyphens\n"
            "  reviewer 'nurses' must have 'name' and 'credentials'",
        ),
        (
            "content-team:\n  article: the\n  name: {en: A, es: B}\n  credentials: {en: C, es: D}\n",
            "Reviewer registry 'reviewers.yml' has 1 problem:\n"
            "  reviewer 'content-team' has an 'article' that is not a word per language (en, es), "
            "like article: {en: the, es: el}",
        ),
        (
            "- content-team\n",
            "Reviewer registry 'reviewers.yml' must map reviewer ids to their 'name' and "
            "'credentials' in en, es, like:\ncontent-team:\n  name:\n    en: ...\n"
            "  credentials:\n    en: ...",
        ),
    ],
)
def test_a_broken_registry_is_a_clear_setup_error(text: str, message: str) -> None:
    with pytest.raises(RegistryError) as raised:
        load_reviewers(text, "reviewers.yml", LOCALES)
    assert str(raised.value) == message


def test_a_missing_registry_says_what_to_create() -> None:
    assert registry_not_found("reviewers.yml", LOCALES) == (
        "Reviewer registry 'reviewers.yml' not found next to mkdocs.yml: create it with each "
        "reviewer id's 'name' and 'credentials' in en, es, or set extra.editorial.reviewers "
        "in mkdocs.yml to its file name"
    )


@pytest.mark.parametrize(
    "data",
    [
        REGISTRY_YAML.encode("utf-8"),
        b"\xef\xbb\xbf" + REGISTRY_YAML.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_the_registry_file_may_have_a_bom_and_windows_line_endings(data: bytes) -> None:
    registry = load_reviewers(data, "reviewers.yml", LOCALES)
    assert registry.get("translation-team").name["es"] == "Equipo de Traducción Médica"


def test_a_registry_that_is_not_utf8_names_the_file_and_line() -> None:
    with pytest.raises(RegistryError) as raised:
        load_reviewers(REGISTRY_YAML.encode("latin-1"), "reviewers.yml", LOCALES)
    assert str(raised.value) == (
        "Reviewer registry 'reviewers.yml' is not UTF-8 text (line 2: invalid continuation "
        "byte); save it as UTF-8"
    )


def test_a_control_character_in_the_registry_names_its_line() -> None:
    text = REGISTRY_YAML.replace("Traductores}", "Tradu\x0bctores}")
    with pytest.raises(RegistryError) as raised:
        load_reviewers(text, "reviewers.yml", LOCALES)
    assert str(raised.value) == (
        "Reviewer registry 'reviewers.yml' is not valid YAML (line 6: unacceptable character "
        "#x000b: special characters are not allowed)"
    )
