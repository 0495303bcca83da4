"""Indexes that find people without a scan, in one DynamoDB table (``tables.SearchModel``).

- ``DynamoMentorSearchIndex``: ``mentor_search.ports.MentorSearchIndex``, mentors by bucket and grade;
- ``DynamoNameIndex``: ``profiles.ports.NameIndex``, everyone by the start of their name.

Each person's entries in an index are listed on a record item, so replacing them writes only the
difference and removing them needs no scan. The profile stays the truth: readers re-read every
profile they show, so an entry left behind by a failed write is never shown wrongly, and the
person's next save puts their entries right.
"""

from typing import Any

from chalicelib.adapters.dynamo.tables import SearchModel
from chalicelib.profiles.names import MIN_SEARCH, name_key, partition

RECORD = "entries"
HIGHEST = "~"  # after every user id character: "<rank>#~" ends a grade's entries
SEPARATOR = "\t"

Pair = tuple[str, str]  # (bucket, entry)


def replace_entries(record_bucket: str, new: frozenset[Pair]) -> int:
    """The entries named by this record become ``new``; how many there were before."""
    try:
        record: SearchModel | None = SearchModel.get(record_bucket, RECORD, consistent_read=True)
    except SearchModel.DoesNotExist:
        record = None
    old = {tuple(text.split(SEPARATOR, 1)) for text in (record.entries or ()) if record} if record else set()
    if old == new:
        return len(old)
    with SearchModel.batch_write() as batch:
        for bucket, entry in old - new:
            batch.delete(SearchModel(bucket, entry))
        for bucket, entry in new - old:
            batch.save(SearchModel(bucket, entry))
        listed = SearchModel(record_bucket, RECORD, entries=sorted(SEPARATOR.join(pair) for pair in new))
        if new:
            batch.save(listed)
        else:
            batch.delete(listed)
    return len(old)


def query(bucket: str, condition: Any, limit: int, after: str = "") -> list[str]:
    options: dict[str, Any] = {"limit": limit, "attributes_to_get": ["bucket", "entry"]}
    if after:
        options["last_evaluated_key"] = {"bucket": {"S": bucket}, "entry": {"S": after}}
    return [item.entry for item in SearchModel.query(bucket, condition, **options)]


class DynamoMentorSearchIndex:
    def replace(self, user_id: str, entry: str, buckets: frozenset[str]) -> None:
        replace_entries(f"mentor#{user_id}", frozenset((bucket, entry) for bucket in buckets))

    def remove(self, user_id: str) -> None:
        self.replace(user_id, "", frozenset())

    def forget(self, user_id: str) -> int:
        """Remove, counting the entries that went (account deletion's ``OwnedItems``)."""
        return replace_entries(f"mentor#{user_id}", frozenset())

    def page(self, bucket: str, lowest_rank: int, highest_rank: int, after: str, limit: int) -> list[str]:
        start, end = f"{lowest_rank}#", f"{highest_rank}#{HIGHEST}"
        if start > end:
            return []
        return query(bucket, SearchModel.entry.between(start, end), limit, after if after >= start else "")

    def any_in(self, bucket: str, lowest_rank: int, highest_rank: int) -> bool:
        return bool(self.page(bucket, lowest_rank, highest_rank, "", 1))


class DynamoNameIndex:
    def replace(self, user_id: str, keys: frozenset[str]) -> None:
        replace_entries(f"named#{user_id}", frozenset((f"name#{partition(key)}", f"{key}#{user_id}")
                                                      for key in keys if key))

    def forget(self, user_id: str) -> int:
        return replace_entries(f"named#{user_id}", frozenset())

    def find(self, typed: str, limit: int) -> list[str]:
        wanted = name_key(typed)
        if len(wanted) < MIN_SEARCH:
            return []
        entries = query(f"name#{partition(wanted)}", SearchModel.entry.startswith(wanted), limit * 2)
        return list(dict.fromkeys(entry.rpartition("#")[2] for entry in entries))[:limit]
