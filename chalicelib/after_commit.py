"""What follows a committed change must not fail the reply about it.

Rule: once a person's change has been written (a request, a message, a report, a saved profile),
the steps that follow it (counting it against an abuse limit, marking when the last email went,
refreshing derived match lists, the email itself) are best effort. A step that fails, for example
because storage stayed busy after botocore's retries, is logged with ids only and skipped: an
error reply would tell the person nothing was changed and invite a retry that repeats the change.
What a skipped step leaves behind heals itself: a limit counts one event fewer, the next message
may email again, a stale match list is recomputed when it is next read and by the hourly recompute.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

logger = logging.getLogger(__name__)
Result = TypeVar("Result")


def after_commit(step: Callable[[], Result], what: str, otherwise: Result) -> Result:
    """``step()``, or ``otherwise`` when it fails (logged: ``what`` and the error's type, never its text)."""
    try:
        return step()
    except Exception as error:  # the change already stands: no failure here may undo its reply
        logger.warning("after a committed change, %s skipped: %s", what, type(error).__name__)
        return otherwise
