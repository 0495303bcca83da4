"""The sharded recompute (prepare, shards, publish) with in-memory stores: the same state as one invocation."""

import dataclasses
import random
from datetime import UTC, datetime

import numpy as np
import pytest

from chalicelib.match_lists.ports import MissingRunPartError
from chalicelib.match_lists.recompute import (
    RecomputeStores,
    ShardPlan,
    publish_run,
    run_recompute,
    run_scheduled_recompute,
    run_shard,
    start_run,
)
from chalicelib.matching import MatchConfig, MatchIndex
from tests.fakes.match_lists import (
    InMemoryMatchListRepository,
    InMemorySnapshotStore,
    NoExclusions,
    RecordingStarter,
)
from tests.fakes.profiles import InMemoryProfileRepository
from tests.unit.match_lists.test_recompute import make_profile

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
GRADES = ("AO", "EO", "HEO", "SEO", "G7")


class SomeExclusions(NoExclusions):
    def __init__(self, pairs):
        self.pairs = pairs

    def all_exclusion_pairs(self, now):
        return self.pairs


def generated_profiles(seed: int, n: int):
    """A small population, plus people with no candidates (no tags; a mentee above every mentor)."""
    rng = random.Random(seed)
    skills, interests = [f"skill {i}" for i in range(8)], [f"interest {i}" for i in range(5)]
    people = [make_profile(f"user-{i:03d}", roles=rng.choice([("mentee",), ("mentor",), ("mentee", "mentor")]),
                           grade=rng.choice(GRADES), offered=rng.sample(skills, rng.randint(1, 3)),
                           wanted=rng.sample(skills, rng.randint(0, 3)), interests=rng.sample(interests, 2))
              for i in range(n)]
    return people + [make_profile("no-tags", roles=("mentee", "mentor")).with_changes(professions=()),
                     make_profile("most-senior", grade="SCS3", wanted=("skill 1",))]


def stores(profiles, source=None, shards=0, starter=None) -> RecomputeStores:
    repository = InMemoryProfileRepository()
    for profile in profiles:
        repository.save(profile)
    return RecomputeStores(repository, source or NoExclusions(), InMemoryMatchListRepository(),
                           InMemorySnapshotStore(), MatchConfig(k=3), ShardPlan(10, 4, shards), starter)


def sharded(target: RecomputeStores, now=NOW) -> dict:
    plan = start_run(target, now)
    for number in plan["shards"]:
        run_shard(target, plan["run"], number, plan["of"])
    return publish_run(target, plan["run"], plan["of"], now)


def state(target: RecomputeStores):
    index = MatchIndex.from_bytes(target.store.snapshot.data).snapshot
    return ({key: (value.computed_at, value.matches) for key, value in target.lists.items.items()},
            target.store.digests, index.threshold_scores, index.threshold_keys)


@pytest.mark.parametrize("shards", [1, 3, "one person each"])
def test_a_sharded_run_leaves_the_same_lists_snapshot_and_digests_as_one_invocation(shards):
    people = generated_profiles(3, 40)
    exclusions = SomeExclusions([("user-001", "user-002"), ("user-003", "user-004")])
    count = len(people) if shards == "one person each" else shards
    single, split = stores(people, exclusions), stores(people, exclusions, shards=count)

    run_recompute(single, NOW)
    summary = sharded(split)

    one_lists, one_digests, one_scores, one_keys = state(single)
    lists, digests, scores, keys = state(split)
    assert lists == one_lists
    assert ("no-tags", "mentee") in lists and lists[("no-tags", "mentee")][1] == ()
    assert ("most-senior", "mentee") in lists and lists[("most-senior", "mentee")][1] == ()
    assert np.array_equal(digests.mentee, one_digests.mentee) and np.array_equal(digests.mentor, one_digests.mentor)
    assert np.array_equal(scores, one_scores) and np.array_equal(keys, one_keys)
    assert summary["shards"] == count and summary["lists"] == len(lists)
    assert split.store.runs == {}  # the run's parts are gone once published


def test_nothing_is_published_until_every_shard_has_succeeded():
    target = stores(generated_profiles(4, 20), shards=3)
    plan = start_run(target, NOW)
    run_shard(target, plan["run"], 0, 3)
    run_shard(target, plan["run"], 2, 3)

    with pytest.raises(MissingRunPartError):
        publish_run(target, plan["run"], 3, NOW)
    assert target.store.snapshot is None and target.store.digests is None


def test_a_shard_run_again_after_a_crash_ends_as_a_clean_run():
    people = generated_profiles(5, 30)
    target, clean = stores(people, shards=2), stores(people, shards=2)
    plan = start_run(target, NOW)
    run_shard(target, plan["run"], 0, 2)
    run_shard(target, plan["run"], 0, 2)  # Step Functions retried a shard that had already written
    run_shard(target, plan["run"], 1, 2)
    publish_run(target, plan["run"], 2, NOW)

    sharded(clean)

    assert state(target)[0] == state(clean)[0]


def test_an_hour_later_only_changed_lists_are_written():
    people = generated_profiles(6, 30)
    target = stores(people, shards=3)
    sharded(target)
    before = set(target.lists.items)
    later = NOW.replace(hour=11)
    target.profiles.save(make_profile("user-005", roles=("mentee",), wanted=("skill 7",)).with_changes(version=1))

    summary = sharded(target, later)

    rewritten = {key for key, value in target.lists.items.items() if value.computed_at == later.isoformat()}
    deleted = before - set(target.lists.items)
    assert 0 < summary["lists_changed"] == len(rewritten) + len(deleted)
    assert len(rewritten) < len(target.lists.items)
    assert ("user-005", "mentee") in rewritten


def test_below_the_configured_size_the_schedule_runs_one_invocation():
    target = stores(generated_profiles(7, 6), starter=RecordingStarter())

    result = run_scheduled_recompute(target, NOW)

    assert result["profiles"] == 8 and target.starter.started == []


def test_from_the_configured_size_the_schedule_starts_the_sharded_run():
    target = stores(generated_profiles(8, 12), starter=RecordingStarter())
    run_scheduled_recompute(target, NOW)  # the first run learns the population: 14 >= 10

    result = run_scheduled_recompute(target, NOW.replace(hour=11))

    assert result == {"sharded": True, "run": "run-1", "people": 14, "due": True}


def test_a_sharded_run_every_few_hours_starts_only_at_the_hours_it_is_due():
    target = stores(generated_profiles(8, 12), starter=RecordingStarter())
    target = dataclasses.replace(target, plan=dataclasses.replace(target.plan, every_hours=4))
    run_scheduled_recompute(target, NOW)  # 10:00, one invocation: the first run learns the population

    results = {hour: run_scheduled_recompute(target, NOW.replace(hour=hour)) for hour in (11, 12, 13, 15, 16)}

    assert [hour for hour, result in results.items() if result["due"]] == [12, 16]
    assert len(target.starter.started) == 2
    assert results[13] == {"sharded": True, "run": None, "people": 14, "due": False}


def test_below_the_configured_size_every_hour_runs_whatever_the_sharded_runs_rate():
    target = stores(generated_profiles(7, 6), starter=RecordingStarter())
    target = dataclasses.replace(target, plan=dataclasses.replace(target.plan, every_hours=4))

    assert run_scheduled_recompute(target, NOW.replace(hour=11))["profiles"] == 8


def test_the_schedule_starts_no_second_sharded_run_while_one_is_running():
    target = stores(generated_profiles(9, 12), starter=RecordingStarter(running=True))
    run_scheduled_recompute(target, NOW)

    result = run_scheduled_recompute(target, NOW.replace(hour=11))

    assert result["run"] is None and target.starter.started == []


def test_without_a_state_machine_the_schedule_never_shards():
    target = stores(generated_profiles(10, 12))
    run_scheduled_recompute(target, NOW)

    result = run_scheduled_recompute(target, NOW.replace(hour=11))

    assert result["profiles"] == 14


def test_a_plan_sizes_shards_by_people_unless_their_number_is_fixed():
    assert ShardPlan(10, 250_000).shards_for(6_000_000) == 24
    assert ShardPlan(10, 250_000).shards_for(100) == 1
    assert ShardPlan(10, 250_000, shards=5).shards_for(100) == 5


def test_the_next_hour_from_the_last_runs_lists_leaves_what_a_clean_run_leaves():
    people = generated_profiles(5, 60)
    exclusions = SomeExclusions([("user-001", "user-002"), ("user-005", "user-006")])
    hourly = dataclasses.replace(stores(people, exclusions), engine="numba")
    run_recompute(hourly, NOW)
    assert hourly.store.digests.ranked is not None  # publish keeps the run's lists for the next one

    rng = random.Random(5)
    later = [person.with_changes(skills_offered=tuple(rng.sample([f"skill {i}" for i in range(8)], 2)), version=None)
             if rng.random() < 0.2 else person for person in people]
    later_exclusions = SomeExclusions([("user-001", "user-002"), ("user-007", "user-008")])
    next_hour = dataclasses.replace(hourly, profiles=stores(later).profiles, source=later_exclusions)
    summary = run_recompute(next_hour, NOW.replace(hour=11))
    clean = dataclasses.replace(stores(later, later_exclusions), engine="numba")
    run_recompute(clean, NOW.replace(hour=11))

    lists, digests, scores, keys = state(next_hour)
    clean_lists, clean_digests, clean_scores, clean_keys = state(clean)
    assert {key: matches for key, (_, matches) in lists.items()} == \
        {key: matches for key, (_, matches) in clean_lists.items()}
    assert np.array_equal(digests.mentee, clean_digests.mentee) and np.array_equal(digests.mentor, clean_digests.mentor)
    assert np.array_equal(scores, clean_scores) and np.array_equal(keys, clean_keys)
    assert 0 < summary.lists_changed < summary.lists  # only what changed was written
