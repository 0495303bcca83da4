"""The index of mentors in DynamoDB (``mentor_search.ports.MentorSearchIndex``).

A listed person's entries are one item per bucket, plus a "person#<id>" item naming them;
replacing writes only the difference. The profile stays the truth: a search re-reads every
profile it shows, so an entry left behind by a failed write is never shown wrongly, and the
person's next save puts their entries right.
"""

from typing import Any

from chalicelib.adapters.dynamo.tables import MentorSearchModel

PERSON_ENTRY = "entries"
HIGHEST = "~"  # after every user id character: "<rank>#~" ends a grade's entries


def person_bucket(user_id: str) -> str:
    return f"person#{user_id}"


class DynamoMentorSearchIndex:
    def replace(self, user_id: str, entry: str, buckets: frozenset[str]) -> None:
        record = self._record(user_id)
        old = {(bucket, record.listed_as or "") for bucket in record.buckets or ()} if record else set()
        new = {(bucket, entry) for bucket in buckets}
        if old == new:
            return
        with MentorSearchModel.batch_write() as batch:
            for bucket, key in old - new:
                batch.delete(MentorSearchModel(bucket, key))
            for bucket, key in new - old:
                batch.save(MentorSearchModel(bucket, key))
            person = MentorSearchModel(person_bucket(user_id), PERSON_ENTRY, listed_as=entry, buckets=sorted(buckets))
            if buckets:
                batch.save(person)
            else:
                batch.delete(person)

    def remove(self, user_id: str) -> None:
        self.replace(user_id, "", frozenset())

    def forget(self, user_id: str) -> int:
        """Remove, counting the person's entries (account deletion's ``OwnedItems``)."""
        record = self._record(user_id)
        self.remove(user_id)
        return len(record.buckets or ()) if record else 0

    def page(self, bucket: str, lowest_rank: int, highest_rank: int, after: str, limit: int) -> list[str]:
        start, end = f"{lowest_rank}#", f"{highest_rank}#{HIGHEST}"
        if start > end:
            return []
        options: dict[str, Any] = {"limit": limit, "attributes_to_get": ["bucket", "entry"]}
        if after and after >= start:
            options["last_evaluated_key"] = {"bucket": {"S": bucket}, "entry": {"S": after}}
        query = MentorSearchModel.query(bucket, MentorSearchModel.entry.between(start, end), **options)
        return [item.entry for item in query]

    def any_in(self, bucket: str, lowest_rank: int, highest_rank: int) -> bool:
        return bool(self.page(bucket, lowest_rank, highest_rank, "", 1))

    def _record(self, user_id: str) -> MentorSearchModel | None:
        try:
            return MentorSearchModel.get(person_bucket(user_id), PERSON_ENTRY, consistent_read=True)
        except MentorSearchModel.DoesNotExist:
            return None
