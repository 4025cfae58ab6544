"""Counts and "no casualties" statements in Arabic news sentences written for these tests."""

from __future__ import annotations

import pytest

import support
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.numbers import Quantity, find_no_casualties, find_quantities

CORPUS = support.SHARED / "corpus" / "articles"


def quantities(sentence: str) -> list[Quantity]:
    return find_quantities(fold(sentence))


def only(sentence: str) -> Quantity:
    found = quantities(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("قتل 15 مسلحا في الاشتباكات", 15, 15),
        ("قتل ١٥ مسلحا في الاشتباكات", 15, 15),
        ("نزح 1,200 شخص من القرية", 1200, 1200),
        ("نزح 1.200 شخص من القرية", 1200, 1200),
        ("فر 3 آلاف مدني من المدينة", 3000, 3000),
        ("تضرر 1.5 مليون شخص من الفيضانات", 1500000, 1500000),
        ("استقبلت المخيمات 25 ألف نازح", 25000, 25000),
        ("أصيب ثلاثة وعشرون شخصا بجروح", 23, 23),
        ("قتل خمسة وعشرين جنديا", 25, 25),
        ("اعتقلت الشرطة مئة وعشرين متظاهرا", 120, 120),
        ("شارك ثلاثمئة مقاتل في الهجوم", 300, 300),
        ("شارك ثلاث مئة مقاتل في الهجوم", 300, 300),
        ("فقد ألفين من السكان منازلهم", 2000, 2000),
        ("أفرج عن مئتين من المعتقلين", 200, 200),
        ("نزح خمسة وعشرون ألفا من السكان", 25000, 25000),
        ("دمرت الغارات ألفا وخمسمئة منزل", 1500, 1500),
        ("قتل أحد عشر جنديا في الكمين", 11, 11),
        ("قتل اثنا عشر شخصا في الانفجار", 12, 12),
        ("أصيبت ثلاث عشرة امرأة", 13, 13),
        ("قتل تسعة عشر مدنيا", 19, 19),
        ("لقي عشرون شخصا حتفهم", 20, 20),
        ("قتل تسعين شخصا على الأقل في المجزرة", 90, None),
        ("قتل واحد وثلاثون عنصرا", 31, 31),
        ("أصيب شرطي واحد", 1, 1),
        ("قتلت سبعة من عناصر الشرطة", 7, 7),
        ("قتل تسعا من الجنود", 9, 9),
        ("وقتل الجنود الثلاثة في الكمين", 3, 3),
        ("ونقل الجرحى الخمسة إلى المستشفى", 5, 5),
        ("قتل الجنديان في الهجوم", 2, 2),
        ("أصيب اثنين آخرين بجروح", 2, 2),
        ("لقي جنديان حتفهما", 2, 2),
        ("أصيب شخصين بجروح طفيفة", 2, 2),
        ("قتل طفلين في القصف", 2, 2),
        ("قتل قتيلين وجرح ثالث", 2, 2),
        ("أسر عنصرين من الجيش", 2, 2),
        ("وأصيب جريحان بحالة خطرة", 2, 2),
        ("قتل مدنيان في القصف", 2, 2),
        ("قتل جنديين اثنين", 2, 2),
        ("مقتل أحد الجنود في الهجوم", 1, 1),
        ("قتل ما بين ثلاثة وخمسة أشخاص", 3, 5),
        ("قتل بين 10 و15 مسلحا", 10, 15),
        ("قتل ثلاثة أو أربعة من المهاجمين", 3, 4),
        ("سقط 20 إلى 25 قتيلا", 20, 25),
        ("شارك مئة ألف متظاهر في المسيرة", 100000, 100000),
        ("نزح مليون ومئتا ألف شخص", 1200000, 1200000),
    ],
)
def test_numbers_exact_counts(sentence: str, low: int, high: int | None) -> None:
    quantity = only(sentence)
    assert (quantity.low, quantity.high) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "hedge"),
    [
        ("قتل ما لا يقل عن 15 مسلحا", 15, None, "at_least"),
        ("قتل لا يقل عن عشرين مدنيا", 20, None, "at_least"),
        ("قتل على الأقل 7 جنود", 7, None, "at_least"),
        ("قتل 15 على الأقل في الغارة", 15, None, "at_least"),
        ("قتل 15 شخصا على الأقل في الغارة", 15, None, "at_least"),
        ("أصيب 12 شخصا أو أكثر", 12, None, "at_least"),
        ("قتل أكثر من 30 شخصا", 31, None, "more_than"),
        ("أصيب ما يزيد عن مئة شخص", 101, None, "more_than"),
        ("أصيب ما يزيد على 40 شخصا", 41, None, "more_than"),
        ("قتل عشرون ونيف من المسلحين", 21, None, "more_than"),
        ("نزح لأكثر من 300 أسرة", 301, None, "more_than"),
        ("قتل نحو 40 شخصا", 40, 40, "about"),
        ("قتل حوالي عشرين مدنيا", 20, 20, "about"),
        ("قتل قرابة خمسين مسلحا", 50, 50, "about"),
        ("نزح زهاء ألف شخص", 1000, 1000, "about"),
        ("قتل ما يقارب 60 شخصا", 60, 60, "about"),
        ("قتل 25 شخصا تقريبا", 25, 25, "about"),
        ("قدر عدد القتلى بنحو 3 آلاف", 3000, 3000, "about"),
        ("أصيب أقل من عشرة أشخاص", 0, 9, "less_than"),
        ("قد يصل إلى 50 عدد القتلى", None, 50, "up_to"),
        ("وقتل حتى 20 شخصا في المعارك", None, 20, "up_to"),
    ],
)
def test_numbers_hedges(sentence: str, low: int | None, high: int | None, hedge: str) -> None:
    quantity = only(sentence)
    assert (quantity.low, quantity.high, quantity.hedge) == (low, high, hedge)
    assert quantity.approx is (hedge == "about")


@pytest.mark.parametrize(
    ("sentence", "low", "high", "vague"),
    [
        ("قتل عشرات المدنيين في القصف", 10, 99, "عشرات"),
        ("سقط العشرات بين قتيل وجريح", 10, 99, "العشرات"),
        ("أصيب بالعشرات من المحتجين", 10, 99, "العشرات"),
        ("نزح مئات العائلات", 100, 999, "مئات"),
        ("نزح آلاف السكان", 1000, 9999, "الاف"),
        ("فر عشرات الآلاف من المدينة", 10000, 99999, "عشرات الالاف"),
        ("نزح مئات الآلاف من السوريين", 100000, 999999, "مئات الالاف"),
        ("أصيب بعض المارة بجروح", 2, None, "بعض"),
        ("قتل بعضهم في الطريق", 2, None, "بعضهم"),
        ("أصيب عدد من الجنود", 2, None, "عدد من"),
        ("اعتقل عددا كبيرا من المشتبه بهم", 2, None, "عددا كبيرا من"),
        ("قتل العديد من المسلحين", 2, None, "العديد من"),
        ("أصيب عدة أشخاص", 2, None, "عده"),
        ("قتل الكثير من المدنيين", 2, None, "الكثير من"),
        ("أصيب بضعة جنود", 3, 9, "بضعه"),
    ],
)
def test_numbers_vague_quantities(sentence: str, low: int, high: int | None, vague: str) -> None:
    quantity = only(sentence)
    assert (quantity.low, quantity.high, quantity.vague) == (low, high, vague)
    assert quantity.hedge is None


@pytest.mark.parametrize(
    "sentence",
    [
        "وقع الهجوم عام 2015 في المدينة",
        "وفي 2020 سيطر الجيش على البلدة",
        "اندلع القتال منذ 2012",
        "قتل الجنود في 17 يوليو",
        "وقعت المعارك بين 15 و16 آب",
        "وصلت الحافلة الساعة 10 صباحا",
        "تبنى المجلس القرار رقم 2254",
        "ارتفعت الأسعار بنسبة 15 في المئة",
        "انخفضت المشاركة 20%",
        "صدر البيان بتاريخ 2015/07/17",
        "وقع الانفجار في 17-7-2015",
        "احتفل السكان بالذكرى في الخامس عشر من الشهر",
        "عاد الوفد في الأسبوع الثالث",
        "أعلن الجيش يوم الاثنين بدء العملية",
        "انتهت الحرب بتوقيع اتفاقية سلام 2015.",
        "قتل المدنيين في القصف",
        "قطع الطريق مسلحين ملثمين",
        "اندلع نزاع اثني في البلاد",
        "لست أدري ما حدث",
        "بلغ الوزن 2.5 كيلوغرام",
    ],
)
def test_numbers_not_counts(sentence: str) -> None:
    assert quantities(sentence) == []


def test_numbers_increase_is_two_figures() -> None:
    found = quantities("ارتفع عدد القتلى من 10 إلى 15")
    assert [(q.low, q.high) for q in found] == [(10, 10), (15, 15)]


def test_numbers_several_in_one_sentence() -> None:
    found = quantities("قتل تسعة جنود وأصيب اثنان آخران، فيما قتل 14 مسلحا على الأقل")
    assert [(q.low, q.high, q.hedge) for q in found] == [(9, 9, None), (2, 2, None), (14, None, "at_least")]


def test_numbers_spans_cover_hedge_and_number() -> None:
    text = fold("قال المصدر إنه قتل ما لا يقل عن 15 مسلحا")
    quantity = find_quantities(text)[0]
    assert text[quantity.start : quantity.end] == quantity.text == fold("ما لا يقل عن 15")


def test_numbers_dual_span_is_the_noun() -> None:
    text = fold("لقي جنديان حتفهما")
    quantity = find_quantities(text)[0]
    assert quantity.text == fold("جنديان")


@pytest.mark.parametrize("bad", ["", None, 15, "...", "؟؟", "٪"])
def test_numbers_bad_input_is_empty(bad: object) -> None:
    assert find_quantities(bad) == []  # type: ignore[arg-type]
    assert find_no_casualties(bad) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("لم يسقط قتلى في الهجوم", "killed"),
        ("ولم يسفر الانفجار عن سقوط ضحايا", "killed"),
        ("لم تسفر الغارة عن وقوع وفيات", "killed"),
        ("انفجرت العبوة دون وقوع إصابات", "injured"),
        ("وقع الحريق بدون إصابات", "injured"),
        ("لا إصابات في صفوف المدنيين", "injured"),
        ("لم تسجل أي إصابات بين الركاب", "injured"),
        ("لم يصب أحد بأذى", "injured"),
        ("لم يسفر القصف عن أي خسائر بشرية", "casualties"),
        ("لم تسفر عن سقوط قتلى أو جرحى", "casualties"),
        ("سقطت القذيفة من دون أن تسفر عن إصابات", "injured"),
        ("لم يقتل أحد في الحادث", "killed"),
    ],
)
def test_numbers_no_casualties(sentence: str, kind: str) -> None:
    found = find_no_casualties(fold(sentence))
    assert [statement.kind for statement in found] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "لم يعرف عدد القتلى بعد",
        "لا توجد معلومات عن الضحايا",
        "لم ترد أنباء عن سقوط ضحايا",
        "قتل 5 أشخاص وأصيب آخرون",
        "لم يعلن أي طرف مسؤوليته عن الهجوم",
    ],
)
def test_numbers_no_casualties_not_claimed(sentence: str) -> None:
    assert find_no_casualties(fold(sentence)) == []


def test_numbers_no_casualty_span() -> None:
    text = fold("وانفجرت السيارة دون وقوع إصابات، بحسب الشرطة")
    statement = find_no_casualties(text)[0]
    assert text[statement.start : statement.end] == statement.text == fold("دون وقوع إصابات")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_numbers_corpus_spans_are_consistent() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        text = fold(path.read_text(encoding="utf-8"))
        previous_end = 0
        for quantity in find_quantities(text):
            assert quantity.start >= previous_end and text[quantity.start : quantity.end] == quantity.text
            assert quantity.low is None or quantity.high is None or quantity.low <= quantity.high
            previous_end = quantity.end
        assert all(text[s.start : s.end] == s.text for s in find_no_casualties(text))


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("وأشارت منظمة إغاثة إلى تجاوز عدد الضحايا 60 شخصا", 61),
        ("وقال المرصد إن حصيلة القتلى تجاوزت 200 قتيل", 201),
        ("ويتجاوز عدد القتلى 35 وفق مصادر محلية", 36),
    ],
)
def test_numbers_exceeded_is_more_than(sentence: str, low: int) -> None:
    found = only(sentence)
    assert (found.low, found.high, found.hedge) == (low, None, "more_than")


@pytest.mark.parametrize(
    "sentence",
    [
        "استشهد القديس في عام 68 ميلاديا.",
        "توفي سنة 40 للميلاد.",
        "وبعد ثلاثة أسابيع على خطف اللاعب عثرت عليه الشرطة.",
        "وكان الرجل قد بلغ 37 عاما.",
        "وطلب الخاطفون فدية قدرها 100 ألف دولار.",
    ],
)
def test_numbers_years_durations_and_sums_are_not_counts(sentence):
    assert quantities(sentence) == []


def test_numbers_a_count_before_its_noun_is_still_a_count():
    assert [(q.low, q.high) for q in quantities("قتل 12 جنديا عام 2015.")] == [(12, 12)]


@pytest.mark.parametrize(
    "text, kind, spared",
    [
        ("ولم يصب أي جندي بأذى في الهجوم", "injured", "جندي"),
        ("ولم يقتل أحد من المدنيين في القصف", "killed", "المدنيين"),
        ("ولم يصب أحد بأذى في الحادث", "injured", None),
    ],
)
def test_numbers_no_casualties_names_who_was_spared(text, kind, spared):
    folded = fold(text)
    (found,) = find_no_casualties(folded)
    assert found.kind == kind
    assert (folded[found.victim_start : found.victim_end] if found.victim_start is not None else None) == (
        fold(spared) if spared else None
    )
