"""Match lists in DynamoDB (``match_lists.ports.MatchListRepository``): one item per person and role,
written whole, so a reader never sees half a list."""

from collections.abc import Iterable

from chalicelib.adapters.dynamo.tables import MatchListModel, read_item
from chalicelib.match_lists.domain import MatchList, decode_entries, encode_entries


class DynamoMatchListRepository:
    def get(self, user_id: str, role: str) -> MatchList | None:
        item = read_item(MatchListModel, user_id, role)
        return to_match_list(item) if item else None

    def get_many(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], MatchList]:
        """Batch reads (100 keys a call; PynamoDB asks again for unprocessed keys)."""
        wanted = list(dict.fromkeys(keys))
        return {(item.user_id, item.role): to_match_list(item) for item in MatchListModel.batch_get(wanted)}

    def put_many(self, lists: Iterable[MatchList]) -> int:
        """Batch writes; PynamoDB resends unprocessed (throttled) items with back-off."""
        count = 0
        with MatchListModel.batch_write() as batch:
            for match_list in lists:
                batch.save(MatchListModel(
                    user_id=match_list.user_id, role=match_list.role, computed_at=match_list.computed_at,
                    entries=encode_entries(match_list.matches),
                ))
                count += 1
        return count

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int:
        count = 0
        with MatchListModel.batch_write() as batch:
            for user_id, role in keys:
                batch.delete(MatchListModel(user_id=user_id, role=role))
                count += 1
        return count


def to_match_list(item: MatchListModel) -> MatchList:
    return MatchList(item.user_id, item.role, item.computed_at, decode_entries(item.entries))
