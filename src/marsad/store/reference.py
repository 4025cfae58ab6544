"""What the store asks of Marsad's knowledge, which it does not import (the rings of STYLE.md).

The store keeps ACLED's English actor names and the gazetteer's Latin place names, while a reader
types "فاغنر" or "غاو" and the Arabic interface shows actors, places and outlets by their Arabic
names; ACLED's export wants a country's ACLED name and region, its ISO code, a source's English name
and the sources' scale. Whoever opens the store gives it a `Reference` that
answers these (`open_store(url, reference)`): the outer ring (api, batch, cli) gives the knowledge's,
`marsad.knowledge.reference.KNOWLEDGE`. `AS_STORED`, the default, knows nothing: filters match what
is stored as typed, names have no Arabic form, and the export names countries and sources as they
are stored.
"""

from __future__ import annotations

from typing import Protocol


class Reference(Protocol):
    def actor_names(self, query: str) -> tuple[str, ...]:
        """The ACLED names a query names ('فاغنر' -> ('Wagner Group',)); () when it names none."""

    def place_names(self, query: str) -> tuple[str, ...]:
        """The gazetteer names a query names ('غاو' -> ('Gao',)); () when it names none."""

    def arabic_place_name(self, geonameid: int | None) -> str | None:
        """The place's Arabic name, for the Arabic interface ('Gao' -> 'جاو')."""

    def arabic_actor_name(self, name: str | None) -> str | None:
        """The actor's Arabic name, for the Arabic interface ('Wagner Group' -> 'مجموعة فاغنر'); None
        for a name it does not know (a source as its article wrote it)."""

    def country(self, iso3: str | None) -> tuple[str, str, int | str]:
        """(ACLED country name, ACLED region, ISO 3166 numeric code) of a country."""

    def source_name(self, outlet: str) -> str:
        """The outlet's name as ACLED's `source` column names sources."""

    def outlet_names(self, outlet: str | None) -> tuple[str, str] | None:
        """(English name, Arabic name) of the outlet a document's metadata names ('aawsat' ->
        ('Asharq Al-Awsat', 'الشرق الأوسط')); None for an outlet it does not know."""

    def source_scale(self, outlets: list[str], event_country: str | None) -> str:
        """ACLED's source scale of an event in `event_country` (ISO3) reported by `outlets`."""


class _AsStored:
    """No knowledge: each answer is what the store holds, or nothing."""

    def actor_names(self, query: str) -> tuple[str, ...]:
        return ()

    def place_names(self, query: str) -> tuple[str, ...]:
        return ()

    def arabic_place_name(self, geonameid: int | None) -> str | None:
        return None

    def arabic_actor_name(self, name: str | None) -> str | None:
        return None

    def country(self, iso3: str | None) -> tuple[str, str, int | str]:
        return iso3 or "", "", ""

    def source_name(self, outlet: str) -> str:
        return outlet

    def outlet_names(self, outlet: str | None) -> tuple[str, str] | None:
        return None

    def source_scale(self, outlets: list[str], event_country: str | None) -> str:
        return ""


AS_STORED: Reference = _AsStored()
