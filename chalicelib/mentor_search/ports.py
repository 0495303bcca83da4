"""What finding mentors needs from storage: the index of mentors taking requests."""

from typing import Protocol


class MentorSearchIndex(Protocol):
    """Entries (bucket, "<grade rank>#<user id>"), one per bucket a listed mentor is in."""

    def replace(self, user_id: str, entry: str, buckets: frozenset[str]) -> None:
        """This person's entries become exactly these (none: they leave the index)."""
        ...

    def remove(self, user_id: str) -> None:
        """Every entry of this person goes (account deletion)."""
        ...

    def page(self, bucket: str, lowest_rank: int, highest_rank: int, after: str, limit: int) -> list[str]:
        """Up to ``limit`` entry keys of the bucket with grade ranks in the range, in key order,
        after the key ``after`` ("" for the start)."""
        ...

    def any_in(self, bucket: str, lowest_rank: int, highest_rank: int) -> bool:
        """Whether the bucket has an entry with a grade rank in the range."""
        ...
