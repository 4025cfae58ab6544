"""The OpenStreetMap supplement for Sudan: the towns and villages GeoNames lacks, as their own data
file (`data/gazetteer_sdn_osm.tsv`, ODbL 1.0: a database derived from OpenStreetMap stays ODbL, so it
is never merged into the GeoNames-derived `gazetteer.sqlite`, which is CC BY).

`Gazetteer` consults it for a Sudanese name the gazetteer has no populated place for ("مليط",
Mellit, which GeoNames lacks and OCHA knows only as a locality). Its places are held to the
gazetteer's rules of evidence (`matches._MentionMaker`): a city (or a town of 5,000 counted
people) may stand alone like a notable place, another town only after a locative word ("في",
"مدينة"), and neither if its name is a common word unless a feature word precedes it; a village
or hamlet counts only after a word naming a settlement ("قرية", "بلدة", "مدينة"), since OSM names
thousands of hamlets after words of the language.

The file is written by `supplement_build` from the shared HOT export (and OCHA's locality
centroids, for each place's state: the nearest centroid's) with

    python -m marsad.knowledge.gazetteer.supplement_build \
        ../shared/data/geonames/sudan/sdn_osm_populated_places.tsv \
        ../shared/data/geonames/sudan/sdn_ocha_adminpoints.tsv \
        > src/marsad/knowledge/data/gazetteer_sdn_osm.tsv
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import DataFileError
from marsad.knowledge.gazetteer.matches import _ordinary
from marsad.knowledge.gazetteer.places import Place, own_id, prior
from marsad.knowledge.gazetteer.sources import arabic_keys
from marsad.knowledge.gazetteer.writer import NOTABLE_POPULATION
from marsad.resources import read_tsv

FILE = "gazetteer_sdn_osm.tsv"
COUNTRY = "SDN"
COLUMNS = ("osm_id", "name_ar", "name_en", "lat", "lon", "place", "population", "admin1")
# OSM's place kinds: a city or town may be named alone; the others only after a settlement word.
_CITY = "city"
TOWN_KINDS = (_CITY, "town")
SETTLEMENT_KINDS = ("village", "hamlet", "isolated_dwelling")
_POPULATED = "P"
_PLACE_CODE = "PPL"


@dataclass(frozen=True)
class Supplement:
    """The supplement's places by Arabic key, best prior first, and what the scanner needs."""

    by_key: dict[str, tuple[Place, ...]]
    longest: dict[str, int]  # for each first word, the most words of a key starting with it
    labels: dict[int, str]  # the Arabic name to show, per place id
    settlements: frozenset[int]  # the ids of villages and hamlets: named only after a settlement word

    def needs_settlement_word(self, place: Place) -> bool:
        return place.geonameid in self.settlements


@lru_cache(maxsize=1)
def supplement() -> Supplement:
    """The supplement shipped in the package, read once."""
    by_key: dict[str, list[Place]] = {}
    labels: dict[int, str] = {}
    settlements: set[int] = set()
    for row in read_tsv("marsad.knowledge", FILE, COLUMNS):
        place, keys = _place(row)
        labels[place.geonameid] = row["name_ar"]
        if row["place"] not in TOWN_KINDS:
            settlements.add(place.geonameid)
        for key in keys:
            by_key.setdefault(key, []).append(place)
    longest: dict[str, int] = {}
    for key in by_key:
        words = key.split(" ")
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return Supplement(
        {key: tuple(sorted(places, key=prior, reverse=True)) for key, places in by_key.items()},
        longest,
        labels,
        frozenset(settlements),
    )


def _place(row: dict[str, str]) -> tuple[Place, set[str]]:
    keys = arabic_keys([row["name_ar"]])
    try:
        lat, lon, population = float(row["lat"]), float(row["lon"]), int(row["population"] or 0)
    except ValueError as error:
        raise DataFileError(f"{FILE}: OSM node {row['osm_id']}: {error}") from None
    if not keys or row["place"] not in (*TOWN_KINDS, *SETTLEMENT_KINDS):
        raise DataFileError(f"{FILE}: OSM node {row['osm_id']}: no Arabic name or no known place kind")
    # As in the gazetteer file, a place named without a locative word must be of some size: OSM's
    # cities, and its towns with a population counted (most have none, and OSM's Arabic names of
    # Sudan are often words: بابكر, وكر, هدر); a name that is a common word never is.
    notable = (
        row["place"] == _CITY or (row["place"] in TOWN_KINDS and population >= NOTABLE_POPULATION)
    ) and not any(_ordinary(key) for key in keys)
    place = Place(
        own_id(COUNTRY, f"osm:{row['osm_id']}"),
        row["name_en"] or row["name_ar"],
        lat,
        lon,
        COUNTRY,
        row["admin1"] or None,
        _POPULATED,
        _PLACE_CODE,
        population,
        notable=notable,
    )
    return place, keys
