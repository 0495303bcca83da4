import subprocess
import sys
import textwrap

import numpy as np
import pytest

from chalicelib.matching import MatchConfig, MatchIndex, build_index, compute_all_lists, mentees_gaining
from chalicelib.matching.overlay import IndexFormatError
from chalicelib.matching.snapshot import DuplicateProfileError, Snapshot
from tests.unit.matching.builders import ids, make_mentee, make_mentor, make_profile


def population():
    return [
        make_mentee("a", grade="EO", wanted={"python", "sql"}, interests={"sport"}),
        make_mentee("b", grade="G7", wanted={"python"}, professions={"policy"}),
        make_mentor("m1", grade="SEO", offered={"python"}, interests={"sport"}),
        make_mentor("m2", grade="G6", offered={"python", "sql"}, professions={"policy"}),
        make_profile("p", grade="G7", offered={"sql"}, wanted={"python"}, interests={"sport"}),
    ]


def test_an_index_answers_the_same_after_a_round_trip_through_bytes():
    people = population()
    index = build_index(people, MatchConfig(k=3)).with_changes([make_mentor("m3", offered={"sql"})], ["m1"])

    loaded = MatchIndex.from_bytes(index.to_bytes())

    assert loaded.config == MatchConfig(k=3)
    for person in people:
        assert loaded.mentors_for(person) == index.mentors_for(person)
        assert loaded.mentees_for(person) == index.mentees_for(person)
    assert mentees_gaining(loaded, people[2]) == mentees_gaining(index, people[2])


def test_bytes_that_are_not_an_index_are_rejected():
    with pytest.raises(IndexFormatError):
        MatchIndex.from_bytes(b"not an index")


def test_two_profiles_with_one_user_id_are_rejected():
    with pytest.raises(DuplicateProfileError):
        build_index([make_mentee("a"), make_mentor("a")])


def test_an_upserted_mentor_is_ranked_with_its_new_profile():
    people = population()
    index = build_index(people)

    changed = index.with_changes([make_mentor("m1", grade="SEO", offered={"python", "sql"}, interests={"sport"})])

    assert ids(index.mentors_for(people[0])) == ["m2", "m1", "p"]
    assert ids(changed.mentors_for(people[0])) == ["m1", "m2", "p"]


def test_a_new_mentor_appears_and_a_deleted_one_disappears():
    people = population()
    index = build_index(people).with_changes([make_mentor("m0", grade="G6", offered={"python"})], deleted_ids=["m2"])

    assert ids(index.mentors_for(people[1])) == ["m0"]


def test_a_new_mentee_appears_in_mentor_lists():
    people = population()
    index = build_index(people).with_changes([make_mentee("c", wanted={"python", "sql"}, professions={"policy"})])

    assert ids(index.mentees_for(people[3])) == ["c", "a", "b", "p"]


def test_with_changes_leaves_the_original_index_untouched():
    index = build_index(population())

    index.with_changes([], deleted_ids=["m1", "m2", "p"])

    assert ids(index.mentors_for(population()[0])) == ["m2", "m1", "p"]


def test_a_mentor_whose_change_makes_them_unavailable_leaves_every_list():
    people = population()
    index = build_index(people).with_changes([make_mentor("m2", accepting=False, offered={"python"})])

    assert ids(index.mentors_for(people[1])) == []


def test_tags_unknown_to_the_snapshot_still_count_in_the_union():
    index = build_index(population())

    [match] = index.mentors_for(make_mentee("new", grade="G6", wanted={"python", "cobol", "fortran"}))

    assert (match.user_id, match.score) == ("m2", 0.60 * (1 / 4))


def test_excluded_mentor_ids_are_skipped():
    people = population()
    index = build_index(people)

    assert ids(index.mentors_for(people[0], excluded={"m2", "p"})) == ["m1"]
    assert ids(index.mentees_for(people[3], excluded={"a"})) == ["b", "p"]


def test_a_mentor_gains_the_mentees_whose_lists_they_newly_enter():
    people = population()
    index = build_index(people, MatchConfig(k=1))
    stronger = make_mentor("m1", grade="G7", offered={"python", "sql"}, interests={"sport"}, professions={"policy"})

    assert mentees_gaining(index, stronger) == ["a", "b", "p"]
    assert mentees_gaining(index, people[3]) == []
    assert mentees_gaining(index, people[3], include_current=True) == ["a", "b", "p"]


def test_a_new_mentor_who_ties_a_full_list_gains_the_mentee_when_their_id_sorts_first():
    # Every score here is 0.6·(1/3) + 0.25·(1/7): the mentee's list (k = 1, so two kept) is full of
    # it, and the new mentor reaches exactly its last score. A tie goes to the smaller user id.
    def tying_mentor(user_id):
        return make_mentor(user_id, offered={"a"}, interests={f"i{n}" for n in range(7)})

    mentee = make_mentee("x", wanted={"a", "b", "c"}, interests={"i0"})
    index = build_index([mentee, tying_mentor("m2"), tying_mentor("m3")], MatchConfig(k=1))

    assert mentees_gaining(index, tying_mentor("m1")) == ["x"]
    assert mentees_gaining(index, tying_mentor("m4")) == []


def test_an_unavailable_mentor_gains_nobody():
    index = build_index(population())

    assert mentees_gaining(index, make_mentor("m9", accepting=False, offered={"python"})) == []


def test_mentees_gaining_needs_the_thresholds_that_build_computes():
    index = MatchIndex(Snapshot.build(population(), MatchConfig()))

    with pytest.raises(ValueError):
        mentees_gaining(index, population()[2])


def test_the_api_query_path_imports_neither_numba_nor_scipy(tmp_path):
    data = tmp_path / "index.bin"
    data.write_bytes(build_index(population()).to_bytes())
    script = textwrap.dedent(f"""
        import sys
        from chalicelib.matching import MatchIndex, MatchProfile, mentees_gaining
        index = MatchIndex.from_bytes(open({str(data)!r}, "rb").read())
        person = MatchProfile("z", frozenset({{"mentee", "mentor"}}), "G7", frozenset({{"sql"}}),
                              frozenset({{"python"}}), frozenset(), frozenset(), 2)
        assert index.mentors_for(person) and index.mentees_for(person)
        mentees_gaining(index, person)
        assert not {{"numba", "scipy", "llvmlite"}} & set(sys.modules), sorted(sys.modules)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=str(_repo_root()))


def _repo_root():
    from pathlib import Path

    return Path(__file__).resolve().parents[3]


def test_the_full_recompute_hands_over_the_same_index_that_build_makes():
    people = population()
    handed = []

    lists = list(compute_all_lists(people, {("a", "m2")}, MatchConfig(k=1), on_index=handed.append))

    built = build_index(people, MatchConfig(k=1), {("a", "m2")})
    [index] = handed
    assert len(lists) == 6
    assert np.array_equal(index.snapshot.threshold_scores, built.snapshot.threshold_scores)
    assert np.array_equal(index.snapshot.threshold_keys, built.snapshot.threshold_keys)


def test_a_user_id_that_extends_a_snapshot_id_is_not_taken_for_it():
    index = build_index([make_mentor("m1", offered={"python"}), make_mentee("a", wanted={"python"})])

    assert ids(index.mentors_for(make_mentee("a", wanted={"python"}), excluded={"m10"})) == ["m1"]
    assert ids(index.mentors_for(make_mentee("m10", wanted={"python"}))) == ["m1"]


def test_auto_takes_numpy_for_a_small_population_and_numba_only_when_asked():
    from chalicelib.matching.ranking import NUMPY_BELOW, choose_engine

    snapshot = Snapshot.build(population(), MatchConfig())
    assert snapshot.n_users < NUMPY_BELOW
    assert choose_engine(snapshot, "auto") == "numpy"
    assert choose_engine(snapshot, "numpy") == "numpy"
    assert choose_engine(snapshot, "numba") == "numba"
