"""The offline basemap's labels, built by `make web` into web/vendor/basemap/ (never committed).

No npm package carries Natural Earth's populated places, so the town labels come from the gazetteer
the package already ships (GeoNames, CC BY 4.0): towns by population and lakes (first-level regions:
web/build_admin1.js). Each row is [lon, lat, name, kind, min_zoom, arabic]: the page draws a label from
`min_zoom` on, so a zoomed-out map names only the cities and a zoomed-in one the small towns, in
Arabic (the gazetteer's Arabic name, where it has one) in the Arabic interface. regions.json gives
each country's regions in Arabic by the names events carry ({"MLI": {"Gao": "إقليم غاو"}}).
Standard library only.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

GAZETTEER = Path(__file__).resolve().parents[1] / "src" / "marsad" / "knowledge" / "data" / "gazetteer.sqlite"
# (least population, zoom from which the town is labelled), largest first.
TOWN_ZOOMS = ((1_000_000, 3), (250_000, 4), (100_000, 5), (25_000, 6), (10_000, 7), (5_000, 8))
SMALL_NOTABLE_TOWN_ZOOM = 9
LAKE_ZOOM = 9


def town_zoom(population: int) -> int:
    return next((zoom for least, zoom in TOWN_ZOOMS if population >= least), SMALL_NOTABLE_TOWN_ZOOM)


def _arabic_column(connection: sqlite3.Connection) -> str:
    """The Arabic name of place `p`; NULL from a gazetteer built before format 4, which has none."""
    has = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'arabic_names'"
    ).fetchone()
    return "(SELECT a.name FROM arabic_names a WHERE a.geonameid = p.geonameid)" if has else "NULL"


def rows(connection: sqlite3.Connection) -> list[list]:
    arabic = _arabic_column(connection)
    towns = connection.execute(
        f"SELECT lon, lat, name, population, {arabic} FROM places p WHERE feature_class = 'P' "
        "AND (population >= ? OR notable = 1) ORDER BY population DESC",
        (TOWN_ZOOMS[-1][0],),
    )
    lakes = connection.execute(
        f"SELECT lon, lat, name, {arabic} FROM places p WHERE feature_code IN ('LK', 'LKS', 'RSV')"
    )
    return [
        [round(lon, 4), round(lat, 4), name, "town", town_zoom(population), ar]
        for lon, lat, name, population, ar in towns
    ] + [[round(lon, 4), round(lat, 4), name, "water", LAKE_ZOOM, ar] for lon, lat, name, ar in lakes]


def regions_in_arabic(connection: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """{country: {admin1 as events name it: Arabic name}} for the regions the gazetteer names in Arabic."""
    found: dict[str, dict[str, str]] = {}
    query = (
        f"SELECT country, admin1, {_arabic_column(connection)} AS arabic FROM places p "
        "WHERE feature_code = 'ADM1' AND admin1 IS NOT NULL"
    )
    for country, admin1, arabic in connection.execute(query):
        if arabic:
            found.setdefault(country, {})[admin1] = arabic
    return found


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(f"file:{GAZETTEER}?mode=ro", uri=True) as connection:
        labels = rows(connection)
        regions = regions_in_arabic(connection)
        attribution = connection.execute("SELECT value FROM meta WHERE key = 'attribution'").fetchone()[0]
    (out / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    (out / "regions.json").write_text(
        json.dumps(regions, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    (out / "ATTRIBUTION.txt").write_text(attribution + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
