"""Casualty claims: count, kind, victim, source, stance and verification, on sentences we wrote."""
import pytest

import marsad

PUBLISHED = "2024-07-28"


def claims_of(text):
    result = marsad.extract(text, published=PUBLISHED)
    return [c for e in result.events if not e.background for c in e.claims]


def one_claim(text, kind):
    found = [c for c in claims_of(text) if c.kind == kind]
    assert len(found) == 1, [(c.kind, c.low, c.high) for c in claims_of(text)]
    return found[0]


@pytest.mark.parametrize("text, kind, low, high", [
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
])
def test_claims_count_and_kind(text, kind, low, high):
    claim = one_claim(text, kind)
    assert (claim.low, claim.high) == (low, high)


def test_claims_killed_or_captured_joins_the_two_kinds():
    claim = one_claim("وقال مصدر محلي إن ما لا يقل عن 20 مقاتلا قتلوا أو أسروا في الكمين.", "killed_or_captured")
    assert (claim.low, claim.high) == (20, None)


def test_claims_others_take_the_victim_of_the_claim_before():
    claims = claims_of("وقال الجيش المالي في بيان إن ثلاثة جنود قتلوا وأصيب عشرة آخرون في هجوم.")
    killed = next(c for c in claims if c.kind == "killed")
    injured = next(c for c in claims if c.kind == "injured")
    assert killed.victim.name == injured.victim.name
    assert "Mali" in killed.victim.name


@pytest.mark.parametrize("text, source_word", [
    ("وقال الجيش المالي في بيان إن ثلاثة جنود قتلوا في هجوم.", "الجيش"),
    ("قتل خمسة مدنيين في غارة جوية، بحسب مصادر طبية.", "مصادر طبية"),
    ("وأفاد مسؤول محلي بمقتل أربعة أشخاص في الهجوم.", "مسؤول محلي"),
])
def test_claims_source_is_the_reporting_subject(text, source_word):
    claim = one_claim(text, "killed")
    assert claim.source is not None and source_word in claim.source.text


def test_claims_article_voice_has_no_source():
    assert one_claim("قتل خمسة جنود في هجوم على معسكر للجيش.", "killed").source is None


def test_claims_attribution_carries_to_the_next_sentence():
    text = ("وقال المتحدث باسم الجيش في بيان إن الهجوم فشل. "
            "وأضاف البيان أن ستة مهاجمين قتلوا في الاشتباكات.")
    claim = one_claim(text, "killed")
    assert claim.source is not None and claim.source.text == "البيان"
    assert "المتحدث" in claim.source.name or "Military" in claim.source.name


def test_claims_denial_is_a_denied_stance():
    claim = one_claim("ونفت الحكومة أن 20 مدنيا قتلوا في الغارة.", "killed")
    assert claim.stance == "denied"


def test_claims_unverified_marker_in_the_same_sentence():
    claim = one_claim("وزعم التنظيم في بيان لا يمكن التحقق منه مقتل 14 جنديا في الكمين.", "killed")
    assert claim.unverified


def test_claims_unverified_marker_names_its_source():
    text = ("وقالت وكالة الأنباء إن 9 جنود قتلوا في الهجوم. "
            "وقال مصدر عسكري إن 5 مسلحين قتلوا في الهجوم. "
            "ولم يتسن التأكد بشكل مستقل من رواية الوكالة.")
    claims = {c.low: c for c in claims_of(text) if c.kind == "killed"}
    assert claims[9].unverified and not claims[5].unverified


def test_claims_a_number_in_a_date_is_not_a_count():
    claims = claims_of("قتل ثلاثة جنود في هجوم يوم 17 يوليو 2024.")
    assert [(c.low, c.high) for c in claims if c.kind == "killed"] == [(3, 3)]
