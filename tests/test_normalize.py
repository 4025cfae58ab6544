import pytest

from marsad.lang.ar.normalize import fold, match_key, normalize


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("أعلنَ الجيشُ", "اعلن الجيش"),
        ("إصابة", "اصابه"),
        ("مستشفى", "مستشفي"),
        ("قُتِلَ", "قتل"),
        ("الـجـيـش", "الجيش"),
        ("١٥ قتيلا", "15 قتيلا"),
        ("“بازا”", '"بازا"'),
        ("آلاف", "الاف"),
        ("شرق #خان_يونس", "شرق #خان يونس"),
        ("#كارلس_بويغدمون", "#كارلس بويغدمون"),
    ],
)
def test_normalize_folds_letters_marks_and_digits(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize(
    "raw, word",
    [
        ("قُتِلَ في مالي", "مالي"),
        ("الـجـيـش المالي", "المالي"),
        ("“ثلاثة” جنود", "جنود"),
    ],
)
def test_normalize_offsets_map_back_to_the_original(raw, word):
    norm = normalize(raw)
    start = norm.text.index(word)
    first, last = norm.to_original(start, start + len(word))
    assert fold(raw[first:last]) == word


def test_normalize_match_key_ignores_article_and_case():
    assert match_key("الجيش المالي") == match_key("جيش مالي")
    assert match_key("CSP-PSD") == "csp-psd"


@pytest.mark.parametrize(
    "glyphs, letters",
    [
        ("ﺯﻧﺠﺒﺎﺭ", "زنجبار"),
        ("ﻭﺷﻘﺮﺓ", "وشقره"),
    ],
)
def test_normalize_presentation_forms_fold_to_their_letters(glyphs, letters):
    assert fold(glyphs) == letters
    assert normalize(glyphs).to_original(0, len(letters)) == (0, len(glyphs))
