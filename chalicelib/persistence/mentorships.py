"""Mentorship storage: one interface, an in-memory and a DynamoDB implementation.

Every change of state is all-or-nothing together with what it implies elsewhere (the pair's
open slot, the mentor's load, the mentee's count of waiting requests). A write whose
conditions no longer hold changes nothing and returns False; the service reads again and
says why. The DynamoDB implementation is in ``dynamo_mentorships.py``.
"""

import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Protocol

from chalicelib.mentorships.domain import (
    ACCEPTED,
    DECLINED,
    ENDED,
    LEFT,
    PENDING,
    Load,
    Mentorship,
    Message,
    Pair,
    pair_key,
)
from chalicelib.persistence.messages import InMemoryMessageRepository
from chalicelib.persistence.profiles import InMemoryProfileRepository

# Fields that ``mark_once`` may set (each is sent at most once, or once per interval).
MARK_FIELDS = ("reminded_at", "nudged_at", "mentee_notified_at", "mentor_notified_at")


class MentorshipRepository(Protocol):
    def get(self, mentorship_id: str) -> Mentorship | None: ...

    def list_for(self, user_id: str) -> list[Mentorship]:
        """Both sides: requests I made and requests made to me, newest first."""

    def load(self, user_id: str) -> Load: ...

    def pair(self, a: str, b: str) -> Pair | None: ...

    def create(self, mentorship: Mentorship, first_message: Message, decline_cutoff: str,
               max_pending: int) -> bool:
        """The request and its first message, if the pair has no open mentorship and no decline
        after ``decline_cutoff``, and the mentee waits on fewer than ``max_pending`` requests."""

    def accept(self, mentorship: Mentorship, capacity: int, profile_version: int | None, at: str) -> bool:
        """pending -> accepted and the mentor's load + 1, if it is still pending, the load is below
        ``capacity`` and the mentor's profile is still at ``profile_version``."""

    def close_pending(self, mentorship: Mentorship, status: str, at: str, reason: str = "") -> bool:
        """pending -> declined | withdrawn | expired; frees the pair (a decline is remembered)."""

    def end(self, mentorship: Mentorship, by_role: str, feedback: str, at: str) -> bool:
        """accepted -> ended; the mentor's load - 1; frees the pair."""

    def add_message(self, message: Message) -> bool:
        """Add a message to the thread if the mentorship is still open (pending or accepted)."""

    def mark_once(self, mentorship_id: str, field: str, at: str, unless_after: str | None = None) -> bool:
        """Set a notice time while the mentorship is open, if unset (or not after ``unless_after``)."""

    def pending_created_before(self, cutoff: str) -> Iterator[Mentorship]:
        """Pending requests created at or before ``cutoff``, oldest first."""

    def leave(self, mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> bool:
        """The leaver's account is being deleted: ``stand_in_id`` replaces their id, an open
        mentorship ends ("left"), private texts go, the pair is forgotten, loads are given back."""

    def forget_load(self, user_id: str) -> None: ...

    def exclusion_pairs(self, decline_cutoff: str) -> Iterator[tuple[str, str]]:
        """(a, b) and (b, a) for every pair with an open mentorship or a decline after the cutoff."""

    def active_counts(self, mentor_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Mentees each mentor mentors now (all mentors with any when ``mentor_ids`` is None)."""


def left_version(mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> Mentorship:
    """The mentorship as the other person sees it once the leaver's account is deleted."""
    ids = {"mentee_id": stand_in_id} if leaver_id == mentorship.mentee_id else {"mentor_id": stand_in_id}
    closing = {"status": ENDED, "ended_at": at, "ended_reason": LEFT, "ended_by": ""} if mentorship.is_open else {}
    return replace(mentorship, **ids, **closing, updated_at=at, decline_reason="", mentee_feedback="",
                   mentor_feedback="")


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
            if field in ("reminded_at", "nudged_at") and current.status != PENDING:
                return False
            previous = self._marks.get((mentorship_id, field), "")
            if previous and (unless_after is None or previous > unless_after):
                return False
            self._marks[(mentorship_id, field)] = at
            if field in ("reminded_at", "nudged_at"):
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
