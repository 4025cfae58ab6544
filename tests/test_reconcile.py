import pytest

from marsad.pipeline.reconcile import reconcile
from marsad.schema import Claim, Party, Span

EVIDENCE = Span(start=0, end=4, text="قتل")


def claim(
    low, high, victim="Military Forces of Mali", kind="killed", vague=None, stance="asserted", source="a"
):
    return Claim(
        kind=kind,
        low=low,
        high=high,
        vague=vague,
        victim=Party(name=victim, text=""),
        source=Party(name=source, text=source),
        stance=stance,
        evidence=EVIDENCE,
    )


def test_reconcile_no_claims_is_zero():
    result = reconcile([])
    assert (result.acled, result.low, result.best, result.high) == (0, None, None, None)


def test_reconcile_disagreeing_sources_keep_lowest_for_acled():
    result = reconcile([claim(9, 9, source="الوزارة"), claim(14, 14, source="التنظيم")])
    assert (result.low, result.high, result.acled) == (9, 14, 9)


def test_reconcile_sides_add_up():
    result = reconcile([claim(2, 2), claim(7, 7, victim="CSP-PSD")])
    assert result.acled == 9


@pytest.mark.parametrize(
    "low, high, vague, acled",
    [
        (10, 99, "العشرات", 12),
        (100, 999, "المئات", 100),
        (2, None, "بعض", 3),
        (20, None, None, 20),
    ],
)
def test_reconcile_vague_words_follow_acled(low, high, vague, acled):
    assert reconcile([claim(low, high, vague=vague)]).acled == acled


def test_reconcile_leaves_out_denied_and_injured():
    result = reconcile([claim(20, 20, stance="denied"), claim(5, 5, kind="injured"), claim(3, 3)])
    assert result.acled == 3 and result.claims == [2]


def test_reconcile_total_beats_a_smaller_sum_of_sides():
    result = reconcile([claim(4, 4), claim(13, 13, victim="unknown")])
    assert result.acled == 13
