"""Failed invitation-code attempts (``invitations.ports.AttemptLog``): one row per failure, expiring by TTL.

TTL deletion is lazy (up to days in DynamoDB, never in the emulator), so reads also filter on
``expires_at`` and on the range key's time.
"""

import secrets
from datetime import datetime

from chalicelib.adapters.dynamo.tables import AttemptModel


class DynamoAttemptLog:
    def failures_since(self, client_key: str, since: datetime, now: datetime, limit: int) -> int:
        rows = AttemptModel.query(
            client_key,
            AttemptModel.attempted_at > since.isoformat(timespec="microseconds"),
            filter_condition=AttemptModel.expires_at > now,
            limit=limit,
        )
        return sum(1 for _ in rows)

    def record_failure(self, client_key: str, now: datetime, expires_at: datetime) -> None:
        stamp = f"{now.isoformat(timespec='microseconds')}#{secrets.token_hex(4)}"
        AttemptModel(client_key=client_key, attempted_at=stamp, expires_at=expires_at).save()
