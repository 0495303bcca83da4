"""Capacity is a promise: concurrent accepts against DynamoDB (moto), from real threads.

Real DynamoDB makes each call atomic and isolated: a transaction is all or nothing and nobody
reads its writes before it commits. Moto's in-process DynamoDB is not thread-safe that way: it
applies a transaction's items one at a time, goes on after a failed condition, then undoes the
whole by restoring copies of the tables taken at the start, so another thread can read writes
that never commit, or lose its own committed ones. ``atomic_calls`` gives moto DynamoDB's
guarantee with one lock around each DynamoDB API call, and nothing more: between calls the
threads interleave freely, so the service's read-then-decide-then-write steps still race. A
check-then-write accept without the transaction's conditions goes over capacity under this
harness (see the last test).
"""

import itertools
import threading
from collections import Counter
from datetime import UTC, datetime

import pytest

from chalicelib.adapters.dynamo.tables import LoadModel, MentorshipModel
from chalicelib.errors import CapacityReachedError, InvalidMoveError
from chalicelib.mentorships import service
from chalicelib.mentorships.domain import (
    DECLINE_COOL_OFF,
    MAX_PENDING_REQUESTS,
    Message,
    new_message_id,
    new_request,
    stamp,
)
from chalicelib.profiles.domain import Profile
from tests.integration.journey import dynamo_stores

ROUNDS = 40  # every shape (20) twice
SHAPES = [(n, c) for n in range(2, 7) for c in range(1, 5)]  # (concurrent accepts, capacity)
NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
_ids = itertools.count(1)


@pytest.fixture
def stores(aws, atomic_calls):
    return dynamo_stores()


def make_mentor(stores, capacity: int) -> str:
    user_id = f"mentor-{next(_ids)}"
    stores.profiles.save(Profile(
        user_id=user_id, display_name=user_id, job_title="", bio="", organisation_id="hm-revenue-customs",
        grade="G7", location="Leeds", roles=("mentor",), mentor_capacity=capacity, accepting_requests=True,
        created_at=stamp(NOW), updated_at=stamp(NOW)))
    return user_id


def make_requests(stores, mentor_id: str, count: int) -> list:
    requests = []
    for _ in range(count):
        request = new_request(f"mentee-{next(_ids)}", mentor_id, NOW)
        first = Message(request.mentorship_id, new_message_id(NOW), request.mentee_id, "hello", stamp(NOW))
        assert stores.mentorships.create(request, first, stamp(NOW - DECLINE_COOL_OFF), MAX_PENDING_REQUESTS)
        requests.append(request)
    return requests


def accept_all_at_once(stores, requests: list) -> Counter:
    # Each thread appends its outcome (one atomic step); `counter[key] += 1` from several threads
    # is a read, an add and a write, and loses counts when they interleave.
    outcomes: list[str] = []
    start = threading.Barrier(len(requests))

    def accept(request):
        start.wait()
        try:
            service.accept_mentorship(request.mentorship_id, request.mentor_id, None, stores, NOW)
            outcomes.append("accepted")
        except CapacityReachedError:
            outcomes.append("full")
        except InvalidMoveError:
            outcomes.append("already accepted")

    threads = [threading.Thread(target=accept, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Counter(outcomes)


def stored_state(mentor_id: str, requests: list) -> tuple[int, Counter, Counter]:
    """The mentor's load, the requests' statuses, and the mentees' waiting counts, as stored."""
    load = LoadModel.get(mentor_id, consistent_read=True).active_mentees
    statuses = Counter(MentorshipModel.get(r.mentorship_id, consistent_read=True).status for r in requests)
    waiting = Counter(int(LoadModel.get(r.mentee_id, consistent_read=True).pending_requests) for r in requests)
    return int(load), statuses, waiting


def test_concurrent_accepts_of_different_requests_never_exceed_capacity(stores, capsys):
    worst, successes, attempts = 0.0, 0, 0
    for round_number in range(ROUNDS):
        n, capacity = SHAPES[round_number % len(SHAPES)]
        mentor = make_mentor(stores, capacity)
        requests = make_requests(stores, mentor, n)
        outcomes = accept_all_at_once(stores, requests)
        assert sum(outcomes.values()) == n, (round_number, outcomes)  # no thread died of another error
        load, statuses, waiting = stored_state(mentor, requests)
        assert outcomes["accepted"] == min(n, capacity), (round_number, n, capacity, outcomes)
        assert load == statuses["accepted"] == outcomes["accepted"] <= capacity
        assert statuses["pending"] == n - outcomes["accepted"] == waiting[1] and waiting[0] == outcomes["accepted"]
        worst, successes, attempts = max(worst, load / capacity), successes + outcomes["accepted"], attempts + n
    with capsys.disabled():
        print(f"\n[race] {ROUNDS} rounds of 2-6 concurrent accepts, capacity 1-4: {successes} of {attempts} "
              f"accepts succeeded, each round exactly min(N, capacity); highest active/capacity {worst:.2f}; "
              "mentorship statuses and loads agreed every round")


def test_a_double_clicked_accept_succeeds_exactly_once(stores, capsys):
    rounds, clicks = 30, 4
    for _ in range(rounds):
        mentor = make_mentor(stores, capacity=2)
        [request] = make_requests(stores, mentor, 1)
        outcomes = accept_all_at_once(stores, [request] * clicks)
        assert outcomes == Counter({"accepted": 1, "already accepted": clicks - 1})
        load, statuses, _ = stored_state(mentor, [request])
        assert load == 1 and statuses == Counter({"accepted": 1})
    with capsys.disabled():
        print(f"\n[race] {rounds} rounds of {clicks} simultaneous accepts of one request: exactly one succeeded each time")


def test_a_check_then_write_accept_would_break_the_promise_under_the_same_harness(stores):
    """The harness can see a race: an accept that checks the load and then writes without conditions
    overshoots when the checks of several threads run before their writes."""
    mentor = make_mentor(stores, capacity=1)
    requests = make_requests(stores, mentor, 3)
    checked = threading.Barrier(len(requests))

    def naive_accept(request):
        load = stores.mentorships.load(mentor).active_mentees
        checked.wait()
        if load < 1:
            LoadModel(mentor).update(actions=[LoadModel.active_mentees.add(1)])
            MentorshipModel(request.mentorship_id).update(actions=[MentorshipModel.status.set("accepted")])

    threads = [threading.Thread(target=naive_accept, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert stored_state(mentor, requests)[0] == 3
