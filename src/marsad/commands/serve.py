"""`marsad serve`: the HTTP API and the web page in one process."""
from __future__ import annotations

import os

import click
import uvicorn

from marsad.api import create_app
from marsad.api.settings import DEFAULT_MAX_BODY_BYTES


@click.command()
@click.option("--db", "db_url", envvar="MARSAD_DB", metavar="URL",
              help="Event store: sqlite:///events.db or postgresql://... (env MARSAD_DB). Without it: extraction only.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token-env", default="MARSAD_TOKEN", show_default=True, metavar="NAME",
              help="Environment variable holding the write token; unset or empty: read-only.")
@click.option("--max-body-bytes", default=DEFAULT_MAX_BODY_BYTES, show_default=True, type=click.IntRange(1),
              help="Largest request body accepted.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow this origin to call the API from a browser (repeatable). Default: none.")
def serve(db_url: str | None, host: str, port: int, token_env: str, max_body_bytes: int,
          cors_origins: tuple[str, ...]) -> None:
    """Serve the API and the web page (map, events, claims beside their sentences).

    \b
    Examples:
      marsad serve --db sqlite:///events.db
      MARSAD_TOKEN=secret marsad serve --db sqlite:///events.db --port 8080
    """
    # The token comes from the environment, never the command line, where `ps` would show it.
    app = create_app(db_url, os.environ.get(token_env) or None, max_body_bytes=max_body_bytes,
                     cors_origins=cors_origins)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
