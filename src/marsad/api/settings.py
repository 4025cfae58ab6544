"""What the operator configures: the store, the write token, limits (body size, extraction time and
workers), CORS, where the web assets are."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024
# A long news article takes well under a second; a text that takes longer than this is refused.
DEFAULT_EXTRACT_BUDGET_SECONDS = 5.0
# Each worker holds the knowledge (~100 MB) and works one text at a time.
DEFAULT_EXTRACT_WORKERS = 2
STATIC_DIR = Path(__file__).resolve().parent / "static"
# `make web` puts the third-party assets (Leaflet, the country outlines) in web/vendor of the checkout.
CHECKOUT_VENDOR_DIR = Path(__file__).resolve().parents[3] / "web" / "vendor"


def default_vendor_dir() -> Path:
    return Path(os.environ.get("MARSAD_WEB_VENDOR", CHECKOUT_VENDOR_DIR))


@dataclass(frozen=True)
class Settings:
    db_url: str | None = None
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    cors_origins: tuple[str, ...] = ()
    extract_budget_seconds: float = DEFAULT_EXTRACT_BUDGET_SECONDS
    extract_workers: int = DEFAULT_EXTRACT_WORKERS
    vendor_dir: Path = field(default_factory=default_vendor_dir)

    @property
    def read_only(self) -> bool:
        """Without a token nobody can write: the safe default for a public viewer."""
        return not self.token
