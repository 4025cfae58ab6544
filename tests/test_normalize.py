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


@pytest.mark.parametrize(
    "raw, spaced",
    [
        ("أعلن الجيش مقتل20 مسلحا", "اعلن الجيش مقتل 20 مسلحا"),
        ("قتل5 جنود في الهجوم", "قتل 5 جنود في الهجوم"),
        ("وقع الانفجار في 3أبريل الماضي", "وقع الانفجار في 3 ابريل الماضي"),
        ("في العاشر من تموز/يوليو2017", "في العاشر من تموز/يوليو 2017"),
        ("اعتقلت الشرطة 12متظاهرا", "اعتقلت الشرطه 12 متظاهرا"),
    ],
)
def test_normalize_parts_a_number_from_the_word_written_against_it(raw, spaced):
    norm = normalize(raw)
    assert norm.text == spaced
    number = next(word for word in spaced.split() if word[0].isdigit())
    start = norm.text.index(number)
    first, last = norm.to_original(start, start + len(number))
    assert raw[first:last] == number
    word = spaced.split()[-1]
    start = norm.text.rindex(word)
    assert fold(raw[slice(*norm.to_original(start, start + len(word)))]) == word


@pytest.mark.parametrize(
    "raw", ["وأصيب و15 آخرون", "قتل أكثر من 20 في الهجوم", "ذكرى الـ2017", "بالـ2017", "عام 2017م"]
)
def test_normalize_keeps_a_number_joined_to_its_proclitics(raw):
    assert normalize(raw).text == fold(raw)
