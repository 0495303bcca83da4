"""In-memory mentorships, messages, blocks and reports: real implementations over dicts, one lock
standing in for DynamoDB's transactions."""

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from chalicelib.mentorships.domain import (
    ACCEPTED,
    DECLINED,
    ENDED,
    MARK_FIELDS,
    PENDING,
    PENDING_ONLY_MARKS,
    Block,
    Load,
    Mentorship,
    Message,
    Pair,
    Report,
    left_version,
    pair_key,
)
from tests.fakes.profiles import InMemoryProfileRepository


class InMemoryMessageRepository:
    def __init__(self):
        self._threads: dict[str, dict[str, Message]] = {}
        self._lock = threading.Lock()

    def add(self, message: Message) -> None:
        with self._lock:
            self._threads.setdefault(message.mentorship_id, {})[message.message_id] = message

    def page(self, mentorship_id: str, after: str, limit: int) -> list[Message]:
        thread = self._threads.get(mentorship_id, {})
        return [thread[key] for key in sorted(thread) if key > after][:limit]

    def delete_thread(self, mentorship_id: str) -> int:
        with self._lock:
            return len(self._threads.pop(mentorship_id, {}))


class InMemoryMentorshipRepository:
    """A real implementation over dicts, one lock standing in for DynamoDB's transactions."""

    def __init__(self, profiles: InMemoryProfileRepository, messages: InMemoryMessageRepository):
        self._profiles = profiles
        self._messages = messages
        self._items: dict[str, Mentorship] = {}
        self._pairs: dict[tuple[str, str], Pair] = {}
        self._loads: dict[str, Load] = {}
        self._marks: dict[tuple[str, str], str] = {}
        self._lock = threading.RLock()

    def get(self, mentorship_id: str) -> Mentorship | None:
        return self._items.get(mentorship_id)

    def all(self) -> list[Mentorship]:
        return list(self._items.values())

    def list_for(self, user_id: str) -> list[Mentorship]:
        mine = [m for m in self._items.values() if user_id in (m.mentee_id, m.mentor_id)]
        return sorted(mine, key=lambda m: m.created_at, reverse=True)

    def load(self, user_id: str) -> Load:
        return self._loads.get(user_id, Load(user_id))

    def pair(self, a: str, b: str) -> Pair | None:
        return self._pairs.get(pair_key(a, b))

    def create(self, mentorship: Mentorship, first_message: Message, decline_cutoff: str,
               max_pending: int) -> bool:
        with self._lock:
            pair = self.pair(mentorship.mentee_id, mentorship.mentor_id)
            if pair and (pair.open_mentorship_id or pair.declined_at > decline_cutoff):
                return False
            if self.load(mentorship.mentee_id).pending_requests >= max_pending:
                return False
            first, second = pair_key(mentorship.mentee_id, mentorship.mentor_id)
            self._pairs[(first, second)] = Pair(first, second, mentorship.mentorship_id,
                                                pair.declined_at if pair else "")
            self._add(mentorship.mentee_id, pending=1)
            self._items[mentorship.mentorship_id] = mentorship
            self._messages.add(first_message)
            return True

    def accept(self, mentorship: Mentorship, capacity: int, profile_version: int | None, at: str) -> bool:
        with self._lock:
            profile = self._profiles.get(mentorship.mentor_id)
            if not self._still(mentorship, PENDING) or profile is None or profile.version != profile_version:
                return False
            if self.load(mentorship.mentor_id).active_mentees >= capacity:
                return False
            self._add(mentorship.mentor_id, active=1)
            self._add(mentorship.mentee_id, pending=-1)
            self._items[mentorship.mentorship_id] = replace(
                self._items[mentorship.mentorship_id], status=ACCEPTED, decided_at=at, updated_at=at)
            return True

    def close_pending(self, mentorship: Mentorship, status: str, at: str, reason: str = "") -> bool:
        with self._lock:
            if not self._still(mentorship, PENDING):
                return False
            self._add(mentorship.mentee_id, pending=-1)
            key = pair_key(mentorship.mentee_id, mentorship.mentor_id)
            declined_at = at if status == DECLINED else self._pairs[key].declined_at
            self._pairs[key] = replace(self._pairs[key], open_mentorship_id="", declined_at=declined_at)
            self._items[mentorship.mentorship_id] = replace(
                self._items[mentorship.mentorship_id], status=status, decided_at=at, updated_at=at,
                decline_reason=reason)
            return True

    def end(self, mentorship: Mentorship, by_role: str, feedback: str, at: str) -> bool:
        with self._lock:
            if not self._still(mentorship, ACCEPTED):
                return False
            self._add(mentorship.mentor_id, active=-1)
            key = pair_key(mentorship.mentee_id, mentorship.mentor_id)
            self._pairs[key] = replace(self._pairs[key], open_mentorship_id="")
            current = self._items[mentorship.mentorship_id]
            feedback_field = {f"{by_role}_feedback": feedback} if feedback else {}
            self._items[mentorship.mentorship_id] = replace(
                current, status=ENDED, ended_at=at, ended_by=by_role, updated_at=at, **feedback_field)
            return True

    def add_message(self, message: Message) -> bool:
        with self._lock:
            current = self._items.get(message.mentorship_id)
            if current is None or not current.is_open:
                return False
            self._messages.add(message)
            return True

    def mark_once(self, mentorship_id: str, field: str, at: str, unless_after: str | None = None) -> bool:
        with self._lock:
            current = self._items.get(mentorship_id)
            if field not in MARK_FIELDS or current is None or not current.is_open:
                return False
            if field in PENDING_ONLY_MARKS and current.status != PENDING:
                return False
            previous = self._marks.get((mentorship_id, field), "")
            if previous and (unless_after is None or previous > unless_after):
                return False
            self._marks[(mentorship_id, field)] = at
            if field in PENDING_ONLY_MARKS:
                self._items[mentorship_id] = replace(current, **{field: at})
            return True

    def pending_created_before(self, cutoff: str) -> Iterator[Mentorship]:
        waiting = [m for m in self._items.values() if m.status == PENDING and m.created_at <= cutoff]
        return iter(sorted(waiting, key=lambda m: m.created_at))

    def leave(self, mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> bool:
        with self._lock:
            current = self._items.get(mentorship.mentorship_id)
            if current != mentorship or current.role_of(leaver_id) is None:
                return False
            if current.status == ACCEPTED and leaver_id == current.mentee_id:
                self._add(current.mentor_id, active=-1)
            if current.status == PENDING and leaver_id == current.mentor_id:
                self._add(current.mentee_id, pending=-1)
            self._pairs.pop(pair_key(current.mentee_id, current.mentor_id), None)
            for field in MARK_FIELDS:
                self._marks.pop((current.mentorship_id, field), None)
            self._items[current.mentorship_id] = left_version(current, leaver_id, stand_in_id, at)
            return True

    def forget_load(self, user_id: str) -> None:
        self._loads.pop(user_id, None)

    def exclusion_pairs(self, decline_cutoff: str) -> Iterator[tuple[str, str]]:
        for pair in list(self._pairs.values()):
            if pair.open_mentorship_id or pair.declined_at > decline_cutoff:
                yield pair.first_id, pair.second_id
                yield pair.second_id, pair.first_id

    def active_counts(self, mentor_ids: Iterable[str] | None = None) -> dict[str, int]:
        wanted = set(mentor_ids) if mentor_ids is not None else set(self._loads)
        return {uid: load.active_mentees for uid, load in self._loads.items()
                if uid in wanted and load.active_mentees > 0}

    def _still(self, mentorship: Mentorship, status: str) -> bool:
        current = self._items.get(mentorship.mentorship_id)
        return current is not None and current.status == status

    def _add(self, user_id: str, active: int = 0, pending: int = 0) -> None:
        load = self.load(user_id)
        self._loads[user_id] = replace(load, active_mentees=load.active_mentees + active,
                                       pending_requests=load.pending_requests + pending)


class InMemoryBlockRepository:
    def __init__(self):
        self._items: dict[tuple[str, str], Block] = {}
        self._lock = threading.Lock()

    def add(self, block: Block) -> None:
        with self._lock:
            self._items.setdefault((block.blocker_id, block.blocked_id), block)

    def remove(self, blocker_id: str, blocked_id: str) -> bool:
        with self._lock:
            return self._items.pop((blocker_id, blocked_id), None) is not None

    def made_by(self, blocker_id: str) -> list[Block]:
        return sorted((b for b in self._items.values() if b.blocker_id == blocker_id), key=lambda b: b.blocked_id)

    def blockers_of(self, blocked_id: str) -> list[str]:
        return sorted(blocker for blocker, blocked in self._items if blocked == blocked_id)

    def either_way(self, a: str, b: str) -> bool:
        return (a, b) in self._items or (b, a) in self._items

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        return iter(list(self._items))


class InMemoryReportRepository:
    def __init__(self):
        self.items: dict[str, Report] = {}

    def add(self, report: Report) -> None:
        self.items[report.report_id] = report

    def made_by(self, reporter_id: str) -> list[Report]:
        return sorted((r for r in self.items.values() if r.reporter_id == reporter_id), key=lambda r: r.created_at)

    def about(self, user_id: str) -> list[Report]:
        return sorted((r for r in self.items.values() if r.reported_user_id == user_id),
                      key=lambda r: r.created_at, reverse=True)

    def recent(self, since: str, until: str, limit: int) -> list[Report]:
        found = [r for r in self.items.values() if since <= r.created_at <= until]
        return sorted(found, key=lambda r: r.created_at, reverse=True)[:limit]

    def delete_made_by(self, reporter_id: str) -> int:
        mine = [key for key, report in self.items.items() if report.reporter_id == reporter_id]
        for key in mine:
            del self.items[key]
        return len(mine)

    def forget_reported(self, user_id: str) -> int:
        about = [r for r in self.items.values() if r.reported_user_id == user_id]
        for report in about:
            self.items[report.report_id] = Report(report.report_id, report.reporter_id, "", report.mentorship_id,
                                                  report.organisation_id, "", report.created_at)
        return len(about)

    def count_by_organisation(self) -> dict[str, int]:
        return dict(Counter(r.organisation_id for r in self.items.values()))
