"""Casualty claims: count, kind, victim, source, stance and verification, on sentences we wrote."""

import pytest

from support import claims_of, one_claim


@pytest.mark.parametrize(
    "text, kind, low, high",
    [
        ("قتل خمسة جنود في هجوم على معسكر للجيش.", "killed", 5, 5),
        ("أسفر الهجوم عن مقتل 18 شخصا وإصابة 22 آخرين.", "killed", 18, 18),
        ("أسفر الهجوم عن مقتل 18 شخصا وإصابة 22 آخرين.", "injured", 22, 22),
        ("وقالت الشرطة إن سبعة مسلحين قتلوا في الاشتباكات.", "killed", 7, 7),
        ("وأكد الجيش أن جنديين قتلا في الكمين.", "killed", 2, 2),
        ("قتل ما لا يقل عن 15 مدنيا في غارة جوية.", "killed", 15, None),
        ("قتل أكثر من 30 مسلحا في المعارك.", "killed", 31, None),
        ("أصيب العشرات من المدنيين في القصف.", "injured", 10, 99),
        ("لقي ثلاثة جنود مصرعهم في انفجار عبوة ناسفة.", "killed", 3, 3),
        ("وسقط 12 قتيلا في التفجير الانتحاري.", "killed", 12, 12),
        ("تحطمت مروحية عسكرية في المنطقة لكن لم يسقط قتلى.", "killed", 0, 0),
        ("أسفر الهجوم على الحاجز عن مقتل20 جنديا.", "killed", 20, 20),
        ("قتل5 مسلحين في اشتباك مع الشرطة.", "killed", 5, 5),
    ],
)
def test_claims_count_and_kind(text, kind, low, high):
    claim = one_claim(text, kind)
    assert (claim.low, claim.high) == (low, high)


def test_claims_killed_or_captured_joins_the_two_kinds():
    claim = one_claim(
        "وقال مصدر محلي إن ما لا يقل عن 20 مقاتلا قتلوا أو أسروا في الكمين.", "killed_or_captured"
    )
    assert (claim.low, claim.high) == (20, None)


def test_claims_others_take_the_victim_of_the_claim_before():
    claims = claims_of("وقال الجيش المالي في بيان إن ثلاثة جنود قتلوا وأصيب عشرة آخرون في هجوم.")
    killed = next(c for c in claims if c.kind == "killed")
    injured = next(c for c in claims if c.kind == "injured")
    assert killed.victim.name == injured.victim.name
    assert "Mali" in killed.victim.name


def test_claims_a_number_in_a_date_is_not_a_count():
    claims = claims_of("قتل ثلاثة جنود في هجوم يوم 17 يوليو 2024.")
    assert [(c.low, c.high) for c in claims if c.kind == "killed"] == [(3, 3)]


def test_claims_count_after_a_plural_verb_is_its_object():
    claims = claims_of("وزعمت الجماعة أن مقاتليها قتلوا 30 جنديا وأسروا عددا من الجنود في الهجوم.")
    assert {(c.kind, c.low) for c in claims} == {("killed", 30), ("captured", 2)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وأسفر القصف على البلدة عن قتيل و7 جرحى بحسب الدفاع المدني.", {("injured", 7)}),
        ("وأوقع التفجير قتيلا و12 جريحا في سوق المدينة.", {("injured", 12)}),
        ("وقال مسعفون إن 9 مدنيين قتلوا و25 أصيبوا في الغارة على القرية.", {("killed", 9), ("injured", 25)}),
        ("وأدت الاشتباكات في المدينة إلى سقوط قتلى وعشرات الجرحى.", {("injured", 10)}),
    ],
)
def test_claims_a_count_joined_by_and_belongs_to_the_noun_after_it(text, expected):
    assert {(c.kind, c.low) for c in claims_of(text) if c.low} == expected


@pytest.mark.parametrize(
    "text, kind, low, high, victim",
    [
        ("وقال المسعفون إن رجلا واحدا على الأقل قتل في القصف على البلدة.", "killed", 1, None, "رجلا"),
        ("وقال المحافظ إن شرطيا واحدا فقط أصيب في الهجوم على المركز.", "injured", 1, 1, "شرطيا"),
        ("وأكد الطبيب أن طفلا واحدا لقي حتفه في الغارة على المخيم.", "killed", 1, 1, "طفلا"),
    ],
)
def test_claims_one_after_its_noun_counts_that_person(text, kind, low, high, victim):
    claim = one_claim(text, kind)
    assert (claim.low, claim.high, claim.victim.text) == (low, high, victim)


def test_claims_and_one_of_opens_a_phrase_of_its_own():
    claims = claims_of("وقتل قائد ميداني وأحد العناصر في حركة الشباب خلال اشتباكات مع الجيش الصومالي.")
    assert all(c.victim.text != "ميداني" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الجيش إن قواته قضت على 20 مسلحا في الاشتباكات.",
        "وأعلن الجيش القضاء على 20 مسلحا في عملية عسكرية.",
    ],
)
def test_claims_eliminated_means_killed(text):
    assert one_claim(text, "killed").low == 20


def test_claims_singular_noun_counts_one():
    claim = one_claim("وأسفر الهجوم عن مقتل جندي وإصابة اثنين آخرين.", "killed")
    assert (claim.low, claim.high) == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الجيش مقتل رئيس المجلس العسكري للجماعة في غارة جوية على مدينة الحديدة.",
        "وأعلنت مصادر محلية مقتل مدير مركز الأبحاث في تفجير سيارة مفخخة أمس.",
        "وأسفر الكمين عن مقتل مسؤول الإمداد في الجماعة المسلحة.",
    ],
)
def test_claims_the_title_of_one_office_holder_counts_one(text):
    claim = one_claim(text, "killed")
    assert (claim.low, claim.high) == (1, 1)


@pytest.mark.parametrize(
    "text, lows",
    [
        ("وقال المسؤول إن ثلاثة موظفين وأربعة حراس قد قتلوا في الهجوم.", {3, 4}),
        ("وأعلن الجيش مقتل 8 جنود و14 مسلحا إثر هجوم على معسكر.", {8, 14}),
    ],
)
def test_claims_coordinated_counts_share_the_trigger(text, lows):
    assert {c.low for c in claims_of(text) if c.kind == "killed"} == lows


def test_claims_unnamed_victims_follow_the_previous_figure():
    text = (
        "قتل 12 مدنيا في غارة جوية على سوق في مدينة الحديدة. وقال أطباء إن الغارة أسفرت عن مقتل 20 وإصابة 60."
    )
    injured = one_claim(text, "injured")
    assert injured.victim.name.startswith("Civilians")


def test_claims_breakdown_of_a_toll_gives_a_claim_per_side():
    claims = claims_of(
        "وأعلنت الحكومة سقوط 13 قتيلا هم أربعة جنود وخمسة مدنيين وأربعة مهاجمين في الهجوم على الفندق."
    )
    killed = sorted((c.low, c.victim.name) for c in claims if c.kind == "killed")
    assert [low for low, _ in killed] == [4, 4, 5, 13]
    assert dict((low, name) for low, name in killed)[13] == "unknown"


def test_claims_victim_is_the_group_a_fighter_belongs_to():
    claim = one_claim("وقال مسؤول محلي إن ما لا يقل عن 15 مقاتلا من مجموعة فاغنر قتلوا في الكمين.", "killed")
    assert claim.victim.name == "Wagner Group"


def test_claims_unnamed_victims_are_the_side_attacked():
    text = (
        "وتبنت المقاومة الشعبية هجوما على دورية تابعة للحوثيين في الحديدة ما أسفر عن مقتل اثنين وإصابة ثلاثة."
    )
    victims = {c.kind: c.victim.name for c in claims_of(text)}
    assert victims == {"killed": "Houthi Movement", "injured": "Houthi Movement"}


@pytest.mark.parametrize(
    "text",
    [
        "وأسفر انفجار سيارة مفخخة عن سقوط 60 قتيلا وجريحا، بحسب مصادر طبية.",
        "وأدى انفجار العبوة في السوق إلى سقوط 14 شخصا بين قتيل وجريح.",
        "وأسفر سقوط قذيفة على الحي عن مقتل وإصابة 17 مدنيا بحسب الدفاع المدني.",
        "وأدى الهجوم على نقطة التفتيش إلى استشهاد وجرح تسعة من أفراد الشرطة.",
    ],
)
def test_claims_an_exact_total_of_dead_and_wounded_is_no_claim(text):
    assert [c for c in claims_of(text) if c.kind in ("killed", "injured")] == []


@pytest.mark.parametrize(
    "text, low",
    [
        ("وأسفرت الغارة على مواقع للجيش السوري عن سقوط عدد من القتلى والجرحى في صفوفه.", 2),
        ("وأسفر القصف على مواقع الجيش السوري عن سقوط قتلى وجرحى في صفوف الجيش السوري.", None),
        ("وأسفرت المواجهات في أطراف المدينة عن مقتل وإصابة العشرات من المسلحين.", 10),
        ("وأدى التفجير إلى استشهاد وإصابة عدد من عناصر الأمن داخل المقر.", 2),
    ],
)
def test_claims_vague_dead_and_wounded_make_a_claim_of_each(text, low):
    claims = claims_of(text)
    assert sorted((c.kind, c.low) for c in claims) == [("injured", low), ("killed", low)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "وأعلنت وزارة الصحة سقوط 12 قتيلا هم أربعة شرطيين وخمسة سائقين يعملون لدى منظمة إغاثة "
            "محلية في المدينة وثلاثة مسلحين.",
            [12, 4, 5, 3],
        ),
        ("وأسفر الهجوم عن سقوط 9 قتلى هم خمسة جنود وأربعة متمردين.", [9, 5, 4]),
    ],
)
def test_claims_breakdown_items_described_at_length_stay_in_the_list(text, expected):
    assert sorted(c.low for c in claims_of(text) if c.kind == "killed") == sorted(expected)


@pytest.mark.parametrize(
    "text, first_noun, second_noun",
    [
        (
            "وقال مدير المستشفى إن خمسة موظفين وثلاثة حراس أمن قتلوا في الهجوم على مقر البلدية في سرت.",
            "موظفين",
            "حراس",
        ),
        ("أكد مسؤول محلي مقتل اثنين من الجنود وستة عمال في انفجار قرب منجم في غاو.", "الجنود", "عمال"),
    ],
)
def test_claims_a_coordinated_count_with_its_own_noun_keeps_its_own_victim(text, first_noun, second_noun):
    claims = sorted((c for c in claims_of(text) if c.kind == "killed"), key=lambda c: c.victim.span.start)
    assert [c.victim.text for c in claims] == [first_noun, second_noun]


@pytest.mark.parametrize(
    "text",
    [
        "قتل 40 شخصا بينهم ستة باكستانيين في تفجير سوق في كابول.",
        "وأسفر التفجير عن مقتل 25 مدنيا بينهم ثلاثة أجانب في مدينة غاو.",
    ],
)
def test_claims_breakdown_items_keep_the_victims_of_the_total(text):
    claims = [c for c in claims_of(text) if c.kind == "killed"]
    assert len({c.victim.name for c in claims}) == 1, [(c.low, c.victim.name, c.victim.text) for c in claims]


@pytest.mark.parametrize(
    "text, kind, country",
    [
        ("قتل ثلاثة فرنسيين في هجوم مسلح على فندق في باماكو.", "killed", "France"),
        ("خطف مسلحون أربعة كنديين في شمال مالي.", "captured", "Canada"),
        ("وقال الوزير إنه لا ضحايا فرنسيين في الهجوم.", "killed", "France"),
    ],
)
def test_claims_nisba_plural_names_civilians_of_that_country(text, kind, country):
    claim = one_claim(text, kind)
    assert claim.victim.name == f"Civilians ({country})"


@pytest.mark.parametrize(
    "text, kind, low, high",
    [
        # an adjective of state (حال) describes the count from anywhere in its clause
        (
            "وقال مدير المستشفى إنه تم نقل 23 شخصا إلى مستشفى المدينة مصابين بجروح بعد الهجوم.",
            "injured",
            23,
            23,
        ),
        ("ونقلت سيارات الإسعاف 9 أشخاص إلى المركز الصحي مصابين بحروق بعد القصف.", "injured", 9, 9),
        # the verb that opens "لقي ... حتفهم" governs the count after it, not a number near the noun
        ("لقي 7 أشخاص من عائلة واحدة حتفهم في غارة على منزلهم.", "killed", 7, 7),
        ("ولقي 5 مدنيين على الأقل حتفهم في انفجار سيارة مفخخة.", "killed", 5, None),
        ("وقال الطبيب إن أربعة أطفال من عائلة واحدة لقوا حتفهم في القصف.", "killed", 4, 4),
        # injured verbs after their count, feminine and dual forms included
        ("وأفاد شهود بأن ثلاث نساء أصبن بجروح في الهجوم على القرية.", "injured", 3, 3),
        ("وقال المتحدث إن 11 شخصا أصيبوا بشظايا في انفجار العبوة.", "injured", 11, 11),
        ("وقال الدفاع المدني إن عشرين شخصا اختنقوا حتى الموت في الهجوم بالغاز.", "killed", 20, 20),
    ],
)
def test_claims_count_reaches_its_trigger_across_the_phrase(text, kind, low, high):
    claim = one_claim(text, kind)
    assert (claim.low, claim.high) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "أصيب 4 جنود في الهجوم ونقل 6 مدنيين إلى المستشفى مصابين.",
    ],
)
def test_claims_state_adjective_takes_the_nearest_count(text):
    assert sorted(c.low for c in claims_of(text) if c.kind == "injured") == [4, 6]


@pytest.mark.parametrize(
    "text, low, high, attacker",
    [
        (
            "فجر انتحاريان نفسيهما في سوق مزدحم بالمدينة مما أدى إلى مقتل 14 شخصا إضافة إلى الانتحاريين.",
            2,
            2,
            "انتحاريان",
        ),
        ("وقد فجر الانتحاري نفسه عند مدخل الثكنة العسكرية.", 1, 1, "الانتحاري"),
        ("وقتل تسعة أشخاص في الهجوم على المسجد إضافة إلى الانتحاري، بحسب الشرطة.", 1, 1, "الانتحاري"),
        ("وتناثرت أشلاء الانتحاريين في الساحة بعد تفجير نفسيهما قرب الحاجز.", 2, 2, "الانتحاريين"),
    ],
)
def test_claims_suicide_attackers_are_killed_on_their_side(text, low, high, attacker):
    attackers = [c for c in claims_of(text) if c.kind == "killed" and c.victim.text == attacker]
    assert [(c.low, c.high) for c in attackers] == [(low, high)]
    assert not attackers[0].victim.name.startswith("Civilians")


@pytest.mark.parametrize(
    "text",
    [
        "وقع انفجار في السوق في اليوم نفسه.",
        "وقتل المسلحون حارسين قبل التفجير نفسه.",
        "وفي صلاة الفجر نفسها هاجم مسلحون القرية.",
    ],
)
def test_claims_same_and_itself_are_no_suicide(text):
    assert all(
        c.victim.text not in ("نفسه", "نفسها")
        and "Rebels" not in c.victim.name
        and "Armed" not in c.victim.name
        for c in claims_of(text)
        if c.kind == "killed"
    )


def test_claims_open_attacker_figure_gives_way_to_an_exact_one():
    text = (
        "وبحسب الشرطة، فجر انتحاري واحد على الأقل نفسه قرب نقطة التفتيش الرئيسية. "
        "وقال الحارس إنه رأى أشلاء الانتحاريين بعد تفجير نفسيهما."
    )
    attackers = [(c.low, c.high) for c in claims_of(text) if c.kind == "killed"]
    assert attackers == [(2, 2)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وقصفت طائرات حربية قرية في ريف إدلب، ولم يسقط قتلى أو جرحى.", [("injured", 0), ("killed", 0)]),
        ("وتعرضت دورية للجيش المالي لكمين قرب غاو ولم يصب أي جندي بأذى.", [("injured", 0)]),
    ],
)
def test_claims_a_denied_toll_counts_zero_of_each_kind_it_names(text, expected):
    assert sorted((c.kind, c.low) for c in claims_of(text)) == expected


def test_claims_the_people_a_denial_spares_are_its_victims():
    claim = one_claim("وتعرضت دورية للجيش المالي لكمين قرب غاو ولم يصب أي جندي بأذى.", "injured")
    assert "Mali" in claim.victim.name


@pytest.mark.parametrize(
    "text, low",
    [
        ("وعثرت الشرطة على جثتين بعد انفجار عبوة ناسفة في سوق المدينة.", 2),
        ("وقتل قائد ومقاتل من حركة الشباب في غارة جوية قرب كيسمايو.", 2),
        ("وقتل جنود ثلاثة من الجيش المالي في كمين قرب تمبكتو.", 3),
    ],
)
def test_claims_duals_postposed_numbers_and_joined_singulars_count(text, low):
    claim = one_claim(text, "killed")
    assert (claim.low, claim.high) == (low, low)


def test_claims_a_number_after_its_noun_counts_that_noun():
    claim = one_claim("وقتل جنود ثلاثة في هجوم شنه مسلحون على نقطة للجيش المالي.", "killed")
    assert "Mali" in claim.victim.name


@pytest.mark.parametrize(
    "text",
    [
        "وأسفر القصف عن مقتل أربعة جنود وتدمير 5 منازل في القرية.",
        "وشنت الطائرات 20 غارة على المنطقة أسفرت عن مقتل أربعة جنود.",
        "وقتل أربعة جنود في الهجوم، وأصدرت النيابة 12 مذكرة توقيف بحق المشتبه بهم.",
        "وقتل أربعة جنود في الهجوم الذي أطلق فيه المسلحون 300 طلقة على الحاجز.",
    ],
)
def test_claims_a_count_of_things_is_no_toll(text):
    assert [(c.kind, c.low) for c in claims_of(text)] == [("killed", 4)]


def test_claims_the_attacker_after_the_count_is_not_the_victim():
    claim = one_claim("وعثر السكان على جثتين قرب السوق بعد هجوم للمسلحين.", "killed")
    assert claim.victim.name == "unknown"


@pytest.mark.parametrize(
    "text, kind, low",
    [
        ("وأعلن الجيش المالي فقدان ثلاثة من جنوده بعد الكمين قرب غاو.", "missing", 3),
        ("وقال الجيش إن أربعة جنود مفقودون منذ الهجوم على الثكنة.", "missing", 4),
        ("وفقد 20 شخصا حياتهم في انفجار سيارة مفخخة وسط المدينة.", "killed", 20),
        ("وأعلن الجيش الإفراج عن خمسة رهائن كانوا محتجزين لدى الجماعة المسلحة.", "captured", 5),
        ("وألقت الشرطة القبض على ثلاثة مشتبه بهم في الهجوم على السوق.", "captured", 3),
    ],
)
def test_claims_missing_freed_and_arrested_people(text, kind, low):
    assert (kind, low) in {(c.kind, c.low) for c in claims_of(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وأحبطت الشرطة محاولة قتل محافظ المدينة بعبوة ناسفة زرعت قرب منزله.", []),
        ("ونجا القاضي من محاولة اختطاف نفذها مسلحون قرب المحكمة في بنغازي.", []),
        ("وقال الشهود إن المسلحين حاولوا خطف ثلاثة مهندسين أجانب قبل أن يفروا.", []),
        ("وأكد المصدر أن المهاجم حاول قتل الحارس، وأصيب شرطيان في تبادل إطلاق النار.", [("injured", 2)]),
    ],
)
def test_claims_an_attempt_right_before_the_casualty_word_counts_nobody(text, expected):
    assert [(c.kind, c.low) for c in claims_of(text)] == expected


def test_claims_a_life_word_alone_is_no_death():
    text = "وقتل جندي في الهجوم على الثكنة، وقالت زوجته إنها لم تكن تعرف شيئا عن حياته في الجيش."
    assert [(c.kind, c.low) for c in claims_of(text)] == [("killed", 1)]


@pytest.mark.parametrize(
    "text, victim, low",
    [
        ("قتل مسلحون مجهولون جنديا في هجوم على حاجز قرب مدينة غاو.", "جنديا", 1),
        ("قتلت قوات الأمن متظاهرا خلال احتجاجات في مدينة غاو.", "متظاهرا", 1),
        ("قتل مسلحون جنديين في هجوم على حاجز قرب مدينة غاو.", "جنديين", 2),
    ],
)
def test_claims_the_object_after_the_killers_name_is_the_victim(text, victim, low):
    claim = one_claim(text, "killed")
    assert (claim.victim.text, claim.low, claim.high) == (victim, low, low)


@pytest.mark.parametrize(
    "text, kind, victim, low",
    [
        ("اعتقلت قوات الأمن العراقية الناشط في مدينة البصرة يوم الأحد.", "captured", "الناشط", 1),
        ("واعتقلت قوات الأمن الرجل في مدينة كركوك فجر اليوم.", "captured", "الرجل", 1),
        ("أوقفت القوات الإسرائيلية السبت إيطاليين قرب الجدار في بيت لحم.", "captured", "ايطاليين", None),
        ("قتلت قوة من الجيش مسلحا عند حاجز قرب مدينة غاو.", "killed", "مسلحا", 1),
    ],
)
def test_claims_a_force_named_as_a_body_after_the_verb_is_the_one_who_acts(text, kind, victim, low):
    claim = one_claim(text, kind)
    assert (claim.victim.text.replace("إ", "ا"), claim.low) == (victim, low)


def test_claims_a_force_with_no_object_named_is_not_its_own_victim():
    claims = claims_of("وقتلت قوات من جيش الاحتلال الأسير في مدينة جنين.")
    assert not [c for c in claims if c.victim.text == "جيش الاحتلال"]


@pytest.mark.parametrize(
    "text, victim, low, high",
    [
        ("لقي شاب مصرعه برصاص قوات الجيش قرب مدينة غاو في هجوم مسلح.", "شاب", 1, 1),
        ("لقيت امرأة حتفها في قصف على مدينة تعز.", "امرأة", 1, 1),
        ("لقي شقيقان حتفهما في انفجار لغم قرب مدينة تعز.", "شقيقان", 2, 2),
        (
            "ولقي 20 من طلاب أكاديمية الشرطة في العاصمة الأفغانية كابل أمس حتفهم في تفجير انتحاري.",
            "طلاب",
            20,
            20,
        ),
    ],
)
def test_claims_the_pronoun_closing_a_death_phrase_counts_its_people(text, victim, low, high):
    claim = one_claim(text, "killed")
    assert (claim.victim.text, claim.low, claim.high) == (victim, low, high)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("أسفر الهجوم على الحاجز عن مقتل ضابط وثلاثة مجندين من الجيش المصري.", [("killed", 4)]),
        ("قتلت سيدة وثلاثة من أطفالها في قصف على حي سكني بمدينة حلب.", [("killed", 4)]),
        ("قتل جندي وثلاثة مدنيين في هجوم على حاجز أمني قرب العريش.", [("killed", 1), ("killed", 3)]),
    ],
)
def test_claims_singulars_joined_to_a_count_are_counted_with_it_or_apart(text, expected):
    assert sorted((c.kind, c.low) for c in claims_of(text)) == expected


def test_claims_the_kidnappers_verb_counts_those_taken():
    claim = one_claim("قال مسؤولون إن مسلحين خطفوا 80 طالبا من مدرسة داخلية في ولاية كاتسينا.", "captured")
    assert (claim.low, claim.high) == (80, 80)


def test_claims_a_singular_accusative_object_right_after_the_verb_is_one_person():
    claim = one_claim("قالت الوزارة إن قوات الأمن قتلت مسلحا واعتقلت 13 آخرين في عملية قرب سجنان.", "killed")
    assert (claim.victim.text, claim.low, claim.high) == ("مسلحا", 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "استشهد 12 رجل أمن في تفجير انتحاري استهدف مسجدا في مدينة أبها.",
        "أسفر الهجوم المسلح عن مقتل 4 عناصر من الأمن العام في مدينة السلط.",
    ],
)
def test_claims_security_men_are_police_not_civilians(text):
    claim = one_claim(text, "killed")
    assert claim.victim.name.startswith("Police Forces of")


def test_claims_a_count_of_them_counts_the_armed_party_named_before():
    text = "وقالت قوات الدعم السريع إنها صدت هجوما للجيش وقتلت المئات منهم قرب مدينة الفاشر."
    claim = one_claim(text, "killed")
    assert claim.victim.name.startswith("Military Forces of") and (claim.low, claim.high) == (100, 999)


def test_claims_a_count_before_a_breakdown_keeps_its_own_noun():
    claims = {(c.low, c.victim.text) for c in claims_of("قتل 13 شخصا منهم خمسة أطفال في قصف على مدينة حلب.")}
    assert (13, "شخصا") in claims


def test_claims_a_headlines_vague_toll_gives_way_to_the_figure_the_body_attributes():
    text = (
        "مقتل العشرات في قصف على سوق الفاشر\n\n"
        "قالت لجان المقاومة إن 27 مدنيا قتلوا يوم الأحد في قصف مدفعي على السوق الرئيسية في مدينة الفاشر."
    )
    killed = [(c.low, c.source is not None) for c in claims_of(text) if c.kind == "killed"]
    assert killed == [(27, True)]


def test_claims_a_singular_person_before_its_verb_after_inna_is_one_killed():
    claim = one_claim(
        "وقالت مصادر طبية إن متظاهرا قتل برصاص قوات الأمن خلال احتجاجات في مدينة البصرة.", "killed"
    )
    assert (claim.victim.text, claim.low, claim.high) == ("متظاهرا", 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "وقال مصدر طبي إن متظاهرا في العشرين من عمره توفي في المستشفى إثر إصابته في مدينة الديوانية.",
        "وأصيب رجل يبلغ من العمر 42 عاما برصاص مسلحين في مدينة الحلة.",
    ],
)
def test_claims_an_age_counts_no_one(text):
    assert all(c.low not in (20, 42) for c in claims_of(text))


def test_claims_a_breakdown_of_the_same_victims_is_no_claim_of_its_own():
    lows = sorted(
        c.low
        for c in claims_of("قال المرصد إن تسعة مدنيين بينهم أربعة أطفال قتلوا في قصف على بلدة سرمين.")
        if c.kind == "killed"
    )
    assert lows == [9]


@pytest.mark.parametrize(
    "text, kind, total",
    [
        ("وأسفر انفجار السيارة المفخخة في السوق عن سقوط 23 قتيلا بينهم خمسة أطفال وامرأتان.", "killed", 23),
        ("وأسفر القصف المدفعي على المدينة عن سقوط أكثر من 60 جريحا بينهم 14 طفلا و9 نساء.", "injured", 61),
        ("ارتفعت حصيلة القصف على الحي إلى 17 قتيلا بينهم ثلاثة مسنين.", "killed", 17),
    ],
)
def test_claims_women_and_children_among_a_toll_are_part_of_it(text, kind, total):
    claims = [c for c in claims_of(text) if c.kind == kind]
    assert [c.low for c in claims] == [total]
    assert claims[0].victim.name.startswith("Civilians")


@pytest.mark.parametrize(
    "text, victim",
    [
        ("خطف مسلحون أكثر من 80 تلميذا من مدرسة في ولاية كادونا.", "Civilians (Nigeria)"),
        ("أدى الهجوم إلى مقتل حارس للمدرسة في ولاية كادونا.", "Civilians (Nigeria)"),
    ],
)
def test_claims_pupils_and_guards_are_civilians(text, victim):
    assert [c.victim.name for c in claims_of(text)] == [victim]


@pytest.mark.parametrize(
    "text, victim",
    [
        ("اعتقلت القوات الإسرائيلية 15 فلسطينيا خلال حملة مداهمات في مدينة جنين.", "Civilians (Palestine)"),
        ("قتل 20 عراقيا في تفجير سيارة مفخخة في سوق ببغداد.", "Civilians (Iraq)"),
    ],
)
def test_claims_a_counted_singular_nisba_names_nationals(text, victim):
    assert [c.victim.name for c in claims_of(text)] == [victim]


@pytest.mark.parametrize(
    "text, victim",
    [
        ("مقتل فلسطيني برصاص قوات الاحتلال شرق مدينة خان يونس.", "Civilians (Palestine)"),
        ("قتل عراقي في انفجار عبوة ناسفة في سوق ببغداد.", "Civilians (Iraq)"),
    ],
)
def test_claims_a_singular_nisba_after_the_casualty_word_is_one_national(text, victim):
    assert [(c.low, c.victim.name) for c in claims_of(text)] == [(1, victim)]


def test_claims_people_taken_to_hospital_are_injured():
    claim = one_claim(
        "وقالت خدمة الإسعاف إن 15 شخصا نقلوا إلى المستشفى بعد الهجوم المسلح على مطعم في مدينة تورونتو.",
        "injured",
    )
    assert claim.low == 15


def test_claims_the_victim_never_lies_past_the_fight_that_hit_them():
    claim = one_claim(
        "أعلن الجيش الأوكراني أن 4 جنود قتلوا وأصيب 15 في قتال مع متمردين في شرق البلاد.", "injured"
    )
    assert claim.victim.name.startswith("Military Forces of Ukraine")


@pytest.mark.parametrize(
    "text, victim",
    [
        ("وأدى إطلاق النار على المركب قرب سواحل تطوان المغربية إلى مقتل الشابة حياة.", "الشابة"),
        (
            "أعلنت حركة طالبان الباكستانية المسؤولية عن قتل القاضي طاهر خان نيازي "
            "في مدينة بيشاور الباكستانية.",
            "القاضي",
        ),
    ],
)
def test_claims_one_named_person_of_a_civilian_calling_is_one_civilian_killed(text, victim):
    claim = one_claim(text, "killed")
    assert (claim.victim.text, claim.low, claim.victim.name.startswith("Civilians")) == (victim, 1, True)


def test_claims_our_men_are_the_speakers_side():
    claim = one_claim(
        "وقال مسؤول في الجيش المالي لوكالة فرانس برس إن نحو عشرة من رجالنا قتلوا في الهجوم على مدينة تمبكتو.",
        "killed",
    )
    assert (claim.low, claim.victim.name.startswith("Military Forces of Mali")) == (10, True)


def test_claims_its_own_soldiers_are_the_speakers_side():
    text = (
        "أعلن الجيش المالي أنه صد هجوما على قاعدته في بلدة ليري، مؤكدا مقتل 15 مهاجما وفقدان ثلاثة من جنوده."
    )
    claim = one_claim(text, "missing")
    assert (claim.low, claim.victim.name.startswith("Military Forces of Mali")) == (3, True)


def test_claims_a_folded_ta_marbuta_is_no_possessive():
    claim = one_claim(
        "أعلنت حركة طالبان الباكستانية المسؤولية عن قتل أحد قضاة محكمة ابتدائية في مدينة بيشاور الباكستانية.",
        "killed",
    )
    assert not claim.victim.name.startswith("Taliban")


@pytest.mark.parametrize(
    "text, kind, low",
    [
        ("وقال مصدر أمني إن شرطيا قتل في هجوم مسلح استهدف دورية في مدينة كركوك اليوم.", "killed", 1),
        (
            "وأطلق المسلح عدة أعيرة نارية على مجموعة من السياح فأصاب ستة بجروح في مدينة عمان اليوم.",
            "injured",
            6,
        ),
        ("وخطفت الجماعة تسعة أشخاص من قرية قرب مدينة سبها.", "captured", 9),
    ],
)
def test_claims_fronted_subjects_active_wounding_and_abduction_verbs(text, kind, low):
    claim = one_claim(text, kind)
    assert (claim.low, claim.high) == (low, low)


def test_claims_a_toll_after_the_bombers_own_dead_counts_their_victims_not_them():
    text = (
        "فجرت انتحاريتان نفسيهما في سوق مزدحمة في بلدة كوندوغا بولاية بورنو مساء السبت. "
        "وقال متحدث باسم الشرطة إن حصيلة القتلى بلغت تسعة."
    )
    victims = {c.low: c.victim.name for c in claims_of(text) if c.kind == "killed"}
    assert victims[2].startswith("Unidentified Armed Group") and victims[9] == "unknown"


def test_claims_a_second_count_joined_by_and_names_its_own_people():
    text = "قتل 25 متمردا حوثيا و8 من جنود القوات الحكومية في معارك عنيفة في محافظة الضالع."
    victims = {c.low: c.victim.name for c in claims_of(text) if c.kind == "killed"}
    assert victims[25] == "Houthi Movement" and victims[8].startswith("Military Forces of Yemen")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قضى 4 فلسطينيين في غارة إسرائيلية على خان يونس.", [("killed", 4)]),
        ("قضى الجريح 4 أيام في المستشفى بعد إصابته في الغارة.", []),
    ],
)
def test_claims_those_who_passed_away_are_dead_days_spent_are_not(text, expected):
    assert [(c.kind, c.low) for c in claims_of(text) if c.low] == expected


def test_claims_a_speaker_denying_the_toll_just_given_denies_that_figure():
    text = (
        "قتل 23 جنديا تشاديا في هجوم شنته جماعة بوكو حرام على موقع للجيش، وفق مصدر أمني. "
        "وأضاف المصدر أن الجيش قتل 63 من عناصر بوكو حرام. "
        'ونفى المتحدث باسم الجيش التشادي هذه الحصيلة، مؤكدا أن "سبعة جنود فقط قتلوا".'
    )
    denied = [(c.kind, c.low) for c in claims_of(text) if c.stance == "denied"]
    assert denied == [("killed", 23)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "قتل شرطيان وأصيب ثالث بجروح خطيرة في هجوم مسلح على دورية في مدينة العريش.",
            [("injured", 1), ("killed", 2)],
        ),
        (
            "قتل 12 جنديا في هجوم على معسكر للجيش قرب مدينة ميناكا، ولا يزال مصير خمسة جنود مجهولا.",
            [("killed", 12), ("missing", 5)],
        ),
        ("وأضاف متسائلا عن مصير 36 ألف مقاتل أجنبي في سوريا بعد انتهاء الحرب.", []),
    ],
)
def test_claims_a_third_one_hurt_and_soldiers_whose_fate_is_unknown(text, expected):
    assert sorted((c.kind, c.low) for c in claims_of(text)) == expected


@pytest.mark.parametrize(
    "text, kind, victim",
    [
        ("وأصيب مرافق الوزير بجروح في الهجوم على موكبه قرب عدن.", "injured", "مرافق"),
        ("استشهد رقيب في قصف على موقع حدودي قرب نجران.", "killed", "رقيب"),
        ("وقتل صحفي في انفجار سيارة مفخخة وسط بغداد.", "killed", "صحفي"),
    ],
)
def test_claims_a_person_noun_of_no_known_party_is_one_victim(text, kind, victim):
    claim = one_claim(text, kind)
    assert (claim.victim.text, claim.low, claim.high) == (victim, 1, 1)


def test_claims_another_one_hurt_is_of_the_people_counted_before():
    text = "قتل جندي في هجوم على حاجز قرب العريش، كما أصيب مرافق آخر بجروح."
    assert [(c.kind, c.low, c.victim.text) for c in claims_of(text)] == [
        ("killed", 1, "جندي"),
        ("injured", 1, "جندي"),
    ]


@pytest.mark.parametrize(
    "text, low",
    [
        ("أطلق مسلحان النار على القيادي في الحركة فقتل مع أحد مرافقيه قرب المخيم.", 2),
        ("لقي القائد الميداني مصرعه مع 2 من مرافقيه في غارة جوية قرب صعدة.", 3),
        ("قتل القائد مع سبعة آخرين من عناصر الجماعة في المعارك قرب مأرب.", 8),
        ("قتل خمسة أشخاص في اشتباكات مع الشرطة في مدينة البصرة.", 5),
        ("قتل الجنود مع 3 مدنيين في قصف على قرية قرب حماة.", 3),
    ],
)
def test_claims_those_killed_with_him_are_one_more_than_their_count(text, low):
    claim = one_claim(text, "killed")
    assert (claim.low, claim.high) == (low, low)


@pytest.mark.parametrize(
    "text, lows",
    [
        ("وذكرت الشبكة أن زعيم التنظيم و 10 مقاتلين آخرين قتلوا في غارة جوية قرب جلال آباد.", [11]),
        ("قتل قائد الكتيبة و3 آخرون في غارة جوية قرب مأرب.", [4]),
        ("قتل جندي و3 آخرون في هجوم على حاجز قرب العريش.", [4]),
        ("قتل 5 جنود و3 مدنيين آخرين في القصف على حماة.", [3, 5]),
    ],
)
def test_claims_others_joined_to_one_person_named_before_count_him_too(text, lows):
    assert sorted(c.low for c in claims_of(text) if c.kind == "killed") == lows


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "قتل خمسة جنود وثلاثة من المدنيين في قصف على قرية قرب حماة.",
            [("المدنيين", 3), ("جنود", 5)],
        ),
        (
            "قتل عشرة من منسوبي القوات وثلاثة من العاملين في الموقع في التفجير الذي استهدف المسجد في أبها.",
            [("العاملين", 3), ("منسوبي", 10)],
        ),
        (
            "أسفر التفجير عن مقتل جنديين وثلاثة من العاملين في الموقع.",
            [("العاملين", 3), ("جنديين", 2)],
        ),
        ("قتل جندي واحد في هجوم على حاجز قرب العريش.", [("جندي", 1)]),
    ],
)
def test_claims_a_count_joined_by_and_takes_its_own_people_not_those_before(text, expected):
    assert sorted((c.victim.text, c.low) for c in claims_of(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "أسفرت المعارك عن مقتل 26 من قوات النظام بالإضافة إلى تسعة مقاتلين روس قرب دير الزور.",
            [("killed", 9), ("killed", 26)],
        ),
        (
            "نتج عن التفجير مقتل عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين في الموقع.",
            [("killed", 3), ("killed", 10)],
        ),
    ],
)
def test_claims_a_count_added_to_another_is_a_claim_of_its_own(text, expected):
    assert sorted((c.kind, c.low) for c in claims_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وقال ضابط في الجيش إن ستة من الجنود قتلوا من قبل المسلحين قرب مدينة غاو.",
        "وأكد مسؤول محلي أن أربعة من عناصرنا اعتقلوا من قبل قوات الأمن في مدينة الرمادي.",
    ],
)
def test_claims_the_one_named_after_min_qibal_did_it_and_is_not_the_victim(text):
    assert all(not c.victim.text.startswith(("المسلحين", "قوات")) for c in claims_of(text))


@pytest.mark.parametrize(
    "text, low",
    [
        ("وأصيب ضابط في الشرطة في الهجوم المسلح على الحاجز وتوفي في المستشفى متأثرا بجروحه.", 1),
        ("وقال مصدر طبي إن جنديين توفيا متأثرين بجروح أصيبا بها في انفجار العبوة الناسفة.", 2),
    ],
)
def test_claims_the_wounded_who_died_of_their_wounds_are_killed(text, low):
    claims = claims_of(text)
    assert [(c.kind, c.low) for c in claims] == [("killed", low)]


def test_claims_wounded_of_another_count_stay_beside_one_who_died_of_wounds():
    claims = claims_of("قتل خمسة أشخاص وأصيب عشرة آخرون في الانفجار، وتوفي أحدهم لاحقا متأثرا بجروحه.")
    assert sorted((c.kind, c.low) for c in claims) == [("injured", 10), ("killed", 5)]
