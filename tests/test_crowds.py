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
