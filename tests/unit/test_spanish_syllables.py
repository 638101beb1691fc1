"""Spanish syllable counts for the Fernández-Huerta score, against the dictionary.

Counts follow the RAE's orthographic syllabification (Ortografía 2010): a written
diphthong is one syllable, an accented weak vowel next to a strong one is a hiatus.
"""

import pytest
import textstat
from hypothesis import given
from hypothesis import strategies as st

from oncopress.quality.readability import count_spanish_syllables, fernandez_huerta, spanish_words

DICTIONARY = [
    # diphthongs (a weak vowel i/u, unaccented, beside a strong one, or two weak ones)
    ("agua", 2),  # a-gua
    ("cuidado", 3),  # cui-da-do
    ("bien", 1),
    ("tiempo", 2),  # tiem-po
    ("fuerte", 2),  # fuer-te
    ("causa", 2),  # cau-sa
    ("aire", 2),  # ai-re
    ("oigo", 2),  # oi-go
    ("ciudad", 2),  # ciu-dad
    ("nueve", 2),  # nue-ve
    ("familia", 3),  # fa-mi-lia
    ("tratamiento", 4),  # tra-ta-mien-to
    ("náuseas", 3),  # náu-se-as
    ("quimioterapia", 5),  # qui-mio-te-ra-pia
    ("radioterapia", 5),  # ra-dio-te-ra-pia
    ("diagnóstico", 4),  # diag-nós-ti-co
    ("emoción", 3),  # e-mo-ción
    ("años", 2),  # a-ños
    # triphthongs
    ("buey", 1),
    ("Uruguay", 3),  # u-ru-guay
    ("estudiáis", 3),  # es-tu-diáis
    # hiatus of two strong vowels
    ("idea", 3),  # i-de-a
    ("leer", 2),  # le-er
    ("poema", 3),  # po-e-ma
    ("teatro", 3),  # te-a-tro
    ("océano", 4),  # o-cé-a-no
    ("caos", 2),  # ca-os
    ("ahora", 3),  # a-ho-ra (an h between vowels joins nothing)
    ("búho", 2),  # bú-ho
    # hiatus with an accented weak vowel
    ("día", 2),  # dí-a
    ("país", 2),  # pa-ís
    ("reúne", 3),  # re-ú-ne
    ("río", 2),  # rí-o
    ("tenía", 3),  # te-ní-a
    ("baúl", 2),  # ba-úl
    ("oído", 3),  # o-í-do
    ("economía", 5),  # e-co-no-mí-a
    ("todavía", 4),  # to-da-ví-a
    ("increíble", 4),  # in-cre-í-ble
    ("energía", 4),  # e-ner-gí-a
    ("cirugía", 4),  # ci-ru-gí-a
    ("oncología", 5),  # on-co-lo-gí-a
    ("ahí", 2),  # a-hí
    ("rehúsa", 3),  # re-hú-sa
    ("guía", 2),  # guí-a
    # qu, gu, gü (the u after q, and after g before e/i, is silent; ü is sounded)
    ("que", 1),
    ("quien", 1),
    ("pequeño", 3),  # pe-que-ño
    ("guerra", 2),  # gue-rra
    ("seguir", 2),  # se-guir
    ("sigue", 2),  # si-gue
    ("cigüeña", 3),  # ci-güe-ña
    ("vergüenza", 3),  # ver-güen-za
    ("pingüino", 3),  # pin-güi-no
    ("averigüe", 4),  # a-ve-ri-güe
    # y at the end of a word (a vowel sound, part of a diphthong), and as a consonant
    ("hoy", 1),
    ("muy", 1),
    ("estoy", 2),  # es-toy
    ("ley", 1),
    ("rey", 1),
    ("voy", 1),
    ("hay", 1),
    ("ayuda", 3),  # a-yu-da
    ("mayor", 2),  # ma-yor
    ("yo", 1),
    # rr, ll, ch (one sound, never split)
    ("perro", 2),  # pe-rro
    ("tierra", 2),  # tie-rra
    ("arriba", 3),  # a-rri-ba
    ("calle", 2),  # ca-lle
    ("llamar", 2),  # lla-mar
    ("ellos", 2),  # e-llos
    ("mucho", 2),  # mu-cho
    ("noche", 2),  # no-che
    # written accents
    ("médico", 3),  # mé-di-co
    ("después", 2),  # des-pués
    ("también", 2),  # tam-bién
    ("análisis", 4),  # a-ná-li-sis
    ("teléfono", 4),  # te-lé-fo-no
    ("corazón", 3),  # co-ra-zón
    ("cáncer", 2),  # cán-cer
    ("más", 1),
    # prefixes
    ("subrayar", 3),  # sub-ra-yar
    ("deshacer", 3),  # des-ha-cer
    ("reanudar", 4),  # re-a-nu-dar
    ("inútil", 3),  # i-nú-til
    ("transplante", 3),  # trans-plan-te
    ("antiinflamatorio", 7),  # an-ti-in-fla-ma-to-rio
    ("reevaluar", 4),  # re-e-va-luar
    ("coordinar", 4),  # co-or-di-nar
    ("preocupación", 5),  # pre-o-cu-pa-ción
    ("posoperatorio", 6),  # pos-o-pe-ra-to-rio
]


def test_the_list_covers_at_least_fifty_words_once_each() -> None:
    words = [word for word, _ in DICTIONARY]
    assert len(words) >= 50
    assert len(set(words)) == len(words)


@pytest.mark.parametrize(("word", "syllables"), DICTIONARY)
def test_dictionary_syllable_counts(word: str, syllables: int) -> None:
    assert count_spanish_syllables(word) == syllables


@pytest.mark.parametrize("word", ["agua", "Agua", "AGUA"])
def test_case_does_not_matter(word: str) -> None:
    assert count_spanish_syllables(word) == 2


def test_what_textstat_got_wrong() -> None:
    """The words of issue 12, as textstat 0.7.8 (pyphen) counts them and as we do."""
    words = ["agua", "idea", "años", "ahora", "emoción"]
    textstat.set_lang("es")
    try:
        assert [textstat.syllable_count(word) for word in words] == [1, 1, 1, 2, 2]
    finally:
        textstat.set_lang("en")
    assert [count_spanish_syllables(word) for word in words] == [2, 3, 2, 3, 3]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("2022", 4),  # one per digit
        ("12º", 3),  # digits, then an ordinal sign with no vowel
        ("Dr", 1),  # no vowel
        ("mm", 1),
        ("VIH", 1),  # an initialism is read as Spanish letters would be
        ("e-mail", 2),  # a hyphen splits the word
        ("post-tratamiento", 5),
        ("Müller", 2),  # ü outside güe/güi: vowel groups
        ("façade", 3),  # a letter Spanish does not use: vowel groups
        ("software", 3),  # English words are read with Spanish rules
        ("O'Brien", 2),
        ("_", 1),  # no letter or digit at all
        ("", 1),
    ],
)
def test_what_the_syllabifier_cannot_read_never_raises(word: str, syllables: int) -> None:
    assert count_spanish_syllables(word) == syllables


@given(st.text(max_size=30))
def test_any_word_has_at_least_one_syllable(word: str) -> None:
    assert count_spanish_syllables(word) >= 1


PROSE = (
    "El cáncer puede volver. Esto se llama recidiva. Hable con su equipo médico si nota "
    "algo nuevo. Ellos le dirán qué pruebas necesita y cuándo hacerlas."
)


def test_the_words_are_textstats() -> None:
    assert len(spanish_words(PROSE)) == textstat.lexicon_count(PROSE) == 26


def test_same_formula_as_textstat_with_its_syllables() -> None:
    """Only the syllable counts change: with textstat's own counter, the score is textstat's."""
    textstat.set_lang("es")
    try:
        theirs = textstat.fernandez_huerta(PROSE)
        ours = fernandez_huerta(PROSE, lambda word: textstat.syllable_count(word))
    finally:
        textstat.set_lang("en")
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_exact_score_with_dictionary_syllables() -> None:
    # 26 words, 4 sentences, 51 syllables: 206.84 - 60 * 51 / 26 - 1.02 * 26 / 4
    assert sum(count_spanish_syllables(word) for word in spanish_words(PROSE)) == 51
    assert textstat.sentence_count(PROSE) == 4
    assert fernandez_huerta(PROSE) == pytest.approx(206.84 - 60 * 51 / 26 - 1.02 * 26 / 4)
    assert round(fernandez_huerta(PROSE), 2) == 82.52


def test_no_words_scores_zero() -> None:
    assert fernandez_huerta("") == 0.0
