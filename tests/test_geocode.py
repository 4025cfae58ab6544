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


@pytest.mark.parametrize(
    "text",
    [
        (
            "أعلن الجيش الأوكراني أن أربعة جنود قتلوا في قتال مع المتمردين في شرق البلاد.\n"
            "وفي مدينة دونيتسك، قتل مدنيان في قصف مدفعي على حي سكني.\n"
            "وفي برلين، أثارت خطط نواب ألمان للسفر إلى شبه جزيرة القرم جدلا واسعا.\n"
            "وقالت الحكومة الألمانية إن السفر إلى القرم يجب أن يتفق عليه مع كييف.\n"
            "وكان نواب فرنسيون قد توجهوا إلى القرم الشهر الماضي."
        ),
        # the town named only by the incident's topic, the politics after "ومن جهة أخرى"
        (
            "أعلن الجيش أن أربعة جنود قتلوا وأصيب سبعة آخرون في اشتباكات مع مسلحين خلال اليومين الماضيين.\n"
            "وقال المتحدث العسكري إن الوضع في الأحياء الغربية من مدينة دونيتسك هو الأكثر توترا.\n"
            "ومن جهة أخرى، يعتزم نواب ألمان السفر إلى شبه جزيرة القرم الشهر المقبل.\n"
            "وقالت الحكومة الألمانية إن زيارة القرم يجب أن تنسق مع كييف.\n"
            "وكان نواب فرنسيون قد زاروا القرم في يوليو الماضي."
        ),
    ],
)
def test_geocode_a_placeless_incident_is_where_the_news_sentences_point_not_the_politics(text):
    fights = [e for e in news_events(text) if e.event_type == "Battles"]
    assert fights and fights[0].location.name == "Donetsk"


@pytest.mark.parametrize(
    "text, area, seat",
    [
        (
            "قتل ثلاثة مدنيين في غارة جوية استهدفت سيارة في محافظة صعدة شمالي اليمن يوم الأحد.",
            "Sa'dah",
            (16.94, 43.76),
        ),
        (
            "أصيب أربعة جنود في انفجار عبوة ناسفة استهدفت دورية في محافظة ديالى أمس الثلاثاء.",
            "Diyala",
            (33.75, 44.61),
        ),
    ],
)
def test_geocode_an_event_known_only_by_its_province_is_at_the_province_seat(text, area, seat):
    places = [e.location for e in news_events(text) if e.location.name == area]
    assert places and (round(places[0].lat, 2), round(places[0].lon, 2)) == pytest.approx(seat, abs=0.02)


def test_geocode_a_place_abroad_the_incident_sentence_names_beats_the_main_country():
    warning = "قالت إسرائيل إن إيران تهدد أمنها من سوريا، وإن إسرائيل سترد على أي هجوم."
    strike = "وأعلنت إسرائيل أن إيران أطلقت فجر الخميس عشرين صاروخا على قواعد إسرائيلية في مرتفعات الجولان."
    events = news_events("\n".join((warning, strike, "وقالت إسرائيل إنها ستدافع عن نفسها.")))
    strikes = [e.location.name for e in events if e.event_type == "Explosions/Remote violence"]
    assert strikes == ["Golan Heights"]


@pytest.mark.parametrize(
    "text, part",
    [
        ("قتل مقاتلان في اشتباكات بين فصيلين مسلحين في شمال سوريا يوم الثلاثاء.", "Northern Syria"),
        ("قتل ثلاثة جنود عراقيين في هجوم على نقطة تفتيش في جنوب العراق أمس.", "Southern Iraq"),
        ("قتل ثلاثة جنود في قصف مدفعي شنه الانفصاليون في شرق أوكرانيا يوم الأحد.", "Eastern Ukraine"),
        ("قتل خمسة مدنيين في هجوم انتحاري نفذته فتاة في سوق بشمال الكاميرون أمس.", "Northern Cameroon"),
    ],
)
def test_geocode_an_event_known_only_by_a_part_of_its_country_is_at_that_parts_main_town(text, part):
    places = [e.location for e in news_events(text)]
    assert places and places[0].name == part and places[0].geo_precision == 3


@pytest.mark.parametrize(
    "distance, point",
    [
        ("على بعد 100 كلم شمال بغداد", (34.24, 44.40)),
        ("على بعد 20 كيلومترا غربي بغداد", (33.34, 44.19)),
        # a few kilometres off is the town itself, as ACLED codes it
        ("على بعد 5 كلم جنوب بغداد", (33.34, 44.40)),
    ],
)
def test_geocode_an_event_measured_from_a_town_is_that_far_from_it(distance, point):
    text = f"قتل سبعة أشخاص في تفجير سيارة مفخخة في بلدة تقع {distance} يوم الجمعة."
    places = [e.location for e in news_events(text)]
    assert places and places[0].name == "Baghdad"
    assert (places[0].lat, places[0].lon) == pytest.approx(point, abs=0.03)


@pytest.mark.parametrize(
    "text, country",
    [
        (
            "اعتقلت الشرطة التركية عشرة أشخاص في مدينة غازي عنتاب يوم الاثنين.\n"
            "وفي سياق متصل، شنت طائرات حربية تركية غارات على مواقع للمسلحين في سوريا مساء الاثنين.",
            "Syria",
        ),
        (
            "أوقفت الشرطة البلجيكية زوجين يحملان متفجرات في مدينة أنتويرب يوم السبت.\n"
            "كما اعتقلت السلطات شخصا ثالثا يشتبه في صلته بهما في ألمانيا.",
            "Germany",
        ),
    ],
)
def test_geocode_an_incident_its_sentences_place_in_another_country_is_there(text, country):
    assert country in [e.location.name for e in news_events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "أوقفت الشرطة البلجيكية زوجين يحملان متفجرات في مدينة أنتويرب يوم السبت.\n"
        "واعتقلت الشرطة شخصا ثالثا أثناء محاولته السفر إلى تركيا.",
        "أوقفت الشرطة البلجيكية زوجين يحملان متفجرات في مدينة أنتويرب يوم السبت.\n"
        "وفرضت السلطات عقوبات على روسيا بعد اعتقال جاسوس.",
    ],
)
def test_geocode_a_country_gone_to_or_acted_against_is_not_where_the_incident_was(text):
    assert [e.location.name for e in news_events(text) if e.location.name in ("Turkey", "Russia")] == []
