"""Turning HTTP requests into plain data and errors into JSON replies (no routing here)."""

import json
from collections.abc import Mapping

from chalicelib.errors import (
    MalformedRequestError,
    MentorMatchError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    to_http_error,
)

JSON_HEADERS: dict[str, str | list[str]] = {"Content-Type": "application/json"}  # chalice's HeadersType


def read_json_body(headers: Mapping[str, str], raw_body: bytes | None, max_bytes: int) -> object:
    """The request's JSON body, or a clear 4xx error: wrong type, too large, or not JSON."""
    content_type = (headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise UnsupportedMediaTypeError("Send the body as JSON with 'Content-Type: application/json'.")
    body = raw_body or b""
    if len(body) > max_bytes:
        raise PayloadTooLargeError(f"The request body is larger than {max_bytes} bytes.")
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise MalformedRequestError("The request body is not valid JSON.") from None


def error_reply(error: MentorMatchError) -> tuple[int, dict[str, dict[str, object]]]:
    http_error = to_http_error(error)
    return http_error.status, http_error.body


def internal_error_body() -> dict[str, dict[str, object]]:
    return {"error": {"code": "internal_error", "message": "Something went wrong on our side. Try again later."}}
