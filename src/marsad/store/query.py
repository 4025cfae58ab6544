"""Reading merged events and documents back as plain, JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, exists, func, or_, select, true
from sqlalchemy.engine import Connection

from marsad import parse_date
from marsad.store.reference import Reference
from marsad.store.tables import claims, documents, event_actors, events, reports


@dataclass(frozen=True)
class EventFilter:
    country: str | None = None
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    event_type: str | None = None
    actor: str | None = None
    background: bool = False  # news events (the default), or the background ones, shown apart
    place: str | None = None

    def condition(self, reference: Reference):
        terms = [events.c.background.is_(self.background)]
        if self.country:
            terms.append(events.c.country == self.country.strip().upper())
        if self.since:
            terms.append(func.coalesce(events.c.date_end, events.c.date_start) >= parse_date(self.since))
        if self.until:
            terms.append(events.c.date_start <= parse_date(self.until))
        if self.event_type:
            wanted = self.event_type.strip().lower()
            terms.append(
                or_(func.lower(events.c.event_type) == wanted, func.lower(events.c.sub_event_type) == wanted)
            )
        if self.actor:
            # The query as typed, or any ACLED name it stands for ("فاغنر" finds "Wagner Group").
            wanted = (self.actor.strip(), *reference.actor_names(self.actor))
            terms.append(
                exists().where(
                    and_(
                        event_actors.c.event_id == events.c.id,
                        # autoescape: '%' and '_' in a name are themselves, not wildcards.
                        or_(*(event_actors.c.name.icontains(name, autoescape=True) for name in wanted)),
                    )
                )
            )
        if self.place:
            # The query as typed, or any gazetteer name it stands for ("غاو" finds "Gao"), in the
            # event's place, district or region.
            wanted = (self.place.strip(), *reference.place_names(self.place))
            terms.append(
                or_(
                    *(
                        column.icontains(name, autoescape=True)
                        for name in wanted
                        for column in (events.c.location_name, events.c.admin2, events.c.admin1)
                    )
                )
            )
        return and_(true(), *terms)


# A listing leaves out the full reconciliation (claims, sides, rule): the largest column by far.
_SUMMARY_COLUMNS = tuple(c for c in events.c if c.name != "fatalities")
# The place as its first article wrote it, for places the gazetteer has no Arabic name of.
_PLACE_AS_WRITTEN = (
    select(reports.c.location_text)
    .where(reports.c.event_id == events.c.id, reports.c.location_text.is_not(None))
    .order_by(reports.c.id)
    .limit(1)
    .scalar_subquery()
    .label("location_text")
)


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def summary(row, reference: Reference) -> dict:
    """The listing form of one event: what a table, a map or a CSV needs (its figures from their
    own columns: the full reconciliation, claims and sides, is for `one_event`)."""
    location = (
        None
        if row["location_name"] is None
        else {
            "name": row["location_name"],
            "country": row["country"],
            "admin1": row["admin1"],
            "admin2": row["admin2"],
            "lat": row["lat"],
            "lon": row["lon"],
            "geo_precision": row["geo_precision"],
            "geonameid": row["geonameid"],
            "name_ar": reference.arabic_place_name(row["geonameid"]),
            "text": row.get("location_text"),
        }
    )
    return {
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "date_start": _iso(row["date_start"]),
        "date_end": _iso(row["date_end"]),
        "time_precision": row["time_precision"],
        "location": location,
        "actors": [
            {**actor, "name_ar": reference.arabic_actor_name(actor["name"])}
            for actor in json.loads(row["actors"])
        ],
        "fatalities": {k: row[f"fatalities_{k}"] for k in ("low", "best", "high", "acled")},
        "disputed": row["disputed"],
        "spread": row["spread"],
        "background": row["background"],
        "document_count": row["document_count"],
        "last_published": _iso(row["last_published"]),
        "crowd_size": row["crowd_size"],
    }


def list_events(
    connection: Connection,
    where: EventFilter,
    reference: Reference,
    limit: int,
    offset: int,
    detailed: bool = False,
) -> list[dict]:
    """Newest first; `detailed` gives the full events (claims, reports) rather than summaries."""
    query = (
        select(*(events.c if detailed else (*_SUMMARY_COLUMNS, _PLACE_AS_WRITTEN)))
        .where(where.condition(reference))
        .order_by(events.c.date_start.desc().nulls_last(), events.c.id)
        .limit(limit)
        .offset(offset)
    )
    rows = connection.execute(query).mappings().all()
    return (
        event_details(connection, rows, reference) if detailed else [summary(row, reference) for row in rows]
    )


def count_events(connection: Connection, where: EventFilter, reference: Reference) -> int:
    condition = where.condition(reference)
    return connection.execute(select(func.count()).select_from(events).where(condition)).scalar_one()


def event_details(connection: Connection, rows: list, reference: Reference) -> list[dict]:
    """Full events (claims, reconciled fatalities, reports and documents) for rows of `events`."""
    ids = [row["id"] for row in rows]
    report_rows = (
        connection.execute(select(reports).where(reports.c.event_id.in_(ids)).order_by(reports.c.id))
        .mappings()
        .all()
    )
    claim_rows = (
        connection.execute(
            select(claims)
            .join(reports, claims.c.report_id == reports.c.id)
            .where(reports.c.event_id.in_(ids))
            .order_by(claims.c.id)
        )
        .mappings()
        .all()
    )
    reports_of, claims_of = defaultdict(list), defaultdict(list)
    event_of_report = {}
    for report in report_rows:
        reports_of[report["event_id"]].append(report)
        event_of_report[report["id"]] = report
    for claim in claim_rows:
        claims_of[event_of_report[claim["report_id"]]["event_id"]].append(
            _claim(claim, event_of_report[claim["report_id"]], reference)
        )
    return [_detail(row, reports_of[row["id"]], claims_of[row["id"]], reference) for row in rows]


def _claim(row, report, reference: Reference) -> dict:
    return {
        "id": row["id"],
        "document_id": row["document_id"],
        "report_id": row["report_id"],
        "published": _iso(report["published"]),
        "outlet": report["outlet"],
        "kind": row["kind"],
        "low": row["low"],
        "high": row["high"],
        "vague": row["vague"],
        "approx": row["approx"],
        "victim": _named(row["victim_name"], row["victim_text"], reference),
        "source": _named(row["source_name"], row["source_text"], reference) if row["source_name"] else None,
        "stance": row["stance"],
        "unverified": row["unverified"],
        "evidence": {
            "start": row["evidence_start"],
            "end": row["evidence_end"],
            "text": row["evidence_text"],
        },
    }


def _named(name: str | None, text: str | None, reference: Reference) -> dict:
    """A claim's victim or source: its ACLED name (or the words of an unknown source), its Arabic name
    where the reference knows it, and the article's words."""
    return {"name": name, "name_ar": reference.arabic_actor_name(name), "text": text}


def _detail(row, report_rows, claim_dicts, reference: Reference) -> dict:
    fatalities = json.loads(row["fatalities"])
    listed = summary(row, reference)
    if listed["location"] is not None:
        written = (r["location_text"] for r in report_rows if r["location_text"])
        listed["location"]["text"] = next(written, None)
    return {
        **listed,
        "fatalities": fatalities,
        "claims": claim_dicts,
        "documents": sorted({r["document_id"] for r in report_rows}),
        "reports": [
            {
                "id": r["id"],
                "document_id": r["document_id"],
                "local_id": r["local_id"],
                "event_type": r["event_type"],
                "sub_event_type": r["sub_event_type"],
                "date_start": _iso(r["date_start"]),
                "date_end": _iso(r["date_end"]),
                "location": r["location_name"],
                "location_text": r["location_text"],
                "background": r["background"],
                "outlet": r["outlet"],
                "published": _iso(r["published"]),
                "crowd_size": r["crowd_size"],
                "evidence": {
                    "start": r["evidence_start"],
                    "end": r["evidence_end"],
                    "text": r["evidence_text"],
                },
            }
            for r in report_rows
        ],
    }


def one_event(connection: Connection, event_id: str, reference: Reference) -> dict | None:
    row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
    return event_details(connection, [row], reference)[0] if row else None


def all_events(connection: Connection, reference: Reference, page: int = 500):
    """Every news event with its details, in a stable order (date, then id), a page at a time."""
    where = EventFilter().condition(reference)
    offset = 0
    while True:
        rows = (
            connection.execute(
                select(events)
                .where(where)
                .order_by(events.c.date_start.nulls_last(), events.c.id)
                .limit(page)
                .offset(offset)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        yield from event_details(connection, rows, reference)
        offset += page


def one_document(connection: Connection, document_id: str, reference: Reference) -> dict | None:
    row = connection.execute(select(documents).where(documents.c.id == document_id)).mappings().first()
    if row is None:
        return None
    return {
        "id": row["id"],
        "text": row["text"],
        "published": _iso(row["published"]),
        "url": row["url"],
        "outlet": row["outlet"],
        "outlet_names": _outlet_names(row["outlet"], reference),
        "title": row["title"],
        "sha256": row["sha256"],
        "language": row["language"],
        "text_hash": row["text_hash"],
        "extraction": json.loads(row["extraction"]),
    }


def _outlet_names(outlet: str | None, reference: Reference) -> dict | None:
    """The outlet the document's metadata names, in English and Arabic, where the reference knows it."""
    known = reference.outlet_names(outlet)
    return {"name": known[0], "name_ar": known[1]} if known else None


def documents_by_id(connection: Connection, ids: list[str]) -> dict[str, dict]:
    query = select(
        documents.c.id, documents.c.title, documents.c.url, documents.c.outlet, documents.c.published
    ).where(documents.c.id.in_(ids))
    return {
        row["id"]: {**row, "published": _iso(row["published"])}
        for row in connection.execute(query).mappings()
    }
