"""Text with no LaTeX in it gives what pybtex's LaTeX decoding gives, without it
(oncopress.citations.references.decode_latex skips pybtex's decoder, and latexcodec's 20 ms import,
for such text).

Replicate a failure: hypothesis prints the falsifying example; add it to PLAIN_AND_NOT
and run ``pytest tests/unit/test_citations_latex.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from latexcodec.codec import _LATEX_UNICODE_TABLE
from pybtex.backends.plaintext import Backend
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

from oncopress.citations import references as citations
from oncopress.citations.references import LatexError, decode_latex

ROOT = Path(__file__).resolve().parents[2]

# Plain text next to the LaTeX ligature it is one character away from.
PLAIN_AND_NOT = [
    "",
    "  Lai-Kwon,\tJulia \n",
    "Patients' views, 2019-2020: a survey!",
    "Is it? Yes! `quoted'",
    "pages 1537--1550",
    "``quoted''",
    "a,,b",
    "!`Hola! ?`Qu\u00e9?",
    "non~breaking",
    "one\n\ntwo\n \n three",
    "\u00a0nbsp\u2003em\x0bvt\rcr",
]


def pybtex_decoding(value: str) -> str:
    """pybtex's own decoding, as decode_latex did it for every text."""
    return " ".join(Text.from_latex(value).render(Backend()).split())


@pytest.mark.parametrize("value", PLAIN_AND_NOT)
def test_decoding_is_pybtex_decoding(value: str) -> None:
    assert decode_latex(value) == pybtex_decoding(value)


# Prose with every character a LaTeX ligature is made of and every kind of white space;
# the second alphabet adds LaTeX's own characters.
PLAIN = "aZ\u00f6\u00df1 .:;()/<>&\"-',!?\t\n\r\x0b\x85\xa0\u2003"
LATEX = "\\{}$%#~`^_"
texts = st.text(alphabet=PLAIN, max_size=30) | st.text(alphabet=PLAIN + LATEX, max_size=30)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_decoding_is_pybtex_decoding_for_any_text(value: str) -> None:
    try:
        expected = pybtex_decoding(value)
    except (UnicodeDecodeError, PybtexError):
        with pytest.raises(LatexError):
            decode_latex(value)
    else:
        assert decode_latex(value) == expected


def test_every_translation_of_latexcodec_is_left_to_it() -> None:
    """What latexcodec translates (its table: commands, math, the ligatures) is never
    plain text to decode_latex; a newer latexcodec that translates more fails here."""
    for tokens, unicode in _LATEX_UNICODE_TABLE.unicode_map.items():
        latex = "".join(token.text for token in tokens)
        # '\par', for a blank line, is the one token without its text in the source
        assert unicode.isspace() or citations._LATEX_SYNTAX.search(latex), (latex, unicode)


def test_plain_text_never_loads_latexcodec() -> None:
    code = (
        "import sys; from oncopress.citations.references import decode_latex\n"
        'decode_latex("Lai-Kwon, Julia: patients\' views")\n'
        "print('latexcodec' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False"]
