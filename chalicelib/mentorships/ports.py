"""What the mentorship journey needs from the outside: its stores and a way to tell people.

Every change of state is all-or-nothing together with what it implies elsewhere (the pair's
open slot, the mentor's load, the mentee's count of waiting requests). A write whose
conditions no longer hold changes nothing and returns False; the service reads again and
says why.
"""

from collections.abc import Iterable, Iterator
from typing import Protocol

from chalicelib.mentorships.domain import Block, Load, Mentorship, Message, Pair, Report


class MentorshipRepository(Protocol):
    def get(self, mentorship_id: str) -> Mentorship | None: ...

    def list_for(self, user_id: str) -> list[Mentorship]:
        """Both sides: requests I made and requests made to me, newest first."""
        ...

    def load(self, user_id: str) -> Load: ...

    def pair(self, a: str, b: str) -> Pair | None: ...

    def create(self, mentorship: Mentorship, first_message: Message, decline_cutoff: str,
               max_pending: int) -> bool:
        """The request and its first message, if the pair has no open mentorship and no decline
        after ``decline_cutoff``, and the mentee waits on fewer than ``max_pending`` requests."""
        ...

    def accept(self, mentorship: Mentorship, capacity: int, profile_version: int | None, at: str) -> bool:
        """pending -> accepted and the mentor's load + 1, if it is still pending, the load is below
        ``capacity`` and the mentor's profile is still at ``profile_version``."""
        ...

    def close_pending(self, mentorship: Mentorship, status: str, at: str, reason: str = "") -> bool:
        """pending -> declined | withdrawn | expired; frees the pair (a decline is remembered)."""
        ...

    def end(self, mentorship: Mentorship, by_role: str, feedback: str, at: str) -> bool:
        """accepted -> ended; the mentor's load - 1; frees the pair."""
        ...

    def add_message(self, message: Message) -> bool:
        """Add a message to the thread if the mentorship is still open (pending or accepted)."""
        ...

    def mark_once(self, mentorship_id: str, field: str, at: str, unless_after: str | None = None) -> bool:
        """Set a notice time (one of ``domain.MARK_FIELDS``) while the mentorship is open, if unset
        (or not after ``unless_after``)."""
        ...

    def pending_created_before(self, cutoff: str) -> Iterator[Mentorship]:
        """Pending requests created at or before ``cutoff``, oldest first."""
        ...

    def leave(self, mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> bool:
        """The leaver's account is being deleted: the mentorship becomes ``domain.left_version``,
        the pair is forgotten, loads are given back."""
        ...

    def forget_load(self, user_id: str) -> None: ...

    def exclusion_pairs(self, decline_cutoff: str) -> Iterator[tuple[str, str]]:
        """(a, b) and (b, a) for every pair with an open mentorship or a decline after the cutoff."""
        ...

    def active_counts(self, mentor_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Mentees each mentor mentors now (all mentors with any when ``mentor_ids`` is None)."""
        ...


class MessageRepository(Protocol):
    """Threads, read a page at a time oldest first; a cursor is the last message id seen."""

    def add(self, message: Message) -> None: ...

    def page(self, mentorship_id: str, after: str, limit: int) -> list[Message]:
        """Up to ``limit`` messages with ids after ``after`` ("" for the start), oldest first."""
        ...

    def delete_thread(self, mentorship_id: str) -> int: ...


class BlockRepository(Protocol):
    def add(self, block: Block) -> None:
        """Blocking twice keeps the first block (and its time)."""
        ...

    def remove(self, blocker_id: str, blocked_id: str) -> bool: ...

    def made_by(self, blocker_id: str) -> list[Block]: ...

    def blockers_of(self, blocked_id: str) -> list[str]: ...

    def either_way(self, a: str, b: str) -> bool: ...

    def all_pairs(self) -> Iterator[tuple[str, str]]:
        """(blocker, blocked) for every block."""
        ...


class ReportRepository(Protocol):
    def add(self, report: Report) -> None: ...

    def made_by(self, reporter_id: str) -> list[Report]: ...

    def about(self, user_id: str) -> list[Report]:
        """Reports about this person, newest first."""
        ...

    def recent(self, since: str, until: str, limit: int) -> list[Report]:
        """Reports made from ``since`` to ``until`` (ISO times), newest first, at most ``limit``."""
        ...

    def delete_made_by(self, reporter_id: str) -> int: ...

    def forget_reported(self, user_id: str) -> int:
        """Reports about this person keep their organisation and time, lose their id and reason."""
        ...

    def count_by_organisation(self) -> dict[str, int]:
        """How many reports were made about people of each organisation (the admin stats)."""
        ...


class Notices(Protocol):
    """Telling people about their mentorships (by email); a notice that fails never undoes the change."""

    def request_received(self, mentorship: Mentorship) -> bool: ...

    def request_accepted(self, mentorship: Mentorship) -> bool: ...

    def request_declined(self, mentorship: Mentorship) -> bool: ...

    def message_received(self, mentorship: Mentorship, recipient_id: str) -> bool: ...

    def request_expiring(self, mentorship: Mentorship) -> bool: ...

    def request_waiting(self, mentorship: Mentorship) -> bool: ...
