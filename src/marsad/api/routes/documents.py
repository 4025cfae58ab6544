"""POST /documents (ingest an article; needs the token) and GET /documents/{id}."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

import marsad
from marsad.api.auth import require_token
from marsad.api.errors import NotFoundError

router = APIRouter(tags=["documents"])


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article, plain text or HTML")
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    document_id: str | None = None


@router.post("/documents", status_code=201, dependencies=[Depends(require_token)],
             summary="Ingest one article into the store (needs 'Authorization: Bearer <MARSAD_TOKEN>')")
async def ingest(request: Request, body: IngestRequest):
    result = await request.app.state.store.call(
        "ingest", body.text, published=marsad.parse_date(body.published), url=body.url, outlet=body.outlet,
        title=body.title, document_id=body.document_id)
    payload = {"ok": True, "document_id": result.document_id, "status": result.status, "events": result.events}
    return JSONResponse(jsonable_encoder(payload), status_code=201,
                        headers={"Location": f"/documents/{result.document_id}"})


@router.get("/documents/{document_id}", summary="One stored article: text, metadata, extraction")
async def get_document(request: Request, document_id: str):
    document = await request.app.state.store.call("document", document_id)
    if document is None:
        raise NotFoundError(f"no document {document_id!r}; ingest it with POST /documents")
    return jsonable_encoder(document)
