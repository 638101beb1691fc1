from __future__ import annotations

import pytest

from oncopress.checks.htmlpolicy import (
    REFUSED_ELEMENTS,
    HtmlPolicy,
    HtmlPolicyError,
    locate,
    policy_findings,
    read_html_policy,
)

RUNS = "which would run a script in readers' browsers"


NONE = HtmlPolicy()


def messages(html: str, policy: HtmlPolicy = NONE) -> list[str]:
    return [finding.message for finding in policy_findings(html, policy)]


@pytest.mark.parametrize("tag", REFUSED_ELEMENTS)
def test_every_refused_element(tag: str) -> None:
    [message] = messages(f"<p>Text</p><{tag}>")
    assert message.startswith(f"has the element <{tag}>, which pages may not contain (")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="x.png" onerror="a()">', f"has an event attribute 'onerror' on <img>, {RUNS}"),
        ('<p ONCLICK="a()">x</p>', f"has an event attribute 'onclick' on <p>, {RUNS}"),
        ('<a href=" JaVa&#x0A;Script:a()">x</a>', "has a 'javascript:' URL in 'href' of <a> ("),
        ('<svg><a xlink:href="javascript:a()">x</a></svg>', "has a 'javascript:' URL in"),
        ('<animate attributeName="href" values="javascript:a()"/>', "has a 'javascript:' URL"),
        ('<a href="data:text/html,x">x</a>', "has a 'data:' URL in 'href' of <a> ("),
        ("<!--x--!><script>a()</script>-->", "has an HTML comment that browsers end earlier"),
        ("<![CDATA[ ><img src=x onerror=a()> ]]>", "has '<![CDATA[' in HTML"),
    ],
)
def test_what_runs_a_script_or_hides_from_the_check(html: str, expected: str) -> None:
    assert [m for m in messages(html) if m.startswith(expected)], messages(html)


@pytest.mark.parametrize(
    "html",
    [
        '<img src="data:image/png;base64,iVBO" alt="">',
        '<picture><source srcset="data:image/webp;base64,UklG"></picture>',
        '<p style="color: red">Hot <a href="https://www.cancer.org/">link</a></p>',
        "<details><summary>More</summary>Text about information and donations.</details>",
        "<!-- a note for editors -->",
        '<a href="../care/#on-treatment" title="Java: a word">x</a>',
    ],
)
def test_what_patient_pages_may_use(html: str) -> None:
    assert messages(html) == []


def test_an_allowed_element_keeps_its_attributes_checked() -> None:
    policy = read_html_policy({"html_policy": {"allow_elements": ["IFrame"]}})
    assert messages('<iframe src="/v/"></iframe>', policy) == []
    assert messages('<iframe src="javascript:a()"></iframe>', policy) == [
        f"has a 'javascript:' URL in 'src' of <iframe> ('javascript:a()'), {RUNS}; link to a "
        "page or a web address"
    ]


@pytest.mark.parametrize(
    ("section", "error"),
    [
        ("iframe", "mkdocs.yml: extra.html_policy must be a mapping of settings"),
        (
            {"allow": ["iframe"]},
            "mkdocs.yml: unknown setting extra.html_policy.allow (known: allow_elements)",
        ),
        (
            {"allow_elements": "iframe"},
            "mkdocs.yml: extra.html_policy.allow_elements must be a list of element names, like "
            "[iframe] (found 'iframe')",
        ),
        (
            {"allow_elements": ["video"]},
            "mkdocs.yml: extra.html_policy.allow_elements: 'video' is not an element the "
            f"policy refuses (it refuses: {', '.join(REFUSED_ELEMENTS)})",
        ),
    ],
)
def test_a_wrong_setting(section: object, error: str) -> None:
    with pytest.raises(HtmlPolicyError) as raised:
        read_html_policy({"html_policy": section})
    assert str(raised.value) == error


def test_no_setting_lets_nothing_through() -> None:
    assert read_html_policy({}) == HtmlPolicy()


def test_each_finding_on_its_own_line_after_the_front_matter() -> None:
    source = (
        "---\ntitle: On onerror\n---\n\n# On onerror\n\n<img src=a onerror=x()>\n\n"
        "<img src=b onerror=y()>\n\n[x](javascript:z())\n"
    )
    html = (
        '<h1>On onerror</h1><img src="a" onerror="x()"><img src="b" onerror="y()">'
        '<p><a href="javascript:z()">x</a></p>'
    )
    assert [m.split(":")[0] for m in locate(policy_findings(html), source)] == [
        "line 7",
        "line 9",
        "line 11",
    ]


def test_a_finding_not_written_as_such_has_no_line() -> None:
    findings = policy_findings('<a href="&#106;avascript:x()">x</a>')
    assert locate(findings, "[x](&#106;avascript:x())\n")[0].startswith("line 1: ")
    assert locate(findings, "Nothing here.\n")[0].startswith("has a 'javascript:' URL")
