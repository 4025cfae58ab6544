"""The gazetteer file: read-only places, and coded failures instead of "no places"."""

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import GazetteerError, GazetteerQueryError
from marsad.knowledge.gazetteer import Gazetteer
from marsad.knowledge.gazetteer.store import PlaceStore
from marsad.lang.ar.normalize import fold
from marsad.resources import data_path


def _not_sqlite(path: Path) -> Path:
    path.write_text("مدينة كيدال", encoding="utf-8")
    return path


def _sqlite_without_names(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE places (geonameid INTEGER)")
    return path


def _names_without_spellings(path: Path) -> Path:
    """Opens as a gazetteer (both tables are there), but a place query fails."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE places (geonameid INTEGER PRIMARY KEY)")
        connection.execute("CREATE TABLE names (key TEXT, geonameid INTEGER, how TEXT)")
        connection.execute("INSERT INTO names VALUES ('كيدال', 1, 'ar')")
    return path


@pytest.mark.parametrize(
    ("write", "problem"),
    [
        (lambda path: path, "unable to open"),
        (_not_sqlite, "file is not a database"),
        (_sqlite_without_names, "no such table: names"),
    ],
)
def test_gazetteer_store_file_that_is_no_gazetteer_is_a_coded_error(tmp_path, write, problem):
    path = write(tmp_path / "g.sqlite")
    gazetteer = Gazetteer(path)
    for ask in (
        lambda: gazetteer.find_mentions(fold("اشتباكات في كيدال")),
        lambda: gazetteer.lookup("كيدال"),
        lambda: gazetteer.place(2455290),
    ):
        with pytest.raises(GazetteerError, match=problem) as raised:
            ask()
        message = str(raised.value)
        assert (
            message.startswith(f"E401: {path}: not a gazetteer file") and "marsad gazetteer build" in message
        )


@pytest.mark.parametrize(
    "ask",
    [
        lambda gazetteer: gazetteer.lookup("كيدال"),
        lambda gazetteer: gazetteer.find_mentions(fold("اشتباكات عنيفة في مدينة كيدال")),
    ],
)
def test_gazetteer_store_failing_query_is_a_coded_error(tmp_path, ask):
    gazetteer = Gazetteer(_names_without_spellings(tmp_path / "g.sqlite"))
    with pytest.raises(GazetteerQueryError, match="no such column") as raised:
        ask(gazetteer)
    assert str(raised.value).startswith("E402: ") and "marsad gazetteer build" in str(raised.value)
    assert isinstance(raised.value, GazetteerError)


def test_gazetteer_store_check_opens_the_file_now(tmp_path):
    with pytest.raises(GazetteerError):
        PlaceStore(tmp_path / "nowhere.sqlite").check()


@pytest.mark.parametrize(("iso3", "geonameid"), [("MLI", 2460596), ("SOM", 53654), ("XXX", None)])
def test_gazetteer_store_capital_is_the_countrys_largest_pplc(iso3, geonameid):
    store = PlaceStore(data_path("marsad.knowledge", "gazetteer.sqlite"))
    capital = store.capital(iso3)
    assert (capital.geonameid if capital else None) == geonameid


@pytest.mark.parametrize(("geonameid", "name"), [(2455290, "Kidal"), (79415, "Al Ḩudaydah"), (-1, None)])
def test_gazetteer_store_place_by_id(geonameid, name):
    place = Gazetteer.default().place(geonameid)
    assert (place.name if place else None) == name
