"""Attribution: who gives each figure, with what stance, and whether it was verified."""

import pytest

from marsad.lang.ar.normalize import fold
from marsad.pipeline import run
from marsad.pipeline.attribution import spoken_at
from support import PUBLISHED, claims_of, one_claim


@pytest.mark.parametrize(
    "text, source_word",
    [
        ("وقال الجيش المالي في بيان إن ثلاثة جنود قتلوا في هجوم.", "الجيش"),
        ("قتل خمسة مدنيين في غارة جوية، بحسب مصادر طبية.", "مصادر طبية"),
        ("وأفاد مسؤول محلي بمقتل أربعة أشخاص في الهجوم.", "مسؤول محلي"),
    ],
)
def test_attribution_source_is_the_reporting_subject(text, source_word):
    claim = one_claim(text, "killed")
    assert claim.source is not None and source_word in claim.source.text


def test_attribution_article_voice_has_no_source():
    assert one_claim("قتل خمسة جنود في هجوم على معسكر للجيش.", "killed").source is None


def test_attribution_attribution_carries_to_the_next_sentence():
    text = "وقال المتحدث باسم الجيش في بيان إن الهجوم فشل. وأضاف البيان أن ستة مهاجمين قتلوا في الاشتباكات."
    claim = one_claim(text, "killed")
    assert claim.source is not None and claim.source.text == "البيان"
    assert "المتحدث" in claim.source.name or "Military" in claim.source.name


def test_attribution_denial_is_a_denied_stance():
    claim = one_claim("ونفت الحكومة أن 20 مدنيا قتلوا في الغارة.", "killed")
    assert claim.stance == "denied"


def test_attribution_unverified_marker_in_the_same_sentence():
    claim = one_claim("وزعم التنظيم في بيان لا يمكن التحقق منه مقتل 14 جنديا في الكمين.", "killed")
    assert claim.unverified


def test_attribution_unverified_marker_names_its_source():
    text = (
        "وقالت وكالة الأنباء إن 9 جنود قتلوا في الهجوم. "
        "وقال مصدر عسكري إن 5 مسلحين قتلوا في الهجوم. "
        "ولم يتسن التأكد بشكل مستقل من رواية الوكالة."
    )
    claims = {c.low: c for c in claims_of(text) if c.kind == "killed"}
    assert claims[9].unverified and not claims[5].unverified


@pytest.mark.parametrize(
    "text, source_word",
    [
        ("وكان تنظيم القاعدة تحدث أمس في بيان عن مقتل 14 جنديا في الكمين.", "القاعدة"),
        ("إلا أن البعثة الأممية نفت بشدة أن 12 مدنيا قتلوا في الغارة.", "البعثة"),
        ("ونقلت وكالة الأنباء عن مسؤول محلي قوله إن خمسة أشخاص قتلوا في القصف.", "مسؤول محلي"),
        ('وذكرت قناة "الأفق" الإخبارية أن ما لا يقل عن 20 مسلحا قتلوا في الاشتباكات.', "الأفق"),
        ("وقال المتحدث باسم الجيش المالي إن ثلاثة جنود قتلوا في الكمين.", "المتحدث"),
    ],
)
def test_attribution_subject_forms(text, source_word):
    claim = one_claim(text, "killed")
    assert claim.source is not None and source_word in claim.source.text


@pytest.mark.parametrize(
    "text",
    [
        "وقال حاكم الولاية في تغريدة إن خمسة أشخاص قتلوا في الهجوم.",
        "وقال حاكم الولاية عبر حسابه على تويتر إن خمسة أشخاص قتلوا في الهجوم.",
        "وقال حاكم الولاية في مؤتمر صحفي إن خمسة أشخاص قتلوا في الهجوم.",
        "وقال حاكم الولاية في بيان مقتضب إن خمسة أشخاص قتلوا في الهجوم.",
    ],
)
def test_attribution_statement_words_end_the_source(text):
    claim = one_claim(text, "killed")
    assert claim.source is not None and claim.source.text == "حاكم الولاية"


def test_attribution_recipient_is_not_the_source_name():
    claim = one_claim("وقال مسؤول محلي لوكالة الأنباء الألمانية إن أربعة جنود قتلوا في الهجوم.", "killed")
    assert "الألمانية" not in claim.source.name and "مسؤول محلي" in claim.source.name


def test_attribution_negated_verb_reports_nothing():
    claims = claims_of("ولم تعلن الوزارة حصيلة القتلى. وقتل ثلاثة جنود في الهجوم.")
    assert [c.source for c in claims if c.kind == "killed"] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "أصيب شخصان في إطلاق نار خلال مسيرة في مدينة فيرجسون في الذكرى الأولى لمقتل شاب برصاص الشرطة.",
        "خطف مسلحون اثنين من موظفي الأمم المتحدة، بالإضافة إلى خطف موظف ثالث الشهر الماضي.",
    ],
)
def test_attribution_a_noun_spelled_like_a_verb_of_saying_names_no_source(text):
    assert run(text, PUBLISHED, until="attribution").attributions == {}


def test_attribution_spokesman_names_the_organisation():
    claim = one_claim("وقال المتحدث باسم الجيش المالي في بيان إن ثلاثة جنود قتلوا في الكمين.", "killed")
    assert (
        claim.source.name == "Military Forces of Mali (2021-)"
    )  # ACLED's name in the article's regime period


@pytest.mark.parametrize(
    ("published", "name"),
    [
        ("2019-05-01", "Military Forces of Mali (2013-2020)"),
        ("2024-07-28", "Military Forces of Mali (2021-)"),
    ],
)
def test_attribution_state_source_carries_the_regime_period_of_publication(published, name):
    claims = claims_of("وقال الجيش المالي في بيان إن ثلاثة جنود قتلوا في الكمين.", published=published)
    assert [c.source.name for c in claims if c.kind == "killed"] == [name]


def test_attribution_disclaimer_naming_no_one_covers_the_figures_before_it():
    text = (
        "وزعمت الجماعة في بيان أن مقاتليها قتلوا 30 جنديا في الهجوم. "
        "ولم يتسن التحقق من هذه الحصيلة من مصدر مستقل."
    )
    assert one_claim(text, "killed").unverified


def test_attribution_indefinite_sources_are_new_not_an_anaphor():
    text = "وقال مسؤول محلي إن الهجوم كان عنيفا. وقتل ثلاثة مدنيين في انفجار عبوة ناسفة، بحسب مصادر أمنية."
    assert one_claim(text, "killed").source.text == "مصادر أمنية"


def test_attribution_outlet_named_before_the_speaker():
    claim = one_claim("وقال لوكالة فرانس برس مصدر أمني إن خمسة جنود قتلوا في الهجوم.", "killed")
    assert claim.source.text == "مصدر أمني"


def test_attribution_particle_of_a_fronted_verb_is_not_the_source():
    claim = one_claim("وكان جيش النيجر قد أعلن مقتل عشرة مسلحين في الاشتباكات.", "killed")
    assert claim.source.text == "جيش النيجر"


@pytest.mark.parametrize(
    "text, figure",
    [
        (
            "أفاد شهود عيان وأطباء في مدينة تعز بمقتل 15 شخصا على الأقل في قصف شنه الحوثيون. "
            "وقال أطباء في المستشفى الرئيسي إن عدد القتلى بلغ 15 قتيلا.",
            15,
        ),
        (
            "أعلن الجيش النيجيري مقتل ستة مسلحين في هجوم على قاعدة في ولاية بورنو. "
            "وقالت وزارة الدفاع النيجيرية في بيان إن ستة مسلحين قتلوا.",
            6,
        ),
    ],
)
def test_attribution_one_speaker_named_twice_makes_one_claim(text, figure):
    killed = [c for c in claims_of(text) if c.kind == "killed" and c.low == figure]
    assert len(killed) == 1, [(c.low, c.high, c.source and c.source.text) for c in killed]
    assert killed[0].high == figure


@pytest.mark.parametrize(
    "text",
    [
        "وقال شهود في مدينة غاو إن 8 جنود قتلوا في هجوم شنه مسلحون. "
        "وقال شهود آخرون في المدينة إن 8 جنود قتلوا.",
        "وقال مصدر أمني إن 9 جنود قتلوا في الكمين قرب غاو. وقال متحدث باسم جبهة التحرير إن 9 جنود قتلوا.",
    ],
)
def test_attribution_different_speakers_giving_one_figure_are_two_claims(text):
    assert len([c for c in claims_of(text) if c.kind == "killed"]) == 2


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("وكتب الجيش المالي على تويتر أن أربعة جنود قتلوا في الهجوم على الثكنة.", "الجيش المالي"),
        ("واعترفت الجماعة بمقتل ستة من مقاتليها في الاشتباكات مع الجيش.", "الجماعة"),
    ],
)
def test_attribution_writing_and_admitting_are_speech(text, speaker):
    (claim,) = [c for c in claims_of(text) if c.kind == "killed"]
    assert claim.source is not None and claim.source.text == speaker


@pytest.mark.parametrize(
    "text, kind, speaker",
    [
        (
            "وقال الجيش إن عشرة جنود قتلوا في الهجوم، وأصيب أربعة آخرون وفقا لمصادر محلية.",
            "injured",
            "مصادر محلية",
        ),
        ("وقال الجيش إن عشرة جنود قتلوا في الهجوم، وأصيب أربعة آخرون وفقا لمصادر محلية.", "killed", "الجيش"),
        ("وقتل سبعة مدنيين في قصف على السوق، وفقا للمصادر الطبية.", "killed", "مصادر الطبية"),
        ("وقال مسؤول محلي إن 12 مدنيا قتلوا في القصف بحسب حصيلة أولية.", "killed", "مسؤول محلي"),
        (
            "وقال مسؤول محلي إن 12 مدنيا قتلوا في القصف وأصيب 30 آخرون بحسب مصادر طبية أخرى.",
            "injured",
            "مصادر طبية أخرى",
        ),
        (
            "وقال مسؤول محلي إن 12 مدنيا قتلوا في القصف وأصيب 30 آخرون بحسب مصادر طبية أخرى.",
            "killed",
            "مسؤول محلي",
        ),
    ],
)
def test_attribution_a_clause_final_preposition_names_its_clause_source(text, kind, speaker):
    (claim,) = [c for c in claims_of(text) if c.kind == kind]
    assert claim.source is not None and claim.source.text == speaker


def test_attribution_a_subject_before_its_verb_after_but_is_the_speaker():
    from support import claims_of

    text = (
        "قالت حركة الشباب إن مقاتليها قتلوا 47 جنديا في هجوم على قاعدة قرب مدينة كسمايو. "
        "لكن الجيش الصومالي قال إن قواته صدت الهجوم وقتلت 30 من المهاجمين، مضيفا أن خمسة جنود فقط قتلوا."
    )
    sources = {c.low: c.source.name for c in claims_of(text) if c.source}
    assert sources[30].startswith("Military Forces of Somalia") and sources[5].startswith(
        "Military Forces of Somalia"
    )
    assert sources[47] == "Al Shabaab"


def test_attribution_a_subjectless_speech_verb_speaks_for_the_party_that_opens_its_sentence():
    from support import claims_of

    text = (
        "قتل 12 جنديا في كمين لقافلة عسكرية في وسط مالي، بحسب مصادر أمنية. "
        "وتبنت جماعة نصرة الإسلام والمسلمين الهجوم في بيان، وقالت إنها قتلت أكثر من 20 جنديا."
    )
    sources = {c.low: c.source.name for c in claims_of(text) if c.source}
    assert sources[21].startswith("JNIM")


def test_attribution_a_sentence_that_says_where_the_one_before_came_from_gives_its_source():
    text = (
        "قتل 12 شخصا في انفجار سيارة مفخخة في سوق مدينة الباب يوم الأحد. "
        "جاء ذلك وفق ما أعلنته مديرية الصحة في المدينة."
    )
    claim = one_claim(text, "killed")
    assert (claim.low, claim.source.text) == (12, "مديرية الصحة في المدينة")


def test_attribution_how_a_speaker_spoke_is_no_part_of_its_name():
    text = "وقال المسؤول طالبا عدم كشف اسمه إن المهاجمين قتلوا 11 مدنيا في القرية."
    assert one_claim(text, "killed").source.text == "المسؤول"


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "قالت وزارة الداخلية إن ثمانية من عناصر الشرطة قتلوا في الهجوم، بينما قال المتحدث باسم الحركة إن "
            "مقاتليها قتلوا 30 شرطيا. وأكدت الوزارة مقتل 15 من المهاجمين.",
            "Ministry of Interior",
        ),
        (
            "أعلنت وزارة الدفاع مقتل 71 جنديا. وأضافت الوزارة في بيان تلي عبر التلفزيون أن 12 جنديا أصيبوا.",
            "Ministry of Defence",
        ),
    ],
)
def test_attribution_an_institution_named_again_is_the_one_named_before_not_the_last_speaker(text, source):
    assert all(c.source.name.startswith(source) for c in claims_of(text) if c.low in (15, 12))


@pytest.mark.parametrize(
    "text, place, spoken",
    [
        ("وقال رئيس الوزراء أمام الصحافيين في أنقرة «إن التفجير نفذه انتحاري».", "أنقرة", True),
        ("وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده في بغداد إن الانفجار قتل خمسة.", "بغداد", True),
        ("وقال الرئيس في خطاب ألقاه في طهران إن بلاده سترد.", "طهران", True),
        ("وقال مسؤول محلي في سراقب إن القصف استهدف سوقا شعبيا.", "سراقب", False),
        ("وقال الوزير أمام الصحافيين إن الهجوم وقع في بغداد.", "بغداد", False),
        ("واعتدت الشرطة على الصحافيين في القاهرة أمس.", "القاهرة", False),
    ],
)
def test_attribution_a_place_where_the_speaker_spoke(text, place, spoken):
    doc = run(text, until="attribution")
    offset = doc.folded.index(fold(place))
    assert spoken_at(doc, doc.sentence_of(offset), offset) is spoken


@pytest.mark.parametrize(
    "text",
    [
        "وكانت حصيلة أولية للانفجار الذي ضرب السوق، أفادت مساء الأحد عن مقتل 17 شخصا على الأقل.",
        "وأفادت حصيلة أولية بمقتل تسعة جنود في الهجوم على الثكنة.",
        "قتل 12 مدنيا في قصف على السوق بحسب حصيلة أولية.",
    ],
)
def test_attribution_a_toll_that_reports_a_figure_is_no_source(text):
    assert one_claim(text, "killed").source is None


@pytest.mark.parametrize(
    "text, source_word",
    [
        ("وتشير الحصيلة الرسمية للهجوم على الفندق إلى سقوط 13 قتيلا.", "الحصيلة الرسمية"),
        ("وأفادت حصيلة للمرصد السوري لحقوق الإنسان بمقتل 40 مدنيا في الغارات على البلدة.", "للمرصد السوري"),
    ],
)
def test_attribution_a_toll_issued_by_someone_is_their_word(text, source_word):
    claim = one_claim(text, "killed")
    assert claim.source is not None and source_word in claim.source.text


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "وزير الدفاع الصومالي يؤكد مقتل قيادي في حركة الشباب بغارة جوية\nوقال الوزير إن الغارة نجحت.",
            "وزير الدفاع الصومالي",
        ),
        ("الشرطة الكينية تعلن اعتقال خمسة مشتبه بهم في هجوم نيروبي", "الشرطة الكينية"),
        ("السلطات العراقية تعلن اعتقال أربعة مسلحين في كركوك", "السلطات العراقية"),
    ],
)
def test_attribution_a_headline_puts_its_speaker_before_a_present_tense_verb(text, source):
    claim = claims_of(text)[0]
    assert claim.source is not None and claim.source.text == source


@pytest.mark.parametrize(
    "text",
    [
        "قتل ستة أشخاص في انفجار بسوق وسط بغداد والشرطة تعلن مسؤوليتها عن تأمين المكان",
        "وفي سياق متصل يقول الجيش إن خمسة مسلحين قتلوا في الاشتباكات.",
    ],
)
def test_attribution_no_headline_speaker_after_numbers_or_an_adverb(text):
    claim = claims_of(text)[0]
    assert claim.source is None or claim.source.text == "الجيش"


@pytest.mark.parametrize(
    "text, source",
    [
        ("وقال مصدر أمني عراقي أمس الاثنين إن ثلاثة جنود قتلوا في هجوم قرب الموصل.", "مصدر أمني عراقي"),
        ("وأعلنت وزارة الصحة في غزة، الجمعة، أن فلسطينيين اثنين قتلا برصاص الجيش.", "وزارة الصحة في غزة"),
        ("وأعلنت قيادة الجيش في 12 آذار/مارس مقتل عشرة مسلحين في غارة.", "قيادة الجيش"),
        (
            "وأوضح المتحدث باسم الشرطة، العقيد سالم أحمد، أن ثمانية مسلحين قتلوا في الاشتباك.",
            "المتحدث باسم الشرطة، العقيد سالم أحمد",
        ),
    ],
)
def test_attribution_the_day_it_spoke_and_a_closing_comma_are_no_part_of_the_source(text, source):
    claim = claims_of(text)[0]
    assert claim.source is not None and claim.source.text == source
