"""GET /: the web page (its scripts and styles are under /static)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from marsad.api.settings import STATIC_DIR

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
async def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")
