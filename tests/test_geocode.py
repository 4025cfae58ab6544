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


def test_geocode_a_placeless_incident_is_where_the_news_sentences_point_not_the_politics():
    text = (
        "أعلن الجيش الأوكراني أن أربعة جنود قتلوا في قتال مع المتمردين في شرق البلاد.\n"
        "وفي مدينة دونيتسك، قتل مدنيان في قصف مدفعي على حي سكني.\n"
        "وفي برلين، أثارت خطط نواب ألمان للسفر إلى شبه جزيرة القرم جدلا واسعا.\n"
        "وقالت الحكومة الألمانية إن السفر إلى القرم يجب أن يتفق عليه مع كييف.\n"
        "وكان نواب فرنسيون قد توجهوا إلى القرم الشهر الماضي."
    )
    fights = [e for e in news_events(text) if e.event_type == "Battles"]
    assert fights and fights[0].location.name == "Donetsk"
