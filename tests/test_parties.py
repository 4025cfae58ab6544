"""Parties: which actors an event's text makes a side, and ACLED's actor1/actor2 with associates."""

import datetime as dt

import pytest

import marsad
from marsad.pipeline import run
from marsad.pipeline.parties import same_side
from marsad.schema import Actor

PUBLISHED = "2024-07-28"


def parties_of(text):
    events = [e for e in marsad.extract(text, published=PUBLISHED).events if not e.background]
    assert events, "the text should give a news event"
    return [(a.name, a.side, a.associated) for a in events[0].actors]


def test_parties_allies_are_associated_with_their_side():
    text = (
        "اندلعت اشتباكات عنيفة أمس بين مسلحي جبهة تحرير أزواد والجيش المالي ومجموعة فاغنر "
        "قرب بلدة تساليت، وقتل خمسة جنود."
    )
    found = parties_of(text)
    sides = {name.split(" (")[0]: (side, associated) for name, side, associated in found}
    army = sides["Military Forces of Mali"]
    assert sides["Wagner Group"] == (army[0], True)
    assert army[1] is False
    assert {side for side, associated in sides.values() if not associated} == {1, 2}


@pytest.mark.parametrize(
    "text, absent",
    [
        # A group qualifying a speaker who is someone else is not a party.
        (
            "وأفاد عدد من المدونين العسكريين الروس بمقتل عشرة جنود ماليين في كمين قرب غاو أمس.",
            "Military Forces of Russia",
        ),
        # An ethnic word describing what a coalition is made of is not a side.
        (
            "أعلن تحالف انفصالي يضم في معظمه الطوارق سيطرته على بلدة بير بعد معارك مع الجيش المالي أمس.",
            "Tuareg Ethnic Militia",
        ),
        # What demonstrators protest against, or the leader they cheer, faces no one.
        (
            "تجمع آلاف المتظاهرين في مدينة إسطنبول اليوم للتعبير عن رفضهم للعمليات العسكرية ضد عناصر "
            "حزب العمال الكردستاني.",
            "PKK",
        ),
        (
            "فرقت الشرطة مساء الجمعة في مدينة إسطنبول مئات المتظاهرين الذين كانوا يدينون تنظيم داعش بعد "
            "الهجوم الانتحاري الذي وقع مطلع الأسبوع.",
            "Islamic State",
        ),
        ("استقبل آلاف المحتجين زعيم المعارضة في وسط العاصمة يريفان اليوم ورفعوا الأعلام.", "Opposition"),
    ],
)
def test_parties_leave_out_groups_that_are_not_sides(text, absent):
    assert not any(name.startswith(absent) for name, _, _ in parties_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات عنيفة بين الجيش ومسلحين قرب مدينة غاو شمالي مالي أمس، ما أسفر عن مقتل عشرة أشخاص.",
        "قتل سبعة أشخاص على الأقل في معارك بين الجيش المالي ومسلحين قرب بلدة تساليت أمس.",
        "أسفرت المواجهات بين قوات الأمن ومسلحين في بلدة قرب موبتي وسط مالي أمس عن مقتل شخصين.",
    ],
)
def test_parties_persons_a_battle_counts_are_no_civilian_side(text):
    found = parties_of(text)
    assert found and not any(name.startswith("Civilians") for name, _, _ in found)


@pytest.mark.parametrize(
    "text, civilians",
    [
        (
            "اندلعت اشتباكات عنيفة بين الجيش ومسلحين قرب مدينة غاو شمالي مالي أمس، ما أسفر عن مقتل عشرة "
            "مدنيين.",
            "Civilians (Mali)",
        ),
        (
            "قتل سبعة أطفال في معارك بين الجيش المالي ومسلحين قرب بلدة تساليت أمس.",
            "Civilians (Mali)",
        ),
    ],
)
def test_parties_civilians_a_battle_counts_by_name_are_a_side(text, civilians):
    assert civilians in [name for name, _, _ in parties_of(text)]


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        # The accusation in a sentence of its own: the one accused is who struck.
        (
            "قتل عشرة مدنيين في غارة جوية على سوق في مدينة الحديدة غربي اليمن أمس.\n"
            "واتهم الحوثيون التحالف العربي بشن الهجومين.",
            "Saudi-led Coalition",
        ),
        (
            "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في سوق بلدة أنسونغو شرق مالي أمس.\n"
            "واتهمت السلطات جماعة نصرة الإسلام والمسلمين بتنفيذ الاعتداء.",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        # In the event's own sentences: the accuser speaks, it is no side.
        (
            "قتل عشرة مدنيين في غارة جوية على سوق في مدينة الحديدة غربي اليمن أمس. "
            "واتهم الحوثيون التحالف العربي بشن الغارة.",
            "Saudi-led Coalition",
        ),
    ],
)
def test_parties_the_one_accused_of_an_attack_is_its_perpetrator_and_the_accuser_no_side(text, perpetrator):
    found = parties_of(text)
    assert found[0][:2] == (perpetrator, 1)
    assert not any(name.startswith(("Houthi", "Government")) for name, _, _ in found)


def test_parties_two_groups_accused_leave_the_perpetrator_unidentified():
    text = (
        "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في سوق بلدة أنسونغو شرق مالي أمس.\nواتهمت السلطات جماعة "
        "نصرة الإسلام والمسلمين بتنفيذ الهجومين، فيما اتهم سكان تنظيم الدولة الإسلامية بشن الهجومين."
    )
    assert parties_of(text)[0][:2] == ("Unidentified Armed Group (Mali)", 1)


def test_parties_civilians_of_an_attack_are_actor2():
    found = parties_of("قتل مسلحون مجهولون سبعة مدنيين في هجوم على قرية في وسط مالي أمس.")
    civilians = [entry for entry in found if entry[0].startswith("Civilians")]
    assert civilians and civilians[0][1:] == (2, False)
    assert found[0][1:] == (1, False) and not found[0][0].startswith("Civilians")


@pytest.mark.parametrize(
    "one, other, expected",
    [
        (("Wagner Group", 8, None), ("Military Forces of Mali (2021-)", 1, "MLI"), True),
        (("Military Forces of Mali (2021-)", 1, "MLI"), ("Police Forces of Mali (2021-)", 1, "MLI"), True),
        (("Military Forces of Mali (2021-)", 1, "MLI"), ("CSP-PSD", 2, "MLI"), False),
    ],
)
def test_parties_same_side(one, other, expected):
    def actor(name, inter, country):
        return Actor(name=name, text="", inter=inter, country=country)

    assert same_side(actor(*one), actor(*other)) is expected


def test_parties_civilians_never_lead_a_shelling_named_victims_first():
    from support import news_events

    found = news_events("قتل 27 مدنيا في قصف مدفعي شنته قوات الدعم السريع على سوق مدينة نيالا.")
    sides = {a.name: a.side for a in found[0].actors}
    assert sides["Rapid Support Forces"] == 1 and sides["Civilians (Sudan)"] == 2


@pytest.mark.parametrize(
    "text, first",
    [
        ("قتل 12 مسلحا حوثيا في غارات لطيران التحالف على مواقعهم في محافظة صعدة.", "Saudi-led Coalition"),
        (
            "قتل ثلاثة جنود ماليين في هجوم شنه مسلحون على موقع للجيش قرب بلدة نامبالا.",
            "Unidentified Armed Group",
        ),
        ("قتل 12 شخصا في هجوم انتحاري لتنظيم داعش على سوق في بغداد، إضافة إلى الانتحاريين.", "Islamic State"),
    ],
)
def test_parties_the_one_armed_party_a_toll_counts_does_not_lead_the_one_that_struck(text, first):
    leader = next(name for name, side, associated in parties_of(text) if side == 1 and not associated)
    assert leader.startswith(first)


def test_parties_a_fight_with_dead_on_both_sides_keeps_the_order_it_is_told_in():
    text = "قتل خمسة جنود وعشرة مسلحين من حركة الشباب في اشتباكات قرب مدينة كيسمايو."
    assert [name for name, side, associated in parties_of(text) if not associated][0].startswith("Military")


@pytest.mark.parametrize(
    "text, actors, why",
    [
        (
            "قتل خمسة مدنيين في انفجار عبوة ناسفة في سوق بمدينة غاو.",
            [("Unidentified Armed Group (Mali)", 1, False), ("Civilians (Mali)", 2, False)],
            "no group named: unidentified",
        ),
        (
            "قتل سبعة مدنيين في انفجار في سوق بمدينة صعدة. واتهم الحوثيون التحالف بشن الهجوم.",
            [("Saudi-led Coalition", 1, False), ("Civilians (Yemen)", 2, False)],
            "the one group the article accuses of an attack",
        ),
    ],
)
def test_parties_the_stage_gives_a_bombing_of_civilians_its_perpetrator(text, actors, why):
    event = run(text, dt.date(2024, 7, 28), until="parties").events[0]
    assert [(a.name, a.side, a.associated) for a in event.actors] == actors
    assert event.trace["perpetrator"] == why
