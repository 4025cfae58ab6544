"""A place filter in Arabic as well as in the gazetteer's names (knowledge/place_names.py), and the
store's events query that asks it."""

from __future__ import annotations

import pytest

from marsad.knowledge.gazetteer import Gazetteer

pytest.importorskip("sqlalchemy", reason="the event store needs SQLAlchemy (the store extra)")

from marsad.knowledge.place_names import place_names  # noqa: E402
from marsad.knowledge.reference import KNOWLEDGE  # noqa: E402
from marsad.store import open_store  # noqa: E402

# Written for this test: attacks in two towns of Mali, named as the Arabic press names them.
ARTICLES = (
    ("قتل أربعة جنود في هجوم شنه مسلحون على موقع للجيش قرب مدينة غاو شمالي مالي أمس الأحد.", "2024-03-11"),
    (
        "قال مصدر أمني إن ثلاثة مدنيين قتلوا في انفجار عبوة ناسفة قرب مدينة موبتي وسط مالي أمس الأحد.",
        "2024-03-18",
    ),
)


@pytest.mark.parametrize(
    "query, name",
    [
        ("غاو", "Gao"),  # GeoNames' Arabic name
        ("مدينة غاو", "Gao"),  # with the word a reader may type before it
        ("بموبتي", "Mopti"),  # with a clitic
        ("ميناكا", "Ménaka"),  # no Arabic name in GeoNames: the transliteration, vowels agreeing
    ],
)
def test_place_names_resolve_arabic_names(query, name):
    assert name in place_names(query)


def test_place_names_keep_a_typed_name_to_places_spelled_alike():
    assert place_names("موبتي") == ("Mopti",)  # Maputo shares the consonants, not the vowels
    assert "Maputo" in [place.name for place in Gazetteer.default().lookup("موبتي")]


@pytest.mark.parametrize("query", ["", "   ", "Gao", None])
def test_place_names_of_nothing_or_latin_is_empty(query):
    assert place_names(query) == ()


@pytest.fixture()
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'events.db'}", KNOWLEDGE) as opened:
        for text, published in ARTICLES:
            opened.ingest(text, published=published)
        yield opened


def _ids(store, place):
    return [event["id"] for event in store.events(place=place)]


@pytest.mark.parametrize("arabic, latin", [("غاو", "Gao"), ("مدينة موبتي", "Mopti"), ("موبتي", "mopti")])
def test_store_place_filter_finds_the_same_events_in_arabic_and_latin(store, arabic, latin):
    assert _ids(store, arabic) == _ids(store, latin) != []
    assert store.count_events(place=arabic) == store.count_events(place=latin) == 1


def test_store_place_filter_finds_nothing_for_another_place(store):
    assert store.count_events(place="كيدال") == store.count_events(place="Kidal") == 0
    assert store.count_events(place="%") == 0  # a LIKE wildcard is itself


def test_store_events_carry_their_place_in_arabic(store):
    places = {event["location"]["name"]: event["location"]["name_ar"] for event in store.events()}
    assert places == {"Gao": Gazetteer.default().arabic_name(2457163), "Mopti": "موبتي"}
    assert places["Gao"] in ("غاو", "جاو")


def test_store_events_carry_their_place_as_the_article_wrote_it(store):
    written = {event["location"]["name"]: event["location"]["text"] for event in store.events()}
    assert written == {"Gao": "غاو", "Mopti": "موبتي"}
    for event in store.events():
        assert store.event(event["id"])["location"]["text"] == written[event["location"]["name"]]
