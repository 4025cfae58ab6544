"""Resolution with context: distances, directions, borders, admin words, other places."""

import pytest

from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.place_cues import cues_after, destination, direction_before, distance_km
from marsad.lang.ar.normalize import fold


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def resolve_all(gazetteer: Gazetteer, sentence: str, hints: list[str]) -> dict[str, object]:
    text = fold(sentence)
    mentions = gazetteer.find_mentions(text)
    context = gazetteer.context(text, mentions, hints)
    return {m.text: gazetteer.choose(m, hints, context)[0] for m in mentions}


@pytest.mark.parametrize(
    ("sentence", "kind", "bearing", "km", "capital"),
    [
        ("X على بعد 150 كيلومترا جنوب غرب العاصمة", "distance", 225, 150, True),
        ("X، على بعد نحو 40 كلم شمال كيدال", "distance", 0, 40, False),
        ("X شمالي بغداد", "direction", 0, None, False),
        ("X الواقعة إلى الجنوب الشرقي من الموصل", None, None, None, False),
    ],
)
def test_gazetteer_context_reads_distance_and_direction_cues(sentence, kind, bearing, km, capital):
    text = fold(sentence)
    cues = [cue for cue in cues_after(text, 1) if cue.kind != "border"]
    if kind is None:
        assert cues == [] or cues[0].bearing == pytest.approx(135)
        return
    assert cues and cues[0].kind == kind and cues[0].bearing == pytest.approx(bearing)
    assert cues[0].km == km and cues[0].capital == capital


def test_gazetteer_context_reads_a_border_cue():
    cues = cues_after(fold("X قرب الحدود الجزائرية"), 1)
    assert [cue.across for cue in cues if cue.kind == "border"] == ["DZA"]


def test_gazetteer_context_geometry_round_trips():
    lat, lon = destination(12.65, -8.0, 225, 150)
    assert distance_km(12.65, -8.0, lat, lon) == pytest.approx(150, rel=0.01)


def test_gazetteer_context_other_places_pick_the_nearby_namesake(gazetteer):
    places = resolve_all(gazetteer, "هاجم مسلحون موقع باروا العسكري قرب نغيغمي في منطقة ديفا", ["NER"])
    baroua = places[fold("باروا")]
    assert baroua.country == "NER" and distance_km(baroua.lat, baroua.lon, 13.89, 13.16) < 10


def test_gazetteer_context_bare_ba_reading_stays_an_alternative(gazetteer):
    mention = gazetteer.find_mentions(fold("تعرض موقع باروا العسكري لهجوم"))[0]
    assert mention.text == fold("باروا")
    assert [m.text for m in mention.alternatives] == [fold("اروا")]
    arua, _ = gazetteer.choose(mention, ["UGA"])
    assert arua.country == "UGA" and mention.reading_of(arua).text == fold("اروا")


@pytest.mark.parametrize(
    ("sentence", "hints", "code"),
    [
        ("غارات على محافظة حضرموت شرقي اليمن", ["YEM"], "ADM1"),
        ("اشتباكات في شمال سيناء", ["EGY"], "ADM1"),
        ("قصف على الغوطة الشرقية قرب دمشق", ["SYR"], "RGN"),
        ("معارك في ولاية جنوب كردفان", ["SDN"], "ADM1"),
        ("هجوم في محافظة ديالى", ["IRQ"], "ADM1"),
        ("كمين في إقليم أزواد", ["MLI"], "RGN"),
    ],
)
def test_gazetteer_context_regions_named_in_arabic_resolve(gazetteer, sentence, hints, code):
    places = [p for p in resolve_all(gazetteer, sentence, hints).values() if p is not None]
    assert any(p.feature_code == code and p.country == hints[0] for p in places), places


def test_gazetteer_context_admin_word_means_the_area(gazetteer):
    town = resolve_all(gazetteer, "غارات على مدينة الحديدة", ["YEM"])[fold("الحديدة")]
    area = resolve_all(gazetteer, "غارات على محافظة الحديدة", ["YEM"])
    assert town.feature_class == "P"
    assert any(p.feature_code == "ADM1" for p in area.values() if p)


def test_gazetteer_context_is_optional_and_bad_context_is_ignored(gazetteer):
    mention = gazetteer.find_mentions(fold("اشتباكات في كيدال"))[0]
    assert gazetteer.choose(mention, ["MLI"])[0] == gazetteer.choose(mention, ["MLI"], "junk")[0]
    assert gazetteer.context(None, [], []).anchors == ()


@pytest.mark.parametrize(
    "text, bearing",
    [("قتل جندي في شمال سوريا", 0), ("وقعت اشتباكات في جنوب غرب البلاد", 225), ("غارات وبالشمال سوريا", 0)],
)
def test_gazetteer_context_a_direction_right_before_a_name_gives_its_bearing(text, bearing):
    name = text.rsplit(" ", 1)[1]
    found = direction_before(fold(text), len(fold(text)) - len(fold(name)))
    assert found is not None and found[0] == pytest.approx(bearing)


def test_gazetteer_context_no_direction_before_a_name_gives_none():
    text = fold("قتل جندي في سوريا")
    assert direction_before(text, len(text) - len("سوريا")) is None
