"""Front matter parsed with libyaml gives what PyYAML's own parser gives
(oncopress.pages.frontmatter parses with libyaml for speed and quotes PyYAML's messages)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oncopress.pages import frontmatter

pytestmark = pytest.mark.skipif(frontmatter._FastLoader is None, reason="PyYAML without libyaml")

BLOCKS = [
    "title: Care\nlast_revised: 2023-08-28\nreviewed_by: [content-team]\n",
    "title: 'Cuidado: después'\nlast_revised: 2023-02-30\nmedical: false\n",
    "title: >\n  folded\n  text\ntranslation_of: 2023-08-28 10:00:00\n",
    "a: 1\na: 2\n",
    "- just\n- a list\n",
    "",
    "# only a comment\n",
    "title: Ca\u00f1a \u2014 \U0001f600\n",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_both_parsers_agree(block: str) -> None:
    fast = frontmatter._parse(frontmatter._FastLoader, block)
    assert fast == frontmatter._parse(frontmatter._TextDatesLoader, block)


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a shared machine
@given(st.dictionaries(st.sampled_from(frontmatter.SITE_KEYS), texts | st.lists(texts, max_size=3)))
def test_both_parsers_agree_on_any_dumped_mapping(meta: dict[str, object]) -> None:
    block = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    fast = frontmatter._parse(frontmatter._FastLoader, block)
    assert fast == frontmatter._parse(frontmatter._TextDatesLoader, block)


@pytest.mark.parametrize("block", ["title: [unclosed\n", "title: x\n\tdate: 1\n", "a: b: c\n"])
def test_broken_yaml_is_described_by_the_python_parser(block: str) -> None:
    with pytest.raises(yaml.YAMLError) as python:
        frontmatter._parse(frontmatter._TextDatesLoader, block)
    with pytest.raises(frontmatter.FrontMatterError) as ours:
        frontmatter._load(block)
    expected = frontmatter.describe_yaml_error(python.value, 2, block)
    assert str(ours.value) == f"front matter is not valid YAML ({expected})"
