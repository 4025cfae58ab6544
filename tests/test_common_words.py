"""Common words: word forms every kind of news uses are not transliterated place names."""

import pytest

import marsad
from marsad.lang.ar.common_words import is_common, is_number_form_of_common
from marsad.lang.ar.normalize import fold


@pytest.mark.parametrize(
    "phrase, common",
    [
        ("تتبنى", True),
        ("قرون", True),
        ("حقيقة", True),
        ("نانغارهار", False),
        ("تينزاواتن", False),
        ("", False),
    ],
)
def test_common_words_is_common(phrase, common):
    assert is_common(fold(phrase)) is common


@pytest.mark.parametrize(
    "word, number_form",
    [
        ("الحالات", True),  # plural of حال
        ("جيشان", True),  # dual of جيش
        ("مساعدين", True),  # plural of مساعد
        ("القريتين", True),  # dual of قرية, its ة written ت
        ("القصرين", True),  # dual of قصر (Kasserine stays a place: a notable one)
        ("نانغارهار", False),
        ("بان", False),
    ],
)
def test_common_words_dual_and_plural_of_a_common_word(word, number_form):
    assert is_number_form_of_common(fold(word)) is number_form


def test_common_words_a_headline_verb_is_not_the_place_of_the_event():
    text = (
        "جماعة مسلحة تتبنى هجوما على دورية للجيش\n\n"
        "أعلنت جماعة مسلحة مسؤوليتها عن هجوم على دورية للجيش المالي في بلدة غاو شمالي مالي أمس، "
        "ما أسفر عن مقتل ثلاثة جنود."
    )
    events = [e for e in marsad.extract(text, published="2024-07-28").events if not e.background]
    assert events and all(e.location is None or e.location.text != "تتبنى" for e in events)
