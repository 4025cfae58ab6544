"""Writing the gazetteer's SQLite file (`_Writer`): its schema, and each place a source gives with
its Arabic keys and the consonant skeletons of its Latin names (`skeleton_keys`), for GeoNames rows,
facts-table rows, OCHA admin points and admin-1 areas. `build` reads the sources and drives it.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import BuildError
from marsad.knowledge.gazetteer import places
from marsad.knowledge.gazetteer.matches import _ordinary
from marsad.knowledge.gazetteer.places import own_id
from marsad.knowledge.gazetteer.sources import _Admin1, _Row, arabic_keys, arabic_label
from marsad.knowledge.gazetteer.store import STORED_HOW
from marsad.knowledge.gazetteer.words import _lexicon
from marsad.knowledge.transliterate import MIN_SKELETON_CONSONANTS, latin_skeleton

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
# about one country with it (see skeletons._SkeletonScan._may_start_allowed).
COUNTRY_SKELETONS = f"""
CREATE TABLE IF NOT EXISTS country_skeletons (
    country TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (country, key)
) WITHOUT ROWID;
DELETE FROM country_skeletons;
INSERT INTO country_skeletons SELECT DISTINCT p.country, n.key FROM names n JOIN places p
    ON p.geonameid = n.geonameid WHERE n.how = '{HOW_SKELETON}';
"""


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
            geonameid = int(fact["geonameid"]) if fact.get("geonameid") else own_id(iso3, name)
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

    def _has_first_level(self, iso3: str) -> bool:
        return (
            self.connection.execute(
                "SELECT 1 FROM places WHERE country = ? AND feature_code = 'ADM1' LIMIT 1", (iso3,)
            ).fetchone()
            is not None
        )

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
        """An OCHA COD admin point (states and localities with Arabic names and p-codes). A state
        of a country whose first-level areas the file holds already (GeoNames' admin-1 areas with
        the facts table's Arabic names) is left out: OCHA names some by common words (الجزيرة,
        الشمالية) that the facts table writes with "ولاية". A locality named by a common word
        (طويلة, long; كاس, cup) is no notable place: it counts only after a feature word. One whose
        name starts with a locative word ("مدينة كسلا", "شرق النيل") is left out: the text's words
        are that word and a name ("مدينة كسلا" is the town itself)."""
        level = point.get("admin_level", "")
        if level not in ("1", "2"):
            return  # level 0 is the country
        pcode = point.get(f"adm{level}_pcode", "")
        locatives = _lexicon().locative_words
        arabic = {
            key for key in arabic_keys([point.get("name_ar", "")]) if key.split(" ")[0] not in locatives
        }
        if not pcode or not arabic:
            return
        try:
            lat, lon = float(point["lat"]), float(point["lon"])
        except (KeyError, ValueError) as error:
            raise BuildError(f"{path}:{number}: {error}") from None
        iso3 = self.iso3.get(pcode[:2], pcode[:2])
        if level == "1" and self._has_first_level(iso3):
            return
        name = point.get("name_en") or pcode
        self.connection.execute(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                own_id(iso3, pcode),
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
                int(not any(_ordinary(key) for key in arabic)),
            ),
        )
        self.names(
            own_id(iso3, pcode), arabic, _skeleton_of(name, iso3), arabic_label([point.get("name_ar", "")])
        )


def _skeleton_of(name: str, country: str | None = None) -> dict[str, str]:
    key = latin_skeleton(name, country)
    return {key: name} if len(key) >= MIN_SKELETON_CONSONANTS else {}
