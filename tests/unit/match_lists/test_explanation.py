"""Why a person is suggested: what they can help with, in the words people wrote, and the strength rule."""

import pytest

from chalicelib.match_lists.explanation import as_written, explain, strength_of, strongest_first
from chalicelib.matching import Match
from chalicelib.profiles.domain import Profile


def person(user_id: str, **values) -> Profile:
    defaults = dict(display_name=user_id, job_title="", bio="", organisation_id="dwp", grade="HEO", location="Leeds")
    return Profile(user_id=user_id, **{**defaults, **values})


@pytest.mark.parametrize("in_common, asked, strength", [
    (3, 5, "strong"), (2, 5, "strong"), (2, 2, "strong"),
    (1, 1, "strong"),  # every skill asked for, when that is one
    (1, 2, "good"), (1, 6, "good"),
    (0, 3, "some"), (0, 0, "some"),
])
def test_strength_counts_the_skills_in_common_against_the_skills_asked_for(in_common, asked, strength):
    assert strength_of(in_common, asked) == strength


def test_two_skills_in_common_are_strong_whatever_else_each_person_lists():
    """The issue's case: 2 skills in common was "Good" when the mentor offered many other skills."""
    me = person("me", skills_wanted=("Presenting", "Data analysis", "Python"), roles=("mentee",))
    busy = person("busy", skills_offered=tuple(f"Skill {n}" for n in range(20)) + ("presenting", "PYTHON"))
    match = Match("busy", 0.06, ("presenting", "python"), (), ())
    assert explain(match, "mentee", me, busy)["strength"] == "strong"


def test_a_mentor_can_help_with_skills_shown_as_the_mentee_wrote_them():
    me = person("me", skills_wanted=("Public speaking", "GOV.UK Notify"), interests=("LGBT+ network",),
                professions=("Policy",), roles=("mentee",))
    mentor = person("m", skills_offered=("public speaking", "gov.uk notify"), interests=("lgbt+ network",),
                    professions=("Policy",))
    match = Match("m", 0.9, ("gov.uk notify", "public speaking"), ("lgbt+ network",), ("policy",))
    assert explain(match, "mentee", me, mentor) == {
        "shared": {"skills": ["GOV.UK Notify", "Public speaking"], "interests": ["LGBT+ network"],
                   "professions": ["Policy"]},
        "skills_asked": 2,
        "strength": "strong",
    }


def test_on_a_mentors_list_the_count_is_of_the_skills_the_mentee_wants():
    me = person("me", skills_offered=("Coaching", "Excel"), roles=("mentor",))
    mentee = person("e", skills_wanted=("coaching", "Negotiation", "Leadership"), roles=("mentee",))
    explained = explain(Match("e", 0.2, ("coaching",), (), ()), "mentor", me, mentee)
    assert explained["shared"]["skills"] == ["coaching"]  # as the mentee wrote it
    assert (explained["skills_asked"], explained["strength"]) == (3, "good")


def test_a_key_nobody_wrote_is_shown_as_the_key():
    assert as_written(["sql", "r"], ("SQL",)) == ["SQL", "r"]


def test_a_list_shows_strong_then_good_then_some_keeping_the_engines_order_within_each():
    entries = [{"user_id": "a", "strength": "some"}, {"user_id": "b", "strength": "good"},
               {"user_id": "c", "strength": "strong"}, {"user_id": "d", "strength": "good"},
               {"user_id": "e", "strength": "strong"}]
    assert [e["user_id"] for e in strongest_first(entries)] == ["c", "e", "b", "d", "a"]
