"""POST /documents (ingest an article; needs the token) and GET /documents/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from marsad.api.auth import require_token
from marsad.api.body import JsonBodyRoute
from marsad.api.errors import NotFoundError
from marsad.api.fields import PlainText, date_field
from marsad.schema import Extraction

router = APIRouter(tags=["documents"], route_class=JsonBodyRoute)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: PlainText = Field(description="the article, plain text or HTML")
    published: PlainText | None = Field(default=None, description="publication date, YYYY-MM-DD")
    url: PlainText | None = None
    outlet: PlainText | None = None
    title: PlainText | None = None
    document_id: PlainText | None = None


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_token)],
    summary="Ingest one article into the store (needs 'Authorization: Bearer <MARSAD_TOKEN>')",
)
async def ingest(request: Request, body: IngestRequest):
    store = request.app.state.store
    store.require()
    document_id = store.document_id_for(body.text, body.url, body.document_id)
    extraction = await request.app.state.extractions.extract(
        body.text, date_field("published", body.published), document_id, request.is_disconnected
    )
    result = await store.call(
        "ingest_extraction",
        Extraction.model_validate_json(extraction),
        body.text,
        url=body.url,
        outlet=body.outlet,
        title=body.title,
    )
    payload = {
        "ok": True,
        "document_id": result.document_id,
        "status": result.status,
        "events": result.events,
    }
    return JSONResponse(
        jsonable_encoder(payload), status_code=201, headers={"Location": f"/documents/{result.document_id}"}
    )


@router.get("/documents/{document_id}", summary="One stored article: text, metadata, extraction")
async def get_document(request: Request, document_id: Annotated[PlainText, Path()]):
    document = await request.app.state.store.call("document", document_id)
    if document is None:
        raise NotFoundError(f"no document {document_id!r}; ingest it with POST /documents")
    return jsonable_encoder(document)
