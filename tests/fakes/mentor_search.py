"""In-memory search indexes: mentors by bucket and grade, everyone by name."""

from bisect import bisect_right

from chalicelib.profiles.names import MIN_SEARCH, name_key


class InMemoryMentorSearchIndex:
    def __init__(self):
        self.buckets: dict[str, list[str]] = {}
        self.listed: dict[str, tuple[str, frozenset[str]]] = {}  # user id -> (entry, buckets)

    def replace(self, user_id: str, entry: str, buckets: frozenset[str]) -> None:
        old_entry, old_buckets = self.listed.pop(user_id, ("", frozenset()))
        for bucket in old_buckets:
            self.buckets[bucket].remove(old_entry)
        for bucket in buckets:
            self.buckets.setdefault(bucket, []).append(entry)
            self.buckets[bucket].sort()
        if buckets:
            self.listed[user_id] = (entry, buckets)

    def remove(self, user_id: str) -> None:
        self.replace(user_id, "", frozenset())

    def forget(self, user_id: str) -> int:
        """Remove, counting what went (the in-memory OwnedItems)."""
        listed = user_id in self.listed
        self.remove(user_id)
        return int(listed)

    def page(self, bucket: str, lowest_rank: int, highest_rank: int, after: str, limit: int) -> list[str]:
        keys = self.buckets.get(bucket, [])
        start = bisect_right(keys, after) if after else 0
        chosen = [key for key in keys[start:] if lowest_rank <= int(key.split("#", 1)[0]) <= highest_rank]
        return chosen[:limit]

    def any_in(self, bucket: str, lowest_rank: int, highest_rank: int) -> bool:
        return bool(self.page(bucket, lowest_rank, highest_rank, "", 1))


class InMemoryNameIndex:
    def __init__(self):
        self.keys: dict[str, frozenset[str]] = {}

    def replace(self, user_id: str, keys: frozenset[str]) -> None:
        self.keys[user_id] = keys
        if not keys:
            del self.keys[user_id]

    def forget(self, user_id: str) -> int:
        return len(self.keys.pop(user_id, ()))

    def find(self, typed: str, limit: int) -> list[str]:
        wanted = name_key(typed)
        if len(wanted) < MIN_SEARCH:
            return []
        found = sorted((key, uid) for uid, keys in self.keys.items() for key in keys if key.startswith(wanted))
        return list(dict.fromkeys(uid for _, uid in found))[:limit]
