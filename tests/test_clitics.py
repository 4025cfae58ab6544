import pytest

from marsad.lang.ar.clitics import (
    ATTACHED_PRONOUNS,
    PROCLITICS,
    THIRD_PERSON_PRONOUNS,
    drop_article,
    proclitic_stems,
    split_proclitics,
    strip_article,
)
from marsad.lang.ar.normalize import fold


@pytest.mark.parametrize("word, readings", [
    ("مدينه", [("", "مدينه")]),
    ("بمدينه", [("", "بمدينه"), ("ب", "مدينه")]),
    ("وبمدينه", [("", "وبمدينه"), ("و", "بمدينه"), ("وب", "مدينه")]),
    ("فلمصدر", [("", "فلمصدر"), ("ف", "لمصدر"), ("فل", "مصدر")]),
    ("كقائد", [("", "كقائد"), ("ك", "قائد")]),
    ("ومصادر", [("", "ومصادر"), ("و", "مصادر")]),
])
def test_clitics_split_proclitics_conjunction_then_preposition(word, readings):
    assert split_proclitics(fold(word)) == [(prefix, fold(stem)) for prefix, stem in readings]


@pytest.mark.parametrize("word", ["بلد", "وقت", "فوق", "لكن"])
def test_clitics_split_proclitics_leaves_three_letters(word):
    assert split_proclitics(word) == [("", word)]


@pytest.mark.parametrize("word, readings", [
    ("بوادي", [("", "بوادي"), ("ب", "وادي")]),
    ("لفرنسا", [("", "لفرنسا"), ("ل", "فرنسا")]),
])
def test_clitics_split_proclitics_no_conjunction_after_a_preposition(word, readings):
    assert split_proclitics(word) == readings


@pytest.mark.parametrize("word, stems", [
    ("لمدنيين", ["لمدنيين", "مدنيين"]),
    ("ولمدنيين", ["ولمدنيين", "لمدنيين", "مدنيين"]),
    ("مدنيين", ["مدنيين"]),
])
def test_clitics_proclitic_stems_bare_word_first(word, stems):
    assert proclitic_stems(word) == stems


@pytest.mark.parametrize("word, stem", [
    ("والجيش", "جيش"), ("بالمدينه", "مدينه"), ("للجيش", "جيش"), ("الجيش", "جيش"), ("جيش", "جيش"),
    ("فالقوات", "قوات"), ("كالعاده", "عاده"), ("الي", "الي"), ("لله", "لله"),
])
def test_clitics_strip_article_removes_the_article_and_the_proclitics_before_it(word, stem):
    assert strip_article(word) == stem


@pytest.mark.parametrize("word, after_lam, stem", [
    ("الحديده", False, "حديده"),
    ("الي", False, "الي"),
    ("لحديده", True, "حديده"),
    ("لحديده", False, "لحديده"),
    ("حديده", False, "حديده"),
])
def test_clitics_drop_article_keeps_short_words(word, after_lam, stem):
    assert drop_article(word, after_lam=after_lam) == stem


def test_clitics_proclitics_are_conjunctions_then_prepositions():
    assert PROCLITICS == "وفبلك"


@pytest.mark.parametrize("word, pronoun", [("بيانها", "ها"), ("قادتهم", "هم"), ("منزليهما", "هما"), ("منازلهن", "هن")])
def test_clitics_third_person_pronouns_end_words(word, pronoun):
    assert word.endswith(pronoun) and pronoun in THIRD_PERSON_PRONOUNS and pronoun in ATTACHED_PRONOUNS
