"""The Chalice app as a WSGI application, through chalice's own API Gateway emulation.

``chalice local`` serves the app with Python's development HTTP server (one connection at a
time, a listen backlog of 5): under 16 concurrent clients it drops connections. The same
``LocalGateway`` that ``chalice local`` and Chalice's test client use (routing, the custom
authorizer run for real, the Lambda event) is wrapped here as WSGI, so a production WSGI server
(gunicorn, in the local stack) or an in-process client (schemathesis in the tests) can serve it.

With ``COUNT_DYNAMODB_CALLS=1`` each reply carries ``X-DynamoDB-Calls``: how many DynamoDB calls
the request made (``make load`` reports them per route). Only the local stack sets it.
"""

import base64
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

from botocore import handlers
from chalice import Chalice
from chalice.config import Config
from chalice.local import LocalGateway, LocalGatewayException

_calls = threading.local()
StartResponse = Callable[[str, list[tuple[str, str]]], object]


def _count_dynamodb_call(**_: object) -> None:
    _calls.count = getattr(_calls, "count", 0) + 1


def count_dynamodb_calls() -> None:
    """Count every DynamoDB call made by clients created from now on, per thread."""
    entry = ("before-call.dynamodb", _count_dynamodb_call)
    if entry not in handlers.BUILTIN_HANDLERS:
        handlers.BUILTIN_HANDLERS.append(entry)


def request_headers(environ: dict[str, Any]) -> dict[str, str]:
    headers = {key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")}
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").lower()] = environ[key]
    return headers


class ChaliceWSGI:
    def __init__(self, app: Chalice, counting: bool = False, mount: str = ""):
        """``mount``: a path prefix to take off first (the site serves the API under ``/api``)."""
        self._gateway = LocalGateway(app, Config.create(chalice_stage="local"))
        self._counting = counting
        self._mount = mount

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        # The path as sent (still percent-encoded, as API Gateway routes it): a decoded "%3F" would
        # otherwise end the path early and reach another route.
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ.get("PATH_INFO", "/")
        path, _, query = raw.partition("?")
        if self._mount and (path == self._mount or path.startswith(f"{self._mount}/")):
            path = path[len(self._mount):] or "/"
        query = query or environ.get("QUERY_STRING", "")
        if query:
            path = f"{path}?{query}"
        _calls.count = 0
        try:
            reply = self._gateway.handle_request(environ["REQUEST_METHOD"], path, request_headers(environ), body)
            status, headers, data = reply["statusCode"], reply_headers(reply), reply.get("body") or b""
            if reply.get("isBase64Encoded"):
                data = base64.b64decode(data)
        except LocalGatewayException as error:  # API Gateway's own replies are JSON, and say so
            status, data = error.CODE, error.body or b""
            headers = list({"Content-Type": "application/json", **error.headers}.items())
        payload = data.encode("utf-8") if isinstance(data, str) else data
        if self._counting:
            headers.append(("X-DynamoDB-Calls", str(_calls.count)))
        headers.append(("Content-Length", str(len(payload))))
        start_response(f"{status} {REASONS.get(status, 'Status')}", headers)
        return [payload]


def reply_headers(reply: dict[str, Any]) -> list[tuple[str, str]]:
    """The reply's headers as (name, value) lines: a header with several values (two Set-Cookie)
    is several lines, as API Gateway sends them, never one line joined with commas."""
    several = {name.lower(): (name, values) for name, values in (reply.get("multiValueHeaders") or {}).items()}
    lines = [(name, str(value)) for name, value in reply["headers"].items() if name.lower() not in several]
    return lines + [(name, str(value)) for name, values in several.values() for value in values]


REASONS = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
           403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
           413: "Payload Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


def make_application() -> ChaliceWSGI:
    counting = os.environ.get("COUNT_DYNAMODB_CALLS") == "1"
    if counting:
        count_dynamodb_calls()
    from app import app  # after the counter is in place, so every client the app makes counts

    return ChaliceWSGI(app, counting)
