import re

import pytest

from marsad.lang.ar.clitics import (
    ARTICLE_RUNS,
    ATTACHED_PRONOUNS,
    PLURAL_PRONOUNS,
    PROCLITIC_RUNS,
    PROCLITICS,
    PROCLITICS_ARTICLE_PATTERN,
    PROCLITICS_PATTERN,
    PRONOUN_COUNTS,
    THIRD_PERSON_PRONOUNS,
    drop_article,
    proclitic_stems,
    split_proclitics,
    stem_in,
    strip_article,
)
from marsad.lang.ar.normalize import fold


@pytest.mark.parametrize(
    "word, readings",
    [
        ("مدينه", [("", "مدينه")]),
        ("بمدينه", [("", "بمدينه"), ("ب", "مدينه")]),
        ("وبمدينه", [("", "وبمدينه"), ("و", "بمدينه"), ("وب", "مدينه")]),
        ("فلمصدر", [("", "فلمصدر"), ("ف", "لمصدر"), ("فل", "مصدر")]),
        ("كقائد", [("", "كقائد"), ("ك", "قائد")]),
        ("ومصادر", [("", "ومصادر"), ("و", "مصادر")]),
    ],
)
def test_clitics_split_proclitics_conjunction_then_preposition(word, readings):
    assert list(split_proclitics(fold(word))) == [(prefix, fold(stem)) for prefix, stem in readings]


@pytest.mark.parametrize(
    "word, readings",
    [
        ("بوادي", [("", "بوادي"), ("ب", "وادي")]),
        ("لفرنسا", [("", "لفرنسا"), ("ل", "فرنسا")]),
    ],
)
def test_clitics_split_proclitics_no_conjunction_after_a_preposition(word, readings):
    assert list(split_proclitics(word)) == readings


@pytest.mark.parametrize("word", ["بلد", "وقت", "فوق", "لكن"])
def test_clitics_split_proclitics_leaves_three_letters(word):
    assert list(split_proclitics(word)) == [("", word)]


@pytest.mark.parametrize(
    "word, min_stem, stems",
    [
        ("وفي", 1, ["وفي", "في"]),
        ("وفي", 3, ["وفي"]),
        ("بعام", 3, ["بعام", "عام"]),
        ("وبعام", 1, ["وبعام", "بعام", "عام"]),
    ],
)
def test_clitics_proclitic_stems_shorter_stems_when_asked(word, min_stem, stems):
    assert list(proclitic_stems(word, min_stem)) == stems


@pytest.mark.parametrize(
    "word, stems",
    [
        ("لمدنيين", ["لمدنيين", "مدنيين"]),
        ("ولمدنيين", ["ولمدنيين", "لمدنيين", "مدنيين"]),
        ("مدنيين", ["مدنيين"]),
    ],
)
def test_clitics_proclitic_stems_bare_word_first(word, stems):
    assert list(proclitic_stems(word)) == stems


@pytest.mark.parametrize(
    "word, found",
    [
        ("مستشفي", True),
        ("لمستشفي", True),
        ("بمستشفي", True),
        ("وبمستشفي", True),
        ("فالمستشفي", False),
        ("مستشفيات", False),
        ("ومشرحه", True),
    ],
)
def test_clitics_stem_in_a_closed_list(word, found):
    assert stem_in(word, frozenset({"مستشفي", "مشرحه"})) is found


@pytest.mark.parametrize(
    "word, found",
    [
        ("سيارات", True),
        ("السيارات", True),
        ("وبالسيارات", True),
        ("للسيارات", True),
        ("فبسيارات", True),
        ("سياراتهم", False),
    ],
)
def test_clitics_stem_in_with_the_article(word, found):
    assert stem_in(word, frozenset({"سيارات"}), article=True) is found


@pytest.mark.parametrize(
    "word, stem",
    [
        ("والجيش", "جيش"),
        ("بالمدينه", "مدينه"),
        ("للجيش", "جيش"),
        ("الجيش", "جيش"),
        ("جيش", "جيش"),
        ("فالقوات", "قوات"),
        ("كالعاده", "عاده"),
        ("الي", "الي"),
        ("لله", "لله"),
    ],
)
def test_clitics_strip_article_removes_the_article_and_the_proclitics_before_it(word, stem):
    assert strip_article(word) == stem


@pytest.mark.parametrize(
    "word, after_lam, stem",
    [
        ("الحديده", False, "حديده"),
        ("الي", False, "الي"),
        ("لحديده", True, "حديده"),
        ("لحديده", False, "لحديده"),
        ("حديده", False, "حديده"),
    ],
)
def test_clitics_drop_article_keeps_short_words(word, after_lam, stem):
    assert drop_article(word, after_lam=after_lam) == stem


def test_clitics_proclitics_are_conjunctions_then_prepositions():
    assert PROCLITICS == "وفبلك"


@pytest.mark.parametrize("run", ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"])
def test_clitics_proclitic_runs(run):
    assert run in PROCLITIC_RUNS and re.fullmatch(PROCLITICS_PATTERN, run)


@pytest.mark.parametrize(
    "run, written",
    [
        ("ال", True),
        ("وال", True),
        ("فال", True),
        ("بال", True),
        ("كال", True),
        ("وبال", True),
        ("فكال", True),
        ("لل", True),
        ("ولل", True),
        ("فلل", True),
        ("لال", False),
        ("بلل", False),
        ("الو", False),
    ],
)
def test_clitics_article_runs_write_lam_before_the_article_as_two_lams(run, written):
    assert (run in ARTICLE_RUNS) is written


@pytest.mark.parametrize(
    "surface, form",
    [
        ("وبالجيش", "جيش"),
        ("فللجيش", "جيش"),
        ("كالجيش", "جيش"),
        ("لجيش", "جيش"),
        ("جيش", "جيش"),
    ],
)
def test_clitics_proclitics_article_pattern_takes_every_run(surface, form):
    match = re.fullmatch(f"{PROCLITICS_ARTICLE_PATTERN}(?P<form>جيش)", surface)
    assert match is not None and match.group("form") == form


@pytest.mark.parametrize(
    "word, pronoun", [("بيانها", "ها"), ("قادتهم", "هم"), ("منزليهما", "هما"), ("منازلهن", "هن")]
)
def test_clitics_third_person_pronouns_end_words(word, pronoun):
    assert word.endswith(pronoun) and pronoun in THIRD_PERSON_PRONOUNS and pronoun in ATTACHED_PRONOUNS


@pytest.mark.parametrize(
    "word, count", [("حتفهما", 2), ("مصرعها", 1), ("مصرعه", 1), ("حتفهم", None), ("مصرعهن", None)]
)
def test_clitics_pronoun_counts_people(word, count):
    found = next((n for pronoun, n in PRONOUN_COUNTS if word.endswith(pronoun)), None)
    assert found == count and (count is None) == word.endswith(PLURAL_PRONOUNS)


def test_clitics_longer_pronoun_comes_before_its_start():
    for index, pronoun in enumerate(ATTACHED_PRONOUNS):
        assert not any(
            later.startswith(pronoun) and later != pronoun for later in ATTACHED_PRONOUNS[index + 1 :]
        )
