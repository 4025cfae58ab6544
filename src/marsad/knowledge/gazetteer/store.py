"""The gazetteer file: an SQLite file (written by `build`) opened read-only and queried on demand.

Only the Arabic keys (a few tens of thousands) are held in memory, loaded on the first search
(and the Arabic names to show, loaded when one is first asked for); places are fetched per key and
remembered per process (bounded), since the same names recur from article to article. A file that
cannot be opened is a `GazetteerError` (E401) and a query that fails on an open file a
`GazetteerQueryError` (E402): neither is taken for "no places".
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from marsad.errors import GazetteerError, GazetteerQueryError
from marsad.knowledge.gazetteer.places import _CACHE_LIMIT, HOW_ARABIC, HOW_SKELETON, Place, prior

# How the file's `names.how` writes each kind of evidence.
STORED_HOW = {HOW_ARABIC: "ar", HOW_SKELETON: "sk"}
_SQL_BATCH = 500
_COUNTRY_SETS_LIMIT = 256  # sets of countries whose skeleton keys are remembered (see skeleton_keys)
_PLACE_COLUMNS = (
    "p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, p.feature_code,"
    " p.population, p.admin2, p.notable"
)
_REBUILD = (
    "build one with 'marsad gazetteer build SOURCES... --out FILE' (or reinstall Marsad for the shipped one)"
)


class PlaceStore:
    """A read-only view of a gazetteer file built by `marsad gazetteer build`."""

    def __init__(self, path: Path):
        self._path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._arabic: tuple[frozenset[str], dict[str, int]] | None = None
        self._cache: dict[
            tuple[str, tuple[str, ...] | None], dict[str, tuple[Place, ...]]
        ] = {}  # (how, countries)
        self._spellings: dict[tuple[str, int], str] = {}  # (skeleton, geonameid) -> Latin spelling
        self._capitals: dict[str, Place | None] = {}
        self._seats: dict[tuple[str, str], Place | None] = {}
        self._by_country: dict[str, frozenset[str]] = {}  # see _country_skeletons
        self._has_country_skeletons: bool | None = None
        self._keys_of_countries: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}
        self._arabic_names: dict[int, str] | None = None  # see arabic_name

    def check(self) -> None:
        """Open the file now: a `GazetteerError` if it is not a gazetteer."""
        with self._lock:
            self._connect()

    def place(self, geonameid: int) -> Place | None:
        """The place with this id, if the gazetteer has it."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", [geonameid])
        return Place(*rows[0][:-1], notable=bool(rows[0][-1])) if rows else None

    def capital(self, iso3: str) -> Place | None:
        """The country's capital (PPLC) with the most people, for "العاصمة" in a distance."""
        if iso3 not in self._capitals:
            self._capitals[iso3] = self._find_capital(iso3)
        return self._capitals[iso3]

    def _find_capital(self, iso3: str) -> Place | None:
        return self._most_people("p.country = ? AND p.feature_code = 'PPLC'", [iso3])

    def _most_people(self, where: str, params: list) -> Place | None:
        """The place with the most people of those `where` selects."""
        rows = self._query(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE {where} ORDER BY p.population DESC LIMIT 1", params
        )
        return Place(*rows[0][:-1], notable=bool(rows[0][-1])) if rows else None

    def seat(self, iso3: str, admin1: str) -> Place | None:
        """The seat (PPLA, or the capital) of a first-level area with the most people (looked up once:
        the query scans the places table)."""
        if (iso3, admin1) not in self._seats:
            self._seats[iso3, admin1] = self._most_people(
                "p.country = ? AND p.admin1 = ? AND p.feature_code IN ('PPLA', 'PPLC')", [iso3, admin1]
            )
        return self._seats[iso3, admin1]

    def spelling(self, skeleton: str, place: Place) -> str:
        """The Latin spelling of `place` that gave it `skeleton` (its name if not recorded)."""
        return self._spellings.get((skeleton, place.geonameid), place.name)

    def arabic_name(self, geonameid: int | None) -> str | None:
        """The place's Arabic name to show, from the arabic_names table (format 4; a file built
        before it has none to show)."""
        if self._arabic_names is None:
            recorded = self._has_table("arabic_names")
            rows = self._query("SELECT geonameid, name FROM arabic_names", []) if recorded else []
            self._arabic_names = dict(rows)
        return self._arabic_names.get(geonameid)

    def _connect(self) -> sqlite3.Connection:
        # A connection must not cross a fork (batch workers): a new process opens its own.
        if self._connection is None or self._pid != os.getpid():
            try:
                uri = self._path.resolve().as_uri() + "?mode=ro&immutable=1"
                connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
                connection.execute("SELECT 1 FROM places, names LIMIT 1")
            except (sqlite3.Error, OSError, ValueError) as error:
                raise GazetteerError(f"{self._path}: not a gazetteer file ({error}); {_REBUILD}") from None
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _query(self, sql: str, params: list) -> list[tuple]:
        with self._lock:
            connection = self._connect()
            try:
                return connection.execute(sql, params).fetchall()
            except sqlite3.Error as error:
                # The file opened as a gazetteer: a failing query means it changed or broke under us.
                raise GazetteerQueryError(
                    f"{self._path}: a query failed ({error}); the file is damaged or was "
                    f"replaced while Marsad read it: {_REBUILD}, then run again"
                ) from None

    def _has_table(self, name: str) -> bool:
        """Whether the file has this table (one a later format added)."""
        return bool(self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]))

    def _query_in(self, sql: str, values: list[str], more: tuple = ()) -> list[tuple]:
        """`sql` with its `{marks}` filled for `values` (then the parameters `more`), in batches
        below SQLite's variable limit."""
        rows: list[tuple] = []
        for start in range(0, len(values), _SQL_BATCH):
            batch = values[start : start + _SQL_BATCH]
            rows.extend(self._query(sql.format(marks=",".join("?" * len(batch))), [*batch, *more]))
        return rows

    def arabic_index(self) -> tuple[frozenset[str], dict[str, int]]:
        """All Arabic keys, and for each first word the most words of a key starting with it."""
        if self._arabic is None:
            rows = self._query("SELECT DISTINCT key FROM names WHERE how = ?", [STORED_HOW[HOW_ARABIC]])
            keys = frozenset(row[0] for row in rows)
            longest: dict[str, int] = {}
            for key in keys:
                words = key.split(" ")
                longest[words[0]] = max(longest.get(words[0], 0), len(words))
            self._arabic = (keys, longest)
        return self._arabic

    def skeleton_keys(self, countries: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        """The skeleton keys of the places in these countries, as a set and sorted."""
        found = self._keys_of_countries.get(countries)
        if found is None:
            keys = frozenset().union(*(self._country_skeletons(country) for country in countries))
            if len(self._keys_of_countries) > _COUNTRY_SETS_LIMIT:
                self._keys_of_countries.clear()
            found = self._keys_of_countries[countries] = (keys, tuple(sorted(keys)))
        return found

    def _country_skeletons(self, country: str) -> frozenset[str]:
        """One country's skeleton keys, from the country_skeletons table, or in a file built before
        it (format 2) by a slower join."""
        found = self._by_country.get(country)
        if found is None:
            if self._has_country_skeletons is None:
                self._has_country_skeletons = self._has_table("country_skeletons")
            sql = (
                "SELECT key FROM country_skeletons WHERE country = ?"
                if self._has_country_skeletons
                else "SELECT DISTINCT n.key FROM names n JOIN places p ON p.geonameid = n.geonameid"
                f" WHERE p.country = ? AND n.how = '{STORED_HOW[HOW_SKELETON]}'"
            )
            found = self._by_country[country] = frozenset(row[0] for row in self._query(sql, [country]))
        return found

    def places(
        self, keys: Iterable[str], how: str, countries: tuple[str, ...] | None = None
    ) -> dict[str, list[Place]]:
        """The places under each key that has any, best prior first (only in `countries`, ISO3
        sorted, if given)."""
        return {key: list(places) for key, places in self.place_tuples(keys, how, countries).items()}

    def place_tuples(
        self, keys: Iterable[str], how: str, countries: tuple[str, ...] | None = None
    ) -> dict[str, tuple[Place, ...]]:
        """`places` as the remembered tuples; remembered per process (bounded), since the same
        names recur from article to article."""
        keys = list(keys)
        cache = self._cache.setdefault((how, countries), {})
        wanted = sorted({key for key in keys if key not in cache})
        if wanted:
            if sum(map(len, self._cache.values())) > _CACHE_LIMIT:
                for each in self._cache.values():
                    each.clear()
                self._spellings.clear()
            where = "" if countries is None else f" AND p.country IN ({','.join('?' * len(countries))})"
            rows = self._query_in(
                f"SELECT n.key, n.spelling, {_PLACE_COLUMNS} "
                "FROM names n JOIN places p ON p.geonameid = n.geonameid"
                f" WHERE n.how = '{STORED_HOW[how]}' AND n.key IN ({{marks}}){where}",
                wanted,
                tuple(countries or ()),
            )
            fetched: dict[str, list[Place]] = {key: [] for key in wanted}
            for key, spelling, *fields in rows:
                place = Place(*fields[:-1], notable=bool(fields[-1]))
                fetched[key].append(place)
                if spelling:
                    self._spellings[(key, place.geonameid)] = spelling
            for key, found in fetched.items():
                cache[key] = tuple(sorted(found, key=prior, reverse=True))
        return {key: cache[key] for key in keys if cache.get(key)}
