"""The parts of a country Arabic news names by a direction ("شمال سوريا", "جنوب البلاد") and the
main town ACLED places an event in each at (`data/country_parts.tsv`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import read_tsv


@dataclass(frozen=True)
class CountryPart:
    iso3: str
    name: str  # "Northern Syria"
    town: int  # the GeoNames id of its main town


@lru_cache(maxsize=1)
def _parts() -> dict[tuple[str, int], CountryPart]:
    return {
        (row["iso3"], int(row["bearing"]) % 360): CountryPart(row["iso3"], row["name"], int(row["geonameid"]))
        for row in read_tsv(
            "marsad.knowledge", "country_parts.tsv", ("iso3", "bearing", "name", "town", "geonameid")
        )
    }


def country_part(iso3: str | None, bearing: float | None) -> CountryPart | None:
    """The part of the country lying in that direction ("SYR", 0: Northern Syria), if it has one."""
    if not iso3 or bearing is None:
        return None
    return _parts().get((iso3, round(bearing) % 360))
