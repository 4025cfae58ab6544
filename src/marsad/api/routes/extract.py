"""POST /extract: run the extraction on one article, store nothing."""
from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

import marsad
from marsad.schema import Extraction

router = APIRouter(tags=["extraction"])


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article, plain text or HTML")
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD; "
                                  "relative dates ('yesterday', weekdays) resolve against it")
    document_id: str | None = Field(default=None, description="id to give the document (default: the text's hash)")


@router.post("/extract", response_model=Extraction, summary="Extract the events and claims of one article")
def extract(request: ExtractRequest) -> Extraction:
    # A plain def: FastAPI runs it on its thread pool, so a long article does not stall the event loop.
    return marsad.extract(request.text, published=marsad.parse_date(request.published),
                          document_id=request.document_id)
