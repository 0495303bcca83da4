"""Why a person is suggested, in words they can check, and the strength label's rule (pure).

Rules (the matches page states the same rule, from frontend/src/data/match-strength.json):
- On my list of mentors, a mentor "can help with" the skills I want to develop that they offer;
  on my list of people I could mentor, a person "wants to develop" skills I offer. Shared
  interests and professions are listed too. Tags are shown as the mentee wrote them (the skills)
  or as I wrote them (interests, professions), never as the engine's lower-case keys.
- Strength counts the skills in common against the skills the mentee asked for:
    "strong": at least 2 in common, or every skill the mentee asked for (when they asked for 1);
    "good":   1 in common (of 2 or more asked for);
    "some":   none in common, but an interest or a profession in common.
- A list is shown strong first, then good, then some; within each, in the engine's order (score,
  then user id), so a label never sits above a stronger one.
"""

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from chalicelib.matching import Match
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.tags import display_lookup

Strength = Literal["strong", "good", "some"]
STRENGTHS: tuple[Strength, ...] = ("strong", "good", "some")


def strength_of(skills_in_common: int, skills_asked: int) -> Strength:
    """The label for a pair, from the skills in common and how many the mentee asked for."""
    if skills_in_common >= 2 or (skills_in_common >= 1 and skills_in_common >= skills_asked):
        return "strong"
    return "good" if skills_in_common == 1 else "some"


def as_written(keys: Iterable[str], *spellings: Sequence[str]) -> list[str]:
    """Engine keys shown as the first of these tag lists spells them (else the key itself)."""
    lookups = [display_lookup(tags) for tags in spellings]
    return [next((lookup[key] for lookup in lookups if key in lookup), key) for key in keys]


def explain(match: Match, role: str, me: Profile, other: Profile) -> dict[str, Any]:
    """The entry's ``shared`` tags as written, how many skills the mentee asked for, and its strength.

    ``role`` is the list's: "mentee" (my mentors: I am the mentee) or "mentor" (my mentees).
    """
    mentee = me if role == "mentee" else other
    skills = as_written(match.shared_skills, mentee.skills_wanted, other.skills_offered, me.skills_offered)
    asked = len(mentee.skills_wanted)
    return {
        "shared": {
            "skills": skills,
            "interests": as_written(match.shared_interests, me.interests, other.interests),
            "professions": as_written(match.shared_professions, me.professions, other.professions),
        },
        "skills_asked": asked,
        "strength": strength_of(len(skills), asked),
    }


def strongest_first(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Strong, then good, then some; the engine's order kept within each (a stable sort)."""
    return sorted(entries, key=lambda entry: STRENGTHS.index(entry["strength"]))
