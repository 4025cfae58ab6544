"""Stage `timing`: each event's date range and ACLED's time precision, run on its own
(`pipeline.run(until="timing")`). Published on Sunday 28 July 2024."""

import datetime as dt

import pytest

from marsad.pipeline import run

PUBLISHED = dt.date(2024, 7, 28)


def dates_of(text):
    return [(e.date_start, e.date_end, e.time_precision) for e in run(text, PUBLISHED, until="timing").events]


@pytest.mark.parametrize(
    "text, dates",
    [
        (
            "قتل ثلاثة جنود في هجوم على حاجز قرب غاو يوم الجمعة.",
            [(dt.date(2024, 7, 26), dt.date(2024, 7, 26), 1)],
        ),
        # Undated, or "a few days ago": the week of the report.
        ("قتل ثلاثة جنود في هجوم على حاجز قرب غاو.", [(PUBLISHED, PUBLISHED, 2)]),
        ("اندلعت اشتباكات بين الجيش ومسلحين في كيدال قبل أيام.", [(PUBLISHED, PUBLISHED, 2)]),
        # An undated news event goes on telling the day of the one told before it.
        (
            "قتل 20 شخصا في انفجار في سوق بمدينة غاو يوم الثلاثاء. كما انفجرت سيارة مفخخة في مدينة تمبكتو.",
            [(dt.date(2024, 7, 23), dt.date(2024, 7, 23), 1)] * 2,
        ),
        # A day told in the pluperfect before the news day is another act's, not the news event's.
        (
            "انفجرت عبوة ناسفة بدورية للشرطة في بلدة كيدال يوم الأحد. "
            "وكانت دورية أخرى للشرطة تعرضت السبت لانفجار في بلدة كيدال.",
            [(PUBLISHED, PUBLISHED, 1)],
        ),
        # ... but when the event began, or what a source had said of it, is the event's.
        (
            "تواصلت الاشتباكات بين الجيش ومسلحين في كيدال يوم الأحد. "
            "وكانت الاشتباكات اندلعت في كيدال مساء الجمعة.",
            [(dt.date(2024, 7, 26), PUBLISHED, 1)],
        ),
        (
            "قصف الجيش مواقع المسلحين في كيدال يوم الأحد. "
            "وكان الجيش أعلن أن هجمات الجمعة في كيدال أسفرت عن إصابة جنديين.",
            [(dt.date(2024, 7, 26), PUBLISHED, 1)],
        ),
    ],
)
def test_timing_event_dates(text, dates):
    assert dates_of(text) == dates


def test_timing_the_trace_says_where_each_date_came_from():
    text = "قتل 20 شخصا في انفجار في سوق بمدينة غاو يوم الثلاثاء. كما انفجرت سيارة مفخخة في مدينة تمبكتو."
    traces = [e.trace["dates"] for e in run(text, PUBLISHED, until="timing").events]
    assert traces == ["its own sentences", "the news event told before it"]


@pytest.mark.parametrize(
    "text, day",
    [
        # A ruling the demonstrators protest, told in a sentence of its own.
        (
            "تظاهر آلاف الأشخاص الأحد في الرباط تنديدا بالأحكام الصادرة بحق الناشطين. "
            "وأصدرت المحكمة أحكامها يوم 15 تموز بعد محاكمة استمرت أشهرا.",
            dt.date(2024, 7, 28),
        ),
        # A speech the demonstrations answer, told in their sentence.
        (
            "شارك آلاف المواطنين في مظاهرات في أنحاء البلاد احتجاجا على رفع الأسعار. وتوضح المظاهرات "
            "التي نظمت السبت أن القرار ما زال حساسا رغم تنازلات قدمها الرئيس في خطاب ألقاه يوم "
            "الأربعاء (24 تموز).",
            dt.date(2024, 7, 27),
        ),
        # What led up to it, the day before.
        (
            "رافق العشرات من المحامين، الأربعاء، نقيبهم إلى مقر المحكمة في تظاهرة غير مسبوقة احتجاجا "
            "على القانون الجديد. وكان النقيب أعلن الثلاثاء رفضه للقانون الذي دخل حيز التنفيذ منتصف "
            "ليل الثلاثاء.",
            dt.date(2024, 7, 24),
        ),
        # A meeting still to come.
        (
            "وجاءت المظاهرات، السبت، أثناء زيارة الرئيس للمدينة. ومن المقرر أن يلتقي الرئيس نظيره يوم "
            "الاثنين.",
            dt.date(2024, 7, 27),
        ),
    ],
)
def test_timing_a_demonstration_is_dated_by_the_day_beside_its_words(text, day):
    assert dates_of(text) == [(day, day, 1)]
