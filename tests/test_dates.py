"""Date expressions in Arabic news sentences written for these tests, published 2024-07-28 (a Sunday)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import support
from marsad.lang.ar.dates import DateMention, find_dates
from marsad.lang.ar.normalize import fold

PUBLISHED = dt.date(2024, 7, 28)
CORPUS = support.SHARED / "corpus" / "articles"


def only(sentence: str, published: dt.date | None = PUBLISHED) -> DateMention:
    found = find_dates(fold(sentence), published)
    assert len(found) == 1, found
    return found[0]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(
    ("sentence", "expected", "span"),
    [
        ("هاجم مسلحون القرية الخميس", "2024-07-25", "الخميس"),
        ("وقع الهجوم يوم الخميس", "2024-07-25", "يوم الخميس"),
        ("قتل الجنود الخميس الماضي", "2024-07-25", "الخميس الماضي"),
        ("اندلعت الاشتباكات مساء الخميس", "2024-07-25", "مساء الخميس"),
        ("شنت الطائرات غارات فجر السبت", "2024-07-27", "فجر السبت"),
        ("انفجرت السيارة ليل الجمعة", "2024-07-26", "ليل الجمعة"),
        ("قصفت المدفعية الحي الأحد", "2024-07-28", "الأحد"),
        ("وقعت المواجهات الأحد الماضي", "2024-07-21", "الأحد الماضي"),
        ("أعلن الجيش مساء يوم الثلاثاء الماضي", "2024-07-23", "مساء يوم الثلاثاء الماضي"),
        ("وفي صباح الاثنين أطلقت الصواريخ", "2024-07-22", "صباح الاثنين"),
        ("وقال المتحدث إن المحادثات تستأنف الخميس المقبل", "2024-08-01", "الخميس المقبل"),
        ("وأكدوا مواصلة التظاهر الثلاثاء القادمين", "2024-07-30", "الثلاثاء القادمين"),
        ("وقتل خمسة في الغارات الجمعة الماضيين", "2024-07-26", "الجمعة الماضيين"),
        ("والأربعاء سقطت قذائف على البلدة", "2024-07-24", "والأربعاء"),
    ],
)
def test_dates_weekdays(sentence: str, expected: str, span: str) -> None:
    mention = only(sentence)
    assert (mention.date_start, mention.date_end, mention.precision, mention.kind) == (
        day(expected),
        day(expected),
        1,
        "weekday",
    )
    assert mention.text == fold(span)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("ومن المقرر أن يعقد البرلمان جلسة طارئة الثلاثاء لاختيار رئيس للوزراء.", "2024-07-30"),
        ("وستخرج مظاهرات احتجاجية أخرى يوم السبت في مدن عدة.", "2024-08-03"),
        ("قال إن الوفد سوف يتوجه إلى القاهرة يوم الخميس.", "2024-08-01"),
        ("وأعلنت الشرطة المقرر حضورها أن مسلحين هاجموا الحاجز، ثم قتل جندي الخميس.", "2024-07-25"),
    ],
)
def test_dates_a_weekday_a_future_marker_governs_is_the_next_one(sentence: str, expected: str) -> None:
    assert only(sentence).date_start.isoformat() == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "span"),
    [
        ("قتل ثلاثة جنود أمس", "2024-07-27", "أمس"),
        ("قتل ثلاثة جنود يوم أمس", "2024-07-27", "يوم أمس"),
        ("وقع الانفجار البارحة", "2024-07-27", "البارحة"),
        ("أعلنت الشرطة أمس الأول اعتقال المشتبه به", "2024-07-26", "أمس الأول"),
        ("هاجم المسلحون الموقع أول أمس", "2024-07-26", "أول أمس"),
        ("سقطت القذيفة صباح اليوم", "2024-07-28", "صباح اليوم"),
        ("تجددت المعارك اليوم في المدينة", "2024-07-28", "اليوم"),
        ("سمع دوي انفجارات الليلة الماضية", "2024-07-27", "الليلة الماضية"),
        ("هاجم مسلحون نقطة تفتيش الليلة قبل الماضية", "2024-07-26", "الليلة قبل الماضية"),
        ("قصفت الطائرات الحي ليلة أمس", "2024-07-27", "ليلة أمس"),
        ("اندلع حريق مساء أمس", "2024-07-27", "مساء أمس"),
        ("وانسحب المسلحون أمس (السبت) من البلدة", "2024-07-27", "أمس (السبت)"),
    ],
)
def test_dates_relative_days(sentence: str, expected: str, span: str) -> None:
    mention = only(sentence)
    assert (mention.date_start, mention.date_end, mention.precision, mention.kind) == (
        day(expected),
        day(expected),
        1,
        "relative",
    )
    assert mention.text == fold(span)


@pytest.mark.parametrize(
    ("sentence", "expected", "span"),
    [
        ("وقع الكمين يوم 17 يوليو 2015 عند المساء", "2015-07-17", "يوم 17 يوليو 2015"),
        ("وقع الكمين في 17 تموز/يوليو", "2024-07-17", "17 تموز/يوليو"),
        ("قتل الصحفي يوم 17 يوليو الجاري", "2024-07-17", "يوم 17 يوليو الجاري"),
        ("اختطف في 3 آب (أغسطس) الماضي", "2023-08-03", "3 آب (أغسطس) الماضي"),
        ("صدر البيان بتاريخ 2015/07/17", "2015-07-17", "2015/07/17"),
        ("وقع الانفجار في 17-7-2015", "2015-07-17", "17-7-2015"),
        ("اعتقل في 5 جوان 2019", "2019-06-05", "5 جوان 2019"),
        ("هاجموا الثكنة في 12 أيلول", "2023-09-12", "12 أيلول"),
        ("أغلقت الحدود في 2 كانون الثاني 2016", "2016-01-02", "2 كانون الثاني 2016"),
        ("قتل في 30 يوليو", "2024-07-30", "30 يوليو"),
        ("وقع الهجوم يوم الخميس الموافق 25 يوليو", "2024-07-25", "يوم الخميس الموافق 25 يوليو"),
        ("اعتقل في التاسع من يوليو", "2024-07-09", "التاسع من يوليو"),
        ("انفجرت العبوة في الخامس عشر من الشهر الجاري", "2024-07-15", "الخامس عشر من الشهر الجاري"),
        ("وصلت التعزيزات في 14 جويلية", "2024-07-14", "14 جويلية"),
        # The Syriac names of four months are also written without ال.
        ("قصفت الطائرات القرية في 9 تشرين أول 2015", "2015-10-09", "9 تشرين أول 2015"),
        ("اعتقلت الشرطة الناشط يوم 4 كانون ثاني 2016", "2016-01-04", "يوم 4 كانون ثاني 2016"),
        ("انسحبت القوات في 21 أكتوبر/ تشرين أول 2019", "2019-10-21", "21 أكتوبر/ تشرين أول 2019"),
        # A pair whose names disagree (a slip in the gloss) keeps the name written first.
        ("بدأت العملية العسكرية في 20 يناير/كانون أول الماضي", "2024-01-20", "20 يناير/كانون أول الماضي"),
        ("أطلق سراح الرهائن في 3 تموز/أيلول", "2024-07-03", "3 تموز/أيلول"),
    ],
)
def test_dates_explicit(sentence: str, expected: str, span: str) -> None:
    mention = only(sentence)
    assert (mention.date_start, mention.date_end, mention.precision, mention.kind) == (
        day(expected),
        day(expected),
        1,
        "explicit",
    )
    assert mention.text == fold(span)


def test_dates_missing_year_after_publication_is_last_year() -> None:
    mention = only("قتل في 30 ديسمبر")
    assert mention.date_start == dt.date(2023, 12, 30)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("تنطلق المباراة الافتتاحية يوم الجمعة 15 يونيو في العاصمة", "2018-06-15"),
        ("يعقد المجلس جلسته الطارئة الجمعة 22 يونيو", "2018-06-22"),
        # The weekday is last year's, or the date's only: the date over a week ahead is last year's.
        ("قتل ثلاثة جنود يوم الخميس 15 يونيو في كمين", "2017-06-15"),
        ("قتل ثلاثة جنود في 15 يونيو في كمين", "2017-06-15"),
    ],
)
def test_dates_the_weekday_keeps_a_date_ahead_in_the_year_of_publication(
    sentence: str, expected: str
) -> None:
    assert only(sentence, dt.date(2018, 6, 1)).date_start == day(expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "تعقد القمة في 26 يونيو الجاري في العاصمة",
        "تجرى الانتخابات يوم 30 حزيران/يونيو الحالي",
    ],
)
def test_dates_the_current_month_keeps_a_date_ahead_in_the_year_of_publication(sentence: str) -> None:
    assert only(sentence, dt.date(2018, 6, 3)).date_start.year == 2018


def test_dates_day_range() -> None:
    mention = only("دارت المعارك بين 15 و17 يوليو")
    assert (mention.date_start, mention.date_end, mention.kind) == (
        dt.date(2024, 7, 15),
        dt.date(2024, 7, 17),
        "explicit",
    )


@pytest.mark.parametrize(
    ("sentence", "first", "last", "precision", "kind"),
    [
        ("قتل في يوليو الماضي", "2023-07-01", "2023-07-31", 3, "month"),
        ("وفي يونيو قتل العشرات", "2024-06-01", "2024-06-30", 3, "month"),
        ("اختطف في شهر آب", "2023-08-01", "2023-08-31", 3, "month"),
        ("منذ آذار 2015", "2015-03-01", "2015-03-31", 3, "month"),
        ("تصاعدت الهجمات الشهر الماضي", "2024-06-01", "2024-06-30", 3, "month"),
        ("وخلال الشهر الجاري قتل 20 شخصا", "2024-07-01", "2024-07-31", 3, "month"),
        ("وقع الهجوم في فيفري الماضي", "2024-02-01", "2024-02-29", 3, "month"),
        ("وقعت الاشتباكات في نوفمبر/تشرين ثاني عام 2016", "2016-11-01", "2016-11-30", 3, "month"),
        ("قتل ثلاثة جنود الأسبوع الماضي", "2024-07-21", "2024-07-27", 2, "relative"),
        ("سيطر الجيش على المدينة عام 2020", "2020-01-01", "2020-12-31", 3, "year"),
        ("وفي 2020 سيطر الجيش على المدينة", "2020-01-01", "2020-12-31", 3, "year"),
        ("انتخب سنة 2012 رئيسا", "2012-01-01", "2012-12-31", 3, "year"),
        ("تصاعد العنف العام الماضي", "2023-01-01", "2023-12-31", 3, "year"),
        ("تشهد البلاد نزاعا منذ عام 2012", "2012-01-01", "2012-12-31", 3, "period"),
        ("قتل الآلاف خلال العقد الماضي", "2010-01-01", "2019-12-31", 3, "period"),
        ("اندلع القتال عامي 2014 و2015", "2014-01-01", "2015-12-31", 3, "period"),
    ],
)
def test_dates_months_weeks_years(sentence: str, first: str, last: str, precision: int, kind: str) -> None:
    mention = only(sentence)
    assert (mention.date_start, mention.date_end, mention.precision, mention.kind) == (
        day(first),
        day(last),
        precision,
        kind,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "في اليوم التالي انسحبت القوات",
        "قتل أب وابنه في القصف",
        "مارس الجيش ضغوطا على المسلحين",
        "قتل 2015 شخصا",
        "قال المتحدث إن الوضع هادئ",
    ],
)
def test_dates_not_dates(sentence: str) -> None:
    assert find_dates(fold(sentence), PUBLISHED) == []


def test_dates_without_publication_keep_the_mention() -> None:
    mention = only("هاجم مسلحون القرية الخميس", published=None)
    assert (mention.date_start, mention.date_end, mention.kind) == (None, None, "weekday")
    assert only("قتل في 3 آب 2015", published=None).date_start == dt.date(2015, 8, 3)


def test_dates_the_longest_expression_wins() -> None:
    text = fold("قتل ثلاثة جنود مساء الخميس 25 يوليو/تموز 2024، ثم قتل اثنان أمس")
    found = find_dates(text, PUBLISHED)
    assert [m.text for m in found] == [fold("مساء الخميس 25 يوليو/تموز 2024"), fold("أمس")]
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize("bad", ["", None, 42, "؟"])
def test_dates_bad_input_is_empty(bad: object) -> None:
    assert find_dates(bad, PUBLISHED) == []  # type: ignore[arg-type]


def test_dates_bad_publication_is_ignored() -> None:
    assert only("هاجم مسلحون القرية الخميس", published="2024-07-28").date_start is None  # type: ignore[arg-type]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_dates_corpus_spans_are_consistent() -> None:
    for meta in sorted(CORPUS.glob("*.json")):
        text_path = meta.with_suffix(".txt")
        if not text_path.exists():
            continue
        stamp = json.loads(meta.read_text(encoding="utf-8")).get("publication_date") or ""
        published = dt.date.fromisoformat(stamp[:10]) if stamp else None
        text = fold(text_path.read_text(encoding="utf-8"))
        previous_end = 0
        for mention in find_dates(text, published):
            assert mention.start >= previous_end and text[mention.start : mention.end] == mention.text
            assert mention.date_start is None or mention.date_start <= mention.date_end
            previous_end = mention.end


@pytest.mark.parametrize(
    "sentence, first, last, precision",
    [
        ("وقبل ثلاث سنوات قتل 40 شخصا.", "2021-01-01", "2021-12-31", 3),
        ("قتل منذ يومين.", "2024-07-26", "2024-07-26", 1),
        ("قبل 10 أيام.", "2024-07-18", "2024-07-18", 1),
        ("وقعت قبل أسبوعين.", "2024-07-11", "2024-07-17", 2),
        ("وقعت قبل أشهر.", "2023-10-01", "2024-05-31", 3),
        ("في الذكرى الخامسة لتفجير الكنيسة.", "2019-01-01", "2019-12-31", 3),
        ("أحيا السكان الذكرى السنوية للمجزرة.", "2015-01-01", "2023-12-31", 3),
    ],
)
def test_dates_ago_and_anniversaries_count_back_from_publication(sentence, first, last, precision):
    mention = only(sentence)
    assert (mention.date_start.isoformat(), mention.date_end.isoformat(), mention.precision) == (
        first,
        last,
        precision,
    )


@pytest.mark.parametrize(
    "sentence, text",
    [
        ("وقعت الحادثة قبل عام 2015.", "عام 2015"),
        ("تواصلت الاحتجاجات منذ يوم الخميس.", "يوم الخميس"),
    ],
)
def test_dates_ago_gives_way_to_the_date_it_names(sentence, text):
    assert only(sentence).text == fold(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "وهو اليوم الذي ولد فيه القديس.",
        "احتفل الأهالي بالليلة الكبيرة للمولد.",
    ],
)
def test_dates_the_day_that_is_not_today(sentence):
    assert find_dates(fold(sentence), PUBLISHED) == []
