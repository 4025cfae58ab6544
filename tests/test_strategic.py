"""Strategic developments: disrupted weapons, suicide drones, arrests, exchanges."""

import pytest

from support import claims_of, event_kinds
from support import news_events as news


@pytest.mark.parametrize(
    "text, event_type, sub_type",
    [
        (
            "اعترضت الدفاعات الجوية السعودية صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "فككت قوات الأمن عبوة ناسفة زرعت على طريق رئيسي قرب مدينة الرمادي.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "أسقط الجيش طائرة مسيرة أطلقتها جماعة الحوثي فوق مدينة مأرب.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "أطلقت القوات الروسية مسيرات انتحارية على مدينة خاركيف الليلة الماضية.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "عثرت قوات الأمن على مخزن أسلحة لتنظيم داعش في مدينة كركوك.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "صادرت قوات الأمن أسلحة رشاشة وذخيرة وعبوات ناسفة في مدينة بنزرت.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "أجرت الحكومة وحركة طالبان عملية تبادل الأسرى في مدينة قندهار.",
            "Strategic developments",
            "Agreement",
        ),
    ],
)
def test_strategic_type(text, event_type, sub_type):
    assert event_kinds(text) == [(event_type, sub_type)]


def test_strategic_interception_has_no_fatalities():
    [event] = news("اعترضت الدفاعات الجوية صاروخا أطلق على مدينة نجران.")
    assert event.fatalities.acled == 0


def test_strategic_arrest_of_an_armed_groups_members():
    [event] = news("اعتقلت الشرطة خمسة من عناصر تنظيم داعش في مدينة الموصل اليوم.")
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")


@pytest.mark.parametrize(
    "text",
    [
        "قتل عشرة مسلحين واعتقل ثلاثة آخرون في اشتباكات مع الجيش قرب مدينة غاو.",
    ],
)
def test_strategic_captives_of_a_fight_are_no_arrests(text):
    assert [e.sub_event_type for e in news(text) if e.sub_event_type == "Arrests"] == []


def test_strategic_dismantling_an_arsenal_is_no_disrupted_weapon():
    text = "تطالب واشنطن بتفكيك الصواريخ النووية التي تملكها بيونغ يانغ."
    assert [e.sub_event_type for e in news(text)] == []


@pytest.mark.parametrize(
    "text, low",
    [
        ("أوقفت قوة من الجيش 23 شخصا للاشتباه بانتمائهم إلى تنظيمات إرهابية في بلدة عرسال.", 23),
        ("أعلنت الشرطة توقيف ثمانية أشخاص يشتبه بتخطيطهم لاعتداء إرهابي في مدينة بروكسل.", 8),
        ("احتجزت الشرطة 12 متطرفا مشتبها بهم في العاصمة باماكو.", 12),
    ],
)
def test_strategic_arrest_on_a_political_charge(text, low):
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Strategic developments", "Arrests")]
    assert [c.low for c in found[0].claims if c.kind == "captured"] == [low]


@pytest.mark.parametrize(
    "text",
    [
        "أوقفت الحكومة دعم الوقود عن المصانع في المدينة الصناعية.",
        "أوقفت الشرطة رجلا يشتبه بقتله زوجته في حي شعبي بمدينة طنجة.",
    ],
)
def test_strategic_stopping_or_a_crime_arrest_is_no_event(text):
    assert news(text) == []


def test_strategic_a_present_tense_interception_in_a_title_is_disrupted():
    found = news("التحالف يعترض صاروخين أطلقهما الحوثيون على مدينة جازان")
    assert [(e.event_type, e.sub_event_type) for e in found] == [
        ("Strategic developments", "Disrupted weapons use")
    ]


def test_strategic_the_intercepted_weapon_named_again_stays_intercepted():
    found = news(
        "اعترضت الدفاعات الجوية صاروخين باليستيين أطلقهما الحوثيون باتجاه مدينة جازان، "
        "وتسببت شظايا الصاروخين في إصابة ثلاثة مقيمين."
    )
    assert [(e.event_type, e.sub_event_type) for e in found] == [
        ("Strategic developments", "Disrupted weapons use")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "تصدت الدفاعات الجوية للجيش السوداني لهجوم بطائرات مسيرة شنته قوات الدعم السريع على مدينة الأبيض.",
        "قال التحالف إن دفاعاته الجوية تمكنت اليوم من التعامل مع صاروخ باليستي أطلقه الحوثيون على جازان.",
    ],
)
def test_strategic_a_weapon_after_the_air_defences_is_the_one_they_stop(text):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [
        ("Strategic developments", "Disrupted weapons use")
    ]


def test_strategic_drones_brought_down_in_a_present_tense_title_are_disrupted():
    text = (
        "الجيش السوداني يسقط 32 مسيرة انتحارية فوق الأبيض\n\n"
        "قال الجيش السوداني إن دفاعاته الجوية تصدت فجر الأحد لـ32 مسيرة انتحارية أطلقتها قوات الدعم السريع "
        "باتجاه مدينة الأبيض، وأسقطتها جميعا."
    )
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [
        ("Strategic developments", "Disrupted weapons use")
    ]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        ("بدأ سريان هدنة لمدة 72 ساعة بين الجيش وقوات الدعم السريع في الخرطوم صباح الأحد.", "Agreement"),
        (
            "نهب مسلحون محتويات السوق الرئيسية في مدينة الجنينة وأحرقوا عشرات المحال التجارية.",
            "Looting/property destruction",
        ),
    ],
)
def test_strategic_a_truce_that_starts_and_looting_by_armed_men(text, sub_type):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Strategic developments", sub_type)]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        (
            "سيطر الجيش السوداني على مدينة سنجة بعد معارك مع قوات الدعم السريع.",
            "Government regains territory",
        ),
        (
            "سيطرت قوات الدعم السريع على مدينة سنجة بعد انسحاب الجيش منها يوم الاثنين.",
            "Non-state actor overtakes territory",
        ),
        # The force named before the verb, as the subject of the clause it continues.
        (
            "واصل الجيش السوداني تقدمه أمس، إذ تمكن من بسط سيطرته على مدينة سنجة بعد معارك.",
            "Government regains territory",
        ),
        # After «أن» the force is the reported clause's subject, not the speaker.
        (
            "أعلن الجيش السوداني أن قوات الدعم السريع بسطت سيطرتها على مدينة سنجة يوم الاثنين.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_strategic_a_force_taking_a_town_changes_its_hands(text, sub_type):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Battles", sub_type)]


def test_strategic_a_town_taken_without_a_fight_is_a_transfer_not_a_battle():
    text = "سيطر مقاتلو حركة الشباب على بلدة بولو مرير بعد انسحاب القوات الحكومية منها دون مقاومة."
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [
        ("Strategic developments", "Non-violent transfer of territory")
    ]


def test_strategic_a_signed_ceasefire_is_an_agreement():
    text = "وقعت الحكومة السودانية وحركة العدل والمساواة اتفاقا لوقف إطلاق النار في جوبا يوم الأحد."
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Strategic developments", "Agreement")]


@pytest.mark.parametrize(
    "text",
    [
        "تقع المدينة التي سيطرت قوات الدعم السريع عليها العام الماضي على ضفاف النيل.",
        "سيطرت فرق الدفاع المدني على الحريق الذي اندلع في مصنع بمدينة جدة.",
    ],
)
def test_strategic_a_description_or_a_fire_brought_under_control_is_no_territory(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "أصدرت النيابة العامة مذكرات توقيف بحق 140 ضابطا في الجيش للاشتباه بانتمائهم إلى تنظيم محظور.",
        "أصدر القضاء أوامر اعتقال بحق 35 عسكريا بتهمة الانتماء إلى خلية إرهابية في العاصمة أنقرة.",
        "نقلت السلطات عشرات المهاجرين إلى مراكز احتجاز في جنوب البلاد.",
    ],
)
def test_strategic_a_warrant_or_a_detention_place_is_no_arrest(text):
    assert news(text) == []
    assert [c for c in claims_of(text) if c.kind == "captured"] == []


@pytest.mark.parametrize(
    "text",
    [
        "ألقت قوات الأمن القبض على خمسة من عناصر تنظيم داعش اعترفوا باشتراكهم في تفجير سيارة مفخخة.",
        "اعتقلت الشرطة ثلاثة أشخاص من تنظيم متطرف يشتبه بتورطهم في التخطيط لهجوم انتحاري.",
        "أوقفت قوة من الجيش أربعة مسلحين متورطين في عمليات خطف وقتل في ريف المدينة.",
    ],
)
def test_strategic_violence_named_as_what_those_arrested_are_held_for_is_the_charge(text):
    assert event_kinds(text) == [("Strategic developments", "Arrests")]


def test_strategic_a_charged_bombing_with_its_own_day_stays_an_incident():
    text = (
        "اعتقلت قوات الأمن خمسة من عناصر تنظيم داعش يشتبه بتورطهم في انفجار عبوة ناسفة، "
        "الجمعة، في سوق المدينة."
    )
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") in event_kinds(text)
