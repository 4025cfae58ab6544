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
    ],
)
def test_timing_event_dates(text, dates):
    assert dates_of(text) == dates


def test_timing_the_trace_says_where_each_date_came_from():
    text = "قتل 20 شخصا في انفجار في سوق بمدينة غاو يوم الثلاثاء. كما انفجرت سيارة مفخخة في مدينة تمبكتو."
    traces = [e.trace["dates"] for e in run(text, PUBLISHED, until="timing").events]
    assert traces == ["its own sentences", "the news event told before it"]
