"""Why a list is empty, in this person's own terms (pure).

Each reason is {"code", ...details}; the matches page words every code (frontend/src/data/
match-reasons.json, kept in step by tests/browser/test_site_data.py). Only reasons that are true
of this person are given, most basic first:

My mentors ("mentee" list):
- not_a_mentee: my profile does not say I want a mentor (nothing else matters then);
- top_grade: I am at the most senior grade, so only mentors at that grade can be suggested;
- no_mentors_at_grade: no mentor at my grade or above is taking requests;
- no_skills_wanted: I have not said which skills I want to develop;
- skills_not_offered: no mentor at my grade or above offers these skills I want yet, with the
  nearest skills that one does offer;
- mentors_unavailable: mentors offer what I want but cannot be suggested now (full, or already
  in a request or mentorship with me, or kept apart from me);
- nothing_in_common: none of the above, so nobody shares my skills, interests or profession.
People I could mentor ("mentor" list):
- not_a_mentor, not_accepting, at_capacity (with my capacity): I cannot be suggested now;
- lowest_grade: I am at the most junior grade, so only people at that grade can be suggested;
- no_skills_offered; nothing_in_common.
"""

from dataclasses import dataclass
from typing import Any

from chalicelib.grades import GRADES
from chalicelib.matching.scoring import FULL, NOT_A_MENTOR, NOT_ACCEPTING
from chalicelib.profiles.domain import Profile

MENTEE_REASONS = ("not_a_mentee", "top_grade", "no_mentors_at_grade", "no_skills_wanted", "skills_not_offered",
                  "mentors_unavailable", "nothing_in_common")
MENTOR_REASONS = ("not_a_mentor", "not_accepting", "at_capacity", "lowest_grade", "no_skills_offered",
                  "nothing_in_common")
UNAVAILABLE = {NOT_A_MENTOR: "not_a_mentor", NOT_ACCEPTING: "not_accepting", FULL: "at_capacity"}

Reason = dict[str, Any]


@dataclass(frozen=True)
class MentorFacts:
    """What the index of mentors says about one mentee's chances (mentor_search builds it)."""

    any_mentor_at_grade: bool  # a mentor at the mentee's grade or above is taking requests
    skills_not_offered: tuple[str, ...] = ()  # skills the mentee wants that none of them offers, as written
    nearest_offered: tuple[str, ...] = ()  # skills one of them offers, spelled most like those


def reasons_no_mentors(me: Profile, facts: MentorFacts) -> list[Reason]:
    if "mentee" not in me.roles:
        return [{"code": "not_a_mentee"}]
    reasons: list[Reason] = []
    if me.grade == GRADES[-1]:
        reasons.append({"code": "top_grade", "grade": me.grade})
    if not facts.any_mentor_at_grade:
        reasons.append({"code": "no_mentors_at_grade", "grade": me.grade})
    if not me.skills_wanted:
        reasons.append({"code": "no_skills_wanted"})
    elif facts.any_mentor_at_grade and facts.skills_not_offered:
        reasons.append({"code": "skills_not_offered", "skills": list(facts.skills_not_offered),
                        "nearest": list(facts.nearest_offered)})
    elif facts.any_mentor_at_grade:
        reasons.append({"code": "mentors_unavailable"})
    return reasons or [{"code": "nothing_in_common"}]


def reasons_no_mentees(me: Profile, active_mentees: int) -> list[Reason]:
    unavailable = me.mentoring_unavailability(active_mentees)
    if unavailable is not None:
        reason: Reason = {"code": UNAVAILABLE[unavailable]}
        if unavailable == FULL:
            reason["capacity"] = me.mentor_capacity
        return [reason]
    reasons: list[Reason] = []
    if me.grade == GRADES[0]:
        reasons.append({"code": "lowest_grade", "grade": me.grade})
    if not me.skills_offered:
        reasons.append({"code": "no_skills_offered"})
    return reasons or [{"code": "nothing_in_common"}]
