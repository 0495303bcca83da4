"""Telling a busy or unreachable AWS service apart from a bug, for the one error table.

botocore already retried the call (throttling, timeouts, dropped connections: standard retry
mode, ``Settings.dynamodb_max_retries`` times). When it still fails, the request is answered
503 with ``Retry-After`` rather than 500: nothing was written (single writes and transactions
are all-or-nothing) and trying again shortly is the right thing for the client to do.
"""

from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from pynamodb.exceptions import PynamoDBException

from chalicelib.errors import ServiceUnavailableError

BUSY_CODES = frozenset({
    "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
    "InternalServerError", "ServiceUnavailable", "TooManyRequestsException", "LimitExceededException",
})
BUSY_REASONS = frozenset({"ThrottlingError", "ProvisionedThroughputExceeded", "InternalServerError"})
UNREACHABLE = (ReadTimeoutError, ConnectTimeoutError, EndpointConnectionError, ConnectionClosedError)


def causes(error: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost first (PynamoDB keeps botocore's error as ``cause``)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        nested = current.cause if isinstance(current, PynamoDBException) else None
        current = nested or current.__cause__ or current.__context__
    return chain


def is_busy(error: BaseException) -> bool:
    for cause in causes(error):
        if isinstance(cause, UNREACHABLE):
            return True
        if isinstance(cause, ClientError) and cause.response.get("Error", {}).get("Code") in BUSY_CODES:
            return True
        reasons = getattr(cause, "cancellation_reasons", None) or []
        if any(reason is not None and reason.code in BUSY_REASONS for reason in reasons):
            return True
    return False


def storage_unavailable(error: BaseException) -> ServiceUnavailableError | None:
    return ServiceUnavailableError() if is_busy(error) else None
