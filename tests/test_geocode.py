"""Geocode: which place an event is put at."""

import pytest

from support import news_events


@pytest.mark.parametrize(
    "text, venue",
    [
        (
            "قتل خمسة جنود عراقيين في هجوم انتحاري استهدف قاعدة عسكرية يوم الاثنين. "
            "وقال وزير الدفاع أمام الصحافيين في بغداد «إن الهجوم نفذه انتحاري يقود سيارة مفخخة».",
            "Baghdad",
        ),
        (
            "أصيب عشرة متظاهرين في مواجهات مع الشرطة في مدينة البصرة أمس. "
            "وقال المحافظ في مؤتمر صحفي عقده في بغداد إن المتظاهرين أحرقوا مبنى المجلس.",
            "Baghdad",
        ),
    ],
)
def test_geocode_where_a_speaker_spoke_is_not_the_event_place(text, venue):
    assert [e.location.name for e in news_events(text) if e.location.name == venue] == []
