"""Security at the edge: strict headers on every response, a body size limit, the write token.

A pure ASGI middleware (no per-request task switching) so that it costs nothing measurable.
"""

from __future__ import annotations

import hmac

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.server.errors import ApiError, error_response

__all__ = ["CSP", "MAX_BODY_BYTES", "EdgeMiddleware", "check_token"]

MAX_BODY_BYTES = 10_000_000
# No inline script or style anywhere; the page loads only its own files and talks only to its origin.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
ALLOWED_METHODS = {"GET", "HEAD", "POST", "DELETE"}


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in HEADERS if name not in names]
            await send(message)

        refusal = self._refuse(scope)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        received = 0

        async def bounded_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise ApiError(413, "too_large", f"request body is over {self.max_body} bytes",
                                   "send fewer articles per request")
            return message

        await self.app(scope, bounded_receive, send_with_headers)

    def _refuse(self, scope: Scope) -> ASGIApp | None:
        if scope["method"] not in ALLOWED_METHODS:
            return error_response(405, "method_not_allowed", f"method {scope['method'][:10]} is not allowed",
                                  "use GET, HEAD, POST or DELETE")
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit():
                    return error_response(400, "bad_request", "Content-Length is not a number")
                if int(value) > self.max_body:
                    return error_response(413, "too_large", f"request body is over {self.max_body} bytes",
                                          "send fewer articles per request")
        return None


def check_token(expected: str | None, authorization: str | None) -> None:
    """Raise unless ``authorization`` is 'Bearer <expected>' (constant-time comparison)."""
    if expected is None:
        raise ApiError(401, "read_only", "this server is read-only",
                       "start it with --token or SITREP_TOKEN to allow writes")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "missing or wrong token",
                       "send 'Authorization: Bearer TOKEN' with the server's token")
