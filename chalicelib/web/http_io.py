"""Turning HTTP requests into plain data and errors into JSON replies (no routing here)."""

import json
import re
from collections.abc import Callable, Mapping

from chalicelib.errors import (
    MalformedRequestError,
    MentorMatchError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
    to_http_error,
)

JSON_HEADERS: dict[str, str | list[str]] = {"Content-Type": "application/json"}  # chalice's HeadersType
MAX_DEPTH = 32  # arrays and objects nested deeper than any schema of ours needs
MAX_NUMBER_CHARACTERS = 30  # digits a number may have: every number we take is far smaller
STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKETS = re.compile(rb"[\[\]{}]")


class _RefusedNumberError(ValueError):
    pass


def nesting_depth(body: bytes) -> int:
    """How deeply arrays and objects nest, counted without parsing (so a hostile body cannot
    exhaust the parser's recursion): brackets inside strings are left out first."""
    depth = deepest = 0
    for bracket in BRACKETS.findall(STRINGS.sub(b'""', body)):
        depth += 1 if bracket in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


def _number(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        if len(text) > MAX_NUMBER_CHARACTERS:
            raise _RefusedNumberError(text)
        value = kind(text)
        if value in (float("inf"), float("-inf")):
            raise _RefusedNumberError(text)
        return value

    return parse


def _no_constants(text: str) -> object:
    raise _RefusedNumberError(text)  # NaN, Infinity, -Infinity: not JSON


def read_json_body(headers: Mapping[str, str], raw_body: bytes | None, max_bytes: int) -> object:
    """The request's JSON body, or a clear 4xx error: wrong type, too large, or not JSON."""
    content_type = (headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise UnsupportedMediaTypeError("Send the body as JSON with 'Content-Type: application/json'.")
    body = raw_body or b""
    if len(body) > max_bytes:
        raise PayloadTooLargeError(f"The request body is larger than {max_bytes} bytes.")
    return parse_json(body)


def parse_json(body: bytes) -> object:
    """JSON text as plain data, or a 400: not UTF-8 or not JSON, nested deeper than MAX_DEPTH,
    or a number too long or too large for any field (NaN and Infinity are not JSON)."""
    if nesting_depth(body) > MAX_DEPTH:
        raise MalformedRequestError(f"The request body is nested more than {MAX_DEPTH} levels deep.")
    try:
        return json.loads(body.decode("utf-8"), parse_int=_number(int), parse_float=_number(float),
                          parse_constant=_no_constants)
    except _RefusedNumberError:
        raise MalformedRequestError("The request body holds a number no field takes (too long, too large, or not a number).") from None
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        raise MalformedRequestError("The request body is not valid JSON.") from None


def error_reply(error: MentorMatchError) -> tuple[int, dict[str, dict[str, object]], dict[str, str]]:
    http_error = to_http_error(error)
    return http_error.status, http_error.body, http_error.headers


def internal_error_body() -> dict[str, dict[str, object]]:
    return {"error": {"code": "internal_error", "message": "Something went wrong on our side. Try again later."}}
