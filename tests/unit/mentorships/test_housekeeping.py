"""The hourly schedule: expiry after 30 days, one reminder 7 days before, one nudge after 7 days."""

from datetime import timedelta

import pytest

from chalicelib.mentorships.housekeeping import run_housekeeping
from tests.unit.mentorships.world import T0, World


@pytest.fixture
def world() -> World:
    return World()


def run_every_hour(world: World, days: float) -> list:
    summaries = []
    for hour in range(1, int(days * 24) + 1):
        summaries.append(run_housekeeping(world.stores, T0 + timedelta(hours=hour)))
    world.now = T0 + timedelta(days=days)
    return summaries


def test_an_unanswered_request_expires_after_thirty_days_and_frees_the_mentee(world):
    request = world.ask(world.mentee(), world.mentor())
    run_housekeeping(world.stores, T0 + timedelta(days=29, hours=23))
    assert world.status(request) == "pending"
    summary = run_housekeeping(world.stores, T0 + timedelta(days=30))
    assert summary.expired == 1 and world.status(request) == "expired"
    assert world.mentorships.load(request.mentee_id).pending_requests == 0
    assert world.ask(request.mentee_id, request.mentor_id).status == "pending"


def test_over_thirty_days_of_hourly_runs_the_mentor_is_nudged_once_and_reminded_once(world):
    request = world.ask(world.mentee("Priya"), world.mentor("Ben"))
    summaries = run_every_hour(world, 31)
    assert [e.template_id for e in world.sent()] == ["request_received", "request_waiting", "request_expiring"]
    assert all(e.to_address == world.people.email_of(request.mentor_id) for e in world.sent())
    assert sum(s.nudged for s in summaries) == sum(s.reminded for s in summaries) == 1
    assert sum(s.expired for s in summaries) == 1


def test_the_nudge_comes_after_seven_days_and_the_reminder_seven_days_before_expiry(world):
    world.ask(world.mentee(), world.mentor())
    run_housekeeping(world.stores, T0 + timedelta(days=7) - timedelta(seconds=1))
    assert world.sent("request_waiting") == []
    run_housekeeping(world.stores, T0 + timedelta(days=7))
    assert len(world.sent("request_waiting")) == 1
    run_housekeeping(world.stores, T0 + timedelta(days=23) - timedelta(seconds=1))
    assert world.sent("request_expiring") == []
    run_housekeeping(world.stores, T0 + timedelta(days=23))
    assert len(world.sent("request_expiring")) == 1


def test_answered_requests_get_no_reminders(world):
    mentor = world.mentor()
    world.accept(world.ask(world.mentee(), mentor))
    run_every_hour(world, 31)
    assert [e.template_id for e in world.sent()] == ["request_received", "request_accepted"]


def test_a_request_found_late_gets_the_reminder_without_a_separate_nudge(world):
    request = world.ask(world.mentee(), world.mentor())
    summary = run_housekeeping(world.stores, T0 + timedelta(days=25))
    assert (summary.reminded, summary.nudged) == (1, 0)
    assert world.status(request) == "pending"
