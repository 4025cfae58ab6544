"""A guard on request bodies, applied before any route reads them.

A declared Content-Length over the limit is refused at once; a chunked body is counted as it
arrives and refused as soon as it passes the limit, so a 20 MB upload never sits in memory.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException

from marsad.api.errors import RequestTooLargeError, error_response


class _BodyTooLarge(HTTPException):
    """An HTTPException so that FastAPI's body parsing lets it through to the error handlers."""

    def __init__(self, max_bytes: int):
        super().__init__(413, detail=too_large_message(max_bytes))


def too_large_message(max_bytes: int) -> str:
    return f"the request body is over the {max_bytes / 1024 / 1024:g} MB limit; send one article per request"


class BodySizeLimit:
    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", ())).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            return await self._refuse(scope, receive, send)
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _BodyTooLarge:
            # Raised where no error handler saw it (a route reading the body itself).
            if not started:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(
            RequestTooLargeError.code,
            too_large_message(self.max_bytes),
            RequestTooLargeError.status,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)
