"""Request bodies are UTF-8 JSON: anything else is one coded 400 that says what is wrong where.

FastAPI answered 422 for invalid JSON but an uncoded 400 for bad UTF-8 or deep nesting. Here the
body is decoded and parsed once, before the route; Starlette keeps the parsed value on the request,
so FastAPI's own parsing reuses it. A body that is JSON but has wrong fields stays a 422 (E303).
"""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.routing import APIRoute

from marsad.api.errors import InvalidBodyError

EXAMPLE = '{"text": "..."}'


class JsonBodyRoute(APIRoute):
    def get_route_handler(self):
        handle = super().get_route_handler()

        async def checked(request: Request):
            if await request.body():
                await parse_json_body(request)
            return await handle(request)

        return checked


async def parse_json_body(request: Request):
    body = await request.body()
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidBodyError(
            f"the request body is not UTF-8 (byte 0x{body[error.start]:02x} at offset "
            f"{error.start}); send the JSON encoded as UTF-8"
        ) from None
    try:
        return await request.json()
    except json.JSONDecodeError as error:
        raise InvalidBodyError(
            f"the request body is not JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno}); send an object like {EXAMPLE}"
        ) from None
    except RecursionError:
        raise InvalidBodyError(
            f"the request body nests too deeply to read; send a flat object like {EXAMPLE}"
        ) from None
