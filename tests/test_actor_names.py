"""An actor filter in Arabic as well as in ACLED's names (knowledge/actor_names.py), and the store's
events query that asks it."""

from __future__ import annotations

import pytest

pytest.importorskip("sqlalchemy", reason="the event store needs SQLAlchemy (the store extra)")

from marsad.knowledge.actor_names import actor_names, arabic_actor_name  # noqa: E402
from marsad.knowledge.reference import KNOWLEDGE  # noqa: E402
from marsad.store import open_store  # noqa: E402

# Written for this test: the Malian army and Wagner fighters named as the Arabic press names them.
ARTICLE = (
    "قتل خمسة مدنيين في هجوم شنه الجيش المالي ومقاتلو مجموعة فاغنر على قرية قرب مدينة موبتي "
    "وسط مالي أمس الأحد، بحسب مصادر محلية."
)


@pytest.mark.parametrize(
    "query, name",
    [
        ("فاغنر", "Wagner Group"),
        ("لفاغنر", "Wagner Group"),
        ("الجيش المالي", "Military Forces of Mali"),
        ("FAMa", "Military Forces of Mali"),
    ],
)
def test_actor_names_resolve_aliases(query, name):
    assert name in actor_names(query)


@pytest.mark.parametrize(
    "query, names",
    [
        ("مسلحون مجهولون (مالي)", ("Unidentified Armed Group (Mali)",)),  # the Arabic name the page shows
        ("الجيش المالي (منذ 2021)", ("Military Forces of Mali",)),
        ("مدنيين", ("Civilians (",)),  # a generic actor without its country: every country's
        ("مدنيون", ("Civilians (",)),
    ],
)
def test_actor_names_resolve_the_names_the_page_shows(query, names):
    assert actor_names(query) == names


@pytest.mark.parametrize("query", ["", "   ", "مالي", None])
def test_actor_names_of_nothing_is_empty(query):
    assert actor_names(query) == ()


@pytest.fixture()
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'events.db'}", KNOWLEDGE) as opened:
        opened.ingest(ARTICLE, published="2024-03-11")
        yield opened


@pytest.mark.parametrize("query", ["فاغنر", "Wagner", "الجيش المالي", "Military Forces of Mali"])
def test_store_actor_filter_accepts_arabic_and_acled_names(store, query):
    assert store.count_events(actor=query) == 1
    assert store.events(actor=query)[0]["id"] == store.events()[0]["id"]


def test_store_actor_filter_finds_nothing_for_an_absent_actor(store):
    assert store.count_events(actor="حركة الشباب") == 0


@pytest.mark.parametrize(
    "query", ["مجموعة فاغنر", "الجيش المالي (منذ 2021)", "مدنيون (مالي)", "مدنيون", "Civilians (Mali)"]
)
def test_store_actor_filter_accepts_the_arabic_names_it_gives(store, query):
    assert store.count_events(actor=query) == 1


def test_store_events_carry_their_actors_in_arabic(store):
    event = store.events()[0]
    names = {actor["name"]: actor["name_ar"] for actor in event["actors"]}
    assert names["Wagner Group"] == "مجموعة فاغنر"
    assert all(arabic_actor_name(name) == arabic for name, arabic in names.items())
    detail = store.event(event["id"])
    for claim in detail["claims"]:
        assert claim["victim"]["name_ar"] == arabic_actor_name(claim["victim"]["name"])
    assert any(claim["victim"]["name_ar"] == "مدنيون (مالي)" for claim in detail["claims"])
