"""Who must not appear in whose matches because of the journey, for the matching code.

Rule: two people are kept apart while they have a pending or accepted mentorship, for 90 days
after a decline between them (whichever asked), and while either has blocked the other.
``MentorshipExclusions`` offers these as ``chalicelib.match_lists.ports.ExclusionSource``.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime

from chalicelib.mentorships.domain import DECLINE_COOL_OFF, DECLINED, OPEN_STATES, stamp
from chalicelib.mentorships.ports import BlockRepository, MentorshipRepository


def excluded_ids(user_id: str, now: datetime, mentorships: MentorshipRepository,
                 blocks: BlockRepository) -> set[str]:
    """Everyone kept apart from this person, for any reason (reads only their own items)."""
    cutoff = stamp(now - DECLINE_COOL_OFF)
    excluded = {
        m.other_party(user_id) for m in mentorships.list_for(user_id)
        if m.status in OPEN_STATES or (m.status == DECLINED and m.decided_at > cutoff)
    }
    excluded.update(block.blocked_id for block in blocks.made_by(user_id))
    excluded.update(blocks.blockers_of(user_id))
    return excluded


def all_exclusion_pairs(now: datetime, mentorships: MentorshipRepository,
                        blocks: BlockRepository) -> Iterator[tuple[str, str]]:
    """(mentee id, mentor id) pairs to keep apart, both ways round, for the full recompute."""
    yield from mentorships.exclusion_pairs(stamp(now - DECLINE_COOL_OFF))
    for blocker, blocked in blocks.all_pairs():
        yield blocker, blocked
        yield blocked, blocker


def active_mentee_counts(mentorships: MentorshipRepository) -> dict[str, int]:
    """Accepted mentorships per mentor (mentors with none are left out)."""
    return mentorships.active_counts()


class MentorshipExclusions:
    """The functions above over given repositories, shaped as the matching code's ExclusionSource."""

    def __init__(self, mentorships: MentorshipRepository, blocks: BlockRepository):
        self._mentorships = mentorships
        self._blocks = blocks

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]:
        return excluded_ids(user_id, now, self._mentorships, self._blocks)

    def all_exclusion_pairs(self, now: datetime) -> Iterable[tuple[str, str]]:
        return all_exclusion_pairs(now, self._mentorships, self._blocks)

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]:
        return self._mentorships.active_counts(mentor_ids)

    def active_mentee_counts(self) -> dict[str, int]:
        return active_mentee_counts(self._mentorships)
