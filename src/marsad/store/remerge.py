"""Redo the merged events a change touches, from scratch, inside the ingest's transaction.

The touched part is the connected component, under `merge.compatible`, of the changed reports
(the new article's, and those that shared an event with the replaced version). Clustering that
whole component gives exactly what clustering the whole database would: reports outside it can
join nothing inside it. So the result never depends on ingest order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import and_, delete, insert, inspect, select, update
from sqlalchemy.engine import Connection

from marsad.store.merge import (
    MAX_RADIUS_KM,
    MAX_SLACK_DAYS,
    ReportKey,
    armed_actors,
    clusters,
    compatible,
    event_id,
)
from marsad.store.reconcile_events import build_event
from marsad.store.tables import claims, event_actors, events, reports

_KM_PER_DEGREE_LATITUDE = 111.0
_CHUNK = 500


class _Columns(NamedTuple):
    """The report columns read and the event columns written: all of them, except while a migration
    step rebuilds the events of a database that a later step has not yet given its columns (step 5
    runs before step 6 adds the crowd size)."""

    reports: tuple
    events: frozenset[str]


_LATEST = _Columns(tuple(reports.columns), frozenset(c.name for c in events.columns))


def _present(connection: Connection) -> _Columns:
    have = {
        table.name: {c["name"] for c in inspect(connection).get_columns(table.name)}
        for table in (reports, events)
    }
    return _Columns(
        tuple(c for c in reports.columns if c.name in have["reports"]),
        frozenset(c.name for c in events.columns if c.name in have["events"]),
    )


def report_key(row: dict) -> ReportKey:
    return ReportKey(
        id=row["id"],
        document_id=row["document_id"],
        family=row["family"],
        date_start=row["date_start"],
        date_end=row["date_end"],
        time_precision=row["time_precision"],
        lat=row["lat"],
        lon=row["lon"],
        geo_precision=row["geo_precision"],
        country=row["country"],
        admin1=row["admin1"],
        armed_actors=armed_actors(json.loads(row["actors"])),
        background=bool(row["background"]),
    )


def remerge(connection: Connection, changed_report_ids: list[str], removed_event_ids: set[str]) -> None:
    seeds = _rows_where(connection, reports.c.id, changed_report_ids)
    seeds += _rows_where(connection, reports.c.event_id, sorted(removed_event_ids))
    component = _component(connection, seeds, _LATEST)
    stale = sorted({r["event_id"] for r in component.values() if r["event_id"]} | removed_event_ids)
    for chunk in _chunks(stale):
        connection.execute(delete(event_actors).where(event_actors.c.event_id.in_(chunk)))
        connection.execute(delete(events).where(events.c.id.in_(chunk)))
    _write_clusters(connection, component, _LATEST)


def remerge_all(connection: Connection) -> None:
    """Rebuild every merged event, one connected component at a time (after the merge rule changed)."""
    connection.execute(delete(event_actors))
    connection.execute(delete(events))
    done: set[str] = set()
    columns = _present(connection)
    for row in connection.execute(select(*columns.reports).order_by(reports.c.id)).mappings().all():
        if row["id"] not in done:
            component = _component(connection, [dict(row)], columns)
            done |= component.keys()
            _write_clusters(connection, component, columns)


def _write_clusters(connection: Connection, component: dict[str, dict], columns: _Columns) -> None:
    claims_of = _claims_by_report(connection, component)
    for group in clusters([report_key(r) for r in component.values()]):
        _write_event(
            connection,
            event_id(group),
            [component[i] for i in group],
            [c for i in group for c in claims_of[i]],
            columns,
        )


def _write_event(
    connection: Connection, new_id: str, members: list[dict], member_claims: list[dict], columns: _Columns
) -> None:
    row = build_event(new_id, members, member_claims)
    names = row.pop("actor_names")
    connection.execute(insert(events).values(**{k: v for k, v in row.items() if k in columns.events}))
    if names:
        connection.execute(insert(event_actors), [{"event_id": new_id, "name": n} for n in names])
    connection.execute(
        update(reports).where(reports.c.id.in_([m["id"] for m in members])).values(event_id=new_id)
    )


def _component(connection: Connection, seeds: list[dict], columns: _Columns) -> dict[str, dict]:
    found: dict[str, dict] = {}
    frontier = list(seeds)
    while frontier:
        row = frontier.pop()
        if row["id"] in found:
            continue
        found[row["id"]] = row
        key = report_key(row)
        frontier += [
            n
            for n in _candidates(connection, row, columns)
            if n["id"] not in found and compatible(key, report_key(n))
        ]
    return found


def _candidates(connection: Connection, row: dict, columns: _Columns) -> list[dict]:
    """Reports that might be compatible with `row`: a coarse box in time and latitude."""
    if None in (row["date_start"], row["date_end"], row["lat"], row["lon"]):
        return []
    slack = dt.timedelta(days=MAX_SLACK_DAYS)
    degrees = MAX_RADIUS_KM / _KM_PER_DEGREE_LATITUDE
    query = select(*columns.reports).where(
        and_(
            reports.c.family == row["family"],
            reports.c.id != row["id"],
            reports.c.date_start <= row["date_end"] + slack,
            reports.c.date_end >= row["date_start"] - slack,
            reports.c.lat.between(row["lat"] - degrees, row["lat"] + degrees),
        )
    )
    return [dict(r) for r in connection.execute(query).mappings()]


def _rows_where(connection: Connection, column, values: list[str]) -> list[dict]:
    rows = []
    for chunk in _chunks(values):
        rows += [dict(r) for r in connection.execute(select(reports).where(column.in_(chunk))).mappings()]
    return rows


def _claims_by_report(connection: Connection, component: dict[str, dict]) -> dict[str, list[dict]]:
    """Each report's claims, with the date and outlet of the article they come from."""
    found: dict[str, list[dict]] = defaultdict(list)
    for chunk in _chunks(sorted(component)):
        for row in connection.execute(select(claims).where(claims.c.report_id.in_(chunk))).mappings():
            report = component[row["report_id"]]
            found[row["report_id"]].append(
                {**row, "published": report["published"], "outlet": report["outlet"]}
            )
    return found


def _chunks(values: list[str]):
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
