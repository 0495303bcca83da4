"""Who the journey keeps out of whose matches."""

from datetime import timedelta

import pytest

from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Block
from chalicelib.mentorships.exclusions import (
    MentorshipExclusions,
    active_mentee_counts,
    all_exclusion_pairs,
    excluded_ids,
)
from tests.unit.mentorships.world import World


@pytest.fixture
def world() -> World:
    return World()


def excluded(world, user_id):
    return excluded_ids(user_id, world.now, world.mentorships, world.blocks)


def test_pending_and_accepted_mentorships_exclude_both_ways(world):
    mentee, pending_mentor, accepted_mentor = world.mentee(), world.mentor(), world.mentor()
    world.ask(mentee, pending_mentor)
    world.accept(world.ask(mentee, accepted_mentor))
    assert excluded(world, mentee) == {pending_mentor, accepted_mentor}
    assert excluded(world, pending_mentor) == {mentee}
    pairs = set(all_exclusion_pairs(world.now, world.mentorships, world.blocks))
    assert {(mentee, pending_mentor), (pending_mentor, mentee), (mentee, accepted_mentor)} <= pairs


def test_a_decline_excludes_for_ninety_days_then_not(world):
    mentee, mentor = world.mentee(), world.mentor()
    request = world.ask(mentee, mentor)
    service.decline_mentorship(request.mentorship_id, mentor, None, world.stores, world.now)
    assert excluded(world, mentee) == {mentor} and excluded(world, mentor) == {mentee}
    assert (mentor, mentee) in set(all_exclusion_pairs(world.now, world.mentorships, world.blocks))
    world.later(days=91)
    assert excluded(world, mentee) == set()
    assert list(all_exclusion_pairs(world.now, world.mentorships, world.blocks)) == []


def test_withdrawn_and_ended_mentorships_exclude_no_one(world):
    mentee, mentor = world.mentee(), world.mentor()
    request = world.ask(mentee, mentor)
    service.withdraw_mentorship(request.mentorship_id, mentee, None, world.stores, world.now)
    accepted = world.accept(world.ask(mentee, mentor))
    service.end_mentorship(accepted.mentorship_id, mentor, None, world.stores, world.now + timedelta(hours=1))
    assert excluded(world, mentee) == set()


def test_a_block_excludes_both_ways(world):
    a, b = world.mentee(), world.mentor()
    world.blocks.add(Block(a, b, "2026-05-01T09:00:00+00:00"))
    assert excluded(world, a) == {b} and excluded(world, b) == {a}
    assert {(a, b), (b, a)} <= set(all_exclusion_pairs(world.now, world.mentorships, world.blocks))


def test_active_mentee_counts_are_the_accepted_mentorships_per_mentor(world):
    busy, idle = world.mentor(capacity=3), world.mentor()
    for _ in range(2):
        world.accept(world.ask(world.mentee(), busy))
    world.ask(world.mentee(), idle)
    assert active_mentee_counts(world.mentorships) == {busy: 2}
    source = MentorshipExclusions(world.mentorships, world.blocks)
    assert source.active_mentees([busy, idle]) == {busy: 2}
    assert source.active_mentee_counts() == {busy: 2}
    assert source.excluded_ids(idle, world.now) == excluded(world, idle)
