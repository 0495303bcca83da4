import pytest

from chalicelib.matching import MatchConfig
from tests.unit.matching.builders import ids, make_mentee, make_mentor, make_profile

SHARED = {"wanted": {"python"}}
OFFERS = {"offered": {"python"}}


def test_a_mentor_not_accepting_requests_is_not_listed(lists):
    people = [make_mentee("a", **SHARED), make_mentor("b", accepting=False, **OFFERS)]

    assert lists(people)[("a", "mentee")] == []
    assert lists(people)[("b", "mentor")] == []


@pytest.mark.parametrize(("capacity", "active", "listed"), [(3, 2, True), (3, 3, False), (0, 0, False)])
def test_a_mentor_is_listed_only_below_capacity(lists, capacity, active, listed):
    people = [make_mentee("a", **SHARED), make_mentor("b", capacity=capacity, active=active, **OFFERS)]

    assert ids(lists(people)[("a", "mentee")]) == (["b"] if listed else [])


def test_a_person_without_the_mentor_role_is_not_listed_as_a_mentor(lists):
    people = [make_mentee("a", **SHARED), make_mentee("b", **OFFERS)]

    assert lists(people)[("a", "mentee")] == []
    assert ("b", "mentor") not in lists(people)


def test_a_person_without_the_mentee_role_gets_no_mentors(lists):
    people = [make_mentor("a", **SHARED), make_mentor("b", **OFFERS)]

    assert ("a", "mentee") not in lists(people)
    assert lists(people)[("b", "mentor")] == []


@pytest.mark.parametrize(("mentor_grade", "listed"), [("HEO", False), ("SEO", True), ("G7", True)])
def test_a_mentor_must_be_at_least_the_mentees_grade(lists, mentor_grade, listed):
    people = [make_mentee("a", grade="SEO", **SHARED), make_mentor("b", grade=mentor_grade, **OFFERS)]

    assert ids(lists(people)[("a", "mentee")]) == (["b"] if listed else [])
    assert ids(lists(people)[("b", "mentor")]) == (["a"] if listed else [])


def test_nobody_is_matched_with_themselves(lists):
    people = [make_profile("a", offered={"python"}, wanted={"python"})]

    assert lists(people) == {("a", "mentee"): [], ("a", "mentor"): []}


def test_an_excluded_pair_is_not_matched_in_either_direction(lists):
    people = [make_mentee("a", **SHARED), make_mentor("b", **OFFERS), make_mentor("c", **OFFERS)]

    result = lists(people, exclusions={("a", "b")})

    assert ids(result[("a", "mentee")]) == ["c"]
    assert result[("b", "mentor")] == []
    assert ids(result[("c", "mentor")]) == ["a"]


def test_an_excluded_best_match_does_not_crowd_out_the_next_best(lists):
    # With one entry a list, the excluded perfect match must not take (or raise the bar for) the place.
    people = [make_mentee("best", wanted={"python"}), make_mentee("next", wanted={"python", "sql"}),
              make_mentor("m", offered={"python"})]

    result = lists(people, exclusions={("best", "m")}, config=MatchConfig(k=1))

    assert ids(result[("m", "mentor")]) == ["next"]
    assert result[("best", "mentee")] == []


def test_a_mentor_at_capacity_still_gets_an_empty_list(lists):
    people = [make_mentee("a", **SHARED), make_mentor("b", capacity=1, active=1, **OFFERS)]

    assert lists(people)[("b", "mentor")] == []
