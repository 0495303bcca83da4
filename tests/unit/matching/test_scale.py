"""Populations larger than the kernel's blocks (256 rows), so block and lane boundaries, grade
ranges that start mid-block and mentor heaps filled over many queries are all exercised."""

import random

import pytest

from chalicelib.matching import MatchConfig, MatchProfile, build_index, compute_all_lists
from tests.unit.matching import reference

GRADES = ("AA", "AO", "EO", "HEO", "SEO", "G7", "G6", "SCS1")


def random_population(seed: int, n: int):
    rng = random.Random(seed)

    def tags(prefix, alphabet, most):
        return frozenset(f"{prefix}{rng.randrange(alphabet)}" for _ in range(rng.randint(0, most)))

    people = [
        MatchProfile(
            user_id=f"user-{rng.randrange(10**6):06d}-{i}",
            roles=frozenset(rng.choice([("mentee",), ("mentor",), ("mentee", "mentor")])),
            grade=rng.choice(GRADES),
            skills_offered=tags("s", 12, 4),
            skills_wanted=tags("s", 12, 3),
            interests=tags("i", 8, 3),
            professions=tags("p", 4, 1),
            mentor_capacity=rng.randint(0, 3),
            active_mentees=rng.randint(0, 1),
            accepting_requests=rng.random() < 0.95,
        )
        for i in range(n)
    ]
    ids = [p.user_id for p in people]
    exclusions = {(rng.choice(ids), rng.choice(ids)) for _ in range(n // 3)}
    return people, exclusions


@pytest.fixture(scope="module")
def population():
    return random_population(7, 1500)


@pytest.fixture(scope="module")
def numba_lists(population):
    people, exclusions = population
    return {(uid, role): lst for uid, role, lst in compute_all_lists(people, exclusions, MatchConfig(k=5), "numba")}


def test_the_numba_recompute_equals_the_numpy_one_on_a_population_of_many_blocks(population, numba_lists):
    people, exclusions = population
    numpy_lists = {(uid, role): lst for uid, role, lst in compute_all_lists(people, exclusions, MatchConfig(k=5), "numpy")}

    assert numba_lists == numpy_lists


def test_sampled_lists_of_a_population_of_many_blocks_equal_the_reference(population, numba_lists):
    people, exclusions = population
    index = build_index(people, MatchConfig(k=5), exclusions)

    for person in random.Random(3).sample(people, 40):
        if "mentee" in person.roles:
            expected = reference.mentors_for(person, people, exclusions, k=5)
            skip = {mentor for mentee, mentor in exclusions if mentee == person.user_id}
            assert reference.as_tuples(numba_lists[(person.user_id, "mentee")]) == expected
            assert reference.as_tuples(index.mentors_for(person, skip)) == expected
        if "mentor" in person.roles:
            expected = reference.mentees_for(person, people, exclusions, k=5)
            skip = {mentee for mentee, mentor in exclusions if mentor == person.user_id}
            assert reference.as_tuples(numba_lists[(person.user_id, "mentor")]) == expected
            assert reference.as_tuples(index.mentees_for(person, skip)) == expected
