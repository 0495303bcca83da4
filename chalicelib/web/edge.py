"""The API answers only requests that came through CloudFront (design choice: infra/README.md, "Edge").

CloudFront adds ``X-Origin-Verify: <secret>`` to every request it sends to the API origin; this
middleware refuses any request without that value before a route runs, so the execute-api
address, which is public, is of no use to a caller that skips CloudFront (and so its web ACL).
Locally, and in the tests, no secret is set and nothing is checked.
"""

import hmac
from collections.abc import Callable, Mapping

from chalice import Response
from chalice.app import Request

from chalicelib.bootstrap import services
from chalicelib.errors import ForbiddenError
from chalicelib.web.http_io import JSON_HEADERS, error_reply

HEADER = "x-origin-verify"
NOT_THROUGH_CLOUDFRONT = "Use the service's own address."


def came_through_cloudfront(headers: Mapping[str, str], secret: str) -> bool:
    """True when no secret is set, or the request carries it (compared in constant time)."""
    if not secret:
        return True
    return hmac.compare_digest(headers.get(HEADER, "").encode(), secret.encode())


def only_through_cloudfront(event: Request, get_response: Callable[[Request], Response]) -> Response:
    """Chalice HTTP middleware (registered in app.py)."""
    if came_through_cloudfront(event.headers or {}, services().settings.origin_verify_secret):
        return get_response(event)
    status, body, _ = error_reply(ForbiddenError(NOT_THROUGH_CLOUDFRONT))
    return Response(body=body, status_code=status, headers=JSON_HEADERS)
