"""Why a list is empty: this person's own reasons, and only true ones."""

from chalicelib.match_lists.empty import (
    MENTEE_REASONS,
    MENTOR_REASONS,
    MentorFacts,
    reasons_no_mentees,
    reasons_no_mentors,
)
from chalicelib.profiles.domain import Profile

AVAILABLE = MentorFacts(any_mentor_at_grade=True)


def person(**values) -> Profile:
    defaults = dict(user_id="me", display_name="Me", job_title="", bio="", organisation_id="dwp", grade="HEO",
                    location="Leeds", roles=("mentee",), skills_wanted=("Presenting",))
    return Profile(**{**defaults, **values})


def codes(reasons) -> list[str]:
    return [reason["code"] for reason in reasons]


def test_someone_at_the_top_grade_with_an_unusual_skill_is_told_both_real_reasons():
    """The issue's case: she did say she wants a mentor; the grade rule and her skill are why."""
    me = person(grade="SCS3", skills_wanted=("Quantum policy",))
    facts = MentorFacts(True, skills_not_offered=("Quantum policy",), nearest_offered=("Policy development",))
    assert reasons_no_mentors(me, facts) == [
        {"code": "top_grade", "grade": "SCS3"},
        {"code": "skills_not_offered", "skills": ["Quantum policy"], "nearest": ["Policy development"]},
    ]


def test_without_the_mentee_role_that_is_the_only_reason_given():
    assert codes(reasons_no_mentors(person(roles=("mentor",)), MentorFacts(False))) == ["not_a_mentee"]


def test_no_mentor_at_or_above_my_grade_is_said_with_my_grade():
    reasons = reasons_no_mentors(person(grade="SCS2"), MentorFacts(any_mentor_at_grade=False))
    assert reasons == [{"code": "no_mentors_at_grade", "grade": "SCS2"}]


def test_no_skills_wanted_is_said_instead_of_guessing_at_skills():
    assert codes(reasons_no_mentors(person(skills_wanted=()), AVAILABLE)) == ["no_skills_wanted"]


def test_when_mentors_offer_what_i_want_they_must_be_unavailable_to_me():
    assert codes(reasons_no_mentors(person(), AVAILABLE)) == ["mentors_unavailable"]


def test_a_mentor_who_cannot_be_suggested_is_told_why_first():
    mentor = dict(roles=("mentor",), skills_offered=("Coaching",), mentor_capacity=2, accepting_requests=True)
    assert codes(reasons_no_mentees(person(roles=("mentee",)), 0)) == ["not_a_mentor"]
    assert codes(reasons_no_mentees(person(**{**mentor, "accepting_requests": False}), 0)) == ["not_accepting"]
    assert reasons_no_mentees(person(**mentor), 2) == [{"code": "at_capacity", "capacity": 2}]


def test_a_mentor_at_the_lowest_grade_without_skills_hears_both():
    me = person(grade="AA", roles=("mentor",), skills_offered=(), mentor_capacity=1, accepting_requests=True)
    assert codes(reasons_no_mentees(me, 0)) == ["lowest_grade", "no_skills_offered"]


def test_otherwise_nobody_shares_anything_with_me():
    me = person(roles=("mentor",), skills_offered=("Coaching",), mentor_capacity=1, accepting_requests=True)
    assert codes(reasons_no_mentees(me, 0)) == ["nothing_in_common"]


def test_every_reason_given_is_one_the_site_words():
    given = {code for reasons in (
        reasons_no_mentors(person(grade="SCS3", skills_wanted=("X",)), MentorFacts(True, ("X",))),
        reasons_no_mentors(person(grade="SCS3"), MentorFacts(False)),
    ) for code in codes(reasons)}
    assert given <= set(MENTEE_REASONS)
    assert "nothing_in_common" in MENTOR_REASONS
