"""Demonstrations: ACLED's five kinds, the crowd as Protesters/Rioters, words that report none."""

import pytest

import marsad
from support import event_kinds
from support import news_events as news


@pytest.mark.parametrize(
    "text, event_type, sub_type",
    [
        (
            "تظاهر مئات الطلاب أمام مبنى البرلمان في العاصمة عمان اليوم للمطالبة بخفض الرسوم الجامعية.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "فرقت الشرطة بالغاز المسيل للدموع مئات المحتجين في مدينة الحسيمة اليوم.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "أطلقت قوات الأمن الرصاص الحي على المتظاهرين في مدينة الناصرية اليوم ما أدى إلى مقتل متظاهر.",
            "Protests",
            "Excessive force against protesters",
        ),
        (
            "رشق المحتجون قوات الشرطة بالحجارة وأحرقوا إطارات السيارات في مدينة تطوان اليوم.",
            "Riots",
            "Violent demonstration",
        ),
        ("اندلعت مواجهات بين المتظاهرين وقوات الأمن في مدينة الكوت اليوم.", "Riots", "Violent demonstration"),
        (
            "وأشعل متظاهرون إطارات السيارات قرب السياج في مدينة رفح اليوم كما ألقوا حجارة تجاه الجنود.",
            "Riots",
            "Violent demonstration",
        ),
        ("قتل ثلاثة أشخاص في شجار بين عائلتين في بلدة الرمثا اليوم.", "Riots", "Mob violence"),
        ("وقمعت قوات الاحتلال مسيرة قرية بلعين اليوم.", "Protests", "Protest with intervention"),
    ],
)
def test_demonstrations_kind_by_acled_hierarchy(text, event_type, sub_type):
    assert event_kinds(text) == [(event_type, sub_type)]


def test_demonstrations_one_event_of_the_highest_kind_with_its_casualties():
    text = (
        "خرج الآلاف في مدينة البصرة اليوم في مظاهرات احتجاجا على انقطاع الكهرباء، وأطلقت قوات الأمن "
        "الغاز المسيل للدموع والرصاص الحي لتفريقهم.\n"
        "وأسفر ذلك عن مقتل متظاهر وإصابة 12 آخرين بحسب مصادر طبية.\n"
        "وأضرم المحتجون النار في مبنى مجلس المحافظة."
    )
    [event] = news(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actors[0].name == "Rioters (Iraq)" and event.actors[0].inter == 5
    figures = {(c.kind, c.low, c.victim.name, c.source.name if c.source else None) for c in event.claims}
    assert ("killed", 1, "Rioters (Iraq)", "Medical Sources (Iraq)") in figures
    assert ("injured", 12, "Rioters (Iraq)", "Medical Sources (Iraq)") in figures
    assert event.fatalities.acled == 1


@pytest.mark.parametrize(
    "text, sub_type",
    [
        ("قتل متظاهران في مدينة الخرطوم اليوم.", "Excessive force against protesters"),
        ("قتل محتجان برصاص قوات الأمن في مدينة الخرطوم بحري اليوم.", "Excessive force against protesters"),
    ],
)
def test_demonstrations_two_demonstrators_are_a_demonstration(text, sub_type):
    assert event_kinds(text) == [("Protests", sub_type)]


def test_demonstrations_peaceful_crowd_is_protesters():
    [event] = news("شارك آلاف المتظاهرين في مسيرة سلمية وسط مدينة فاس المغربية اليوم.")
    assert [(a.name, a.inter) for a in event.actors if a.inter == 6] == [("Protesters (Morocco)", 6)]


def test_demonstrations_killing_protested_against_is_its_cause():
    [event] = news("تظاهر المئات في مدينة جنين اليوم تنديدا بمقتل شاب برصاص الجيش الإسرائيلي الأسبوع الماضي.")
    assert (event.event_type, event.sub_event_type) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "وقالت المنظمة إن الاعتقالات تكشف تصاعد القمع ضد حرية التعبير عن الرأي والتجمع والتظاهر في البلاد.",
        "وأكد وزير الداخلية احترام الحكومة الحق في التظاهر السلمي في العاصمة بغداد.",
        "وشدد البيان على حق التظاهر في مدينة الناصرية.",
    ],
)
def test_demonstrations_a_right_to_demonstrate_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "أصدرت المحكمة العليا الخميس، قرارا أيدت فيه استخدام القوة ضد المتظاهرين على الحدود مع غزة.",
        "قضت محكمة مصرية بسجن 20 متظاهرا ثلاث سنوات في القاهرة.",
    ],
)
def test_demonstrations_a_courts_ruling_about_demonstrators_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وأمام المحكمة تظاهر العشرات في القاهرة اليوم.",
        "وقالت المحكمة إن المتظاهرين اقتحموا مبنى البرلمان في بغداد أمس.",
    ],
)
def test_demonstrations_before_a_court_or_told_by_it_are_one(text):
    assert [e.event_type for e in news(text)] in (["Protests"], ["Riots"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وجدد المجلس في بيان إدانته للتطرف بكل صوره ومظاهره في مدينة الرباط اليوم.", []),
        ("وقال الوزير في عمان اليوم إن الفساد بشتى مظاهره خطر على الدولة.", []),
        ("وخرجت المظاهره في شوارع مدينة صفاقس اليوم.", ["Protests"]),
        ("وخرجت مظاهرة في شوارع مدينة صفاقس اليوم.", ["Protests"]),
    ],
)
def test_demonstrations_a_noun_with_its_is_no_demonstration(text, expected):
    """ "ومظاهره" (its manifestations) folds like "ومظاهرة"; the article makes it a misspelt one."""
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "وفي البلد المضطرب اعتصم الوزير الراحل بعقلانية هادئة في بيروت.",
        "وتظاهر المتهم بالمرض أمام القاضي في محكمة القاهرة.",
        "واعتصم الرئيس بالصمت في قصر بعبدا.",
        "وقال الضابط إن السائق تظاهر بأنه يترجل من سيارته عند الحاجز في مدينة ليون.",
        "وقالت الفتاة إنها تظاهرت كما لو كانت تتحدث في الهاتف في محطة القطار ببرلين.",
        "وسقط المهاجم في منطقة الجزاء بملعب ميلانو متظاهرا بالإصابة.",
    ],
)
def test_demonstrations_holding_to_or_feigning_something_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "واتسمت التظاهرات بالصبر والهدوء في ساحة التحرير ببغداد اليوم.",
        "واعتصم العشرات أمام مبنى البرلمان في بيروت اليوم.",
    ],
)
def test_demonstrations_a_crowd_and_its_manner_stay_a_demonstration(text):
    assert event_kinds(text) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text, force",
    [
        (
            "وأطلقت قوات الأمن الغاز المسيل للدموع لتفريق مئات المتظاهرين في مدينة الناصرية اليوم.",
            "Police Forces of Iraq",
        ),
        ("وفرق الجيش مئات المتظاهرين بالغاز المسيل للدموع في الناصرية اليوم.", "Military Forces of Iraq"),
    ],
)
def test_demonstrations_security_forces_facing_a_crowd_are_its_police(text, force):
    [event] = news(text)
    assert [a.name.split(" (")[0] for a in event.actors if a.inter == 1] == [force]


def test_demonstrations_security_forces_wounded_by_rioters_are_police():
    [event] = news("وأصيب خمسة من عناصر الأمن في مواجهات مع المحتجين في مدينة الكوت اليوم.")
    assert [(c.kind, c.low, c.victim.name.split(" (")[0]) for c in event.claims] == [
        ("injured", 5, "Police Forces of Iraq")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أطلق ناشطون دعوات للتظاهر غدا في ساحة التحرير ببغداد.",
        "نظمت الشركة مظاهرة لعرض سيارتها الكهربائية الجديدة أمام الصحفيين في الرياض.",
        "قررت النقابة تنفيذ اعتصام مفتوح أمام وزارة التربية في الرباط.",
        "ودعت القوى الوطنية والإسلامية إلى تنظيم تظاهرات واحتجاجات في مدينة رام الله.",
        "أجلت النقابة الوقفة الاحتجاجية التي كانت مقررة اليوم أمام البرلمان في الرباط.",
        "افتتحت في مدينة قسنطينة تظاهرة ثقافية تستمر أسبوعا بمشاركة فرق من عدة دول.",
        "أعلن الحزب تأييده للاحتجاجات التي تشهدها مدينة قابس.",
        "خرج آلاف المشجعين إلى شوارع الجزائر العاصمة احتفالا بفوز المنتخب بالكأس وتجمهروا في الساحات.",
        "دعت أحزاب المعارضة إلى التظاهر غدا في ساحة التحرير احتجاجا على غلاء الأسعار.",
        "أعلنت نقابة المعلمين تنفيذ اعتصام مفتوح الأسبوع المقبل أمام وزارة التربية في بغداد.",
    ],
)
def test_demonstrations_calls_festivals_support_and_celebrations_are_no_event(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وقالت السلطات إنها لن تسمح بمسيرة سلمية مزمعة في إسطنبول يوم الأحد بسبب مخاوف أمنية.",
        "ويستعد الأطباء للاعتصام المرتقب أمام وزارة الصحة في الخرطوم.",
        "وتستعد أحزاب المعارضة لتظاهرة مقبلة في ساحة الشهداء ببيروت.",
        "تستعد مدينة البصرة، اليوم، لاستئناف المظاهرات المطالبة بتحسين الخدمات.",
        "تتأهب مدينة الناصرية لمظاهرات حاشدة اليوم وسط انتشار أمني كثيف.",
        "انتشرت قوات الأمن في ساحة التحرير ببغداد اليوم استعدادا لمظاهرات المعلمين.",
    ],
)
def test_demonstrations_a_demonstration_still_to_come_is_no_event(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "ودعا متظاهرون تجمعوا أمام مقر الحكومة في مدينة صفاقس اليوم إلى الإفراج عن المعتقلين.",
        "نظم أنصار الحزب الحاكم احتفالات في وسط مدينة تونس اليوم، في حين تظاهر المعارضون أمام مقر البرلمان.",
        "تظاهر المئات في مدينة الخرطوم اليوم احتجاجا على منع الاحتفالات في الميدان العام.",
    ],
)
def test_demonstrations_callers_and_other_crowds_celebrating_leave_the_demonstration(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        'ردد المتظاهرون في مدينة إربد اليوم هتافات "لا للقتل ولا للتفجير" أمام مبنى المحافظة.',
        "نظم المئات وقفة احتجاجية في مدينة رام الله اليوم ينددون فيها بالغارات على قطاع غزة.",
    ],
)
def test_demonstrations_slogans_and_grievances_are_no_violent_event(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


def test_demonstrations_clashes_with_police_make_a_riot():
    assert event_kinds("اندلعت مصادمات بين المتظاهرين والشرطة في مدينة سوسة اليوم.") == [
        ("Riots", "Violent demonstration")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "انتشرت قوات مكافحة الشغب في شوارع العاصمة عمان اليوم تحسبا لمظاهرات.",
        "ستخرج مظاهرات أخرى يوم السبت في مدن عدة احتجاجا على الزيارة.",
    ],
)
def test_demonstrations_precautions_and_future_marches_are_no_event(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "تجمع مئات من أنصار الحزب أمام مقر الحكومة في مدينة سوسة اليوم.",
        "خرج الآلاف إلى الشوارع في مدينة البصرة اليوم مطالبين بتوفير الكهرباء.",
        "شارك المئات في مسيرة بوسط مدينة صفاقس اليوم.",
        "خرجت مسيرات حاشدة في مدينة نابلس اليوم.",
        "خرج مئات السودانيين في مواكب في مدينة الخرطوم اليوم للمطالبة بالحكم المدني.",
        "انطلقت مسيرة في مدينة الخليل اليوم تنديدا بالاستيطان.",
        "وانطلقت مسيرة أسبوعية في قرية كفر قدوم اليوم.",
    ],
)
def test_demonstrations_gatherings_without_the_word_protest(text):
    assert event_kinds(text) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "خرجت قوات الأمن إلى الشوارع في مدينة البصرة اليوم.",
        "احتشد آلاف المشجعين في ساحة الملعب بمدينة الدوحة اليوم.",
        "خرج آلاف المدنيين من مدينة الفلوجة اليوم.",
        "واصلت الشركة مسيرتها في الأسواق بمشاركة آلاف العملاء في مدينة دبي.",
        "أعلن التجمع الوطني الديمقراطي في مدينة الجزائر اليوم أن آلاف المنتسبين انضموا إليه.",
        "واستعرض الرئيس مسيرة الإصلاح السلمية التي تعيشها البلاد منذ سنوات.",
    ],
)
def test_demonstrations_forces_fans_flight_careers_and_parties_are_no_gathering(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر آلاف الفلسطينيين اليوم قرب السياج الحدودي شرق مدينة غزة وألقوا متفجرات على الجنود.",
        "تظاهر آلاف الفلسطينيين اليوم قرب السياج الحدودي شرق مدينة غزة. وقال الجيش إن المحتجين ألقوا "
        "متفجرات وقنابل حارقة على الجنود.",
        "تظاهر المئات اليوم في وسط مدينة الموصل. وقال شهود إن الشبان ألقوا متفجرات على مقر الحكومة "
        "المحلية، واندلعت مواجهات مع الشرطة.",
    ],
)
def test_demonstrations_explosives_a_crowd_throws_make_the_demonstration_violent(text):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Riots", "Violent demonstration")]


def test_demonstrations_shooting_and_clashes_told_apart_are_the_same_demonstration():
    text = (
        "تظاهر الآلاف في مدينة البصرة اليوم احتجاجا على انقطاع الكهرباء.\n"
        "ولقي شاب مصرعه برصاص قوات الأمن في المدينة.\n"
        "واندلعت مواجهات عنيفة قرب مبنى المحافظة."
    )
    [event] = news(text)
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert [(c.kind, c.low) for c in event.claims] == [("killed", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر الآلاف في مدينة ليون اليوم احتجاجا على قانون العمل.\n"
        "واندلعت اشتباكات عنيفة في المدينة اعتقلت على إثرها الشرطة 40 شخصا.",
        "خرج آلاف المحتجين في مدينة برشلونة اليوم رفضا لاعتقال زعيمهم.\n"
        "وأصيب 20 شخصا في مواجهات مع الشرطة التي ألقت القبض على ستة آخرين.",
    ],
)
def test_demonstrations_clashes_and_arrests_told_apart_are_one_riot(text):
    """The arrests the police make in the clashes are the force intervening, no battle apart."""
    assert event_kinds(text) == [("Riots", "Violent demonstration")]


def test_demonstrations_an_armed_group_fighting_beside_them_is_its_own_event():
    text = (
        "تظاهر المئات في مدينة درعا اليوم للمطالبة بالإفراج عن المعتقلين.\n"
        "وقتل خمسة جنود في هجوم شنه مسلحو تنظيم الدولة على حاجز قرب المدينة."
    )
    assert sorted(e.event_type for e in news(text)) == ["Battles", "Protests"]


@pytest.mark.parametrize(
    "text, size",
    [
        ("تظاهر الآلاف في مدينة البصرة اليوم احتجاجا على انقطاع الكهرباء.", "thousands"),
        ("تجمع عشرات الآلاف في ساحة التحرير ببغداد اليوم.", "tens of thousands"),
        ("تظاهر نحو 300 شخص أمام مبنى البرلمان في مدينة الرباط اليوم.", "around 300"),
        ("خرجت مظاهرة حاشدة في مدينة صنعاء اليوم.", "large"),
        ("شارك المئات في مسيرة بوسط مدينة صفاقس اليوم.", "hundreds"),
        ("قتل ثلاثة متظاهرين في مدينة الناصرية اليوم.", None),
        ("اعتقلت الشرطة عشرات المتظاهرين في مدينة الحسيمة اليوم.", None),
    ],
)
def test_demonstrations_crowd_size_as_acled_tags_it(text, size):
    [event] = news(text)
    assert event.crowd_size == size


def test_demonstrations_crowd_protesting_an_arrest_is_no_count_of_the_arrested():
    text = "آلاف المحتجين في مدينة برشلونة ينددون باعتقال الرئيس السابق للإقليم اليوم."
    assert [c for e in news(text) for c in e.claims if c.kind == "captured"] == []


def test_demonstrations_violence_forestalled_by_a_precaution_did_not_happen():
    text = "تظاهر المئات في مدينة سوسة اليوم، وانتشرت قوات الأمن بكثافة تحسبا لأي أعمال عنف."
    assert event_kinds(text) == [("Protests", "Peaceful protest")]


def test_demonstrations_two_told_in_one_sentence_keep_their_own_kind_and_day():
    text = "فرقت الشرطة متظاهرين أمس في مدينة سوسة بعد وقوع صدامات، ونظمت تجمعات أخرى اليوم في مدينة صفاقس."
    found = {(e.location.name, e.event_type, str(e.date_start)) for e in news(text)}
    assert found == {("Sousse", "Riots", "2024-07-27"), ("Sfax", "Protests", "2024-07-28")}


@pytest.mark.parametrize(
    "text",
    [
        "ورددت هتافات ضد الحكومة خلال احتجاجات 2009 في مدينة طهران أمس.",
        "وتحدث المتظاهرين الثلاثة أمام مبنى المحافظة في مدينة البصرة اليوم عن مطالبهم.",
    ],
)
def test_demonstrations_years_and_a_few_people_are_no_crowd_size(text):
    assert all(e.crowd_size is None for e in marsad.extract(text, published="2024-07-28").events)


def test_demonstrations_a_count_of_demonstrations_is_no_crowd_size():
    [event] = news("شهدت مدينة مشهد اليوم أكثر من 70 مظاهرة للمتقاعدين.")
    assert event.crowd_size is None


def test_demonstrations_a_demand_to_demonstrate_is_none():
    text = "وطالبت الحركة بتنظيم مظاهرات في مدينة القاهرة للمطالبة بالإفراج عن المعتقلين."
    assert [e for e in news(text) if e.event_type in ("Protests", "Riots")] == []


def test_demonstrations_shootings_behind_a_protest_are_its_cause():
    text = "تظاهر الآلاف في مدينة نيويورك اليوم على خلفية حوادث إطلاق النار الأخيرة في المدارس."
    assert event_kinds(text) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "استدعت وزارة الخارجية الأردنية سفيرها في طهران احتجاجا على اقتحام السفارة.",
        "احتجت وزارة الخارجية المصرية على تصريحات السفير التركي.",
        "استقال وزير الصحة العراقي احتجاجا على التدخل في عمل الوزارة.",
    ],
)
def test_demonstrations_a_state_or_an_office_protesting_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر المئات أمام السفارة الأمريكية في بغداد احتجاجا على قرار نقل السفارة.",
        "قطع مئات المواطنين الطريق في مدينة الكوت احتجاجا على انقطاع المياه.",
    ],
)
def test_demonstrations_a_crowd_protesting_beside_an_embassy_is_one(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        (
            "تجمع آلاف الكتالونيين وسط مدينة برشلونة احتجاجا على اعتقال الرئيس السابق للإقليم.",
            "Peaceful protest",
        ),
        ("تظاهر المئات في مدينة الكوت اليوم تنديدا باقتحام قوات الأمن لمقر النقابة.", "Peaceful protest"),
        ("ندد المتظاهرون في مدينة الحسيمة اليوم باعتقال عشرة من نشطاء الحراك.", "Peaceful protest"),
        (
            "خرج الآلاف في مدينة البصرة اليوم احتجاجا على الغلاء، ففرقتهم الشرطة بالغاز المسيل للدموع.",
            "Protest with intervention",
        ),
    ],
)
def test_demonstrations_an_act_protested_against_is_its_cause_not_its_kind(text, sub_type):
    assert [e.sub_event_type for e in news(text)] == [sub_type]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        (
            "تجمع آلاف المتظاهرين في مدينة إسطنبول اليوم للتعبير عن رفضهم للعمليات العسكرية ضد عناصر حزب "
            "العمال الكردستاني.",
            "Peaceful protest",
        ),
        (
            "خرجت مظاهرات في مدينة إسطنبول اليوم تطالب بوقف القتال ضد حزب العمال الكردستاني.",
            "Peaceful protest",
        ),
        (
            "فرقت الشرطة مساء الجمعة في مدينة إسطنبول مئات المتظاهرين الذين كانوا يدينون تنظيم داعش بعد "
            "الهجوم الانتحاري الذي وقع مطلع الأسبوع.",
            "Protest with intervention",
        ),
    ],
)
def test_demonstrations_violence_condemned_rejected_or_to_be_stopped_is_their_cause(text, sub_type):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Protests", sub_type)]


@pytest.mark.parametrize(
    "text",
    [
        "انسحب المنتخب الضيف من المباراة في ملعب العاصمة أمس احتجاجا على قرارات الحكم.",
        "وقدم وزير الخارجية استقالته من منصبه في لندن الاثنين، احتجاجا على خطة الحكومة.",
        "وألغت بيونغيانغ اجتماعا مع سيول اليوم احتجاجا على المناورات العسكرية المشتركة.",
        "واحتج الرئيس في واشنطن أمس على نشر المقال في الصحيفة.",
    ],
)
def test_demonstrations_in_protest_with_no_crowd_is_a_motive(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "قطع أهالي القرية الطريق الرئيسي في محافظة الكرك أمس احتجاجا على انقطاع المياه.",
        "وخرج آلاف العراقيين اليوم في مدينة البصرة احتجاجا على تردي الخدمات.",
        "وأغلقوا الطريق الدولي قرب مدينة قابس أمس احتجاجا على البطالة.",
        "انطلقت مظاهرات شعبية الجمعة في مدينة المحمرة جنوب غربي إيران في الأحواز، احتجاجا على شح المياه.",
    ],
)
def test_demonstrations_in_protest_beside_a_crowd_is_one(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        "وعزز الجيش قواته حول مدينة نابلس اليوم لمواجهة أي تظاهرات محتملة.",
        "ومن المنتظر تنظيم مظاهرات في العاصمة لندن الجمعة تنديدا بالزيارة.",
        "ومن المتوقع أن تتصاعد الاحتجاجات في مدينة الخليل اليوم مع افتتاح المعبر.",
        "ويتوقع أن تخرج مظاهرات شعبية في ساحة التحرير ببغداد بعد صلاة الجمعة.",
        "وتجري الاستعدادات لتظاهرة حاشدة في ساحة الشهداء ببيروت اليوم.",
        "ولوحت النقابة بإضراب عام في مدينة صفاقس اليوم.",
    ],
)
def test_demonstrations_possible_or_awaited_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وقدمت الحكومة استقالتها اليوم على خلفية الاحتجاجات الشعبية على رفع الأسعار.",
        "وأقر البرلمان قانون الانتخابات اليوم بعد أسابيع من التظاهرات الشعبية.",
        "وتوصل الطرفان اليوم إلى تسوية بعد كثير من الاحتجاجات.",
        "وتعهد الوزير اليوم بإصلاح القطاع إثر احتجاجات عمت البلاد.",
        "وتضررت صادرات النفط اليوم بسبب الإضراب الذي ينفذه عمال الموانئ.",
        "وعززت الشرطة انتشارها اليوم قبل الجولة الثانية من الاحتجاجات.",
    ],
)
def test_demonstrations_a_backdrop_of_what_the_sentence_tells_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وبحث مجلس الوزراء اليوم تداعيات الاحتجاجات على الاقتصاد.",
        "وارتفعت أسعار الخبز الشهر الماضي مما أثار احتجاجات.",
        "وأقال رئيس الوزراء وزير المالية اليوم في مسعى لاحتواء الاحتجاجات.",
        "وقضت المحكمة اليوم بسجن الناشط عشر سنوات لدوره في قيادة الاحتجاجات.",
        "ونشر الوزير اليوم تغريدة بشأن المظاهرات.",
    ],
)
def test_demonstrations_the_topic_of_a_word_is_none(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وأثار القرار احتجاجات في مدينة البصرة يوم الجمعة.",
        "وأثار رفع الأسعار تظاهر الآلاف أمام مبنى البرلمان في عمان اليوم.",
    ],
)
def test_demonstrations_the_topic_of_a_word_with_a_place_day_or_crowd_of_its_own_is_one(text):
    assert "Protests" in [e.event_type for e in news(text)]


@pytest.mark.parametrize(
    "text",
    [
        "واعتقلت الشرطة عشرين شخصا بعد احتجاجات في مدينة الحسيمة اليوم.",
        "وفرقت قوات الأمن المحتجين بالغاز المسيل للدموع عقب مظاهرة الجمعة في مدينة صفاقس.",
        "وأغلقت المتاجر أبوابها في مدينة البصرة إثر تظاهر الآلاف أمام مبنى المحافظة اليوم.",
        "وتأخرت القطارات في مدينة ليون اليوم بسبب المتظاهرين الذين يقطعون السكك.",
    ],
)
def test_demonstrations_after_a_backdrop_word_with_a_place_day_or_crowd_of_its_own_is_one(text):
    assert "Protests" in [e.event_type for e in news(text)]


@pytest.mark.parametrize(
    "text",
    [
        "وتظاهرت مئات النساء أمام مركز الشرطة في مدينة كوناكري اليوم.",
        "تظاهرت حشود في العاصمة الألمانية برلين اليوم ضد الحرب.",
    ],
)
def test_demonstrations_a_feminine_verb_of_demonstrating_is_one(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        "دعت لجان التنسيق في محافظة ميسان جنوبي العراق إلى تظاهرة كبيرة أمام مبنى المحافظة يوم الجمعة.",
        "وحثت الهيئة العليا أنصارها في مدينة خان يونس على عدم المشاركة في الاحتجاجات.",
        "قررت نقابة الأطباء في مدينة الزرقاء الأردنية تنظيم اعتصام أمام وزارة الصحة.",
        "ودعت النقابات المهنية في العاصمة عمان إلى تنفيذ إضراب واعتصام جديد يوم الأحد.",
        "ويستعد ناشطون آخرون في مدينة البصرة لتنظيم مظاهرات يوم الجمعة المقبل.",
    ],
)
def test_demonstrations_called_for_or_planned_far_from_the_call_is_no_event(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "دعا رئيس الحكومة إلى الهدوء وتظاهر الآلاف في مدينة البصرة اليوم.",
        "ودعا المتظاهرون في مدينة الناصرية اليوم إلى إقالة المحافظ.",
        "نظم عمال المصانع في مدينة صفاقس اليوم إضرابا عن العمل.",
    ],
)
def test_demonstrations_a_call_beside_a_demonstration_held_leaves_it(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        "وطالب خطيب الجمعة في مدينة النجف الحكومة بالاستجابة لمطالب المحتجين بتوفير فرص العمل.",
        "وهدد وجهاء العشائر في محافظة المثنى بإغلاق مبنى المحافظة إن لم تلب مطالب المتظاهرين.",
    ],
)
def test_demonstrations_the_demands_of_protesters_are_no_event(text):
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []


@pytest.mark.parametrize(
    "text",
    [
        "وتجمع عدد من أنصار الحزب بعد الظهر في وسط مدينة طرابلس مرددين هتافات مناهضة للحكومة.",
        "وخرج المئات في مدينة الديوانية اليوم رافعين المطالب نفسها.",
        "وفي مدينة ليون تجمع نحو ستين شخصا اليوم رافعين لافتات تطالب بزيادة الأجور.",
    ],
)
def test_demonstrations_a_gathering_that_chants_is_a_demonstration(text):
    assert event_kinds(text) == [("Protests", "Peaceful protest")]


def test_demonstrations_a_crowd_cheering_after_a_clause_mark_is_no_demonstration():
    text = "واحتشد الفرنسيون بكل ألوانهم مساء اليوم في مدينة ليون، رافعين أصواتهم إعجابا بلاعبي المنتخب."
    assert [e.event_type for e in news(text) if e.event_type in ("Protests", "Riots")] == []
