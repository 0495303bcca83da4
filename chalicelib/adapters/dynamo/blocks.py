"""Blocks in DynamoDB (``mentorships.ports.BlockRepository``); found by blocker, and by blocked person."""

from collections.abc import Iterator

from pynamodb.exceptions import PutError

from chalicelib.adapters.dynamo.tables import BlockModel, read_item
from chalicelib.adapters.dynamo.transact import refused
from chalicelib.mentorships.domain import Block


class DynamoBlockRepository:
    def add(self, block: Block) -> None:
        """Blocking twice keeps the first block (and its time)."""
        try:
            BlockModel(block.blocker_id, block.blocked_id, created_at=block.created_at).save(
                BlockModel.blocker_id.does_not_exist())
        except PutError as error:
            if not refused(error):
                raise

    def remove(self, blocker_id: str, blocked_id: str) -> bool:
        if not self._exists(blocker_id, blocked_id):
            return False
        BlockModel(blocker_id, blocked_id).delete()
        return True

    def made_by(self, blocker_id: str) -> list[Block]:
        return [Block(i.blocker_id, i.blocked_id, i.created_at) for i in BlockModel.query(blocker_id)]

    def blockers_of(self, blocked_id: str) -> list[str]:
        return [item.blocker_id for item in BlockModel.by_blocked.query(blocked_id)]

    def either_way(self, a: str, b: str) -> bool:
        """Both directions in one consistent batch read (a block made a moment ago counts)."""
        found = BlockModel.batch_get([(a, b), (b, a)], consistent_read=True,
                                     attributes_to_get=["blocker_id", "blocked_id"])
        return any(True for _ in found)

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        for item in BlockModel.scan(attributes_to_get=["blocker_id", "blocked_id"]):
            yield item.blocker_id, item.blocked_id

    @staticmethod
    def _exists(blocker_id: str, blocked_id: str) -> bool:
        return read_item(BlockModel, blocker_id, blocked_id, attributes=["blocker_id"]) is not None
