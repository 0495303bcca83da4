"""Recent events per key (``limits.ports.EventLog``): one row per event, expiring by TTL.

Keys: ``user:<sub>`` and ``ip:<address>`` for unknown invitation codes, ``request:<sub>``,
``message:<sub>``, ``report:<sub>`` for the journey's limits. TTL deletion is lazy (up to days in
DynamoDB, never in the emulator), so reads also filter on ``expires_at`` and the range key's time.
"""

import secrets
from datetime import UTC, datetime

from chalicelib.adapters.dynamo.tables import AttemptModel


class DynamoAttemptLog:
    def times_since(self, key: str, since: datetime, now: datetime, limit: int) -> list[datetime]:
        rows = AttemptModel.query(
            key,
            AttemptModel.attempted_at > since.isoformat(timespec="microseconds"),
            filter_condition=AttemptModel.expires_at > now,
            scan_index_forward=False,
            limit=limit,
        )
        return [parse_stamp(row.attempted_at) for row in rows]

    def record(self, key: str, now: datetime, expires_at: datetime) -> None:
        stamp = f"{now.isoformat(timespec='microseconds')}#{secrets.token_hex(4)}"
        AttemptModel(client_key=key, attempted_at=stamp, expires_at=expires_at).save()


    def forget(self, key: str) -> int:
        rows = list(AttemptModel.query(key))
        with AttemptModel.batch_write() as batch:
            for row in rows:
                batch.delete(row)
        return len(rows)


def parse_stamp(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp.partition("#")[0])
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
