"""The Marsad HTTP API and web page: `create_app` composes settings, store, middleware and routes."""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

import marsad
from marsad.api.errors import install_error_handlers
from marsad.api.gateway import StoreGateway
from marsad.api.headers import SecurityHeaders
from marsad.api.limits import BodySizeLimit
from marsad.api.routes import ROUTERS
from marsad.api.settings import DEFAULT_MAX_BODY_BYTES, STATIC_DIR, Settings, default_vendor_dir

# One short sentence loads the gazetteer and lexicons before the first request needs them.
_WARM_UP_TEXT = "قتل ثلاثة جنود في هجوم قرب غاو أمس."


def create_app(db_url: str | None = None, token: str | None = None, *,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, cors_origins: tuple[str, ...] = (),
               vendor_dir: Path | None = None, warm: bool = True) -> FastAPI:
    """The app; `db_url` None serves extraction only, `token` None makes it read-only."""
    settings = Settings(db_url=db_url, token=token or None, max_body_bytes=max_body_bytes,
                        cors_origins=tuple(cors_origins), vendor_dir=vendor_dir or default_vendor_dir())
    store = StoreGateway(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            marsad.extract(_WARM_UP_TEXT)
        yield
        store.close()

    # No /docs or /redoc: their pages load scripts from a CDN, and the page must work offline.
    app = FastAPI(title="Marsad", version=marsad.__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Arabic conflict news to ACLED-style events with source-attributed casualty claims.")
    app.state.settings = settings
    app.state.store = store
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    # Mounted most specific first: /static/vendor is `make web`'s output, /static our own files.
    app.mount("/static/vendor", StaticFiles(directory=settings.vendor_dir, check_dir=False), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
