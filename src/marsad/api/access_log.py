"""One line per request on the logger "marsad.access": client, method, path, status, time taken.

The time is there because a slow request is the first thing an operator looks for; headers (the
bearer token among them) are never logged.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger("marsad.access")


class AccessLog:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500  # what the client gets if the app fails before answering

        async def noting_send(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, noting_send)
        finally:
            log.info(
                "%s %s %s %d %.0f ms",
                _client(scope),
                scope["method"],
                _target(scope),
                status,
                (time.perf_counter() - started) * 1000,
            )


def _client(scope) -> str:
    client = scope.get("client")
    return client[0] if client else "-"


def _target(scope) -> str:
    # As sent, still percent-encoded: a decoded %0A would start a forged log line.
    path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1")
    query = scope.get("query_string", b"").decode("latin-1")
    return path + ("?" + query if query else "")
