"""Actors' names in Arabic for readers, and the actors an Arabic name names (knowledge/actor_arabic.py)."""

from __future__ import annotations

import re

import pytest

from marsad.knowledge import actor_arabic
from marsad.knowledge.actor_arabic import arabic_name, name_of_arabic, names_of_arabic
from marsad.knowledge.actors import ActorBase
from marsad.resources import DataFileError


@pytest.mark.parametrize(
    "name, arabic",
    [
        ("Military Forces of Mali", "الجيش المالي"),
        ("Rapid Support Forces", "قوات الدعم السريع"),
        ("FLA: Azawad Liberation Front", "جبهة تحرير أزواد"),
        ("Civilians (Mali)", "مدنيون (مالي)"),  # a generic actor: the template with the country's Arabic name
        ("Unidentified Armed Group (Sudan)", "مسلحون مجهولون (السودان)"),
        ("Protesters (Morocco)", "متظاهرون (المغرب)"),
        ("Military Forces of Ghana", "جيش غانا"),
        ("Military Forces of Mali (2021-)", "الجيش المالي (منذ 2021)"),  # an open regime period
        ("Military Forces of Yemen (2012-2022) Hadi", "الجيش اليمني (2012-2022)"),
        ("Military Forces of Iraq (2022-) Peshmerga", "قوات البيشمركة (منذ 2022)"),  # a unit of them
    ],
)
def test_actor_arabic_names_actors_as_arabic_news_does(name, arabic):
    assert arabic_name(name) == arabic


@pytest.mark.parametrize("name", ["مصادر أمنية", "unknown", "Civilians (Unknown)", "", None, 7])
def test_actor_arabic_has_no_name_for_what_the_tables_do_not_know(name):
    assert arabic_name(name) is None


def test_actor_arabic_names_every_table_actor_and_generic_actor():
    base = ActorBase.default()
    assert all(arabic_name(name) for name in base.table_names())
    assert all(arabic_name(template.replace("{Country}", "Chad")) for template in base.templates())


def test_actor_arabic_each_shown_name_names_its_actor_back():
    base = ActorBase.default()
    for name in base.table_names():
        assert name_of_arabic(arabic_name(name)) == name
    for template in base.templates():
        name = template.replace("{Country}", "Niger")
        assert name_of_arabic(arabic_name(name)) == name


@pytest.mark.parametrize(
    "query, name",
    [
        ("مسلحون مجهولون (مالي)", "Unidentified Armed Group (Mali)"),
        ("الجيش المالي (منذ 2021)", "Military Forces of Mali"),  # the period the page writes after it
        ("جيش الولايات المتحدة", "Military Forces of the United States"),
        ("قوات الدعم السريع", "Rapid Support Forces"),
    ],
)
def test_actor_arabic_name_of_a_shown_name(query, name):
    assert name_of_arabic(query) == name


@pytest.mark.parametrize(
    "query, expected",
    [
        ("الدعم", {"Rapid Support Forces"}),  # a word of a table actor's name
        ("مدنيون", {"Civilians ("}),  # a generic actor's words: every country's
        ("مسلحون مجهولون", {"Unidentified Armed Group ("}),
        ("مالي", set()),  # no word of "الجيش المالي"
        ("", set()),
    ],
)
def test_actor_arabic_names_of_words(query, expected):
    assert set(names_of_arabic(query)) == expected


@pytest.mark.parametrize(
    "rows, word",
    [
        ([{"name": "No Such Actor", "name_ar": "لا أحد"}], "no actor"),
        ([{"name": "Civilians ({Country})", "name_ar": "مدنيون"}], "{Country}"),
        ([{"name": "Wagner Group", "name_ar": "فاغنر"}] * 2, "twice"),
        ([{"name": "Wagner Group", "name_ar": "فاغنر"}], "no Arabic name"),
    ],
)
def test_actor_arabic_names_file_is_checked(monkeypatch, rows, word):
    monkeypatch.setattr(actor_arabic, "read_tsv", lambda *args: iter(rows))
    actor_arabic._names.cache_clear()
    try:
        with pytest.raises(DataFileError, match=re.escape(word)):
            actor_arabic._names()
    finally:
        actor_arabic._names.cache_clear()
