"""A recompute in shards: the same lists and digests whatever the shards, and only changed lists built."""

import dataclasses
import random

import numpy as np
import pytest

from chalicelib.matching import MatchConfig, build_index, compute_all_lists
from chalicelib.matching.digests import NO_LIST, ListDigests, digest_of
from chalicelib.matching.shards import Shard, compute_shard, merge_outcomes
from chalicelib.matching.snapshot import Snapshot
from tests.unit.matching.builders import make_mentee, make_mentor, make_profile
from tests.unit.matching.test_scale import random_population

ENGINES = ("numpy", "numba")
CONFIG = MatchConfig(k=4)


def lonely_people():
    """People with no candidates at all: no tags, nobody of their grade, unavailable mentors."""
    return [make_mentee("lonely-mentee", grade="SCS3"), make_mentor("lonely-mentor", grade="AA"),
            make_profile("unavailable", offered={"s1"}, wanted={"s2"}, accepting=False),
            make_profile("full", offered={"s3"}, capacity=1, active=1)]


@pytest.fixture(scope="module")
def population():
    people, exclusions = random_population(11, 300)
    return people + lonely_people(), exclusions


def run(people, exclusions, shards: int, engine: str, previous: ListDigests | None = None):
    previous = previous or ListDigests.empty()
    snapshot = Snapshot.build(people, CONFIG)
    excluded = snapshot.excluded_pairs(exclusions)
    outcomes = [compute_shard(snapshot, excluded, previous, Shard(i, shards), engine) for i in range(shards)]
    published, digests = merge_outcomes(snapshot, outcomes)
    changed = {(uid, role): matches for outcome in outcomes for uid, role, matches in outcome.changed}
    assert sum(outcome.changed_count for outcome in outcomes) == len(changed)
    return published, digests, changed


def all_lists(people, exclusions):
    return {(uid, role): ranked for uid, role, ranked in compute_all_lists(people, exclusions, CONFIG, "numpy")}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("shards", [1, 2, 7, "one person each"])
def test_every_list_is_the_same_whatever_the_shards(population, engine, shards):
    people, exclusions = population
    count = len(people) if shards == "one person each" else shards

    _, digests, changed = run(people, exclusions, count, engine)

    expected = all_lists(people, exclusions)
    assert changed == expected  # a first run: every list is new
    assert ("lonely-mentee", "mentee") in changed and changed[("lonely-mentee", "mentee")] == []
    assert changed[("unavailable", "mentor")] == [] and changed[("full", "mentor")] == []
    by_id = dict(zip([uid.decode() for uid in digests.user_ids.tolist()], zip(digests.mentee, digests.mentor,
                                                                                strict=True), strict=True))
    for (uid, role), matches in expected.items():
        assert by_id[uid][0 if role == "mentee" else 1] == digest_of(matches)


def test_the_kernel_digests_every_list_as_digest_of_does_on_a_population_of_many_blocks():
    people, exclusions = random_population(7, 1500)

    _, from_arrays, _ = run(people, exclusions, 1, "numba")
    _, from_lists, _ = run(people, exclusions, 1, "numpy")

    assert np.array_equal(from_arrays.mentee, from_lists.mentee)
    assert np.array_equal(from_arrays.mentor, from_lists.mentor)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_second_run_builds_only_the_lists_whose_content_changed(population, engine):
    people, exclusions = population
    _, first, _ = run(people, exclusions, 3, engine)
    rng = random.Random(5)
    edited = {p.user_id for p in rng.sample(people, 6)}
    after = [dataclasses.replace(p, interests=p.interests | {"i-new"}) if p.user_id in edited else p for p in people]

    _, second, changed = run(after, exclusions, 3, engine, previous=first)

    before_lists, after_lists = all_lists(people, exclusions), all_lists(after, exclusions)
    assert changed == {key: ranked for key, ranked in after_lists.items() if before_lists.get(key) != ranked}
    assert 0 < len(changed) < len(after_lists)


def test_a_run_on_unchanged_profiles_builds_no_list(population):
    people, exclusions = population
    _, first, _ = run(people, exclusions, 2, "numpy")

    _, second, changed = run(people, exclusions, 5, "numpy", previous=first)

    assert changed == {}
    assert np.array_equal(first.mentee, second.mentee) and np.array_equal(first.mentor, second.mentor)


def test_lists_of_people_who_left_or_dropped_a_role_are_gone(population):
    people, exclusions = population
    _, first, _ = run(people, exclusions, 1, "numpy")
    mentee_only = next(p for p in people if p.roles == {"mentee", "mentor"})
    left = people[0]
    after = [dataclasses.replace(p, roles=frozenset({"mentee"})) if p is mentee_only else p
             for p in people if p is not left]

    _, second, _ = run(after, exclusions, 1, "numpy", previous=first)

    gone = set(first.gone(second))
    assert (mentee_only.user_id, "mentor") in gone
    assert {(left.user_id, role) for role in left.roles} <= gone
    assert all(uid in (left.user_id, mentee_only.user_id) for uid, _ in gone)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_shards_thresholds_make_the_same_index_as_build_index(population, engine):
    people, exclusions = population

    published, _, _ = run(people, exclusions, 4, engine)

    built = build_index(people, CONFIG, exclusions).snapshot
    assert np.array_equal(published.threshold_scores, built.threshold_scores)
    assert np.array_equal(published.threshold_keys, built.threshold_keys)


def test_digests_survive_a_round_trip_through_bytes(population):
    people, exclusions = population
    _, digests, _ = run(people, exclusions, 1, "numpy")

    loaded = ListDigests.from_bytes(digests.to_bytes())

    assert loaded.gone(digests) == [] and digests.gone(loaded) == []
    assert np.array_equal(loaded.mentee, digests.mentee)
    assert int((loaded.mentor != NO_LIST).sum()) == sum(1 for p in people if "mentor" in p.roles)


def test_a_shard_number_outside_its_count_is_refused():
    with pytest.raises(ValueError):
        Shard(3, 3)
