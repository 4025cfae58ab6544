"""The scan for place mentions (gazetteer/scan.py, gazetteer/matches.py): what a name written one
way or another meets, and the words that are never names. Sentences written for the tests."""

import pytest

from marsad.knowledge.gazetteer import Gazetteer
from marsad.lang.ar.normalize import fold
from support import chosen_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def chosen(gazetteer: Gazetteer, sentence: str, hints: list[str]) -> dict[str, int]:
    """Each mention's text and the geonameid chosen for it, the article's countries as hints."""
    return {text: place.geonameid for text, place in chosen_places(gazetteer, sentence, hints).items()}


@pytest.mark.parametrize(
    ("sentence", "surface", "hints", "geonameid"),
    [
        # a name written with ال meets a Latin name with its article, short vowels unwritten
        ("اندلعت اشتباكات عنيفة في الفاشر منذ الفجر", "الفاشر", ["SDN"], 379555),
        ("قصف مدفعي على مدينة الفاشر أوقع قتلى", "الفاشر", ["SDN"], 379555),
        ("وصلت تعزيزات عسكرية إلى الفاشر عاصمة الولاية", "الفاشر", ["SDN"], 379555),
        # two consonants with every vowel written
        ("سقطت قذائف على الأبيض مساء أمس", "الابيض", ["SDN"], 379003),
        # Turkish spelling: ç is تش, c is ج, ı a vowel
        ("قتل العشرات في تفجير انتحاري في سوروتش قرب الحدود", "سوروتش", ["TUR"], 300075),
        ("اشتباكات في بلدة جيلان بينار الحدودية", "جيلان بينار", ["TUR"], 318668),
        ("فرض حظر التجول في مدينة شرناق", "شرناق", ["TUR"], 300640),
        # admin-1 areas with only Latin names, reached by their skeleton after an admin word
        ("وقعت الغارة في المنطقة الشرقية من محافظة نانغارهار", "نانغارهار", ["AFG"], 1132366),
        ("تواصلت المعارك في ولاية هلمند جنوب البلاد", "هلمند", ["AFG"], 1140043),
        ("شنت القوات عملية في إقليم بلوشستان", "بلوشستان", ["PAK"], 1183606),
    ],
)
def test_gazetteer_scan_latin_names_meet_their_arabic_spelling(
    gazetteer, sentence, surface, hints, geonameid
):
    assert chosen(gazetteer, sentence, hints).get(surface) == geonameid


@pytest.mark.parametrize(
    ("sentence", "hints"),
    [
        # common nouns with the article sharing the consonants of a hamlet or ravine "Ed ..."
        ("تحدث الخبراء عن الدلالات السياسية للهجوم", ["LBN"]),
        ("قصفت الطائرات مناطق في بلدة النعيمة شرق درعا", ["LBN"]),
    ],
)
def test_gazetteer_scan_name_with_the_article_never_meets_a_hamlet(gazetteer, sentence, hints):
    places = {gazetteer.place(geonameid).country for geonameid in chosen(gazetteer, sentence, hints).values()}
    assert "LBN" not in places


@pytest.mark.parametrize(
    "sentence",
    [
        "قصف في مدينة الفاشر أمس",
        "اشتباكات في بلدة قريبة",
        "نزح السكان من قرية إلى أخرى",
        "قصف في مدينةٍ سودانية",
        "هجوم على المدينة",
    ],
)
def test_gazetteer_scan_feature_word_is_never_a_place(gazetteer, sentence):
    for text in (sentence, fold(sentence)):
        words = {mention.text for mention in gazetteer.find_mentions(text, ["SDN"])}
        assert not words & {"مدينة", "مدينه", "مدينةٍ", "المدينة", "بلدة", "بلده", "قرية", "قريه"}, words


def test_gazetteer_scan_text_not_folded_gives_the_same_places_at_its_own_offsets(gazetteer):
    sentence = "اشتعلت المعارك في مدينةِ الجنينة وفي الفاشر"
    folded = gazetteer.find_mentions(fold(sentence), ["SDN"])
    raw = gazetteer.find_mentions(sentence, ["SDN"])
    assert [m.candidates for m in raw] == [m.candidates for m in folded] and raw
    assert all(sentence[m.start : m.end] == m.text for m in raw)
    assert {m.text for m in raw} == {"الجنينة", "الفاشر"}


def test_gazetteer_scan_admin1_area_outside_the_skeleton_countries_is_found(gazetteer):
    text = fold("اعتقلت الشرطة ستة رجال في ولاية جوهور")
    johor = gazetteer.place(1733049)
    mention = next(m for m in gazetteer.find_mentions(text, ["MYS"]) if m.text == "جوهور")
    place, _ = gazetteer.choose(mention, ["MYS"])
    assert johor in mention.candidates and (place.lat, place.lon) == (johor.lat, johor.lon)


@pytest.mark.parametrize(
    ("sentence", "hints", "not_meant"),
    [
        # after a town word, long vowels where the Latin name has none: not that name
        ("قضت محكمة في مدينة يانجون بسجن صحفيين", ["USA"], 5003294),  # Negaunee
    ],
)
def test_gazetteer_scan_long_vowels_where_the_latin_name_has_none_disagree(
    gazetteer, sentence, hints, not_meant
):
    text = fold(sentence)
    assert all(
        not_meant not in {p.geonameid for p in m.candidates} for m in gazetteer.find_mentions(text, hints)
    )


def test_gazetteer_scan_feature_word_with_the_article_is_no_locative(gazetteer):
    # a name after a feature word stands in construct with it ("مدينة غاو"): never "المدينة"
    text = fold("رفعوا أعلامهم وسط المدينة وأعلنوا السيطرة عليها")
    assert not [m for m in gazetteer.find_mentions(text, ["TUR"]) if m.how.startswith("skeleton")]


def test_gazetteer_scan_later_mentions_keep_the_skeleton_evidence(gazetteer):
    # a skeleton match merged into a mention of an Arabic name stays a skeleton candidate later
    text = fold("تقدمت القوات في عفرين، وقال مسؤول إن عفرين محاصرة")
    mentions = [m for m in gazetteer.find_mentions(text, ["TUR"]) if m.text == "عفرين"]
    assert len(mentions) == 2
    for mention in mentions:
        evidence = {place.country: mention.evidence_of(i) for i, place in enumerate(mention.candidates)}
        assert evidence["SYR"] == "arabic-name" and evidence["TUR"].startswith("skeleton:")


@pytest.mark.parametrize(
    ("sentence", "hints", "found"),
    [
        # a broken plural after a preposition whose vowels contradict every Latin name it meets
        ("هذه الأحداث لم تكن معزولة عما يدور في كواليس السياسة", ["TUR"], {}),
        # a one-consonant name ends where the name ends: not the first word of a longer one
        ("وقالت الشرطة إن القنبلة انفجرت بمنطقة شاه شاهيد بالمدينة", ["AFG"], {}),
        ("سقط عدد من الضحايا في هجوم مسلح على ساي يوم الاثنين", ["NER"], {"ساي": 2439812}),
        # the dual or plural of a common word names a hamlet only after a feature word
        ("نقل المصابون وسجلت إصابات في الحالات الحرجة", ["LBN"], {}),
        ("وصل الجيشان إلى الحدود", ["YEM"], {}),
        ("سقطت قذائف على قرية جيشان", ["YEM"], {"جيشان": 8357700}),
        # ... while a notable place so named is a place anywhere
        ("اندلعت احتجاجات في القصرين", ["TUN"], {"القصرين": 2473457}),
        # a word every kind of news uses names only a notable place without a feature word
        ("أعلن عزمه سحب الشركة من البورصة", ["MLI"], {}),
        ("ضرورة مواجهته على صعيد الأفكار", ["YEM"], {}),
        ("اندلعت اشتباكات في مديرية الصعيد", ["YEM"], {"الصعيد": 77862}),
        # a name of common words is no common word
        ("وقع انفجار في بئر العبد", ["EGY"], {"بئر العبد": 410142}),
        # a name written with ال: its long vowels are the name's ("Ar Rass" has none)
        ("في الوادي التابع لمحافظة الريث", ["SAU"], {}),
    ],
)
def test_gazetteer_scan_common_words_and_short_names(gazetteer, sentence, hints, found):
    """The places the words name in the article's countries (other countries' picks are the
    pipeline's to refuse)."""
    picks = chosen(gazetteer, sentence, hints)
    assert {text: pick for text, pick in picks.items() if gazetteer.place(pick).country in hints} == found


@pytest.mark.parametrize(
    ("sentence", "surface", "geonameid"),
    [
        # a name of several words may start with a word of two letters
        ("قصف مدفعي على ود مدني عاصمة ولاية الجزيرة", "ود مدني", 364103),
        ("وصلت تعزيزات عسكرية إلى أم درمان صباح اليوم", "ام درمان", 365137),
    ],
)
def test_gazetteer_scan_a_name_may_start_with_a_word_of_two_letters(gazetteer, sentence, surface, geonameid):
    assert chosen(gazetteer, sentence, ["SDN"]).get(surface) == geonameid


def test_gazetteer_scan_a_word_of_two_letters_is_no_name_alone(gazetteer):
    assert not gazetteer.find_mentions(fold("قال أم لم يقل"), ["SDN"])
