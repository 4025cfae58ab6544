"""`marsad serve`: the HTTP API and the web page in one process."""

from __future__ import annotations

import logging
import os
import sys

import click
import uvicorn

from marsad.api import create_app
from marsad.api.protocol import JsonErrorH11Protocol
from marsad.api.settings import (
    DEFAULT_EXTRACT_BUDGET_SECONDS,
    DEFAULT_EXTRACT_WORKERS,
    DEFAULT_MAX_BODY_BYTES,
    Settings,
)

# On SIGTERM, requests still running after this many seconds are cancelled (their workers killed).
GRACEFUL_SHUTDOWN_SECONDS = 2


@click.command()
@click.option(
    "--db",
    "db_url",
    envvar="MARSAD_DB",
    metavar="URL",
    help="Event store: sqlite:///events.db or postgresql://... (env MARSAD_DB). Without it: extraction only.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token-env",
    default="MARSAD_TOKEN",
    show_default=True,
    metavar="NAME",
    help="Environment variable holding the write token; unset or empty: read-only.",
)
@click.option(
    "--max-body-bytes",
    default=DEFAULT_MAX_BODY_BYTES,
    show_default=True,
    type=click.IntRange(1),
    help="Largest request body accepted.",
)
@click.option(
    "--extract-budget",
    "extract_budget",
    default=DEFAULT_EXTRACT_BUDGET_SECONDS,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    envvar="MARSAD_EXTRACT_BUDGET",
    metavar="SECONDS",
    help="Longest an extraction may run (POST /extract, POST /documents); longer ones are refused (413).",
)
@click.option(
    "--extract-workers",
    default=DEFAULT_EXTRACT_WORKERS,
    show_default=True,
    type=click.IntRange(1),
    help="Extraction worker processes (each holds the knowledge, ~100 MB).",
)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    metavar="ORIGIN",
    help="Allow this origin to call the API from a browser (repeatable). Default: none.",
)
def serve(
    db_url: str | None,
    host: str,
    port: int,
    token_env: str,
    max_body_bytes: int,
    extract_budget: float,
    extract_workers: int,
    cors_origins: tuple[str, ...],
) -> None:
    """Serve the API and the web page (map, events, claims beside their sentences).

    \b
    Examples:
      marsad serve --db sqlite:///events.db
      MARSAD_TOKEN=secret marsad serve --db sqlite:///events.db --port 8080
    """
    # The token comes from the environment, never the command line, where `ps` would show it.
    settings = Settings(
        db_url=db_url,
        token=os.environ.get(token_env) or None,
        max_body_bytes=max_body_bytes,
        extract_budget_seconds=extract_budget,
        extract_workers=extract_workers,
        cors_origins=tuple(cors_origins),
    )
    app = create_app(settings)
    _log_to_stderr()
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(
        f"Marsad at http://{shown_host}:{port}/ ({'read-only' if settings.read_only else 'writable'}, "
        f"{'store: ' + app.state.store.backend if db_url else 'no store'}); Ctrl-C stops it",
        err=True,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        http=JsonErrorH11Protocol,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def _log_to_stderr() -> None:
    """The access log and the API's own messages, one line each, on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S"))
    for name in ("marsad.access", "marsad.api"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
