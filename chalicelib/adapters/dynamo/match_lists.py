"""Match lists in DynamoDB (``match_lists.ports.MatchListRepository``): one item per person and role,
written whole, so a reader never sees half a list."""

from collections.abc import Iterable

from chalicelib.adapters.dynamo.tables import MatchListModel, read_item
from chalicelib.match_lists.domain import MatchList, decode_entries, encode_entries


class DynamoMatchListRepository:
    def get(self, user_id: str, role: str) -> MatchList | None:
        item = read_item(MatchListModel, user_id, role)
        if item is None:
            return None
        return MatchList(item.user_id, item.role, item.computed_at, decode_entries(item.entries))

    def put_many(self, lists: Iterable[MatchList]) -> int:
        """Batch writes; PynamoDB resends unprocessed (throttled) items with back-off."""
        count = 0
        with MatchListModel.batch_write() as batch:
            for match_list in lists:
                batch.save(MatchListModel(
                    user_id=match_list.user_id, role=match_list.role, computed_at=match_list.computed_at,
                    digest=match_list.digest, entries=encode_entries(match_list.matches),
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
