"""GET /health: is the server up, what does it serve, can it write."""

from __future__ import annotations

from fastapi import APIRouter, Request

import marsad
from marsad.schema import SCHEMA_VERSION

router = APIRouter(tags=["service"])


@router.get("/health", summary="Service status")
async def health(request: Request):
    settings = request.app.state.settings
    return {
        "ok": True,
        "version": marsad.__version__,
        "schema_version": SCHEMA_VERSION,
        "store": request.app.state.store.backend,
        "read_only": settings.read_only,
        "web_assets": (settings.vendor_dir / "leaflet" / "leaflet.js").is_file(),
    }
