"""Place cues: distances and directions that locate an event from a named place."""

import pytest

from marsad.knowledge.place_cues import offset_before
from marsad.lang.ar.normalize import fold


@pytest.mark.parametrize(
    "text, reference, offset",
    [
        ("سقطت قذائف على قرية تقع على بعد 30 كلم شمال الموصل", "الموصل", (30.0, 0.0)),
        ("وقع الانفجار على مسافة 12 كيلومترا جنوب غربي كركوك", "كركوك", (12.0, 225.0)),
    ],
)
def test_offset_before_reads_the_distance_and_direction_before_a_place(text, reference, offset):
    folded, name = fold(text), fold(reference)
    got = offset_before(folded, folded.index("علي"), folded.index(name))
    assert got is not None and got == pytest.approx(offset)


@pytest.mark.parametrize(
    "text, reference",
    [
        ("قتل جنديان في هجوم على بعد كيلومترات من الموصل", "الموصل"),
        ("قتل جنديان على بعد 30 كلم من مدينة الموصل", "الموصل"),
    ],
)
def test_offset_before_needs_a_number_a_unit_and_a_direction(text, reference):
    folded = fold(text)
    assert offset_before(folded, folded.index("علي"), folded.index(fold(reference))) is None


def test_offset_before_bad_bounds_give_none():
    assert offset_before("نص", 5, 2) is None
