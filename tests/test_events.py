"""Events: ACLED types from triggers, grouping into episodes, dates, places and background."""

import pytest

import marsad

PUBLISHED = "2024-07-28"  # a Sunday


def events_of(text, published=PUBLISHED):
    return marsad.extract(text, published=published).events


def news(text):
    return [e for e in events_of(text) if not e.background]


@pytest.mark.parametrize(
    "text, event_type, sub_type",
    [
        ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في بلدة كيدال.", "Battles", "Armed clash"),
        ("قتل خمسة مدنيين في غارة جوية على بلدة دوما.", "Explosions/Remote violence", "Air/drone strike"),
        (
            "قتل ثلاثة جنود في انفجار عبوة ناسفة قرب غاو.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "فجر انتحاري نفسه في سوق مدينة مايدوجوري ما أدى إلى مقتل 12 شخصا.",
            "Explosions/Remote violence",
            "Suicide bomb",
        ),
        (
            "قصفت المدفعية أحياء في مدينة حلب ما أدى إلى مقتل أربعة مدنيين.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        ("أعلن الجيش استعادة السيطرة على بلدة تساليت بعد معارك.", "Battles", "Government regains territory"),
        ("خرجت مظاهرات في العاصمة بغداد احتجاجا على انقطاع الكهرباء.", "Protests", "Peaceful protest"),
        ("تحطمت مروحية عسكرية في كيدال أثناء مهمة روتينية.", "Strategic developments", "Other"),
    ],
)
def test_events_trigger_gives_acled_type(text, event_type, sub_type):
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [(event_type, sub_type)]


def test_events_attack_on_civilians_only_is_violence_against_civilians():
    found = news("قتل سبعة مدنيين في هجوم شنه مسلحون على قرية في وسط مالي.")
    assert (found[0].event_type, found[0].sub_event_type) == ("Violence against civilians", "Attack")


def test_events_multi_day_fight_at_one_place_is_one_event_with_a_range():
    text = (
        "اندلعت اشتباكات عنيفة الخميس بين الجيش والمتمردين في بلدة كيدال. "
        "وتواصلت المعارك يوم السبت في كيدال، وقتل خمسة جنود."
    )
    found = news(text)
    assert len(found) == 1
    assert (str(found[0].date_start), str(found[0].date_end)) == ("2024-07-25", "2024-07-27")


def test_events_different_places_are_different_events():
    text = (
        "قتل ثلاثة جنود في كمين قرب غاو يوم الجمعة. "
        "وفي حادث منفصل، قتل خمسة مدنيين في انفجار عبوة ناسفة في ميناكا."
    )
    assert len(news(text)) == 2


def test_events_history_is_background_never_news():
    found = events_of("واستولى الجيش على السلطة في عام 2020 بعد معارك في كيدال.")
    assert found and all(e.background for e in found)


def test_events_statement_date_is_not_the_event_date():
    found = news("وقال الجيش في بيان يوم الأحد إن ثلاثة جنود قتلوا في اشتباكات الخميس في كيدال.")
    assert str(found[0].date_start) == "2024-07-25"


@pytest.mark.parametrize(
    "text, day",
    [
        # A day opening the sentence before its reporting verb dates the report when a day follows.
        ("والسبت، أعلنت وكالة الأنباء مقتل القيادي في غارة جوية على مدينة الحديدة الخميس.", "2024-07-25"),
        ("ويوم الجمعة، قال الجيش إن مسلحين قتلوا جنديين في كمين قرب غاو الأربعاء.", "2024-07-24"),
        # Alone, it is the best day the event has.
        ("والسبت، أعلن الجيش أن غارة جوية قتلت خمسة مسلحين قرب مدينة غاو.", "2024-07-27"),
        # A statement word with the killing between it and the day: the day is the killing's.
        ("وجاء في بيان مقتل القيادي الخميس في غارة على مدينة الحديدة.", "2024-07-25"),
    ],
)
def test_events_a_fronted_day_before_a_report_dates_the_report(text, day):
    assert [e.date_start.isoformat() for e in news(text)] == [day]


@pytest.mark.parametrize(
    "text, day",
    [
        (
            "وقتل ثلاثة جنود الخميس في هجوم على دورية في كيدال، بعد زيارة الرئيس للمدينة الثلاثاء.",
            "2024-07-25",
        ),
        (
            "وقتل خمسة مدنيين في قصف على مدينة الفاشر الخميس، بعد اجتماع عقده مجلس الأمن الثلاثاء.",
            "2024-07-25",
        ),
        (
            "وأصيب عشرة متظاهرين الجمعة في مواجهات مع الشرطة في البصرة، إثر محادثات بين الحكومة "
            "والمعارضة الأربعاء.",
            "2024-07-26",
        ),
        ("وقتل جنديان في كمين قرب غاو الجمعة، قبل لقاء قائد الجيش بالوزراء الأربعاء.", "2024-07-26"),
    ],
)
def test_events_a_day_told_of_a_visit_or_a_meeting_is_not_the_event_date(text, day):
    [event] = news(text)
    assert event.date_start.isoformat() == day


def test_events_a_visit_day_alone_leaves_the_event_undated_at_publication():
    [event] = news(
        "وقالت الجماعة إن الهجوم الذي قتل فيه أربعة مدنيين في غاو جاء قبيل زيارة الرئيس لموريتانيا، الاثنين."
    )
    assert event.date_start.isoformat() == PUBLISHED and event.time_precision == 2


@pytest.mark.parametrize(
    "text, day",
    [
        ("قتل 16 شخصا بانفجار عبوة ناسفة خلال اجتماع لشيوخ العشائر الاثنين في بلدة الشرقاط.", "2024-07-22"),
        ("وقتل جنديان في كمين قرب غاو، ودفنا في جنازة حضرها الآلاف الأربعاء.", "2024-07-24"),
        ("وأصيب ثلاثة حراس في إطلاق نار أثناء زيارة الوزير لمدينة كيدال الثلاثاء.", "2024-07-23"),
    ],
)
def test_events_an_event_during_a_meeting_or_a_visit_or_before_a_funeral_keeps_its_day(text, day):
    [event] = news(text)
    assert event.date_start.isoformat() == day


@pytest.mark.parametrize(
    "text, dates",
    [
        # A weekday told apart beside an event its sentence dates is another act's.
        (
            "قتل جنديان في هجوم على دورية قرب غاو الأحد. وكانت السلطات فرضت السبت حظرا للتجول في المدينة.",
            ("2024-07-28", "2024-07-28", 1),
        ),
        # A day since which something goes on, a day to come and the day of a recalled incident
        # date nothing: the event stays undated, at publication.
        (
            "قتل ثلاثة مدنيين في قصف على مدينة الفاشر. ومنذ مساء الأربعاء نزح آلاف السكان من المدينة.",
            (PUBLISHED, PUBLISHED, 2),
        ),
        (
            "قتل ثمانية مسلحين في مداهمة بمدينة العريش. وشددت قوات الأمن إجراءاتها قبل "
            "الاحتفالات المقررة غدا.",
            (PUBLISHED, PUBLISHED, 2),
        ),
        (
            "قتل خمسة أشخاص في هجوم انتحاري استهدف مركزا للشرطة في مدينة غاو. وجاء ذلك بعد ثلاثة أيام من "
            "عملية نفذتها الجماعة نفسها الخميس.",
            (PUBLISHED, PUBLISHED, 2),
        ),
        # A day told after an undated event dates it; a full calendar date dates even a dated one.
        (
            "قتل تسعة جنود في كمين قرب غاو. وقالت الوزارة إن ذلك حدث مساء الخميس.",
            ("2024-07-25", "2024-07-25", 1),
        ),
        (
            "قتل تسعة جنود في كمين بولاية عين الدفلى أمس. وقالت الوزارة إن الحادثة وقعت يوم 25 يوليو 2024.",
            ("2024-07-25", "2024-07-27", 1),
        ),
        # A day told before the sentence that dates the event still dates it: its days span both.
        (
            "دارت معارك عنيفة بين الجيش والمتمردين في كيدال. وقال المتحدث إن قواته صدت المهاجمين يوم "
            "السبت. واندلعت الاشتباكات في كيدال الخميس.",
            ("2024-07-25", "2024-07-27", 1),
        ),
    ],
)
def test_events_a_day_in_a_sentence_with_no_event_dates_the_event_before_it_only_when_fit(text, dates):
    [event] = news(text)
    assert (event.date_start.isoformat(), event.date_end.isoformat(), event.time_precision) == dates


def test_events_place_is_geocoded_with_precision():
    event = news("قتل خمسة جنود في هجوم على مدينة كيدال.")[0]
    assert event.location.country == "MLI" and event.location.geo_precision == 1
    assert abs(event.location.lat - 18.44) < 0.2


def test_events_sports_story_has_no_event():
    text = "فاز الفريق الوطني على منافسه بثلاثة أهداف مقابل هدف في المباراة التي جرت مساء الخميس في الرباط."
    assert events_of(text) == []


def test_events_another_attack_is_another_event():
    text = (
        "قتل أربعة مسلحين في هجوم على نقطة تفتيش في مدينة الحديدة مساء الجمعة. "
        "وتبنت المقاومة هجوما آخر في نفس المنطقة مساء الخميس أسفر عن مقتل اثنين."
    )
    found = news(text)
    assert len(found) == 2
    assert found[1].location is not None and found[1].location.name == found[0].location.name


def test_events_placeless_lede_takes_the_next_sentence_place():
    text = (
        "في تطور آخر، لقي سبعة جنود حتفهم الخميس في هجوم بشاحنة مفخخة. "
        "وفجر انتحاري شاحنة مفخخة عند حاجز أمني في مدينة غاو."
    )
    found = news(text)
    assert len(found) == 1 and found[0].location.name == "Gao"


@pytest.mark.parametrize("target", ["فندق", "سوق شعبي", "حفل زفاف"])
def test_events_bare_attack_on_a_civilian_place_is_violence_against_civilians(target):
    found = news(f"قتل خمسة أشخاص بينهم جنديان في هجوم شنه مسلحون على {target} في مدينة غاو.")
    assert (found[0].event_type, found[0].sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "هيرتا برلين يصمد أمام هجوم بايرن ويجبره على التعادل في المباراة.",
        "خاض المنتخب المواجهات الودية استعدادا للبطولة، وكانت المعركة على الكرة قوية.",
        "أطلقت الوكالة صاروخا يحمل قمرا صناعيا للبحث عن كواكب جديدة.",
        "أودى الإعصار بحياة عشرات الأشخاص وأدى إلى مقتل 255 شخصا على الأقل.",
        "توصي الدراسة بالفحص المبكر لتجنب الإصابة بالسرطان لدى الأطفال.",
        "يبلغ عدد المستفيدين 3.59 مليون أسرة في المرحلة الثامنة.",
        "يأتي الدواء الجديد في عبوة صغيرة يحملها الجنود معهم في مهماتهم.",
        "مدد مجلس الأمن مهمة قوة مراقبة فض الاشتباك في الجولان ستة أشهر، "
        "ودعا الجماعات المسلحة إلى مغادرة المنطقة.",
        "قضت المحكمة بسجن رجل أدين بالاغتصاب في مدينة مانشستر.",
        "لقي طفلان حتفهما وأصيب ثلاثة رجال أمن من الدفاع المدني إثر حريق في شقة سكنية بالمدينة المنورة.",
        # a condition or an ability: no incident
        "ولا تستطيع القوات اليابانية الدفاع عن البلاد إلا إذا تعرضت لهجوم مباشر في طوكيو.",
        "وقال الوزير إن الجيش قادر على شن غارات على مواقع المسلحين في مدينة غاو.",
        "ولو اندلعت اشتباكات في مدينة غاو لفر السكان إلى الريف.",
    ],
)
def test_events_not_conflict_news_has_no_event(text):
    assert news(text) == []


def test_events_planned_operation_is_not_news():
    found = events_of(
        "ومن المتوقع أن تنتشر قوة جديدة بحلول 30 يوليو الحالي لقتال المسلحين الذين قتلوا 15 ألف شخص.",
        published="2015-07-22",
    )
    assert all(e.background for e in found)


def test_events_clashes_named_as_context_do_not_make_a_massacre_a_battle():
    text = (
        "قتل 43 مدنيا على الأقل في هجوم لمتطرفين على قرى في شمال شرق مالي. "
        "وتكثر المواجهات في هذه المنطقة بين المتطرفين ومجموعتين مسلحتين."
    )
    found = news(text)
    assert (found[0].event_type, found[0].sub_event_type) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text, figures",
    [
        (
            "نفت بعثة الأمم المتحدة في مالي اتهامات بقتل 15 مدنيا في وسط البلاد. "
            "وكانت مصادر محلية قالت في وقت سابق إن الحادثة أسفرت عن مقتل ثمانية مدنيين.",
            {15, 8},
        ),
        (
            "أعلن الجيش المالي مقتل سبعة متمردين في بلدة ميناكا. "
            "وقال سكان إن الحادثة أودت بحياة أربعة رعاة، وأسفرت عن مقتل ثلاثة أشخاص آخرين.",
            {7, 3},
        ),
    ],
)
def test_events_a_figure_after_the_news_is_of_that_news(text, figures):
    found = news(text)
    assert len(found) == 1
    assert figures <= {c.low for c in found[0].claims}


@pytest.mark.parametrize(
    "text",
    [
        "نفت قوة حفظ السلام الأفريقية قتل 12 مدنيا في بلدة بلدوين، وقالت إنها قتلت ثلاثة مسلحين. "
        "وقال شيوخ عشائر إن الحادثة أسفرت عن مقتل 14 مدنيا بينهم أطفال.",
        "اتهم سكان قوات حكومية بقتل ستة مدنيين في قرية قرب مدينة موبتي. وقال الجيش إن القتلى مسلحون.",
    ],
)
def test_events_figures_calling_victims_civilians_without_a_tactic_are_violence_against_civilians(text):
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Violence against civilians", "Attack")]


def test_events_a_fight_with_both_sides_counted_stays_a_battle():
    found = news("أعلن الجيش مقتل خمسة جنود وعشرة مسلحين في بلدة ميناكا.")
    assert [e.event_type for e in found] == ["Battles"]


def test_events_a_ceiling_alone_is_a_figure_of_the_news():
    text = (
        "قتل 30 مدنيا في غارة جوية شنها الجيش على بلدة سراقب. "
        "وقالت منظمة إغاثة إن التقارير ترجح أعدادا أكبر قد تصل إلى 90 ضحية."
    )
    found = news(text)
    assert len(found) == 1
    assert any(c.low is None and c.high == 90 for c in found[0].claims)


# ---- second round: false alarms outside conflict news, history, war tolls

_MATCH_REPORT = (
    "حقق المنتخب فوزا ثمينا في مباراة الأمس ضمن الدوري. "
    "وقال المدرب إن اللاعب خاض معركة حقيقية مع المدافعين في الملعب. "
    "وشن المهاجم هجوما خطيرا في الشوط الثاني. "
)
_FILM_REVIEW = (
    "يعرض المهرجان فيلما جديدا للمخرج الشاب. "
    "وتدور أحداث الفيلم حول عائلة تعيش في قرية نائية، ويؤدي الممثل دور أب يقتل ابنه في انفجار. "
    "وفي المشهد الأخير تتعرض البطلة للاختطاف على أيدي مسلحين. "
)
_OPINION_COLUMN = (
    "إنني أتساءل كيف سيعود الناس إلى حياتهم بعد سنوات الحرب. "
    "وأعتقد أن هجمات انتحارية يشنها متطرفون على الأسواق لن تكسر إرادة المدن. "
    "ودعوني أقول إن المصالحة هي الطريق الوحيد. "
)


@pytest.mark.parametrize(
    "text",
    [
        _MATCH_REPORT,
        _FILM_REVIEW,
        _OPINION_COLUMN,
        _MATCH_REPORT + "وخطف اللاعب الأضواء بعد أن سجل هدفين.",
        "انطلق صاروخ يحمل قمرا صناعيا إلى الفضاء. وقال العلماء في وكالة ناسا إن التطبيق الجديد يرصد الكواكب.",
    ],
)
def test_events_other_registers_have_no_violent_news(text):
    violent = [e for e in news(text) if e.event_type != "Strategic developments"]
    assert violent == []


def test_events_a_match_report_stops_a_striker_and_arrests_no_one():
    found = news(_MATCH_REPORT + "والمدافعون أوقفوا أربعة مهاجمين من الفريق الضيف ظهر السبت في الملعب.")
    assert [e.event_type for e in found] == []


def test_events_incident_with_toll_and_day_is_news_even_in_a_match_report():
    found = news(_MATCH_REPORT + "وقتل ثلاثة مشجعين أمس في انفجار عبوة ناسفة قرب الملعب في بغداد.")
    assert [e.event_type for e in found] == ["Explosions/Remote violence"]


@pytest.mark.parametrize(
    "text",
    [
        "خطف الحارس الأضواء في المباراة النهائية.",
        "وتحدث الخبراء عن معركة الأسعار بين شركات الاتصالات.",
        "وحكمت المحكمة على المتهم بالإعدام بعد إدانته.",
        "ويواجه من يدان بالتجسس عقوبة الإعدام.",
        "وضربات الهاون الذي تطحن فيه حبوب القهوة تملأ البيت.",
    ],
)
def test_events_idioms_and_court_words_are_not_triggers(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "سقطت قذائف هاون على حي سكني في مدينة درعا.",
        "أعدم مسلحو التنظيم عشرة أشخاص في ساحة بلدة الميادين.",
    ],
)
def test_events_the_same_words_in_conflict_news_still_report(text):
    assert len(news(text)) == 1


@pytest.mark.parametrize(
    "history",
    [
        "وأدى النزاع منذ التدخل العسكري إلى مقتل نحو عشرة آلاف شخص.",
        "وقبل ثلاث سنوات، قتل 40 شخصا في تفجير كنيستين في بغداد.",
        "ويتزامن الهجوم مع الذكرى الخامسة لتفجير كنيسة في بغداد أسفر عن مقتل 40 شخصا.",
        "وكانت المدينة قد شهدت في عام 2017 تفجير كنيستين أسفر عن مقتل 40 شخصا.",
        "وأثار تفجير كنيستين أسفر عن مقتل 40 شخصا ردود أفعال واسعة في حينه.",
        "وكانت التفجيرات التي قتلت 40 شخصا كبيرة بحيث إن بغداد كانت تعتبر غير آمنة في ذلك الحين.",
    ],
)
def test_events_recalled_history_is_background(history):
    text = "قتل ثلاثة جنود في هجوم انتحاري استهدف ثكنة في مدينة الموصل أمس. " + history
    found = events_of(text)
    current = [e for e in found if not e.background]
    assert [[c.low for c in e.claims] for e in current] == [[3]]
    assert any(e.background and any(c.low and c.low >= 40 for c in e.claims) for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "وقتل نحو 200 شخص في أسابيع من المواجهات بين المحتجين وقوات الشرطة في العاصمة.",
        "وقتل 900 شخص خلال ستة أشهر من المعارك في المدينة.",
        "ولقي أكثر من 300 مدني حتفهم خلال عشرة أيام من القصف المدفعي على البلدات الشرقية.",
        "وارتفع عدد قتلى المتظاهرين إلى سبعة خلال نحو أسبوعين من الاحتجاجات في المحافظات الجنوبية.",
    ],
)
def test_events_a_toll_over_days_or_months_of_fighting_is_background(text):
    found = events_of(text)
    assert found and all(e.background for e in found)


def test_events_one_day_of_a_wave_of_protests_is_news():
    text = "وقتل متظاهران في اليوم الثالث من الاحتجاجات في بغداد أمس، وفي ثالث يوم من المظاهرات أصيب 12."
    found = news(text)
    assert found and all(not e.background for e in found)


def test_events_the_day_of_an_anniversary_is_news_and_what_it_remembers_history():
    found = events_of(
        "أصيب شخصان في إطلاق للنار خلال مظاهرة في مدينة الموصل أمس الأول في الذكرى الأولى لمقتل شاب "
        "برصاص الشرطة في المدينة."
    )
    current = [e for e in found if not e.background]
    assert [(e.date_start.isoformat(), [(c.kind, c.low) for c in e.claims]) for e in current] == [
        ("2024-07-26", [("injured", 2)])
    ]
    assert all(e.date_start.year == 2023 for e in found if e.background)


def test_events_the_headline_joins_the_first_incident_beside_another_elsewhere():
    found = news(
        "مقتل متظاهر أمام مقر حزب في الديوانية\n"
        "قال مصدر طبي إن متظاهرا قتل الجمعة برصاص حراس مقر الحزب في الديوانية في وقت فرقت قوات الأمن "
        "مظاهرات أخرى في العاصمة بغداد.\n"
        "ولقي الشاب مصرعه خلال مظاهرة أمام مقر الحزب في مدينة الديوانية، بحسب مصدر طبي."
    )
    assert sorted(e.location.name for e in found) == ["Ad Dīwānīyah", "Baghdad"]


def test_events_casualties_of_last_weeks_demonstrations_are_not_todays():
    found = news(
        "وتظاهر المئات الجمعة في مدينة الناصرية للمطالبة بإقالة المحافظ. وهتف المتظاهرون ضد الفساد، "
        "خصوصا بعد سقوط ثمانية قتلى خلال احتجاجات الأسبوع الماضي."
    )
    assert [(e.sub_event_type, e.claims) for e in found] == [("Peaceful protest", [])]


def test_events_history_told_of_a_noun_does_not_date_the_next_sentence():
    found = news(
        "وتظاهر المئات الجمعة في مدينة الناصرية وسط هتافات ضد الفساد الذي يحاربه العراقيون منذ سنوات. "
        "وحاصر المتظاهرون منزل المحافظ، وأطلقت قوات الأمن الغاز المسيل للدموع لتفريقهم."
    )
    assert [e.sub_event_type for e in found] == ["Protest with intervention"]


def test_events_killing_of_a_named_fighter_is_news_without_a_number():
    found = news(
        "وأشارت المصادر إلى أن المزارع محمد علي، عشرين عاما، قتل أمس، في حين قتل أحمد سالم من كتائب القسام."
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "هاجمت جماعة نصرة الإسلام والمسلمين المرتبطة بتنظيم القاعدة ثكنة للجيش المالي قرب غاو أمس، "
            "ما أسفر عن مقتل خمسة جنود.",
            "AQIM",
        ),
        (
            "قتل أربعة جنود نيجيريين في هجوم شنه مسلحون من بوكو حرام المقربين من تنظيم الدولة "
            "في ولاية بورنو أمس.",
            "Islamic State",
        ),
    ],
)
def test_events_actors_leave_out_the_group_a_party_is_linked_to(text, absent):
    events = marsad.extract(text, published="2024-07-28").events
    names = [actor.name for event in events for actor in event.actors]
    assert names and not any(name.startswith(absent) for name in names)


def test_events_actors_keep_a_group_named_as_a_party():
    text = (
        "شن تنظيم القاعدة في بلاد المغرب الإسلامي هجوما على ثكنة للجيش المالي قرب غاو أمس، "
        "ما أسفر عن مقتل خمسة جنود."
    )
    names = [
        actor.name for event in marsad.extract(text, published="2024-07-28").events for actor in event.actors
    ]
    assert any(name.startswith("AQIM") for name in names)


# ---- grouping in multi-incident reports (ACLED: one event per incident; a roundup is split)


def _figures(event):
    return sorted(c.low for c in event.claims if c.kind == "killed" and c.low is not None)


@pytest.mark.parametrize(
    "summary",
    [
        "لقي 25 شخصا على الأقل حتفهم أمس في سلسلة تفجيرات ضربت عدة مدن عراقية.",
        "أسفرت تفجيرات متفرقة في العراق أمس عن مقتل 25 شخصا على الأقل.",
    ],
)
def test_events_roundup_total_is_not_added_to_one_incident(summary):
    text = (
        summary + " وانفجرت سيارة مفخخة في سوق مدينة الحلة ما أدى إلى مقتل 12 شخصا. "
        "وفي حادث منفصل، قتل ثمانية أشخاص في انفجار عبوة ناسفة في مدينة كربلاء."
    )
    found = events_of(text)
    assert sorted(_figures(e) for e in found if not e.background) == [[8], [12]]
    assert any(e.background and _figures(e) == [25] for e in found)


def test_events_roundup_with_no_incident_told_apart_stays_news():
    found = news("قتل 15 شخصا في هجمات متفرقة في العراق أمس.")
    assert [_figures(e) for e in found] == [[15]]


@pytest.mark.parametrize(
    "second, expected",
    [
        # Another tactic, with its own toll, on other days: another event at the same town.
        ("وقال المرصد إن الغارات الجوية قتلت 15 شخصا في المدينة يوم الخميس.", 2),
        # The same tactic on another day is one fight with a date range.
        ("وقال المرصد إن الهجوم الكيميائي قتل 15 شخصا آخرين يوم الخميس.", 1),
    ],
)
def test_events_new_tactic_on_another_day_is_another_event(second, expected):
    found = news("قتل 20 شخصا في هجوم كيميائي على مدينة دوما. " + second)
    assert len(found) == expected
    assert {e.location.name for e in found} == {found[0].location.name}


def test_events_two_towns_of_one_province_are_two_events():
    text = (
        "قتل أربعة أشخاص في انفجار سيارة مفخخة في بلدة مندلي أمس. "
        "وقتل ثلاثة جنود في اشتباكات مع مسلحين في مدينة بعقوبة أمس."
    )
    assert len(news(text)) == 2


def test_events_recalled_incident_is_kept_apart_as_background():
    text = (
        "قتل خمسة أشخاص في انفجار عبوة ناسفة في مدينة بعقوبة أمس. "
        "ويأتي الانفجار بعد أسبوع من هجوم انتحاري على سوق شعبية أسفر عن مقتل 30 شخصا."
    )
    found = events_of(text)
    assert [_figures(e) for e in found if not e.background] == [[5]]
    assert any(e.background and _figures(e) == [30] for e in found)


def test_events_topic_shift_ends_what_a_placeless_figure_joins():
    text = (
        "قتل 12 شخصا في اشتباكات عنيفة بين مسلحين من قبيلتين أمس. "
        "من جهة أخرى، دعا المبعوث الأممي إلى الإفراج عن العمال المختطفين. "
        "وكان مسلحون قد خطفوا أربعة عمال في مدينة زوارة يوم الجمعة."
    )
    kidnapping = [e for e in news(text) if e.sub_event_type == "Abduction/forced disappearance"]
    assert kidnapping and all(12 not in _figures(e) for e in kidnapping)


def test_events_lede_before_another_attack_is_its_own_incident():
    text = (
        "وقال ضابط في الشرطة إن مسلحين قتلوا 15 شخصا عند حاجز وهمي مساء السبت. "
        "وفي هجوم آخر، قتل مسلحون ثلاثة أشخاص في مدينة كركوك مساء السبت."
    )
    assert sorted(_figures(e) for e in news(text)) == [[3], [15]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ألقت قوات الأمن العراقية القبض على 6 مسلحين في الموصل أمس.", ("Strategic developments", "Arrests")),
        ("وأسر مسلحو الجماعة ثلاثة جنود ماليين في كمين قرب غاو أمس.", ("Battles", "Armed clash")),
    ],
)
def test_events_with_only_captures_is_typed_by_who_holds_whom(text, expected):
    [event] = marsad.extract(text, published="2024-07-28").events
    assert (event.event_type, event.sub_event_type) == expected


def test_events_bombing_naming_no_perpetrator_gets_an_unidentified_armed_group():
    text = "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في سوق بلدة أنسونغو شرق مالي أمس."
    [event] = marsad.extract(text, published="2024-07-28").events
    assert event.actors[0].name == "Unidentified Armed Group (Mali)" and event.actors[0].inter == 3


def test_events_bombing_with_a_named_attacker_gets_no_unidentified_group():
    text = (
        "قتل ثلاثة مدنيين في انفجار عبوة ناسفة زرعها مسلحو جماعة نصرة الإسلام والمسلمين في بلدة أنسونغو أمس."
    )
    names = [a.name for e in marsad.extract(text, published="2024-07-28").events for a in e.actors]
    assert not any(name.startswith("Unidentified") for name in names)


def test_events_armed_attack_on_civilians_only_is_violence_against_civilians():
    found = news("قتل مسلح ثلاثة أشخاص وأصاب خمسة آخرين في هجوم مسلح على مهرجان في مدينة بنغازي أمس.")
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Violence against civilians", "Attack")]


def test_events_armed_attack_on_soldiers_stays_a_battle():
    found = news("قتل ثلاثة جنود في هجوم مسلح على نقطة تفتيش للجيش قرب مدينة سبها أمس.")
    assert [e.event_type for e in found] == ["Battles"]


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة جنود في هجوم على مدينة غاو، وقتل خمسة مدنيين في انفجار في مدينة تمبكتو.",
        "قتل ثلاثة جنود في هجوم على مدينة غاو، فيما قتل خمسة مدنيين في انفجار في مدينة تمبكتو.",
        "قتل ثلاثة جنود في هجوم على مدينة غاو، وفي حادث منفصل قتل خمسة مدنيين في انفجار في مدينة تمبكتو.",
    ],
)
def test_events_clause_with_its_own_act_and_place_is_another_incident(text):
    found = news(text)
    by_place = {e.location.name: [(c.kind, c.low) for c in e.claims] for e in found}
    assert by_place == {"Gao": [("killed", 3)], "Timbuktu": [("killed", 5)]}


@pytest.mark.parametrize(
    "text",
    [
        "نفذت طائرات التحالف خمس غارات جوية قرب مدينة الرمادي أمس، فضلا عن قصف أربع غارات لمواقع التنظيم "
        "قرب مدينة الموصل.",
        "شنت المقاتلات غارات جوية على مواقع للمسلحين قرب مدينة الرمادي، بالإضافة إلى غارات أخرى استهدفت "
        "مخازن أسلحة في مدينة الموصل.",
    ],
)
def test_events_an_additive_link_with_its_own_act_and_place_opens_another_incident(text):
    assert sorted(e.location.name for e in news(text)) == ["Mosul", "Ramadi"]


def test_events_an_additive_link_without_an_event_word_stays_with_the_incident():
    text = "قتل ثلاثة جنود في هجوم على مدينة غاو، فضلا عن مدنيين اثنين من سكان مدينة تمبكتو."
    assert len(news(text)) == 1


def test_events_clause_with_no_place_of_its_own_goes_on_telling_the_incident():
    found = news("قتل ثلاثة جنود في هجوم على مدينة غاو، وأصيب خمسة آخرون بجروح.")
    assert len(found) == 1
    assert sorted((c.kind, c.low) for c in found[0].claims) == [("injured", 5), ("killed", 3)]


def test_events_list_of_places_struck_is_one_event_per_place():
    found = news("شنت الطائرات الحربية غارات على بلدات تمبكتو وغاو وموبتي فجر اليوم.")
    assert sorted(e.location.name for e in found) == ["Gao", "Mopti", "Timbuktu"]
    assert {e.sub_event_type for e in found} == {"Air/drone strike"}


@pytest.mark.parametrize(
    "text",
    [
        'ونظمت تجمعات أخرى احتجاجا على غلاء الأسعار الأحد في مدن تمبكتو "شمال" وغاو "شرق" وموبتي.',
        "ونظمت تجمعات أخرى احتجاجا على غلاء الأسعار الأحد في مدن تمبكتو (شمال) وغاو (شرق) وموبتي.",
    ],
)
def test_events_a_short_aside_leaves_a_list_of_places_whole(text):
    found = news(text)
    assert sorted(e.location.name for e in found) == ["Gao", "Mopti", "Timbuktu"]
    assert {e.sub_event_type for e in found} == {"Peaceful protest"}


@pytest.mark.parametrize(
    "text, places",
    [
        ("تظاهر الآلاف اليوم في طهران وفي مدن مشهد وشيراز.", ["Mashhad", "Shiraz", "Tehran"]),
        (
            "وتزامنت المظاهرات في العاصمة طهران اليوم مع خروج حشود غاضبة في مدن مشهد وشيراز وأصفهان.",
            ["Isfahan", "Mashhad", "Shiraz", "Tehran"],
        ),
        ("وتظاهر المئات اليوم في بغداد بالتزامن مع مظاهرات في مدينة البصرة.", ["Baghdad", "Basrah"]),
    ],
)
def test_events_towns_a_demonstration_clause_lists_after_its_first_place_are_one_event_each(text, places):
    found = news(text)
    assert sorted(e.location.name for e in found) == places
    assert {e.event_type for e in found} == {"Protests"}


@pytest.mark.parametrize(
    "text, days",
    [
        (
            "تظاهر مئات المعلمين يوم الأحد أمام مبنى المحافظة في مدينة الناصرية للمطالبة برواتبهم. وقطع "
            "المحتجون يوم الإثنين الطريق الرئيسي في المدينة.",
            2,
        ),
        (
            "نظم المئات وقفة احتجاجية يوم الأحد في مدينة صفاقس. وفي يوم الإثنين، عاد المحتجون إلى الشارع.",
            2,
        ),
        ("تظاهر المئات يوم الأحد في مدينة صفاقس. وردد المحتجون يوم الأحد هتافات ضد الحكومة.", 1),
    ],
)
def test_events_a_demonstration_on_another_day_at_the_same_place_is_another_event(text, days):
    found = news(text)
    assert {e.event_type for e in found} == {"Protests"}
    assert len({e.date_start for e in found}) == len(found) == days


def test_events_a_demonstration_told_again_on_its_day_joins_that_days_event():
    found = events_of(
        "تظاهر المئات يوم الأحد في مدينة صفاقس. وعاد المحتجون إلى الشارع يوم الإثنين. وكان المتظاهرون قد "
        "رددوا يوم الأحد هتافات ضد الحكومة.",
        published="2019-10-05",
    )
    assert len(found) == len({e.date_start for e in found}) == 2


def test_events_places_split_from_a_list_keep_their_clause_kind():
    found = news(
        "وفرقت الشرطة متظاهرين السبت في مدينة سيغو بعد وقوع صدامات، ونظمت تجمعات أخرى الأحد في مدن "
        "تمبكتو وغاو وموبتي."
    )
    kinds = {e.location.name: e.sub_event_type for e in found}
    assert kinds["Gao"] == kinds["Mopti"] == kinds["Timbuktu"] == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "وقضت المحكمة بسجن الأول عشر سنوات، فيما أدين الثاني بتلقي أموال للخروج في مظاهرات والإخلال "
        "بالأمن والمشاركة في عدة مظاهرات في مدينة القطيف.",
        "وأدين المتهم بحيازة مسدس وإطلاق النار على دورية للشرطة في مدينة الدمام.",
    ],
)
def test_events_what_a_court_convicted_someone_of_is_no_incident(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text, day",
    [
        (
            "وفي مدينة البصرة، من حيث انطلقت موجة الاحتجاجات الأخيرة في 8 تموز، خرج الآلاف الجمعة في "
            "مظاهرة أمام مبنى المحافظة.",
            "2024-07-26",
        ),
        ("وتظاهر الآلاف الجمعة في مدينة البصرة لمواصلة الاحتجاجات التي اندلعت في 8 تموز.", "2024-07-26"),
        ("وتظاهر الآلاف في مدينة البصرة في 8 تموز.", "2024-07-08"),
        (
            "وقتل متظاهران الجمعة في مدينة البصرة في أعنف يوم منذ بدء موجة الاحتجاجات في 8 تموز.",
            "2024-07-26",
        ),
        (
            "واندلعت مواجهات بين المحتجين والشرطة في البصرة الجمعة إثر إعلان نتائج الانتخابات "
            "التي جرت الاثنين.",
            "2024-07-26",
        ),
        ("وقتل ثلاثة أشخاص في الهجوم الذي وقع الاثنين في مدينة البصرة.", "2024-07-22"),
        (
            "وألقى الطيران المروحي الخميس براميل متفجرة على مدينة الزبداني، في محاولة من القوات "
            "الحكومية منذ الرابع من الشهر الجاري للسيطرة على المدينة.",
            "2024-07-25",
        ),
    ],
)
def test_events_the_day_a_wave_began_does_not_date_the_event(text, day):
    [event] = news(text)
    assert event.date_start.isoformat() == day


def test_events_whether_doubts_what_the_event_was_not_that_it_happened():
    found = news(
        "وقتل خمسة أشخاص في انفجارين في سوق بمدينة مايدوغوري أمس، ولم يتضح ما إذا كانا تفجيرين انتحاريين."
    )
    assert [e.event_type for e in found] == ["Explosions/Remote violence"]


def test_events_fight_between_two_towns_is_one_event():
    assert len(news("اندلعت اشتباكات عنيفة بين الجيش ومسلحين على الطريق بين مدينتي غاو وتمبكتو.")) == 1


def test_events_town_of_the_hospital_the_victims_went_to_is_not_the_place():
    found = news(
        "قتل خمسة جنود في هجوم على مدينة غاو أمس. ونقلت جثث القتلى الخمسة إلى مستشفى في مدينة موبتي."
    )
    assert [e.location.name for e in found] == ["Gao"]


@pytest.mark.parametrize(
    "taken",
    [
        "وأسفر الهجوم عن جرح عشرة آخرين، وتم نقل الجرحى إلى مدينة موبتي",
        "وأسفر الهجوم عن جرح عشرة آخرين ونقلت جثث القتلى في شاحنتين إلى ثكنة في مدينة موبتي",
        "وتوفي اثنان منهم متأثرين بجروحهما خلال نقلهما إلى مدينة موبتي",
    ],
)
def test_events_the_town_the_victims_were_taken_to_is_not_the_place(taken):
    found = news(f"قتل خمسة جنود في هجوم على مدينة غاو أمس. {taken}.")
    assert [e.location.name for e in found] == ["Gao"]


def test_events_a_move_of_no_victim_leaves_its_destination_a_place():
    found = news(
        "قتل خمسة جنود في هجوم على مدينة غاو أمس. وقالت الحكومة إنها قررت نقل القيادة إلى مدينة موبتي."
    )
    assert [e.location.name for e in found] == ["Gao"]


@pytest.mark.parametrize("when", ["قبل أيام", "هذا الأسبوع", ""])
def test_events_news_that_names_no_day_is_dated_to_publication_at_precision_2(when):
    found = news(f"قتل خمسة جنود في هجوم على مدينة غاو {when}.")
    assert [(str(e.date_start), str(e.date_end), e.time_precision) for e in found] == [
        (PUBLISHED, PUBLISHED, 2)
    ]


def test_events_booby_trapped_car_is_a_remote_explosive():
    found = news("قتل جنديان في هجوم بسيارة ملغومة استهدف دورية للجيش قرب مدينة غاو أمس.")
    assert [(e.event_type, e.sub_event_type) for e in found] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أطلق مسلح النار على حافلة في مدينة غاو، ما أدى إلى إصابة ثلاثة أشخاص.",
        "أصيب أربعة أشخاص بإطلاق النار على سيارة عند حاجز قرب مدينة تمبكتو.",
    ],
)
def test_events_shooting_with_one_armed_side_and_no_armed_victim_is_an_attack(text):
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize(
    "text",
    [
        "اغتيل مسؤول محلي بعبوة ناسفة زرعت في سيارته في مدينة غاو.",
        "قتل خمسة مدنيين في مجزرة بعبوة ناسفة انفجرت في سوق مدينة غاو.",
    ],
)
def test_events_a_killing_by_an_explosive_takes_the_explosive_type(text):
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]


def test_events_a_pluperfect_toll_is_an_earlier_incident_of_its_own():
    text = (
        "قتل عشرة أشخاص في انفجار سيارة مفخخة في مدينة غاو يوم السبت. "
        "وكان خمسة جنود قد قتلوا الخميس في هجوم انتحاري على ثكنة في المدينة."
    )
    found = news(text)
    assert len(found) == 2
    assert [sorted(c.low for c in e.claims) for e in found] == [[10], [5]]


def test_events_a_pluperfect_statement_stays_with_the_news():
    text = (
        "نفت بعثة الأمم المتحدة في مالي اتهامات بقتل 15 مدنيا في وسط البلاد. "
        "وكانت مصادر محلية قد قالت إن الحادثة أسفرت عن مقتل ثمانية مدنيين."
    )
    assert len(news(text)) == 1


def test_events_an_undated_incident_goes_on_in_the_days_of_the_one_told_before():
    text = (
        "قتل عشرة أشخاص في انفجار سيارة مفخخة في مدينة بعقوبة يوم الثلاثاء. "
        "كما انفجرت عبوة ناسفة في سوق مدينة المقدادية ما أدى إلى مقتل ثلاثة أشخاص. "
        "وفي الموصل، قتل جنديان يوم السبت في اشتباكات مع مسلحين."
    )
    found = news(text)
    assert [(str(e.date_start), e.time_precision) for e in found] == [
        ("2024-07-23", 1),
        ("2024-07-23", 1),
        ("2024-07-27", 1),
    ]


def test_events_two_clauses_at_two_towns_of_an_unnamed_country_are_two_events():
    found = news("قتل ثلاثة جنود في هجوم في غاو وقتل خمسة مدنيين في انفجار في ميناكا")
    assert [(e.location.name, [c.low for c in e.claims]) for e in found] == [("Gao", [3]), ("Ménaka", [5])]


@pytest.mark.parametrize(
    "text",
    [
        "قال الجيش إن طائراته المسيرة دمرت 12 مركبة قتالية للمتمردين قرب مدينة كيدال.",
        "استهدفت الطائرات المسيرة مواقع للمسلحين في محيط مدينة غاو.",
    ],
)
def test_events_a_drone_named_with_the_article_or_a_pronoun_is_a_drone_strike(text):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


def test_events_a_sentence_without_a_date_goes_on_in_the_past_of_the_one_before():
    text = (
        "وقع انفجار على منصة نفطية قرب سواحل اسكتلندا في يوليو عام 1988. "
        "وأدى الانفجار إلى مقتل 167 شخصا كانوا على متنها."
    )
    assert news(text) == []


def test_events_history_does_not_reach_into_the_next_paragraph():
    text = (
        "سيطر المتمردون على المدينة في عام 2012.\n\n"
        "وقال الجيش المالي في بيان إن جنديين قتلا وأصيب عشرة آخرون في هجوم على مدينة كيدال."
    )
    assert [c.low for e in news(text) for c in e.claims if c.kind == "killed"] == [2]


def test_events_a_dated_clash_with_civilian_victims_stays_a_battle():
    text = (
        "اندلعت اشتباكات عنيفة مساء الأحد في منطقة عين زارة جنوب طرابلس بين مجموعتين مسلحتين. "
        "وقال جهاز الإسعاف إن ثلاثة مدنيين قتلوا جراء سقوط قذائف على منازلهم."
    )
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [("Battles", "Armed clash")]


def test_events_a_headline_region_is_its_town_and_another_town_is_another_event():
    text = (
        "قتلى في قصف للنظام على ريف إدلب\n\n"
        "قال المرصد السوري إن تسعة مدنيين قتلوا يوم السبت في قصف مدفعي لقوات النظام "
        "على بلدة معرة مصرين في ريف إدلب. "
        "وأضاف أن طائرات حربية روسية شنت غارات على أطراف مدينة جسر الشغور."
    )
    found = news(text)
    assert [(e.sub_event_type, e.location.name) for e in found] == [
        ("Shelling/artillery/missile attack", "Ma‘arratmişrīn"),
        ("Air/drone strike", "Jisr ash Shughūr"),
    ]


def test_events_the_area_of_a_town_is_no_province_and_another_town_of_it_is_another_event():
    text = (
        "قالت لجان المقاومة إن 12 مدنيا قتلوا في قصف مدفعي لقوات الدعم السريع على سوق الفاشر يوم الأحد. "
        "وقال الجيش السوداني إن طائراته المسيرة قصفت تجمعا لقوات الدعم السريع في منطقة كتم."
    )
    assert [(e.sub_event_type, e.location.name) for e in news(text)] == [
        ("Shelling/artillery/missile attack", "El Fasher"),
        ("Air/drone strike", "Kutum"),
    ]


def test_events_a_headline_announces_the_incident_the_body_places_more_precisely():
    text = (
        "استشهاد خمسة فلسطينيين في غارة إسرائيلية على خان يونس\n\n"
        "غزة - استشهد خمسة فلسطينيين، بينهم طفلان، وأصيب آخرون في غارة شنتها طائرة إسرائيلية على منزل "
        "في بلدة بني سهيلا شرق خان يونس فجر السبت، وفق ما أفادت وزارة الصحة في غزة."
    )
    found = news(text)
    assert [e.location.name for e in found] == ["Banī Suhaylā"]
    assert sorted((c.kind, c.low) for c in found[0].claims) == [("injured", None), ("killed", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "كمين في وسط مالي\n\n"
        "باماكو (أ ف ب) - قتل 12 جنديا ماليا في كمين نصبه جهاديون لقافلة عسكرية في وسط البلاد.",
        "كمين في وسط مالي\n\n"
        "باماكو (مالي) (أ ف ب) - قتل 12 جنديا ماليا في كمين نصبه جهاديون لقافلة عسكرية في وسط البلاد.",
    ],
)
def test_events_the_dateline_is_where_the_report_was_filed_not_the_incident(text):
    assert [(e.location.name, e.location.geo_precision) for e in news(text)] == [("Mali", 3)]


@pytest.mark.parametrize(
    "text, country",
    [
        (
            "بغداد، العراق (CNN)-- أعلن الجيش العراقي شن غارات جوية على مواقع لمسلحين في سوريا قرب الحدود.",
            "SYR",
        ),
        (
            "دبي، الإمارات العربية المتحدة (CNN)-- قالت القيادة الأمريكية إنها نفذت غارة جوية في الصومال "
            "أسفرت عن مقتل ثلاثة مسلحين.",
            "SOM",
        ),
    ],
)
def test_events_a_dateline_place_leaves_the_country_the_sentence_names_as_the_place(text, country):
    assert [(e.location.country, e.location.geo_precision) for e in news(text)] == [(country, 3)]


def test_events_a_village_attack_that_kills_and_abducts_is_an_attack():
    text = (
        "هاجمت قوات الدعم السريع قرية في ولاية الجزيرة يوم الأربعاء وقتلت أكثر من مئة من سكانها، "
        "واختطف عناصرها عددا من الشباب."
    )
    found = news(text)
    assert [(e.event_type, e.sub_event_type) for e in found] == [("Violence against civilians", "Attack")]
    assert {c.victim.name for c in found[0].claims if c.kind == "killed"} == {"Civilians (Sudan)"}


def test_events_a_title_naming_a_region_announces_the_incident_at_a_town_inside_it():
    text = (
        "مقتل 10 عناصر تكفيرية في سيناء\n\n"
        "أعلن المتحدث العسكري المصري مقتل 10 عناصر تكفيرية خلال تبادل لإطلاق النار مع قوات الجيش "
        "في مدينة العريش بشمال سيناء يوم الأحد."
    )
    assert [e.location.name for e in news(text)] == ["Arish"]


def test_events_a_fight_told_beside_a_shelling_with_a_toll_of_its_own_is_another_event():
    text = (
        "قالت لجان المقاومة إن 27 مدنيا قتلوا في قصف مدفعي لقوات الدعم السريع على سوق الفاشر يوم الأحد. "
        "ونفت قوات الدعم السريع استهداف المدنيين، وقالت إنها صدت هجوما للجيش على مواقعها شرقي المدينة "
        "وقتلت المئات منهم."
    )
    found = news(text)
    assert [(e.event_type, [c.low for c in e.claims if c.kind == "killed"]) for e in found] == [
        ("Explosions/Remote violence", [27]),
        ("Battles", [100]),
    ]


def test_events_the_same_toll_told_again_with_another_tactic_is_the_same_incident():
    text = (
        "لقي أربعة حوثيين حتفهم يوم الجمعة في كمين نصبته المقاومة الشعبية على نقطة تفتيش بمدينة الحديدة. "
        "وقالت مصادر محلية إن المقاومة أطلقت صاروخا على النقطة ما أسفر عن مقتل أربعة وإصابة اثنين آخرين."
    )
    assert len(news(text)) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الجيش النيجري إنه صد هجوما لجماعة بوكو حرام على قاعدة عسكرية في بلدة مونغونو.", ["Battles"]),
        ("وتمكنت القوات الحكومية من التصدي لهجوم شنه مسلحون على مواقعها في ريف حماة.", ["Battles"]),
        ("صد حارس المرمى هجوما خطيرا للفريق الضيف في الدقيقة الأخيرة من المباراة.", []),
    ],
)
def test_events_repelling_an_attack_is_a_fight(text, expected):
    assert [e.event_type for e in news(text)] == expected


def test_events_a_reply_by_another_tactic_with_its_own_toll_is_another_event():
    text = (
        "قتل 15 جنديا في هجوم شنه جهاديون على موقع عسكري في شمال بوركينا فاسو. "
        "وأضافت المصادر أن الجيش رد بغارات جوية أسفرت عن تحييد عشرات الإرهابيين."
    )
    found = news(text)
    assert [(e.event_type, [c.low for c in e.claims]) for e in found] == [
        ("Battles", [15]),
        ("Explosions/Remote violence", [10]),
    ]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        ("قتل خمسة مدنيين في قصف بطائرات مسيرة على بلدة كتم يوم الأحد.", "Air/drone strike"),
        ("قتل خمسة مدنيين في قصف بالطيران المروحي على مدينة إدلب يوم الأحد.", "Air/drone strike"),
        ("قتل خمسة مدنيين في قصف مدفعي على مدينة إدلب يوم الأحد.", "Shelling/artillery/missile attack"),
        ("قتل ثمانية مدنيين في قصف لطائرات النظام على مدينة حلب يوم السبت.", "Air/drone strike"),
        ("قتل 13 مسلحا في قصف للطيران الحربي على حي النشوة في مدينة الحسكة.", "Air/drone strike"),
        ("وقصفت مقاتلات التحالف معسكرا للمسلحين في مدينة صعدة يوم الخميس.", "Air/drone strike"),
        ("وقصفت القوات الحكومية بلدة كفر بطنا بالمدفعية يوم الخميس.", "Shelling/artillery/missile attack"),
    ],
)
def test_events_a_shelling_flown_by_aircraft_is_an_air_strike(text, sub_type):
    assert [e.sub_event_type for e in news(text)] == [sub_type]


@pytest.mark.parametrize(
    "text, events",
    [
        # Arabic puts the verb first: its subject and its time stand before النار.
        ("وفتح رجل النار على المصلين في مسجد بمدينة حمص فقتل 12 شخصا.", 1),
        ("وفتح مسلحون صباح الأحد النار على حافلة في مدينة العريش فقتلوا سبعة ركاب.", 1),
        ("وأطلق المحتفلون الألعاب النارية في مدينة الرباط مساء الأحد.", 0),
    ],
)
def test_events_fire_opened_past_its_subject_is_a_shooting(text, events):
    assert len(news(text)) == events


@pytest.mark.parametrize(
    "text, sub_type",
    [
        ("وأطلقت طائرات حربية ستين صاروخ جو-أرض على مواقع في ريف دمشق فجر السبت.", "Air/drone strike"),
        ('وأطلقت مقاتلات التحالف 19 صاروخ "جو-أرض" على مطار في حمص فجر السبت.', "Air/drone strike"),
        ("واستهدف الجيش مواقع المسلحين بصواريخ جو أرض في ريف إدلب يوم الأحد.", "Air/drone strike"),
        ("وأطلق الجيش ستين صاروخ أرض-أرض على مواقع في ريف دمشق.", "Shelling/artillery/missile attack"),
    ],
)
def test_events_an_air_to_ground_missile_is_an_air_strike(text, sub_type):
    assert [e.sub_event_type for e in news(text)] == [sub_type]


@pytest.mark.parametrize(
    "text, sub_type",
    [
        # A barrel bomb is dropped from a helicopter.
        ("ألقى الطيران المروحي برميلين متفجرين على بلدة داعل في ريف درعا يوم السبت.", "Air/drone strike"),
        ("قتل أربعة مدنيين بسقوط براميل متفجرة على حي الميسر في مدينة حلب ليل الجمعة.", "Air/drone strike"),
        ("قتل طفلان في قصف بالبراميل المتفجرة على بلدة كفر بطنا صباح الأحد.", "Air/drone strike"),
        # A rocket attack named by its adjective.
        (
            "ارتفعت حصيلة الهجمات الصاروخية التي استهدفت منطقة الحديد غرب بعقوبة إلى 11 قتيلا.",
            "Shelling/artillery/missile attack",
        ),
        (
            "قتل ثلاثة مدنيين في هجوم صاروخي على حي سكني في مدينة مأرب يوم الأحد.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_events_the_weapon_named_is_the_sub_type(text, sub_type):
    assert [e.sub_event_type for e in news(text)] == [sub_type]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "أطلقت إيران فجر الخميس 20 صاروخا على قواعد عسكرية في مرتفعات الجولان.",
            ["Explosions/Remote violence"],
        ),
        ("ردت إسرائيل بإطلاق 60 صاروخا على مواقع عسكرية قرب مدينة درعا.", ["Explosions/Remote violence"]),
        # A rocket into space carries its crew «على متنه»; a test flies over a sea, at no target.
        ("أطلقت وكالة الفضاء الروسية صاروخا يحمل رائدي فضاء على متنه من قاعدة بايكونور.", []),
        ("أطلقت كوريا الشمالية صاروخا باليستيا سقط في بحر اليابان.", []),
    ],
)
def test_events_a_rocket_fired_at_something_is_an_attack(text, expected):
    assert [e.event_type for e in news(text)] == expected


def test_events_a_killing_told_with_its_year_in_a_description_is_history():
    text = (
        "أعلنت الشرطة الهولندية، التي كانت تحقق في قتل تلميذ في عام 1998، "
        "اعتقال المشتبه به الرئيسي في إسبانيا."
    )
    assert news(text) == []


def test_events_two_women_who_blew_themselves_up_are_a_suicide_bombing():
    text = "فجرت انتحاريتان نفسيهما في سوق مزدحمة في بلدة كوندوغا بولاية بورنو مساء السبت."
    assert [e.sub_event_type for e in news(text)] == ["Suicide bomb"]


def test_events_bombs_in_two_quarters_of_one_city_are_two_events():
    text = (
        "انفجرت سيارة مفخخة قرب سوق شعبي في حي الشعب شمال بغداد، ما أدى الى مقتل 12 شخصا. "
        "وبعد ساعة، انفجرت سيارة مفخخة ثانية قرب مطعم في حي الكرادة وسط العاصمة، ما أسفر عن مقتل ثمانية."
    )
    assert [[c.low for c in e.claims] for e in news(text)] == [[12], [8]]


@pytest.mark.parametrize(
    "text, tolls",
    [
        (
            "قتل 20 طالبا في تفجير انتحاري داخل أكاديمية الشرطة في العاصمة كابل صباح اليوم. "
            "وقتل سبعة أشخاص آخرين في انفجار قنبلة بمنطقة ده سبز في كابل اليوم.",
            [[20], [7]],
        ),
        (
            "سقطت قذائف على منطقة الحمدانية في مدينة حلب اليوم، ما أدى إلى مقتل خمسة مدنيين. "
            "وقتل ثلاثة آخرون بقذائف على منطقة الشيخ مقصود في حلب اليوم.",
            [[5], [3]],
        ),
        (
            "قتل 20 طالبا في تفجير انتحاري داخل أكاديمية الشرطة في العاصمة كابل صباح اليوم. "
            "وأصيب 30 آخرون في التفجير الذي وقع في أكاديمية الشرطة بكابل.",
            [[20, 30]],
        ),
    ],
)
def test_events_two_named_sites_of_one_city_are_two_events(text, tolls):
    assert [[c.low for c in e.claims] for e in news(text)] == tolls


@pytest.mark.parametrize(
    "text, tolls",
    [
        (
            "قتل 20 طالبا في تفجير انتحاري داخل أكاديمية الشرطة في العاصمة كابل صباح اليوم. "
            "وقتل 15 شخصا وأصيب 90 آخرون في انفجار سيارة مفخخة في كابل اليوم.",
            [[20], [15, 90]],
        ),
        (
            "قتل 20 طالبا في تفجير انتحاري داخل أكاديمية الشرطة في العاصمة كابل صباح اليوم. "
            "وأصيب 30 آخرون في الانفجار الذي هز كابل.",
            [[20, 30]],
        ),
    ],
)
def test_events_a_new_blast_of_another_kind_is_apart_from_one_at_a_named_site(text, tolls):
    assert [[c.low for c in e.claims] for e in news(text)] == tolls


@pytest.mark.parametrize(
    "text, tolls",
    [
        (
            "قتل ثلاثة جنود في هجوم قرب بلدة تينينكو بمنطقة موبتي أمس. "
            "وأعلنت الحكومة إصابة أربعة جنود في منطقة تينينكو في موبتي.",
            [[3, 4]],
        ),
    ],
)
def test_events_the_area_word_before_the_place_itself_names_no_site(text, tolls):
    assert [[c.low for c in e.claims] for e in news(text)] == tolls


def test_events_a_toll_of_attacks_days_before_is_not_this_attacks():
    text = (
        "قتل ثلاثة جنود في هجوم على نقطة تفتيش قرب مدينة غاو اليوم، "
        "بعد يومين من هجومين أسفرا عن مقتل 13 شخصا في منطقة ميناكا."
    )
    assert [[c.low for c in e.claims] for e in news(text)] == [[3]]


def test_events_a_political_bomb_is_a_figure_of_speech():
    assert (
        news(
            "زاد اختفاء الصحفي من مخاوف النشطاء، "
            'إذ رأوا أن التقارير تعد أجدد "قنبلة" سياسية في سلسلة من التحركات.'
        )
        == []
    )


@pytest.mark.parametrize(
    "text, event_type, sub_type",
    [
        (
            "أطلقت مجموعة مسلحة ثلاثة صواريخ كاتيوشا على بلدة الخيام مساء اليوم.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        (
            "وتعرض المعتقل للضرب على أيدي عناصر الشرطة في مركز الاحتجاز بمدينة الإسكندرية اليوم.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "احتجز مسلحون خمسة عمال أجانب رهائن في مدينة سبها اليوم.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "واحتجزت الجماعة المسلحة 12 رهينة من الأجانب في فندق بمدينة سبها اليوم.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "وتبنت الجماعة المسؤولية عن تفجير سيارة عند مدخل مدينة الموصل اليوم.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_events_beatings_rockets_hostages_and_claimed_bombings(text, event_type, sub_type):
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [(event_type, sub_type)]


@pytest.mark.parametrize(
    "text",
    [
        "عقدت لجنة مناهضة التعذيب اجتماعها السنوي في مدينة جنيف اليوم.",
        "ناقش المؤتمر في مدينة تونس اليوم سبل تفادي التعذيب في السجون.",
    ],
)
def test_events_fighting_an_act_is_no_incident_of_it(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الشرطة في مدينة فاس إن الموقوفين تلقوا تدريبات على صناعة المتفجرات في معسكرات داعش.",
        "وتواصل فرق الهندسة التابعة للجيش في مدينة الحديدة نزع الألغام التي زرعها المسلحون.",
        "ودعا المبعوث الأممي في صنعاء اليوم إلى وقف القتال بين الجيش والحوثيين.",
        "وأكد البيان أن الخلية في مدينة طنجة ضمت خبراء في صناعة الألغام والعبوات الناسفة.",
    ],
)
def test_events_a_trade_a_handling_or_a_halt_of_a_weapon_is_no_incident(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ونزح آلاف المدنيين من بلدات ريف إدلب اليوم خوفا من غارات جوية روسية.",
        "ودخل الجيش مدينة منبج اليوم وسط مخاوف من اشتباكات مع القوات الكردية.",
        "وأغلقت الشرطة أبواب المسجد في القدس اليوم تحسبا من اشتباكات بين المصلين والمستوطنين.",
    ],
)
def test_events_a_danger_feared_is_no_incident(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وحرض زعيم الجماعة أنصاره أمس على قتال القوات الحكومية في المدينة.",
        "ودعا القيادي في التنظيم عناصره إلى الهجوم على مواقع الجيش في ريف حلب الأحد.",
        "ووجهت النيابة إلى المتهمين تهمة التحريض على اقتحام مراكز الشرطة في القاهرة أمس.",
    ],
)
def test_events_fighting_urged_on_others_is_no_incident(text):
    assert news(text) == []


def test_events_an_urging_answered_by_a_reply_to_an_attack_keeps_the_attack():
    text = (
        "وحث الوزير الحكومة على الرد بحزم على الهجوم الذي استهدف معسكرا للجيش في بنغازي أمس وقتل فيه 4 جنود."
    )
    assert [e.event_type for e in news(text)] != []


@pytest.mark.parametrize(
    "text",
    [
        "وأغلقت السلطات مطار العاصمة اليوم بسبب المعارك بين الفصائل المسلحة.",
        "وقال مسؤول أممي إن آلاف المدنيين يفرون من القتال بين الجيش والمتمردين.",
        "وأرسل التنظيم قادة ميدانيين للإشراف على المعارك ضد القوات الحكومية.",
        "ودعا خطباء المساجد الشبان إلى المشاركة في القتال إلى جانب المتمردين.",
        "ونزح آلاف الأشخاص هربا من الغارات والبراميل المتفجرة.",
    ],
)
def test_events_fighting_named_as_a_topic_is_no_incident(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وقتل خمسة مدنيين بسبب القصف على الأحياء الشرقية.",
        "وتوقفت قافلة المساعدات بسبب الغارات التي استهدفت بلدة كفربطنا صباح اليوم.",
        "وقال مسؤول أممي إن آلاف المدنيين يفرون من القتال بين الجيش والحوثيين في مدينة الحديدة اليمنية.",
    ],
)
def test_events_fighting_with_a_figure_a_day_or_a_town_of_its_own_is_an_incident(text):
    assert len(news(text)) == 1


def test_events_a_headline_s_fighting_is_the_news_it_tells():
    text = "فرار مئات الأسر بسبب معارك بين الجيش والمتمردين\n\nقال مسؤولون اليوم إن القتال مستمر في المدينة."
    assert [e.event_type for e in news(text)] == ["Battles"]


@pytest.mark.parametrize(
    "text",
    [
        "أصيب سبعة أشخاص أمس في انفجار ألعاب نارية خلال حفل زفاف في مدينة إربد.",
        "قتل طفلان وأصيب ثلاثة آخرون اليوم في انفجار أسطوانة غاز داخل منزل في مدينة الزرقاء.",
        "وأصيب شاب بحروق في وجهه أثناء إبعاد الأطفال عن الألعاب النارية حين انفجرت إحداها.",
    ],
)
def test_events_a_blast_of_fireworks_or_a_gas_cylinder_is_an_accident(text):
    assert news(text) == []


def test_events_a_bomb_beside_a_gas_cylinder_is_still_a_blast():
    text = "قتل ثلاثة جنود أمس في انفجار عبوة ناسفة قرب محطة لتعبئة أسطوانات الغاز في مدينة الرمادي."
    assert [e.event_type for e in news(text)] == ["Explosions/Remote violence"]


def test_events_a_strike_on_explosives_experts_is_still_a_strike():
    text = "قتل سبعة من خبراء المتفجرات التابعين للحوثيين في غارة جوية على مدينة صعدة أمس."
    assert [(e.event_type, e.sub_event_type) for e in news(text)] == [
        ("Explosions/Remote violence", "Air/drone strike")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الحكومة في بيان اليوم إن قواتها على الحدود ملتزمة بقواعد الاشتباك.",
        "وأكد المتحدث العسكري اليوم أن الجنود أطلقوا النار تماشيا مع قواعد الاشتباك.",
    ],
)
def test_events_the_rules_of_engagement_are_no_clash(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وخرجت مظاهرة مماثلة اليوم في مدينة القيروان، حيث ولد الزعيم الراحل عام 1950.",
        "وتظاهر المئات اليوم في مدينة الناصرية وسط هتافات ضد الفساد الذي يحاربه العراقيون منذ سنوات.",
    ],
)
def test_events_history_of_a_place_or_a_noun_described_after_the_event_is_not_its_date(text):
    assert [e.event_type for e in news(text)] == ["Protests"]


def test_events_a_relative_clause_on_the_event_word_dates_the_event():
    assert news("وقتل 30 شخصا في الهجوم الذي وقع في مدينة نيس عام 2016.") == []


def test_events_any_attack_is_no_attack():
    assert news("وعززت السلطات الإجراءات الأمنية في مدينة الموصل تحسبا لأي هجوم مسلح.") == []


def test_events_a_protest_abroad_is_placed_where_its_people_demonstrate():
    text = (
        "وقال الرئيس الروسي في موسكو إن بلاده لن تتدخل.\n"
        "وخرج آلاف الأرمينيين اليوم إلى الشوارع في العاصمة يريفان مطالبين باستقالة الحكومة."
    )
    assert [(e.event_type, e.location.name) for e in news(text)] == [("Protests", "Yerevan")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("تجمع نحو 200 متظاهر اليوم أمام مقر الأمم المتحدة في جنيف احتجاجا على زيارة وزير إيراني.", "Genève"),
        ("تظاهر مئات الإيرانيين اليوم أمام سفارة بلادهم في لندن احتجاجا على إعدام ناشط في طهران.", "London"),
    ],
)
def test_events_a_city_abroad_where_a_crowd_gathered_is_the_protests_place(text, place):
    assert [(e.event_type, e.location.name) for e in news(text)] == [("Protests", place)]


def test_events_an_event_word_with_a_past_year_names_an_old_event():
    text = (
        "اعتقلت السلطات اليوم في طهران المدعي العام السابق لاتهامه بانتهاكات "
        "خلال احتجاجات 2009 المعارضة للحكومة."
    )
    assert [e.event_type for e in news(text)] == ["Strategic developments"]


def test_events_fire_opened_on_people_is_an_incident_without_a_toll():
    assert news("وقال شهود إن دبابات فتحت النار على سكان قرية قرب مدينة حماة اليوم.") != []


def test_events_described_history_is_dropped_only_when_what_is_left_dates_the_event():
    text = (
        "وكانت تلك الاحتجاجات التي نظمت في مدينة جرادة أوائل 2018 "
        "هي الأضخم منذ الاضطرابات التي وقعت عام 2011."
    )
    assert [e for e in events_of(text, published="2018-09-27") if not e.background] == []


@pytest.mark.parametrize(
    "opener",
    ["وبموازاة ذلك،", "وفي حادث منفصل،", "وفي هجوم آخر،"],
)
def test_events_an_incident_the_text_calls_separate_is_its_own_event_without_figures(opener):
    text = (
        "قتل خمسة من رجال الشرطة في تفجير انتحاري بسيارة مفخخة استهدف مركزا للشرطة في مدينة تعز فجر الاثنين. "
        f"{opener} اشتبك مسلحون مع قوات الأمن في مدينة تعز صباح الاثنين."
    )
    found = news(text)
    assert [(e.event_type, e.location.name) for e in found] == [
        ("Explosions/Remote violence", "Taiz"),
        ("Battles", "Taiz"),
    ]


@pytest.mark.parametrize(
    "second, events",
    [
        # "Another" attack at a place the sentence names is another incident, figures or not.
        ("وبعد ساعات، استهدف هجوم آخر بعبوة ناسفة دورية للشرطة في مدينة الرمادي.", 2),
        ("وبعد ساعات، استهدف هجوم جديد بعبوة ناسفة دورية للشرطة في مدينة الرمادي.", 2),
        # With no place of its own, it may be a detail of the first: it joins it.
        ("وأعقب الانفجار هجوم آخر بالأسلحة الخفيفة.", 1),
        # كان before it describes the place by its past.
        ("وتقع الرمادي غرب بغداد، وكانت مسرحا لمعارك أخرى بين الجيش والمسلحين في مدينة الرمادي.", 1),
    ],
)
def test_events_another_attack_at_a_named_place_is_its_own_event_without_figures(second, events):
    text = f"قتل خمسة أشخاص في انفجار سيارة مفخخة في سوق وسط مدينة الرمادي صباح الأحد. {second}"
    assert len(news(text)) == events


@pytest.mark.parametrize(
    "text",
    [
        (
            "خرج المحتجون في مدينة الكوت الجمعة في مظاهرة هادئة، فيما تراجعت قوات الأمن مقارنة "
            "بالأسبوع الماضي عندما سقط أكثر من 50 مصابا في اشتباكات عنيفة."
        ),
        (
            "تظاهر المئات في مدينة الديوانية الجمعة دون حوادث، خلافا للشهر الماضي حين أصيب 20 متظاهرا "
            "في مواجهات مع الشرطة."
        ),
    ],
)
def test_events_a_past_period_when_clause_is_a_background_incident_of_its_own(text):
    events = events_of(text)
    assert [(e.sub_event_type, bool(e.claims)) for e in events if not e.background] == [
        ("Peaceful protest", False)
    ]
    assert [(e.sub_event_type, bool(e.claims)) for e in events if e.background] == [
        ("Violent demonstration", True)
    ]


def test_events_a_day_when_clause_is_the_incident_itself():
    [event] = news("قتل ثلاثة أشخاص أمس عندما انفجرت عبوة ناسفة في سوق بمدينة كركوك.")
    assert [c.low for c in event.claims] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "لقي تسعة أشخاص مصرعهم بحادث تحطم طائرة مروحية تابعة للجيش في منطقة جبلية شمال البلاد.",
        "تحطمت طائرة ركاب بعد إقلاعها من مطار العاصمة ما أسفر عن مقتل 80 شخصا.",
        "تحطمت طائرة من طراز بوينغ بعد وقت قصير من إقلاعها من مطار العاصمة، ما أسفر عن مقتل 80 شخصا.",
    ],
)
def test_events_a_crash_told_as_an_accident_is_no_event(text):
    assert news(text) == []


def test_events_a_military_crash_in_a_report_of_fighting_stays_an_event():
    text = (
        "قتل خمسة جنود في اشتباكات مع المتمردين قرب مدينة كيدال. "
        "وأضاف الجيش أن إحدى مروحياته تحطمت في كيدال يوم الجمعة أثناء مهمة."
    )
    assert ("Strategic developments", "Other") in [(e.event_type, e.sub_event_type) for e in news(text)]


def test_events_figures_under_a_headline_telling_an_accident_are_no_event():
    text = (
        "وفاة طفلين وإصابة 12 شخصا في ثلاثة حرائق\n\n"
        "أصيب شخصان وثلاثة رجال أمن من الدفاع المدني إثر حريق اندلع داخل مبنى سكني في مدينة جدة. "
        "وأوضح المتحدث باسم الدفاع المدني أن ثلاثة من رجال الأمن أصيبوا بحالات اختناق."
    )
    assert news(text) == []


def test_events_a_massacre_the_accused_took_part_in_is_a_charge():
    text = "وشارك المتهمون في ارتكاب مجزرة بحق مئات المدنيين جنوب مدينة الموصل، بحسب المحكمة."
    assert news(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وبذلك يرتفع إلى 46 عدد القتلى منذ اندلاع الاحتجاجات في 30 حزيران.",
        "وقد قتل 40 شخصا برصاص الشرطة منذ أن بدأت الاحتجاجات يوم 30 حزيران الماضي.",
        "ويرتفع عدد الذين قتلوا منذ اندلاع هذه الموجة من الاحتجاجات في 30 حزيران إلى 36 شخصا.",
        # The campaign's subject and object stand between its beginning and its day.
        "ومنذ بدء قوات الحكومة هجومها على ريف المدينة في 18 تموز قتل 900 مدني في القصف.",
    ],
)
def test_events_a_toll_counted_since_a_wave_began_is_no_event_of_that_day(text):
    assert news(text) == []


@pytest.mark.parametrize(
    "text, events",
    [
        ("ورصد التقرير 150 حالة اختطاف و90 حالة اعتقال تعسفي في محافظة تعز.", 0),
        ("وقالت المنظمة في تقريرها السنوي إنها وثقت 320 حالة اختطاف في محافظة تعز.", 0),
        ("واختطف مسلحون ثلاثة موظفين في مدينة تعز يوم الأحد.", 1),
    ],
)
def test_events_a_tally_of_cases_is_no_incident(text, events):
    assert len(news(text)) == events


def test_events_a_protest_told_with_the_day_its_wave_began_stays_news():
    text = "وتظاهر الآلاف الجمعة في المدينة، وقتل شخصان برصاص الشرطة، منذ بدء الاحتجاجات في 30 حزيران."
    assert [e.date_start.isoformat() for e in news(text)] == ["2024-07-26"]


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "ونزح مئات المدنيين مؤخرا من منطقة جبل مرة الجبلية حيث يستمر القتال بين القوات الحكومية "
            "والجماعات المتمردة رغم وقف إطلاق نار أعلنته الخرطوم يشمل ولاية النيل الأزرق.",
            "Jebel Marra",
        ),
        (
            "قتل خمسة جنود يوم الاثنين في مدينة الرمادي حيث اندلعت اشتباكات عنيفة مع مسلحين قرب الطريق "
            "إلى الفلوجة.",
            "Ramadi",
        ),
        (
            "وصل الآلاف إلى مدينة البصرة حيث تظاهروا أمام مبنى المحافظة احتجاجا على انقطاع الكهرباء في "
            "الناصرية.",
            "Basrah",
        ),
    ],
)
def test_events_the_place_before_where_is_the_place_of_what_the_clause_tells(text, place):
    assert [e.location.name for e in news(text)] == [place]


def test_events_a_country_that_does_the_act_is_not_where_it_was():
    text = (
        "قتل جندي في اشتباكات مع مسلحين في سوريا يوم الجمعة. "
        "وبسبب ما حدث شنت الولايات المتحدة غارات جوية لدعم القوة."
    )
    assert "United States" not in {e.location.name for e in news(text)}


@pytest.mark.parametrize(
    "text, place",
    [
        ("وفي بلدة سراقب بريف إدلب، قتل خمسة مدنيين جراء غارة جوية يوم الأحد.", "Sarāqib"),
        ("وفي مدينة الرمادي بمحافظة الأنبار، قتل خمسة جنود في هجوم انتحاري يوم الأحد.", "Ramadi"),
    ],
)
def test_events_a_town_named_before_the_event_word_with_its_region_is_the_place(text, place):
    assert [e.location.name for e in news(text)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "واتهم الجيش المسلحين بخرق الهدنة في ريف حماة.",
        "ورفضت الجبهة الانصياع لاتفاق وقف إطلاق النار واحتجزت رهائن في فندقين في عمان.",
        "وانسحب المقاتلون من البلدة بموجب اتفاق وقف إطلاق النار.",
    ],
)
def test_events_an_agreement_already_made_is_no_agreement_now(text):
    assert "Agreement" not in [e.sub_event_type for e in events_of(text)]


@pytest.mark.parametrize(
    "text, country",
    [
        (
            "تظاهر آلاف الكتالونيين في مدينة جيرونا شمال إسبانيا احتجاجا على اعتقال زعيمهم. "
            "واعتقلت الشرطة الألمانية زعيم الإقليم السابق يوم الأحد خلال عودته من فنلندا.",
            "DEU",
        ),
        (
            "قتل ثلاثة مدنيين في هجوم مسلح على حافلة في مدينة سوسة التونسية. "
            "وأوقفت الشرطة الفرنسية شابين يشتبه في تمويلهما الهجوم الإرهابي.",
            "FRA",
        ),
    ],
)
def test_events_police_of_another_country_says_where_the_arrest_was(text, country):
    found = news(text)
    assert len(found) == 2 and found[1].location.country == country and found[1].location.geo_precision == 3


def test_events_police_of_the_article_country_stays_at_the_place_before():
    text = (
        "تظاهر آلاف في مدينة جيرونا شمال إسبانيا احتجاجا على اعتقال زعيمهم. "
        "واعتقلت الشرطة الإسبانية خمسة متظاهرين."
    )
    assert {e.location.name for e in news(text)} == {"Girona"}


def test_events_a_town_of_a_region_the_article_names_is_the_place_though_abroad():
    text = (
        "قتل عشرة أشخاص في تفجير استهدف كلية بمدينة كيرش. وقال المتحدث باسم الرئاسة الروسية إن "
        "التفجير الذي وقع في القرم عمل إرهابي، وإن موسكو تتابع التحقيق مع الأجهزة الروسية."
    )
    assert [e.location.name for e in news(text)] == ["Kerch"]


def test_events_a_capital_after_fi_in_the_clause_of_the_act_is_its_place_abroad():
    text = (
        "وبينما كان الرئيس يغادر كينيا متوجها إلى إثيوبيا، هاجمت حركة الشباب فندقا يضم بعثات "
        "دبلوماسية في مقديشو؛ مما أدى إلى مقتل 13 شخصا على الأقل."
    )
    assert [e.location.name for e in events_of(text) if not e.background] == ["Mogadishu"]


@pytest.mark.parametrize(
    "text, town",
    [
        (
            "قصفت الطائرات الحربية مناطق في ريف إدلب أمس، بينما دارت اشتباكات عنيفة في مدينة جسر الشغور.",
            "Jisr ash Shughūr",
        ),
        (
            "ألقى الطيران المروحي براميل متفجرة على ريف حمص أمس، فيما قصفت قوات النظام بلدة تلبيسة.",
            "Tallbīsah",
        ),
    ],
)
def test_events_a_linked_clause_at_a_town_of_the_region_before_is_its_own_incident(text, town):
    places = [e.location.name for e in news(text) if e.location]
    assert town in places and len(places) == 2


def test_events_a_linked_clause_without_an_event_word_stays_with_the_region():
    text = "قتل خمسة مدنيين في غارات على ريف إدلب أمس، فيما دفن عدد من القتلى في مدينة جسر الشغور."
    assert len(news(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "واستهدفت مقاتلات التحالف مواقع للمسلحين في بلدة باقم شمالي اليمن أمس.",
        "وأغارت طائرات حربية على معسكر للمتمردين قرب مدينة الحديدة اليوم.",
        "ونفذت طائرات التحالف الدولي عدة ضربات على مواقع التنظيم في مدينة الرقة.",
    ],
)
def test_events_a_striking_verb_with_an_aircraft_as_its_subject_is_an_air_strike(text):
    assert [e.sub_event_type for e in news(text)] == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a country's nisba after the word for its territory names the country as the place
        (
            "قصفت المدفعية التركية السبت مواقع للمسلحين الأكراد داخل الأراضي السورية، وقالت تركيا إن القصف"
            " جاء ردا على هجوم.",
            "Syria",
        ),
        # a town with its own country's nisba right after it, in a report about another country
        (
            "قتل خمسة جنود عراقيين السبت في هجوم قرب الموصل. وفي سياق آخر، قتل عشرة مدنيين السبت في غارة"
            " على مدينة سلقين السورية.",
            "Salqīn",
        ),
        # a capital with its country's nisba between "the capital" and its name
        (
            "قالت السلطات السعودية في الرياض إنها اعتقلت خمسة أشخاص. وانفجرت السبت سيارة مفخخة في العاصمة"
            " الأفغانية كابل وقتلت 20 شخصا.",
            "Kabul",
        ),
    ],
)
def test_events_a_place_said_with_its_country_is_the_place_though_the_report_is_about_another(text, place):
    assert place in [e.location.name for e in news(text)]


def test_events_the_place_something_came_from_is_not_the_event_place():
    text = (
        "وشنت مقاتلات التحالف غارات جوية استهدفت تعزيزات تابعة للحوثيين قادمة من محافظة إب "
        "إلى أطراف مديرية حيس ما أسفر عن مقتل العشرات."
    )
    assert [e.location.name for e in news(text)] == ["Ḩays"]


def test_events_the_place_people_descend_from_is_not_the_event_place():
    protest = news("وتظاهرت عائلات متحدرة من بلدة الفوعة أمام مقر الحكومة في إدلب.")
    shooting = news("وأصيب ثلاثة شبان أصلهم من مدينة الرقة برصاص الجيش في دير الزور.")
    assert [e.location.name for e in protest + shooting] == ["Idlib", "Deir ez-Zor"]


@pytest.mark.parametrize(
    "text, where",
    [
        # the place the distance describes, not the point it is measured from
        (
            "ولدى وصول الموكب إلى مدخل تكريت، على بعد 170 كيلومترا من بغداد، اندلعت اشتباكات قتل فيها"
            " ثلاثة جنود.",
            ("Tikrīt", 1),
        ),
        (
            "وشنت القوات هجوما على مدينة الحديدة الواقعة على بعد 150 كلم من صنعاء، وقتل خمسة مسلحين.",
            ("Al Ḩudaydah", 1),
        ),
        # no other place: the event is near the reference point
        ("قتل خمسة جنود في هجوم على قاعدة تقع على بعد 30 كيلومترا من مقديشو.", ("Mogadishu", 2)),
        ("قتل خمسة جنود في هجوم على قاعدة على بعد 30 كيلومترا شمال العاصمة مقديشو.", ("Mogadishu", 2)),
    ],
)
def test_events_a_distance_phrase_names_a_reference_point(text, where):
    assert [(e.location.name, e.location.geo_precision) for e in news(text)] == [where]


@pytest.mark.parametrize(
    "follow_up",
    [
        "كما أصيب حارس آخر بجروح طفيفة.",
        "كما أصيب سبعة أشخاص آخرين بجروح متفاوتة.",
        "كما قتل المهاجم نفسه.",
    ],
)
def test_events_figures_after_kama_without_an_event_word_add_to_the_incident_before(follow_up):
    text = "قتل أربعة أشخاص في هجوم مسلح على حاجز للشرطة في مدينة غاو يوم السبت. " + follow_up
    found = news(text)
    assert len(found) == 1
    assert len(found[0].claims) == 2


def test_events_kama_with_an_event_word_and_a_place_of_its_own_is_another_incident():
    text = (
        "قتل أربعة أشخاص في هجوم مسلح على حاجز للشرطة في مدينة غاو يوم السبت. "
        "كما قتل جنديان في انفجار عبوة ناسفة قرب مدينة تمبكتو."
    )
    assert len(news(text)) == 2


@pytest.mark.parametrize(
    "text, places",
    [
        ("قصفت قوات النظام بلدتي نبل والطويرش في ريف حلب.", ["Nubl", "الطويرش"]),
        (
            "قتل خمسة مدنيين في قصف على مدينة إدلب. وفي بلدة طويرش بريف إدلب قتل ثلاثة آخرون في قصف مدفعي.",
            ["Idlib", "طويرش"],
        ),
        (
            "قصفت الطائرات مدينة إدلب، كما استهدفت غارات أخرى قرية الصفصوف في ريف إدلب الجنوبي.",
            ["Idlib", "الصفصوف"],
        ),
    ],
)
def test_events_an_act_at_a_town_the_gazetteer_lacks_is_an_event_of_its_own(text, places):
    found = news(text)
    assert sorted(e.location.name for e in found) == places
    unlisted = [e.location for e in found if e.location.geonameid is None]
    assert unlisted and all(location.geo_precision == 2 for location in unlisted)


def test_events_an_act_told_again_at_a_village_the_gazetteer_lacks_is_the_act_told_before():
    found = news(
        "اندلعت اشتباكات عنيفة بين الجيش والمسلحين في مديرية أرحب شمال صنعاء. وأوضحت المصادر أن "
        "الاشتباكات اندلعت في قرية الصفصوف بعد هجوم المسلحين."
    )
    assert len(found) == 1
