"""Stage `kinds`: each event's ACLED type and sub-type, and a demonstration's crowd, run on its own
(`pipeline.run(until="kinds")`)."""

import datetime as dt

import pytest

from marsad.pipeline import run

PUBLISHED = dt.date(2024, 7, 28)


def kinds_of(text):
    return [(e.event_type, e.sub_event_type) for e in run(text, PUBLISHED, until="kinds").events]


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "قتل خمسة مدنيين في انفجار عبوة ناسفة في سوق بمدينة غاو.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        ("اندلعت اشتباكات عنيفة بين الجيش المالي ومسلحين قرب كيدال.", ("Battles", "Armed clash")),
        # No tactic named and only civilians counted: one side firing on people, not a fight.
        ("هاجم مسلحون قرية قرب موبتي وقتلوا 20 مدنيا.", ("Violence against civilians", "Attack")),
        # Storming a house where only civilians are hit, one armed side named: an attack.
        (
            "اقتحم مسلحون منزلا في محافظة ديالى وقتلوا سبعة من أفراد عائلة واحدة.",
            ("Violence against civilians", "Attack"),
        ),
        ("اقتحم مسلحون مقرا للجيش في محافظة ديالى وقتلوا سبعة جنود.", ("Battles", "Armed clash")),
        # The victims need not be called civilians: no armed side is hit, one armed side stormed.
        (
            "اقتحم جنود الاحتلال منزلا في مدينة الخليل فجر أمس مما أسفر عن مقتل رجل وإصابة اثنين من أبنائه.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "اقتحم مسلحون منزل رئيس الحزب في صنعاء واختطفوا شقيقه واثنين من أبنائه.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "اعتقلت قوات الاحتلال ستة أطفال من بلدة العيسوية بعد اقتحام منازلهم.",
            ("Strategic developments", "Arrests"),
        ),
        ("تظاهر الآلاف في مدينة البصرة احتجاجا على انقطاع الكهرباء.", ("Protests", "Peaceful protest")),
        # An assassination told once as a car bomb's is that bomb's, however often it is named again.
        (
            "اغتيل النائب السابق في بيروت أمس بعبوة ناسفة. "
            "وأثار اغتيال النائب موجة من الغضب في بيروت. "
            "ويرى محللون أن اغتيال النائب رسالة سياسية. "
            "وندد زعماء الأحزاب باغتيال النائب.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "فرقت الشرطة بالغاز المسيل للدموع مئات المتظاهرين في مدينة البصرة.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_kinds_event_type_and_sub_type(text, kind):
    assert kinds_of(text) == [kind]


def test_kinds_a_demonstrations_crowd_is_named_as_acled_names_it():
    doc = run("تظاهر الآلاف في مدينة البصرة احتجاجا على انقطاع الكهرباء.", PUBLISHED, until="kinds")
    assert [a.name for a in doc.events[0].actors] == ["Protesters (Iraq)"]


@pytest.mark.parametrize(
    "text, why",
    [
        (
            "قتل خمسة مدنيين في انفجار عبوة ناسفة في سوق بمدينة غاو.",
            "the tactic the strong triggers keep naming",
        ),
        ("هاجم مسلحون قرية قرب موبتي وقتلوا 20 مدنيا.", "only civilians counted"),
        (
            "تظاهر الآلاف في مدينة البصرة احتجاجا على انقطاع الكهرباء.",
            "the highest kind of demonstration told",
        ),
    ],
)
def test_kinds_the_trace_names_the_rule_that_chose_the_type(text, why):
    assert [e.trace["type"] for e in run(text, PUBLISHED, until="kinds").events] == [why]


@pytest.mark.parametrize(
    "text, event_type",
    [
        # One clash word against a shelling and an air strike: the bombing is what the report tells.
        (
            "اندلعت اشتباكات في بلدة كفر نبل وتعرضت البلدة لقصف مدفعي وغارات جوية يوم الأحد.",
            "Explosions/Remote violence",
        ),
        ("اندلعت اشتباكات عنيفة ومعارك في بلدة كفر نبل بعد قصف مدفعي يوم الأحد.", "Battles"),
    ],
)
def test_kinds_the_type_is_voted_over_all_its_tactics(text, event_type):
    assert [kind for kind, _ in kinds_of(text)] == [event_type]
