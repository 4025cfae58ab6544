"""The Arabic lexicons: forms found in folded text with their attributes."""

import pytest

from marsad.lang.ar.lexicon import event_triggers
from marsad.lang.ar.normalize import fold


def found(text):
    folded = fold(text)
    return [(match.group(), row["sub_event_type"]) for match, row in event_triggers().finditer(folded)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The definite phrase, its article among the clitics, over its noun alone.
        ("تعرضت البلدة للقصف الجوي", [("للقصف الجوي", "Air/drone strike")]),
        ("واستمر القصف الجوي على المدينة", [("القصف الجوي", "Air/drone strike")]),
        ("ارتفعت حصيلة الهجمات الصاروخية", [("الهجمات الصاروخيه", "Shelling/artillery/missile attack")]),
        ("نفذ الهجوم الانتحاري شاب", [("الهجوم الانتحاري", "Suicide bomb")]),
        ("قتلوا في قصف جوي", [("قصف جوي", "Air/drone strike")]),
    ],
)
def test_lexicon_a_definite_phrase_is_found_whole(text, expected):
    assert found(text) == expected


def test_lexicon_a_construct_is_no_definite_phrase():
    # "توقيع الاتفاق" is the signing of the agreement, not a definite "توقيع اتفاق": only "الاتفاق".
    assert found("تم توقيع الاتفاق النووي") == [("الاتفاق", "Agreement")]
