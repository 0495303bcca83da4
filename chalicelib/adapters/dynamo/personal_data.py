"""Items that belong to one person and go when their account is deleted, table by table.

``privacy.ports.OwnedItems``: ``OWNED_BY_PERSON`` names each table whose partition key is the
person (or made from their id) and how to make that key. Another such table is one more line
here. Tables with more involved rules (mentorships, messages, loads, blocks, reports, account
standing) are handled by chalicelib/privacy/deletion.py through the journey's own ports.
"""

from collections.abc import Callable

from pynamodb.models import Model

from chalicelib.adapters.dynamo.tables import TABLES

OWNED_BY_PERSON: dict[str, Callable[[str], str]] = {
    "profiles": lambda user_id: user_id,
    "matches": lambda user_id: user_id,  # my own lists (others' lists drop me at read time and recompute)
    "memberships": lambda user_id: user_id,  # organisations I joined through an invitation
    "attempts": lambda user_id: f"user:{user_id}",  # my failed invitation codes (rate limit)
}


class DynamoOwnedItems:
    """``others``: tables whose items are not one partition of the person's, by their own deleter
    (for example the index of mentors, whose entries sit in many buckets)."""

    def __init__(self, tables: dict[str, Callable[[str], str]] | None = None,
                 others: dict[str, Callable[[str], int]] | None = None):
        self._tables = OWNED_BY_PERSON if tables is None else tables
        self._others = others or {}

    def delete_all(self, user_id: str) -> dict[str, int]:
        counts = {base: delete_partition(TABLES[base], key_of(user_id)) for base, key_of in self._tables.items()}
        counts.update({base: forget(user_id) for base, forget in self._others.items()})
        return counts


def delete_partition(model: type[Model], hash_key: str) -> int:
    key_names = [model._hash_key_attribute().attr_name]
    if model._range_key_attribute() is not None:
        key_names.append(model._range_key_attribute().attr_name)
    items = list(model.query(hash_key, attributes_to_get=key_names, consistent_read=True))
    with model.batch_write() as batch:
        for item in items:
            batch.delete(item)
    return len(items)
