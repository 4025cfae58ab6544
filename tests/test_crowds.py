"""Stage `crowds`: a demonstration's crowd size as ACLED tags it, run on its own
(`pipeline.run(until="crowds")`)."""

import datetime as dt

import pytest

from marsad.pipeline import run

PUBLISHED = dt.date(2024, 7, 28)


@pytest.mark.parametrize(
    "text, size",
    [
        ("تظاهر الآلاف في مدينة البصرة احتجاجا على انقطاع الكهرباء.", "thousands"),
        ("تجمع نحو 300 متظاهر أمام مبنى المحافظة في البصرة.", "around 300"),
        # Not a demonstration: a figure is a toll, never a crowd.
        ("قتل خمسة مدنيين في انفجار عبوة ناسفة في سوق بمدينة غاو.", None),
    ],
)
def test_crowds_size_beside_a_demonstration_word(text, size):
    assert [e.crowd_size for e in run(text, PUBLISHED, until="crowds").events] == [size]


@pytest.mark.parametrize(
    "text, size",
    [
        # The subject after the place and the day the verb is told at.
        ("تظاهر في الرباط مساء الثلاثاء المئات من عمال الشركة أمام مقر البرلمان.", "hundreds"),
        # A figure of another clause counts others.
        (
            "واندلعت مواجهات بين المحتجين وقوات الأمن قرب مدينة القرنة، وغادر عدد من العاملين الأجانب "
            "خوفا من اتساع المواجهات، بينهم نحو 60 أميركيا.",
            None,
        ),
    ],
)
def test_crowds_the_subject_after_its_place_and_day_not_another_clause(text, size):
    assert [e.crowd_size for e in run(text, PUBLISHED, until="crowds").events] == [size]
