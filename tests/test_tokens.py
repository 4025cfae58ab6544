import pytest

from marsad.lang.ar.normalize import fold
from marsad.lang.ar.tokens import alternation, holds_any, lexicon_pattern, tokenize


def test_tokens_words_and_offsets():
    text = fold("قتل 15 جنديا، وأصيب آخرون.")
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["قتل", "15", "جنديا", "واصيب", "اخرون"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize("surface", ["الجيش", "والجيش", "بالجيش", "وبالجيش", "فالجيش", "للجيش", "كالجيش"])
def test_tokens_lexicon_pattern_takes_proclitics(surface):
    pattern = lexicon_pattern([fold("جيش")])
    match = pattern.search(fold(f"قال {surface} إن"))
    assert match is not None and match.group("form") == "جيش"


@pytest.mark.parametrize(
    "surface, found", [("مقتلهم", True), ("مقتلها", True), ("مقتل", True), ("مقتلين", False)]
)
def test_tokens_lexicon_pattern_pronoun_suffixes(surface, found):
    pattern = lexicon_pattern([fold("مقتل")], enclitics="unambiguous")
    assert (pattern.search(fold(surface)) is not None) is found


def test_tokens_lexicon_pattern_never_matches_inside_a_word():
    pattern = lexicon_pattern([fold("قتل")])
    assert pattern.search(fold("المقتلع")) is None


def test_tokens_lexicon_pattern_prefers_the_longest_form():
    pattern = lexicon_pattern([fold("هجوم"), fold("هجوم انتحاري")])
    assert pattern.search(fold("في هجوم انتحاري")).group("form") == fold("هجوم انتحاري")


def test_tokens_multiword_form_matches_across_spaces():
    pattern = lexicon_pattern([fold("عبوة ناسفة")])
    assert pattern.search(fold("انفجرت عبوة   ناسفة")) is not None


@pytest.mark.parametrize(
    "text, found",
    [
        ("قتلت الشرطة مسلحا", "قتلت"),
        ("وسقط قتلى وجرحى", "قتلى"),
        ("وقتل جندي", "قتل"),
        ("شنت غارة جوية على القرية", "غارة جوية"),
        ("شنت غارات على القرية", "غارات"),
        ("شنت غارة على القرية", "غارة"),
    ],
)
def test_tokens_alternation_finds_the_longest_form_that_is_a_whole_word(text, found):
    forms = [fold(f) for f in ("قتل", "قتلى", "قتلت", "غارة", "غارات", "غارة جوية", "قتلة")]
    pattern = lexicon_pattern(forms)
    assert pattern.search(fold(text)).group("form") == fold(found)


def test_tokens_alternation_backs_off_to_a_shorter_form_when_the_longer_is_no_whole_word():
    pattern = lexicon_pattern([fold("قتل"), fold("قتله")], enclitics=True)
    assert pattern.search(fold("قتلهم المسلحون")).group("form") == fold("قتل")


def test_tokens_alternation_shares_the_beginnings_of_forms():
    assert alternation(["قتل", "قتلى", "قتلت"]) == "قتل(?:[تى])?"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("فتح مسلحون مجهولون النار على دورية للشرطة", True),  # a whole word
        ("أطلقوا النيران على المارة", True),  # the start of a longer word
        ("وصلت القافلة إلى المدينة صباح اليوم", False),
    ],
)
def test_tokens_holds_any_form_within_the_stretch(sentence, found):
    text = fold(sentence)
    assert holds_any(text, 0, len(text), frozenset({fold("النار"), fold("نيران")})) is found


def test_tokens_holds_any_reads_only_its_stretch():
    text = fold("اندلعت النار في السوق. وصل الإطفاء")
    stop = text.index(".")
    assert holds_any(text, 0, stop, (fold("النار"),))
    assert not holds_any(text, stop, len(text), (fold("النار"),))
