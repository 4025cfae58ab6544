"""Write access: a bearer token the operator sets in MARSAD_TOKEN; without one the API is read-only."""

from __future__ import annotations

import hmac

from fastapi import Request

from marsad.api.errors import ReadOnlyError, UnauthorizedError


def require_token(request: Request) -> None:
    """A FastAPI dependency for the routes that write."""
    token = request.app.state.settings.token
    if not token:
        raise ReadOnlyError(
            "this server is read-only: the operator has set no MARSAD_TOKEN, so nothing can be written"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # compare_digest: the time taken must not tell how much of the token was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise UnauthorizedError(
            "this route writes: send the header 'Authorization: Bearer <MARSAD_TOKEN>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
