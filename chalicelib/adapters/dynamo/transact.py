"""All-or-nothing writes, and the one rule for telling a refusal from a failure.

A refusal (a condition no longer holds, or a conflicting transaction ran at the same moment) is
an answer the caller acts on; any other failure still raises.
"""

from types import TracebackType
from typing import Literal

from pynamodb.exceptions import PynamoDBException, TransactWriteError
from pynamodb.transactions import TransactWrite

from chalicelib.adapters.dynamo.tables import connection
from chalicelib.adapters.faults import is_busy

REFUSALS = frozenset({"TransactionCanceledException", "ConditionalCheckFailedException"})


def refused(error: PynamoDBException) -> bool:
    """True when DynamoDB refused the write (a condition failed, or another transaction conflicted);
    a transaction cancelled because a table was throttled was not refused: it could not be tried."""
    return error.cause_response_code in REFUSALS and not is_busy(error)


class Transaction:
    """One TransactWrite. Refused: ``done`` stays False, or ``refusal`` is raised when one is given."""

    def __init__(self, refusal: Exception | None = None) -> None:
        self._write = TransactWrite(connection=connection())
        self._refusal = refusal
        self.done = False

    def __enter__(self) -> TransactWrite:
        return self._write.__enter__()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> Literal[False]:
        if exc_type is not None:
            return False
        try:
            self._write.__exit__(None, None, None)  # commits
        except TransactWriteError as error:
            if not refused(error):
                raise
            if self._refusal is not None:
                raise self._refusal from None
            return False
        self.done = True
        return False


def transact(refusal: Exception | None = None) -> Transaction:
    return Transaction(refusal)
