"""The knowledge's answers to what the store asks (`marsad.store.reference.Reference`).

The store may not import the knowledge (the rings of STYLE.md); the outer ring opens it with
`KNOWLEDGE`, so that its filters read actor and place names in Arabic, its events and documents give
actors, places and outlets their Arabic names, and its ACLED export names countries and sources as
ACLED does.
"""

from __future__ import annotations

from marsad.knowledge.actor_names import actor_names, arabic_actor_name
from marsad.knowledge.countries import by_iso3, iso_country
from marsad.knowledge.outlets import event_source_scale, lookup
from marsad.knowledge.place_names import arabic_place_name, place_names


class _Knowledge:
    actor_names = staticmethod(actor_names)
    place_names = staticmethod(place_names)
    arabic_place_name = staticmethod(arabic_place_name)
    arabic_actor_name = staticmethod(arabic_actor_name)
    source_scale = staticmethod(event_source_scale)

    @staticmethod
    def country(iso3: str | None) -> tuple[str, str, int | str]:
        """(ACLED country name, ACLED region, ISO 3166 numeric code), from the package's own tables;
        a country outside ACLED's table keeps its ISO English name and no region."""
        acled, iso = (by_iso3(iso3), iso_country(iso3)) if iso3 else (None, None)
        name = acled.name if acled else iso.name if iso else iso3 or ""
        return name, acled.region if acled else "", iso.numeric if iso else ""

    @staticmethod
    def source_name(outlet: str) -> str:
        """The outlet's English name where the outlet table knows it ("aawsat" -> "Asharq Al-Awsat"),
        as ACLED's `source` column names sources; else the outlet as the document gave it."""
        known = lookup(outlet)
        return known.name if known else outlet

    @staticmethod
    def outlet_names(outlet: str | None) -> tuple[str, str] | None:
        """The outlet's English and Arabic names, where the outlet table (data/outlets.tsv) knows it."""
        known = lookup(outlet)
        return (known.name, known.name_ar) if known else None


KNOWLEDGE = _Knowledge()
