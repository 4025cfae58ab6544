"""One JSON error shape for every error the API returns, and the API's coded errors (E300-E399).

Every error body is {"ok": false, "error": {"code": "E3xx", "message": "..."}, "status": 4xx/5xx},
whatever raised it: our own errors, the core's MarsadError, FastAPI's validation, Starlette's
404/405, the body-size guard, or a bug (500, without a traceback for the client). A MarsadError's
status follows its kind in `marsad.errors.CODES`: the caller's input 400, the server's setup (a
broken gazetteer or data file, the store) 503, a bug 500.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import MarsadError

log = logging.getLogger("marsad.api")


class ApiError(MarsadError):
    """An API failure with the HTTP status it answers with."""

    code = "E300"
    status = 400

    def __init__(self, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.headers = headers or {}


class NotFoundError(ApiError):
    code, status = "E301", 404


class MethodNotAllowedError(ApiError):
    code, status = "E302", 405


class InvalidRequestError(ApiError):
    code, status = "E303", 422


class RequestTooLargeError(ApiError):
    code, status = "E304", 413


class UnauthorizedError(ApiError):
    code, status = "E305", 401


class ReadOnlyError(ApiError):
    code, status = "E306", 403


class NoStoreError(ApiError):
    code, status = "E307", 503


class StoreMissingError(ApiError):
    code, status = "E308", 503


class InternalError(ApiError):
    code, status = "E309", 500


class ExtractionTooSlowError(ApiError):
    """The text took longer than the extraction's time budget: 413, since only a shorter text helps."""

    code, status = "E310", 413


class ExtractionBusyError(ApiError):
    code, status = "E311", 503


class ClientGoneError(ApiError):
    """Nobody reads this answer; 499 is what the access log shows (nginx's "client closed request")."""

    code, status = "E312", 499


class InvalidBodyError(ApiError):
    """The body is not UTF-8 JSON at all; a JSON body with wrong fields is InvalidRequestError (422)."""

    code, status = "E313", 400


class MalformedHttpError(ApiError):
    code, status = "E314", 400


# The status of a coded error raised by the rest of Marsad, by who fixes it (`marsad.errors.KINDS`).
STATUS_OF_KIND = {"input": 400, "setup": 503, "bug": 500}

# Starlette raises bare HTTPExceptions for routing failures: give each its coded error.
_HTTP_STATUS_ERRORS = {404: NotFoundError, 405: MethodNotAllowedError, 413: RequestTooLargeError}


def error_body(code: str, message: str, status: int) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}, "status": status}


def error_response(
    code: str, message: str, status: int, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, status), status_code=status, headers=headers)


def _message(error: MarsadError) -> str:
    """The message without its 'E0xx: ' prefix, which the body carries as `code`."""
    text = str(error)
    prefix = f"{error.code}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


async def _api_error(request: Request, error: ApiError) -> JSONResponse:
    return error_response(error.code, error.message, error.status, error.headers)


async def _marsad_error(request: Request, error: MarsadError) -> JSONResponse:
    status = STATUS_OF_KIND[error.kind]
    if status >= 500:  # the operator's to fix, or ours: the server log says so too
        log.error("%s %s: %s", request.method, request.url.path, error)
    return error_response(error.code, _message(error), status)


async def _http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
    kind = _HTTP_STATUS_ERRORS.get(error.status_code, ApiError)
    message = {
        404: f"no route {request.url.path}; see /openapi.json for the API",
        405: f"{request.method} is not allowed on {request.url.path}; see /openapi.json",
    }.get(error.status_code, str(error.detail))
    return error_response(kind.code, message, error.status_code, getattr(error, "headers", None))


async def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = []
    for item in error.errors()[:5]:
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    message = "invalid request: " + "; ".join(problems) + " (see /openapi.json)"
    return error_response(InvalidRequestError.code, message, InvalidRequestError.status)


async def _unexpected_error(request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(InternalError.code, "internal error; the server log has the details", 500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(MarsadError, _marsad_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected_error)
