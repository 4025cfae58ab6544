"""The Marsad HTTP API and web page: `create_app` composes settings, store, middleware and routes."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

import marsad
from marsad.api.access_log import AccessLog
from marsad.api.cache import AnswerCache
from marsad.api.errors import install_error_handlers
from marsad.api.extraction import ExtractionPool
from marsad.api.gateway import StoreGateway
from marsad.api.headers import SecurityHeaders
from marsad.api.limits import BodySizeLimit
from marsad.api.routes import ROUTERS
from marsad.api.settings import STATIC_DIR, Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app; without `db_url` it serves extraction only, without `token` it is read-only."""
    settings = settings or Settings()
    store = StoreGateway(settings.db_url)
    extractions = ExtractionPool(settings.extract_workers, settings.extract_budget_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await extractions.start()
        yield
        extractions.stop()
        store.close()

    # No /docs or /redoc: their pages load scripts from a CDN, and the page must work offline.
    app = FastAPI(
        title="Marsad",
        version=marsad.__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description="Arabic conflict news to ACLED-style events with source-attributed casualty claims.",
    )
    app.state.settings = settings
    app.state.store = store
    app.state.answers = AnswerCache()
    app.state.extractions = extractions
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    # Mounted most specific first: /static/vendor is `make web`'s output, /static our own files.
    app.mount("/static/vendor", StaticFiles(directory=settings.vendor_dir, check_dir=False), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessLog)
    return app
