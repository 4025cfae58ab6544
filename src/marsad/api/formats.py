"""Events (the store's dicts, contract Event fields) as GeoJSON features (the CSV is the store's ACLED
export)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator


def _row(event: dict) -> dict:
    location = event.get("location") or {}
    fatalities = event.get("fatalities") or {}
    actors = event.get("actors") or []
    first, second = (actors + [{}, {}])[:2]
    return {
        "event_id": event.get("id"),
        "event_date": event.get("date_start"),
        "date_end": event.get("date_end"),
        "time_precision": event.get("time_precision"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": first.get("name"),
        "inter1": first.get("inter"),
        "actor2": second.get("name"),
        "inter2": second.get("inter"),
        "country": location.get("country"),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "location": location.get("name"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geo_precision": location.get("geo_precision"),
        "fatalities": fatalities.get("acled", 0),
        "fatalities_low": fatalities.get("low"),
        "fatalities_best": fatalities.get("best"),
        "fatalities_high": fatalities.get("high"),
    }


def _feature(event: dict) -> dict | None:
    """The event as a GeoJSON Feature (GeoJSON order: lon, lat); None without coordinates."""
    row = _row(event)
    if row["latitude"] is None or row["longitude"] is None:
        return None
    return {
        "type": "Feature",
        "id": row["event_id"],
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": {key: value for key, value in row.items() if key not in ("latitude", "longitude")},
    }


def events_geojson(events: list[dict]) -> dict:
    """A FeatureCollection of the events that have coordinates."""
    return {"type": "FeatureCollection", "features": [f for f in map(_feature, events) if f is not None]}


async def geojson_chunks(pages: AsyncIterator[list[dict]]) -> AsyncIterator[str]:
    """`events_geojson` of every page's events, written out as the pages arrive."""
    yield '{"type": "FeatureCollection", "features": ['
    separator = ""
    async for events in pages:
        for feature in filter(None, map(_feature, events)):
            yield separator + json.dumps(feature, ensure_ascii=False)
            separator = ","
    yield "]}"
