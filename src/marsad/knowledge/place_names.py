"""Places in both languages: the names a filter in Arabic stands for, and a place's Arabic name.

The store keeps each event's place, district and region by their gazetteer (Latin) names; a reader
types "غاو" or "مدينة موبتي" as the news writes them. The gazetteer's Arabic names (GeoNames'
alternate names) resolve the query, and a transliteration whose vowels agree where GeoNames has no
Arabic name (`Gazetteer.lookup(..., alone=True)`). The store asks through `marsad.knowledge.reference`.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.knowledge.gazetteer import Gazetteer


@lru_cache(maxsize=512)
def place_names(query: str) -> tuple[str, ...]:
    """Gazetteer names the query names ('غاو' -> ('Gao',)); () when it names none (a Latin name is
    matched as typed). A region goes by the name events carry as their admin1 (Ménaka, not Menaka)."""
    if not isinstance(query, str) or not query.strip():
        return ()
    places = Gazetteer.default().lookup(query, alone=True)
    return tuple(
        sorted(
            {
                (place.admin1 if place.feature_code == "ADM1" and place.admin1 else place.name)
                for place in places
            }
        )
    )


def arabic_place_name(geonameid: int | None) -> str | None:
    """The gazetteer's Arabic name of the place, to show in the Arabic interface ('Gao' -> 'جاو')."""
    return Gazetteer.default().arabic_name(geonameid) if geonameid is not None else None
