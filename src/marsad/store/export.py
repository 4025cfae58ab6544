"""Exports of the merged events: ACLED CSV, GeoJSON (RFC 7946), JSON Lines, Parquet.

ACLED CSV follows ACLED's 31 columns in ACLED's order and spelling, and atomises as ACLED does:
an event dated to a span of exact days becomes one row per day, its toll split evenly with the
remainder on the first day (said in `notes`); a week or month-precise event is one row on the
span's mid-point, as ACLED codes it. `source` names the reporting outlets, `source_scale` their
scale relative to the event's country, and `country` the country, as the caller's `reference` says
(`marsad.store.reference`; the knowledge's answers are `marsad.knowledge.outlets` and `countries`).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import IO

from marsad.schema.acled import (
    DEMONSTRATIONS,
    EXCESSIVE_FORCE,
    INTER_CIVILIANS,
    MOB_VIOLENCE,
    POLITICAL_VIOLENCE,
    PROTESTS,
    RIOTS,
    STRATEGIC_DEVELOPMENTS,
    VIOLENCE_AGAINST_CIVILIANS,
)
from marsad.store.errors import ExportFormatError, StoreDependencyError
from marsad.store.reference import AS_STORED, Reference

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# OCHA HDX's HXL hashtags for the ACLED columns that have one (ACLED.md).
HXL_TAGS = {
    "event_type": "#event+type",
    "sub_event_type": "#event+type+sub",
    "event_date": "#date+occurred",
    "actor1": "#group+name+first",
    "actor2": "#group+name+second",
    "latitude": "#geo+lat",
    "longitude": "#geo+lon",
    "admin1": "#adm1+name",
    "iso": "#country+code",
    "fatalities": "#affected+killed",
    "source": "#meta+source",
}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def export(
    fmt: str,
    events: Iterable[dict],
    out: IO | str | os.PathLike,
    *,
    hxl: bool = False,
    reference: Reference = AS_STORED,
) -> int:
    writers = {
        "acled-csv": lambda: write_acled_csv(events, out, hxl=hxl, reference=reference),
        "geojson": lambda: write_geojson(events, out),
        "jsonl": lambda: write_jsonl(events, out),
        "parquet": lambda: write_parquet(events, out),
    }
    if fmt not in writers:
        raise ExportFormatError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writers[fmt]()


# --- ACLED CSV ---------------------------------------------------------------------------------


def _disorder_type(event_type: str, sub_event_type: str) -> str:
    if sub_event_type == EXCESSIVE_FORCE:
        return f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}"
    if sub_event_type == MOB_VIOLENCE:
        return POLITICAL_VIOLENCE
    if event_type in (PROTESTS, RIOTS):
        return DEMONSTRATIONS
    if event_type == STRATEGIC_DEVELOPMENTS:
        return STRATEGIC_DEVELOPMENTS
    return POLITICAL_VIOLENCE


def _day_text(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _days(event: dict) -> list[dt.date]:
    if not event["date_start"]:
        return []
    start = dt.date.fromisoformat(event["date_start"])
    end = dt.date.fromisoformat(event["date_end"] or event["date_start"])
    if event["time_precision"] == 1:
        return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    return [start + (end - start) / 2]


def _split(total: int, days: int) -> list[int]:
    share, remainder = divmod(total, days)
    return [share + remainder] + [share] * (days - 1)


def _actor_columns(actors: list[dict]) -> dict:
    """ACLED's actor columns from the sides the extraction coded (`side`, `associated`); actors
    stored before sides were coded are read in order, the first two leading."""
    if not any(a.get("side") for a in actors):
        actors = [{**a, "side": 1 if i == 0 else 2, "associated": i > 1} for i, a in enumerate(actors)]
    first = next((a for a in actors if a["side"] == 1 and not a["associated"]), None)
    second = next((a for a in actors if a["side"] == 2 and not a["associated"]), None)

    def allies(side: int) -> str:
        return "; ".join(a["name"] for a in actors if a["side"] == side and a["associated"])

    inter1 = first["inter"] if first else ""
    inter2 = second["inter"] if second else ""
    codes = sorted(c for c in (inter1, inter2) if c != "")
    interaction = "".join(map(str, codes)) if len(codes) == 2 else (f"{codes[0]}0" if codes else "")
    return {
        "actor1": first["name"] if first else "",
        "assoc_actor_1": allies(1),
        "inter1": inter1,
        "actor2": second["name"] if second else "",
        "assoc_actor_2": allies(2),
        "inter2": inter2,
        "interaction": interaction,
    }


def _notes(event: dict, day: dt.date, columns: dict, days: int) -> str:
    place = event["location"]["name"] if event["location"] else "an unknown location"
    admin1 = event["location"]["admin1"] if event["location"] else None
    where = f"{place} ({admin1})" if admin1 else place
    parties = " and ".join(n for n in (columns["actor1"], columns["actor2"]) if n) or "unidentified actors"
    f = event["fatalities"]
    text = f"On {_day_text(day)}, in {where}, {event['sub_event_type'].lower()} involving {parties}."
    if f["low"] is not None:
        figures = f"{f['low']}" if f["low"] == f["high"] else f"{f['low']} to {f['high']}"
        text += f" Reports give {figures} fatalities; the lowest credible figure is coded."
    if event["disputed"]:
        text += f" Tolls disputed ({f.get('dispute')})."
    if days > 1:
        text += f" {f['acled']} fatalities over {days} days, split evenly across the days."
    return text + f" [marsad {event['id']}]"


def acled_rows(event: dict, reference: Reference = AS_STORED) -> list[dict]:
    """ACLED's rows of one event, one a day; `reference` names its country and sources."""
    days = _days(event)
    if not days:
        return []
    location = event["location"] or {}
    country, region, iso = reference.country(location.get("country"))
    actors = _actor_columns(event["actors"])
    outlets = [r["outlet"] for r in event["reports"] if r["outlet"]]
    sources = "; ".join(sorted({reference.source_name(o) for o in outlets}))
    source_scale = reference.source_scale(outlets, location.get("country"))
    stamp = (
        int(
            dt.datetime.combine(dt.date.fromisoformat(event["last_published"]), dt.time(), dt.UTC).timestamp()
        )
        if event["last_published"]
        else ""
    )
    rows = []
    for day, fatalities in zip(days, _split(event["fatalities"]["acled"], len(days))):
        rows.append(
            {
                "event_id_cnty": _event_id_cnty(location.get("country"), event["id"], day),
                "event_date": day.isoformat(),
                "year": day.year,
                "time_precision": event["time_precision"],
                "disorder_type": _disorder_type(event["event_type"], event["sub_event_type"]),
                "event_type": event["event_type"],
                "sub_event_type": event["sub_event_type"],
                **actors,
                "civilian_targeting": "Civilian targeting" if _targets_civilians(event, actors) else "",
                "iso": iso,
                "region": region,
                "country": country,
                "admin1": location.get("admin1") or "",
                "admin2": location.get("admin2") or "",
                "admin3": "",
                "location": location.get("name") or "",
                "latitude": location.get("lat", ""),
                "longitude": location.get("lon", ""),
                "geo_precision": location.get("geo_precision", ""),
                "source": sources,
                "source_scale": source_scale,
                "notes": _notes(event, day, actors, len(days)),
                "fatalities": fatalities,
                "tags": _tags(event),
                "timestamp": stamp,
            }
        )
    return rows


def _tags(event: dict) -> str:
    """ACLED's `tags`: a demonstration's crowd size ("crowd size=thousands")."""
    return f"crowd size={event['crowd_size']}" if event.get("crowd_size") else ""


def _targets_civilians(event: dict, actors: dict) -> bool:
    return event["event_type"] == VIOLENCE_AGAINST_CIVILIANS or actors["inter2"] == INTER_CIVILIANS


def _event_id_cnty(iso3: str | None, event_id: str, day: dt.date) -> str:
    number = int(hashlib.sha256(f"{event_id}:{day.isoformat()}".encode()).hexdigest()[:12], 16) % 10**8
    return f"{iso3 or 'XXX'}{number}"


def write_acled_csv(
    events: Iterable[dict],
    out: IO | str,
    *,
    hxl: bool = False,
    header: bool = True,
    reference: Reference = AS_STORED,
) -> int:
    """ACLED's rows of `events`; `header` False: the rows alone (a later part of a streamed export)."""
    with _text_output(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        if header:
            writer.writeheader()
        if header and hxl:
            writer.writerow({c: HXL_TAGS.get(c, "") for c in ACLED_COLUMNS})
        count = 0
        for event in events:
            for row in acled_rows(event, reference):
                writer.writerow({column: _safe_cell(value) for column, value in row.items()})
                count += 1
    return count


def acled_csv(
    events: Iterable[dict], *, hxl: bool = False, header: bool = True, reference: Reference = AS_STORED
) -> str:
    """The ACLED CSV as one string (the API's pages, `marsad events`); `header` as `write_acled_csv`'s."""
    out = io.StringIO()
    write_acled_csv(events, out, hxl=hxl, header=header, reference=reference)
    return out.getvalue()


# A cell starting with one of these is run as a formula by spreadsheets (CSV injection);
# article-derived names are untrusted, so such cells get a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value):
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


# --- GeoJSON, JSON Lines -----------------------------------------------------------------------


def geojson_feature(event: dict) -> dict | None:
    location = event["location"]
    if not location or location["lat"] is None or location["lon"] is None:
        return None
    properties = {
        k: event[k]
        for k in (
            "id",
            "event_type",
            "sub_event_type",
            "date_start",
            "date_end",
            "time_precision",
            "disputed",
            "spread",
            "document_count",
            "crowd_size",
        )
    }
    properties.update(
        location=location["name"],
        country=location["country"],
        admin1=location["admin1"],
        admin2=location.get("admin2"),
        geo_precision=location["geo_precision"],
        actors=[a["name"] for a in event["actors"]],
        fatalities={k: event["fatalities"][k] for k in ("low", "best", "high", "acled")},
    )
    # RFC 7946: positions are [longitude, latitude]
    return {
        "type": "Feature",
        "id": event["id"],
        "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
        "properties": properties,
    }


def write_geojson(events: Iterable[dict], out: IO | str) -> int:
    features = [f for f in map(geojson_feature, events) if f is not None]
    with _text_output(out) as stream:
        json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
        stream.write("\n")
    return len(features)


def write_jsonl(events: Iterable[dict], out: IO | str) -> int:
    count = 0
    with _text_output(out) as stream:
        for event in events:
            stream.write(json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


# --- Parquet -----------------------------------------------------------------------------------


def write_parquet(events: Iterable[dict], out: IO | str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise StoreDependencyError(
            "Parquet export needs pyarrow; install it with: pip install 'pyarrow>=14'"
        ) from None
    rows = [_parquet_row(e) for e in events]
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("event_type", pa.string()),
            ("sub_event_type", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("time_precision", pa.int8()),
            ("location", pa.string()),
            ("country", pa.string()),
            ("admin1", pa.string()),
            ("admin2", pa.string()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("geo_precision", pa.int8()),
            ("actors", pa.list_(pa.string())),
            ("fatalities_low", pa.int32()),
            ("fatalities_best", pa.int32()),
            ("fatalities_high", pa.int32()),
            ("fatalities_acled", pa.int32()),
            ("disputed", pa.bool_()),
            ("spread", pa.int32()),
            ("documents", pa.list_(pa.string())),
            ("claims_json", pa.string()),
            ("crowd_size", pa.string()),
        ]
    )
    table = pa.Table.from_pylist(rows, schema=schema)
    if not _is_path(out):
        pq.write_table(table, pa.PythonFile(out, mode="w"))
        return len(rows)
    with _replaced_on_success(out) as partial:
        pq.write_table(table, partial)
    return len(rows)


def _parquet_row(event: dict) -> dict:
    location = event["location"] or {}
    return {
        "id": event["id"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "date_start": _date(event["date_start"]),
        "date_end": _date(event["date_end"]),
        "time_precision": event["time_precision"],
        "location": location.get("name"),
        "country": location.get("country"),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geo_precision": location.get("geo_precision"),
        "actors": [a["name"] for a in event["actors"]],
        **{f"fatalities_{k}": event["fatalities"][k] for k in ("low", "best", "high", "acled")},
        "disputed": event["disputed"],
        "spread": event["spread"],
        "documents": event["documents"],
        "claims_json": json.dumps(event["claims"], ensure_ascii=False, sort_keys=True),
        "crowd_size": event.get("crowd_size"),
    }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _is_path(out) -> bool:
    return isinstance(out, (str, os.PathLike))


@contextmanager
def _replaced_on_success(path: str | os.PathLike) -> Iterator[str]:
    """A file beside `path` that becomes `path` only when the block succeeds: a failed export
    leaves neither a partial nor a header-only file behind (and an older export stays whole)."""
    partial = f"{os.fspath(path)}.{os.getpid()}.part"
    try:
        yield partial
        os.replace(partial, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(partial)
        raise


@contextmanager
def _text_output(out: IO | str) -> Iterator[IO]:
    """A path is written through a file replaced on success; a stream is written to and left open."""
    if not _is_path(out):
        yield out
        return
    with _replaced_on_success(out) as partial, open(partial, "w", encoding="utf-8", newline="") as stream:
        yield stream
