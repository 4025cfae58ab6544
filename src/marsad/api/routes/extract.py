"""POST /extract: run the extraction on one article, store nothing."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from marsad.api.body import JsonBodyRoute
from marsad.api.fields import PlainText, date_field
from marsad.schema import Extraction

router = APIRouter(tags=["extraction"], route_class=JsonBodyRoute)


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: PlainText = Field(description="the article, plain text or HTML")
    published: PlainText | None = Field(
        default=None,
        description="publication date, YYYY-MM-DD; relative dates ('yesterday', weekdays) resolve against it",
    )
    document_id: PlainText | None = Field(
        default=None, description="id to give the document (default: the text's hash)"
    )


@router.post(
    "/extract",
    response_model=Extraction,
    summary="Extract the events and claims of one article",
    description="Runs within the server's time budget: a text that takes longer is refused (413, E310).",
)
async def extract(request: Request, body: ExtractRequest) -> Response:
    extraction = await request.app.state.extractions.extract(
        body.text, date_field("published", body.published), body.document_id, request.is_disconnected
    )
    return Response(extraction, media_type="application/json")
