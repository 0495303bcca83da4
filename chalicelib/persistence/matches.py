"""Match list storage: one item per person and role, written whole (readers never see half a list)."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from chalicelib.matching import Match
from chalicelib.persistence.models import MatchListModel


@dataclass(frozen=True)
class MatchList:
    user_id: str
    role: str  # "mentee": this person's mentors; "mentor": this person's mentees
    computed_at: str
    matches: tuple[Match, ...]

    @property
    def digest(self) -> str:
        return list_digest(self.matches)


def list_digest(matches: Iterable[Match]) -> str:
    """Stable fingerprint of a list's content (not its time), to skip writing unchanged lists."""
    return hashlib.blake2b(encode_entries(matches).encode(), digest_size=12).hexdigest()


def encode_entries(matches: Iterable[Match]) -> str:
    rows = [[m.user_id, round(m.score, 12), list(m.shared_skills), list(m.shared_interests),
             list(m.shared_professions)] for m in matches]
    return json.dumps(rows, separators=(",", ":"))


def decode_entries(text: str) -> tuple[Match, ...]:
    return tuple(Match(uid, score, tuple(s), tuple(i), tuple(p)) for uid, score, s, i, p in json.loads(text))


class MatchListRepository(Protocol):
    def get(self, user_id: str, role: str) -> MatchList | None: ...

    def put_many(self, lists: Iterable[MatchList]) -> int: ...

    def delete_for(self, user_id: str) -> None: ...

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int: ...


class InMemoryMatchListRepository:
    def __init__(self):
        self.items: dict[tuple[str, str], MatchList] = {}

    def get(self, user_id: str, role: str) -> MatchList | None:
        return self.items.get((user_id, role))

    def put_many(self, lists: Iterable[MatchList]) -> int:
        count = 0
        for match_list in lists:
            self.items[(match_list.user_id, match_list.role)] = match_list
            count += 1
        return count

    def delete_for(self, user_id: str) -> None:
        for key in [key for key in self.items if key[0] == user_id]:
            del self.items[key]

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int:
        return sum(self.items.pop(tuple(key), None) is not None for key in keys)


class DynamoMatchListRepository:
    def get(self, user_id: str, role: str) -> MatchList | None:
        try:
            item = MatchListModel.get(user_id, role)
        except MatchListModel.DoesNotExist:
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

    def delete_for(self, user_id: str) -> None:
        for item in MatchListModel.query(user_id):
            item.delete()

    def delete_many(self, keys: Iterable[tuple[str, str]]) -> int:
        count = 0
        with MatchListModel.batch_write() as batch:
            for user_id, role in keys:
                batch.delete(MatchListModel(user_id=user_id, role=role))
                count += 1
        return count
