"""GET /events (filters as the CLI has them, pagination, JSON, ACLED CSV, GeoJSON) and GET /events/{id}.

A CSV or GeoJSON asked for without a `limit` is a download of every event the filters match: it
streams GET /events's pages one after another (the same query, order and page size), so that
it holds exactly what a client paging through GET /events would collect, however many there are.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response, StreamingResponse

from marsad.api.errors import NotFoundError
from marsad.api.fields import PlainText, date_field
from marsad.api.formats import events_geojson, geojson_chunks
from marsad.api.gateway import StoreGateway
from marsad.knowledge.reference import KNOWLEDGE

router = APIRouter(tags=["events"])
MAX_PAGE = 1000
DEFAULT_PAGE = 100
_DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "marsad-events.csv"),
    "geojson": ("application/geo+json", "marsad-events.geojson"),
}


@router.get("/events", summary="Events, filtered and paginated")
async def list_events(
    request: Request,
    country: Annotated[PlainText | None, Query(description="ISO 3166-1 alpha-3 code, e.g. MLI")] = None,
    since: Annotated[PlainText | None, Query(description="earliest event date, YYYY-MM-DD")] = None,
    until: Annotated[PlainText | None, Query(description="latest event date, YYYY-MM-DD")] = None,
    event_type: Annotated[
        PlainText | None, Query(alias="type", description="ACLED event type, e.g. Battles")
    ] = None,
    actor: Annotated[
        PlainText | None, Query(description="actor name, or part of it (Arabic or ACLED's)")
    ] = None,
    place: Annotated[
        PlainText | None,
        Query(
            description="place, district or region, or part of its name "
            "(Arabic or the gazetteer's), e.g. غاو or Gao"
        ),
    ] = None,
    limit: int | None = Query(
        None,
        ge=1,
        le=MAX_PAGE,
        description=f"events per page, at most {MAX_PAGE} "
        f"(json: {DEFAULT_PAGE} if not given); csv or geojson without it: every event",
    ),
    offset: int = Query(0, ge=0),
    background: bool = Query(
        False, description="true: the background events (history, a war's running toll) instead of the news"
    ),
    format: Literal["json", "csv", "geojson"] = Query(
        "json",
        description="json (default), csv (ACLED's 31 columns, as `marsad export` writes them) or geojson",
    ),
    hxl: bool = Query(False, description="csv: HXL hashtags as a second header row (OCHA HDX)"),
):
    filters = {
        "country": country or None,
        "since": date_field("since", since),
        "until": date_field("until", until),
        "event_type": event_type or None,
        "actor": actor or None,
        "place": place or None,
        "background": background,
    }
    store = request.app.state.store
    detailed = format == "csv"
    if format != "json" and limit is None:
        # The first page before the answer starts: a fault is still one JSON error, not a cut download.
        first = await store.call("page", **filters, limit=MAX_PAGE, offset=offset, detailed=detailed)
        pages = _pages(store, filters, detailed, offset, first)
        media_type, filename = _DOWNLOADS[format]
        return StreamingResponse(
            _csv_chunks(pages, hxl) if format == "csv" else geojson_chunks(pages),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    limit = limit or DEFAULT_PAGE
    # The same page asked again before the store changed: the same bytes as the first time.
    answers, changes = request.app.state.answers, store.changes()
    kept = answers.get(request.url.query, changes) if format == "json" else None
    if kept is not None:
        return Response(kept, media_type="application/json")
    events, total = await store.call("page", **filters, limit=limit, offset=offset, detailed=detailed)
    if format == "csv":
        return Response(
            _acled_csv(events, hxl=hxl),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'},
        )
    if format == "geojson":
        return JSONResponse(events_geojson(events), media_type="application/geo+json")
    following = offset + len(events)
    next_page = _relative(request.url.include_query_params(offset=following)) if following < total else None
    # the store's events are JSON-ready already: no encoder pass over them
    answer = JSONResponse(
        {"ok": True, "total": total, "limit": limit, "offset": offset, "next": next_page, "events": events}
    )
    answers.put(request.url.query, changes, answer.body)
    return answer


@router.get("/events/{event_id}", summary="One event: claims, reconciliation, linked articles")
async def get_event(request: Request, event_id: Annotated[PlainText, Path()]):
    event = await request.app.state.store.call("event", event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id!r}; list them with GET /events")
    return jsonable_encoder(event)


async def _pages(
    store: StoreGateway, filters: dict, detailed: bool, offset: int, first: tuple[list[dict], int]
) -> AsyncIterator[list[dict]]:
    """GET /events's pages from `offset` on, `first` already read, until the total is reached."""
    events, total = first
    while events:
        yield events
        offset += len(events)
        if offset >= total:
            return
        events, total = await store.call("page", **filters, limit=MAX_PAGE, offset=offset, detailed=detailed)


async def _csv_chunks(pages: AsyncIterator[list[dict]], hxl: bool) -> AsyncIterator[str]:
    header = True
    async for events in pages:
        yield _acled_csv(events, hxl=hxl, header=header)
        header = False
    if header:
        yield _acled_csv([], hxl=hxl)


def _acled_csv(events: list[dict], **options) -> str:
    # here, not at the top: a server without the store extra still serves extraction
    from marsad.store.export import acled_csv

    return acled_csv(events, reference=KNOWLEDGE, **options)


def _relative(url) -> str:
    """A link without scheme and host: the Host header is the client's to forge."""
    return f"{url.path}?{url.query}"
