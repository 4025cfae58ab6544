"""The HTTP API and web page (outer ring: composes the extraction and the store; nothing imports it)."""

from __future__ import annotations

from marsad.api.app import create_app

__all__ = ["create_app"]
