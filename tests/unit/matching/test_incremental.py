"""The hourly recompute from the last run's lists: the same lists as ranking everyone, whatever changed."""

import dataclasses
import random

import numpy as np
import pytest

from chalicelib.grades import GRADES
from chalicelib.matching import MatchConfig, incremental, kernel
from chalicelib.matching.digests import ListDigests
from chalicelib.matching.ranking import rank_lists
from chalicelib.matching.shards import compute_shard, merge_outcomes
from chalicelib.matching.snapshot import Snapshot
from tests.unit.matching.builders import make_mentee, make_mentor
from tests.unit.matching.test_scale import random_population
from tests.unit.matching.test_shards import lonely_people

CONFIG = MatchConfig(k=4)


def hour(people, exclusions, previous: ListDigests, engine: str = "numba"):
    """One whole scheduled run: its outcome, and what it leaves for the next run."""
    snapshot = Snapshot.build(people, CONFIG)
    excluded = snapshot.excluded_pairs(exclusions)
    outcome = compute_shard(snapshot, excluded, previous, engine=engine)
    changed = {(uid, role): matches for uid, role, matches in outcome.changed}
    _, digests = merge_outcomes(snapshot, [outcome])
    return outcome, digests, changed


def ranked_everyone(people, exclusions, engine="numba"):
    snapshot = Snapshot.build(people, CONFIG)
    return rank_lists(snapshot, snapshot.excluded_pairs(exclusions), engine)


def same_lists(a, b) -> None:
    for field in ("mentee_rows", "mentors", "mentor_scores", "mentor_rows", "mentees", "mentee_scores"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field), err_msg=field)


def edit(people, exclusions, rng: random.Random, share: float):
    """An hour of changes: new tags, grades, roles and availability; people leaving and joining;
    pairs that must not be matched added and lifted."""
    people = list(people)
    ids = [p.user_id for p in people]
    for i in rng.sample(range(len(people)), max(1, int(len(people) * share))):
        p = people[i]
        kind = rng.choice(["tags", "tags", "grade", "accepting", "capacity", "roles", "interests"])
        if kind == "tags":
            donor = rng.choice(people)
            p = dataclasses.replace(p, skills_offered=donor.skills_offered, skills_wanted=donor.skills_wanted)
        elif kind == "interests":
            p = dataclasses.replace(p, interests=frozenset({f"i{rng.randrange(8)}"}) | p.interests)
        elif kind == "grade":
            p = dataclasses.replace(p, grade=rng.choice(GRADES))
        elif kind == "accepting":
            p = dataclasses.replace(p, accepting_requests=not p.accepting_requests)
        elif kind == "capacity":
            p = dataclasses.replace(p, mentor_capacity=rng.randint(0, 3))
        else:
            p = dataclasses.replace(p, roles=frozenset(rng.choice([("mentee",), ("mentor",), ("mentee", "mentor")])))
        people[i] = p
    for i in sorted(rng.sample(range(len(people)), 3), reverse=True):
        del people[i]
    people += [dataclasses.replace(rng.choice(people), user_id=f"new-{rng.randrange(10**9)}") for _ in range(3)]
    exclusions = set(exclusions)
    for pair in rng.sample(sorted(exclusions), min(4, len(exclusions))):
        exclusions.discard(pair)
    exclusions |= {(rng.choice(ids), rng.choice(ids)) for _ in range(4)}
    return people, exclusions


@pytest.mark.parametrize("seed", [1, 2, 3, "room for one pair"])
def test_each_hour_from_the_last_lists_gives_the_lists_of_ranking_everyone(seed, monkeypatch):
    monkeypatch.setattr(incremental, "RANK_ALL_FROM", 1.0)  # from the stored lists however much changed
    if seed == "room for one pair":  # most changed people then reach more lists than one call keeps
        monkeypatch.setattr(kernel, "ENTERING_ROOM", 1)
        seed = 4
    rng = random.Random(seed)
    people, exclusions = random_population(seed, 400)
    people += lonely_people()
    _, previous, _ = hour(people, exclusions, ListDigests.empty())
    assert previous.ranked is not None  # a whole run keeps its lists for the next one
    for share in (0.01, 0.05, 0.3, 0.0):
        people, exclusions = edit(people, exclusions, rng, share) if share else (people, exclusions)
        snapshot = Snapshot.build(people, CONFIG)
        outcome, digests, changed = hour(people, exclusions, previous)

        everyone = ranked_everyone(people, exclusions)
        _, scratch_digests, scratch_changed = hour(people, exclusions, dataclasses.replace(previous, ranked=None))
        np.testing.assert_array_equal(digests.mentee, scratch_digests.mentee)
        np.testing.assert_array_equal(digests.mentor, scratch_digests.mentor)
        assert changed == scratch_changed  # the same lists written, with the same entries
        stored = digests.ranked
        assert stored is not None
        np.testing.assert_array_equal(stored.mentee_entries, everyone.mentors)
        np.testing.assert_array_equal(stored.mentee_scores, everyone.mentor_scores)
        np.testing.assert_array_equal(stored.mentor_entries, everyone.mentees)
        np.testing.assert_array_equal(stored.mentor_scores, everyone.mentee_scores)
        np.testing.assert_array_equal(stored.mentee_owners, snapshot.mentees.ranks)
        # and the same as the plain numpy ranking, the reference every engine is held to
        same_lists(everyone, ranked_everyone(people, exclusions, "numpy"))
        previous = digests


def test_an_hour_without_changes_ranks_no_list_and_writes_none():
    people, exclusions = random_population(5, 300)
    _, previous, _ = hour(people, exclusions, ListDigests.empty())

    outcome, digests, changed = hour(people, exclusions, previous)

    assert outcome.candidate_pairs == 0 and changed == {}
    np.testing.assert_array_equal(digests.mentee, previous.mentee)


def test_a_changed_mentor_enters_the_lists_of_mentees_whose_lists_did_not_hold_them():
    mentees = [make_mentee(f"mentee-{i}", wanted={"python"}, grade="EO") for i in range(3)]
    mentors = [make_mentor(f"mentor-{i}", offered={"python", f"x{i}", f"y{i}"}, grade="G7") for i in range(5)]
    late = make_mentor("mentor-late", offered={"cooking"}, grade="G7")
    config_k = CONFIG.k  # lists hold k mentors; five candidates for four places
    _, previous, _ = hour(mentees + mentors + [late], set(), ListDigests.empty())

    better = dataclasses.replace(late, skills_offered=frozenset({"python"}))  # now the best match of every mentee
    _, _, changed = hour(mentees + mentors + [better], set(), previous)

    for i in range(3):
        ranked = changed[(f"mentee-{i}", "mentee")]
        assert len(ranked) == config_k and ranked[0].user_id == "mentor-late" and ranked[0].score == pytest.approx(0.6)
    assert [m.user_id for m in changed[("mentor-late", "mentor")]] == ["mentee-0", "mentee-1", "mentee-2"]


def test_a_configuration_change_ranks_everyone_again():
    people, exclusions = random_population(6, 200)
    _, previous, _ = hour(people, exclusions, ListDigests.empty())
    snapshot = Snapshot.build(people, MatchConfig(k=3))

    outcome = compute_shard(snapshot, snapshot.excluded_pairs(exclusions), previous, engine="numba")

    assert outcome.candidate_pairs == ranked_everyone(people, exclusions).candidate_pairs
    everyone = rank_lists(snapshot, snapshot.excluded_pairs(exclusions), "numba")
    assert outcome.stored is not None and outcome.stored.k == 3
    np.testing.assert_array_equal(outcome.stored.mentee_entries, everyone.mentors)


def test_the_stored_lists_survive_the_digests_blob():
    people, exclusions = random_population(8, 200)
    _, digests, _ = hour(people, exclusions, ListDigests.empty())

    loaded = ListDigests.from_bytes(digests.to_bytes())

    assert loaded.ranked is not None and digests.ranked is not None
    assert loaded.ranked.weights == digests.ranked.weights and loaded.ranked.k == digests.ranked.k
    for name in ("mentee_facts", "mentor_facts", "excluded", "mentee_entries", "mentor_scores"):
        np.testing.assert_array_equal(getattr(loaded.ranked, name), getattr(digests.ranked, name))
    assert ListDigests.from_bytes(ListDigests.empty().to_bytes()).ranked is None


def test_a_pair_that_must_no_longer_be_matched_leaves_both_lists_and_returns_when_lifted():
    people, exclusions = random_population(9, 300)
    first, previous, lists = hour(people, exclusions, ListDigests.empty())
    mentee, top = next((uid, ranked[0].user_id) for (uid, role), ranked in sorted(lists.items())
                       if role == "mentee" and ranked and any(m.user_id == uid for m in lists[(ranked[0].user_id, "mentor")]))

    _, declined, changed = hour(people, exclusions | {(mentee, top)}, previous)

    assert top not in [m.user_id for m in changed[(mentee, "mentee")]]
    assert mentee not in [m.user_id for m in changed[(top, "mentor")]]
    _, _, lifted = hour(people, exclusions, declined)
    assert lifted[(mentee, "mentee")] == lists[(mentee, "mentee")]
    assert lifted[(top, "mentor")] == lists[(top, "mentor")]


def test_when_most_lists_would_be_ranked_again_everyone_is_ranked_in_one_pass():
    people, exclusions = random_population(10, 300)
    _, previous, _ = hour(people, exclusions, ListDigests.empty())
    everyone_changed = [dataclasses.replace(p, grade="SCS3" if p.grade != "SCS3" else "AA") for p in people]

    outcome, digests, _ = hour(everyone_changed, exclusions, previous)

    assert outcome.candidate_pairs == ranked_everyone(everyone_changed, exclusions).candidate_pairs  # the fused pass
    assert digests.ranked is not None
    np.testing.assert_array_equal(digests.ranked.mentee_entries, ranked_everyone(everyone_changed, exclusions).mentors)
