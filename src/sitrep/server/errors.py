"""One JSON error envelope for every failure: ``{"error": {"code", "message", "hint"}}``.

A bad request says what to send instead (``hint``); an unexpected failure is a 500
whose message says nothing of the internals (the traceback goes to the server log).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.filters import FilterError

__all__ = ["ApiError", "error_response", "install_error_handlers"]

log = logging.getLogger("sitrep.server")

_HTTP_CODES = {
    400: ("bad_parameter", "check the request against /api/docs"),
    401: ("unauthorized", "send 'Authorization: Bearer TOKEN' with the server's token"),
    403: ("forbidden", ""),
    404: ("not_found", "see /api/docs for the routes"),
    405: ("method_not_allowed", "see /api/docs for the methods of each route"),
    413: ("too_large", "send a smaller body"),
}


class ApiError(Exception):
    """A request the API refuses, with the status, a stable code, and what to do instead."""

    def __init__(self, status: int, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint


def error_response(status: int, code: str, message: str, hint: str = "",
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "hint": hint}}
    # The edge middleware adds the security headers; a 500 is answered outside it, so they go here too.
    from sitrep.server.security import HEADERS

    merged = {name.decode(): value.decode() for name, value in HEADERS} | (headers or {})
    return JSONResponse(body, status_code=status, headers=merged)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return error_response(exc.status, exc.code, exc.message, exc.hint, headers)


async def _filter_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FilterError)
    # E015 is the CLI's code for every filter error; the API names the kind and the parameter.
    return error_response(400, "bad_filter", f"{exc.param}: {exc.message}", exc.hint)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body"))
    message = f"{where or 'request'}: {first.get('msg', 'invalid value')}"
    return error_response(400, "bad_parameter", message, "see /api/docs for the expected types")


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, hint = _HTTP_CODES.get(exc.status_code, ("http_error", ""))
    message = exc.detail if isinstance(exc.detail, str) else code
    return error_response(exc.status_code, code, message, hint)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return error_response(500, "internal", "internal error", "report it with the request that caused it")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
