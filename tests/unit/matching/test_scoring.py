import pytest

from chalicelib.matching import MatchConfig
from chalicelib.matching.scoring import jaccard_from_counts, pair_score
from tests.unit.matching.builders import ids, make_mentee, make_mentor


def test_score_is_the_weighted_sum_of_the_three_jaccard_indices(lists):
    mentee = make_mentee("a", wanted={"python", "sql"}, interests={"sport"}, professions={"policy"})
    mentor = make_mentor("b", offered={"sql", "r"}, interests={"sport", "housing"}, professions={"policy"})

    [match] = lists([mentee, mentor])[("a", "mentee")]

    assert match.score == 0.60 * (1 / 3) + 0.25 * (1 / 2) + 0.15 * (1 / 1)


def test_jaccard_of_two_empty_sets_is_zero():
    assert jaccard_from_counts(0, 0, 0) == 0.0


def test_jaccard_is_shared_over_union():
    assert jaccard_from_counts(2, 3, 4) == 2 / 5


def test_empty_sets_contribute_nothing_to_the_score(lists):
    mentee = make_mentee("a", wanted={"python"})
    mentor = make_mentor("b", offered={"python"})

    [match] = lists([mentee, mentor])[("a", "mentee")]

    assert match.score == 0.60


def test_pair_sharing_nothing_is_not_listed(lists):
    mentee = make_mentee("a", wanted={"python"}, interests={"sport"})
    mentor = make_mentor("b", offered={"sql"}, interests={"reading"})

    assert lists([mentee, mentor])[("a", "mentee")] == []


def test_a_mentees_wanted_skills_meet_only_a_mentors_offered_skills(lists):
    mentee = make_mentee("a", offered={"python"}, wanted={"sql"})
    mentor = make_mentor("b", offered={"r"}, wanted={"python"})

    assert lists([mentee, mentor])[("a", "mentee")] == []


def test_weights_come_from_the_config(lists):
    mentee = make_mentee("a", wanted={"python"}, interests={"sport"})
    skills_mentor = make_mentor("b", offered={"python", "sql"})
    interests_mentor = make_mentor("c", interests={"sport"})
    config = MatchConfig(skills_weight=1.0, interests_weight=0.0, professions_weight=0.0)

    [match] = lists([mentee, skills_mentor, interests_mentor], config=config)[("a", "mentee")]

    assert (match.user_id, match.score) == ("b", 0.5)


def test_changing_weights_can_change_the_order(lists):
    mentee = make_mentee("a", wanted={"python"}, interests={"sport"})
    people = [mentee, make_mentor("b", offered={"python", "sql"}), make_mentor("c", interests={"sport"})]
    interests_first = MatchConfig(skills_weight=0.1, interests_weight=0.9, professions_weight=0.0)

    assert ids(lists(people)[("a", "mentee")]) == ["b", "c"]
    assert ids(lists(people, config=interests_first)[("a", "mentee")]) == ["c", "b"]


def test_pair_score_matches_the_design_formula():
    mentee = make_mentee("a", wanted={"x", "y"}, interests={"i"}, professions={"p", "q"})
    mentor = make_mentor("b", offered={"y"}, interests={"i", "j", "k"}, professions={"q"})

    assert pair_score(mentee, mentor, (0.60, 0.25, 0.15)) == 0.60 * (1 / 2) + 0.25 * (1 / 3) + 0.15 * (1 / 2)


@pytest.mark.parametrize("fields", [{"skills_weight": -0.1}, {"k": 0}])
def test_config_rejects_negative_weights_and_empty_lists(fields):
    with pytest.raises(ValueError):
        MatchConfig(**fields)
