"""Stage `victims`: the parties in view of each event and its claims with their victims resolved,
run on its own (`pipeline.run(until="victims")`)."""

import datetime as dt

import pytest

from marsad.pipeline import run

PUBLISHED = dt.date(2024, 7, 28)


def victims_of(text):
    doc = run(text, PUBLISHED, until="victims")
    return [(c.kind, c.low, c.victim.name) for e in doc.events for c in e.resolved_claims]


def actors_of(text):
    doc = run(text, PUBLISHED, until="victims")
    return [a.name for e in doc.events for a in e.actors]


@pytest.mark.parametrize(
    "text, victims",
    [
        (
            "شن مسلحون هجوما على دورية تابعة للجيش المالي قرب غاو أسفر عن مقتل ثلاثة.",
            [("killed", 3, "Military Forces of Mali (2021-)")],
        ),
        (
            "قالت مصادر طبية إن سبعة مدنيين قتلوا في غارة جوية على سوق في مدينة الفاشر، ومقتل 7 وإصابة 12.",
            [("killed", 7, "Civilians (Sudan)"), ("injured", 12, "Civilians (Sudan)")],
        ),
    ],
)
def test_victims_a_figure_naming_no_victim_takes_the_target_or_the_previous_figures(text, victims):
    assert victims_of(text) == victims


def test_victims_generic_gunmen_are_the_unidentified_armed_group_of_the_country():
    text = "اندلعت اشتباكات عنيفة بين الجيش المالي ومسلحين قرب كيدال."
    assert "Unidentified Armed Group (Mali)" in actors_of(text)


def test_victims_the_parties_in_view_have_no_side_yet():
    doc = run("اندلعت اشتباكات عنيفة بين الجيش المالي ومسلحين قرب كيدال.", PUBLISHED, until="victims")
    assert all(a.side is None for e in doc.events for a in e.actors)


@pytest.mark.parametrize(
    "text, injured",
    [
        (
            "قتل 12 شخصا وأصيب 60 آخرون في تفجير سيارة مفخخة في مدينة كركوك، وقال مسؤول في المستشفى "
            "إن نحو 15 جريحا ما زالوا في حالة حرجة.",
            [60],
        ),
        (
            "أصيب 25 جنديا في هجوم على قاعدة للجيش قرب مدينة غاو. وقال الجيش إن ثلاثة جنود أصيبوا "
            "في الهجوم الذي شنه مسلحون بالصواريخ في حالة خطيرة.",
            [25],
        ),
        ("أصيب أربعة جنود بحالة خطيرة في هجوم على قاعدة للجيش قرب مدينة غاو.", [4]),
    ],
)
def test_victims_wounded_in_a_grave_state_after_a_larger_count_are_among_them(text, injured):
    assert [low for kind, low, _ in victims_of(text) if kind == "injured"] == injured
