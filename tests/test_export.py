"""ACLED export: the actor columns come from the sides the extraction coded."""

from __future__ import annotations

import csv
import io

import pytest

import support
from marsad.store.export import acled_rows

SEED = support.SHARED / "seed" / "tinzaouaten.ar.txt"


def _event(actors: list[dict]) -> dict:
    return {
        "id": "x1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date_start": "2024-07-27",
        "date_end": "2024-07-27",
        "time_precision": 1,
        "location": None,
        "actors": actors,
        "fatalities": {"acled": 0, "low": None, "best": None, "high": None},
        "reports": [],
        "last_published": "2024-07-28",
        "disputed": False,
    }


def _actor(name: str, inter: int, side: int | None = None, associated: bool = False) -> dict:
    return {"name": name, "inter": inter, "country": "MLI", "side": side, "associated": associated}


def test_export_actor_columns_follow_coded_sides():
    actors = [
        _actor("CSP-PSD", 2, 1),
        _actor("Military Forces of Mali (2021-)", 1, 2),
        _actor("Wagner Group", 8, 2, True),
    ]
    [row] = acled_rows(_event(actors))
    assert (row["actor1"], row["actor2"], row["assoc_actor_2"], row["interaction"]) == (
        "CSP-PSD",
        "Military Forces of Mali (2021-)",
        "Wagner Group",
        "12",
    )


@pytest.mark.skipif(not SEED.exists(), reason="the founding example is in ../shared/seed")
def test_export_founding_example_codes_rebels_against_the_army(tmp_path):
    pytest.importorskip("sqlalchemy")
    from marsad.store import open_store

    store = open_store(str(tmp_path / "m.db"))
    try:
        store.ingest(SEED.read_text(encoding="utf-8"), published="2024-07-28")
        out = io.StringIO()
        store.export("acled-csv", out)
    finally:
        store.close()
    rows = [row for row in csv.DictReader(io.StringIO(out.getvalue())) if row["event_type"] == "Battles"]
    assert rows
    for row in rows:
        assert row["actor1"] == "CSP-PSD" and row["actor2"].startswith("Military Forces of Mali")
        assert row["assoc_actor_2"] == "Wagner Group" and row["interaction"] == "12"
        assert "Ethnic Militia" not in row["assoc_actor_1"] + row["assoc_actor_2"]
