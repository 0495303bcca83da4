"""Owned items for unit tests: deleters by table name (e.g. a fake repository's delete)."""

from collections.abc import Callable


class InMemoryOwnedItems:
    """For unit tests: deleters by table name (e.g. a fake repository's delete)."""

    def __init__(self, deleters: dict[str, Callable[[str], int]]):
        self._deleters = deleters

    def delete_all(self, user_id: str) -> dict[str, int]:
        return {base: delete(user_id) for base, delete in self._deleters.items()}
