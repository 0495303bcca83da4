"""What account deletion needs beyond the journey's stores: the items a person owns outright."""

from typing import Protocol


class OwnedItems(Protocol):
    def delete_all(self, user_id: str) -> dict[str, int]:
        """Delete every item the person owns outright (profile, lists, memberships...); how many went, by table."""
        ...
