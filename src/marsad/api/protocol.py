"""HTTP/1.1 as uvicorn's h11 protocol speaks it, except that a request too malformed to reach the
app (a Content-Length that is not a number, a broken request line) is answered in the API's JSON
error shape instead of uvicorn's text/plain "Invalid HTTP request received."."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from marsad.api.errors import MalformedHttpError, error_body
from marsad.api.headers import SECURITY_HEADERS

MESSAGE = (
    "the request is not valid HTTP/1.1 (a malformed header such as a non-numeric Content-Length, "
    "or a broken request line); check what your client sends"
)


class JsonErrorH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        body = json.dumps(error_body(MalformedHttpError.code, MESSAGE, MalformedHttpError.status)).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *SECURITY_HEADERS,
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()
