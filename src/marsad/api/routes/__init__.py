"""The API's routes, one module per resource; `ROUTERS` is the one place that lists them."""

from __future__ import annotations

from marsad.api.routes import actors, documents, events, extract, health, page

ROUTERS = (extract.router, events.router, documents.router, actors.router, health.router, page.router)
