"""Which index buckets a mentor is in, the query, and who a search may show (pure)."""

from dataclasses import dataclass

from chalicelib.accounts.domain import AccountStanding
from chalicelib.grades import GRADE_RANK, GRADES
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.tags import tag_key, tag_keys

ALL = "all"
TOP_RANK = len(GRADES) - 1


def skill_bucket(skill: str) -> str:
    return f"skill#{tag_key(skill)}"


def organisation_bucket(organisation_id: str) -> str:
    return f"org#{organisation_id}"


def place_bucket(location: str) -> str:
    return f"place#{tag_key(location)}"


def is_listed(profile: Profile) -> bool:
    """Rule: a profile is in the index while it has the mentor role and takes requests (capacity,
    which changes with every accept and end, is checked when a search reads it)."""
    return "mentor" in profile.roles and profile.accepting_requests


def buckets_of(profile: Profile) -> frozenset[str]:
    """Every bucket this profile's entry belongs in (none while it is not listed)."""
    if not is_listed(profile):
        return frozenset()
    buckets = {ALL, organisation_bucket(profile.organisation_id), place_bucket(profile.location)}
    buckets.update(f"skill#{key}" for key in tag_keys(profile.skills_offered))
    return frozenset(buckets)


def entry_key(grade: str, user_id: str) -> str:
    """Sorts by grade (lowest first), then user id: the grade rule is a key range."""
    return f"{GRADE_RANK[grade]}#{user_id}"


@dataclass(frozen=True)
class MentorQuery:
    skill: str = ""
    organisation_id: str = ""
    location: str = ""
    grade: str = ""  # one grade, at the searcher's or above; "" for all of them

    def bucket(self) -> str:
        """The one bucket read: the most selective filter given (the others are checked per profile)."""
        if self.skill:
            return skill_bucket(self.skill)
        if self.organisation_id:
            return organisation_bucket(self.organisation_id)
        if self.location:
            return place_bucket(self.location)
        return ALL

    def grade_ranks(self, searcher_grade: str) -> tuple[int, int]:
        """The ranks to read, lowest and highest (empty when the grade asked for is below mine)."""
        lowest = GRADE_RANK[searcher_grade]
        if not self.grade:
            return lowest, TOP_RANK
        wanted = GRADE_RANK[self.grade]
        return (wanted, wanted) if wanted >= lowest else (1, 0)

    def matches(self, profile: Profile) -> bool:
        """The filters, against the profile as it is now (an index entry may be out of date)."""
        return ((not self.skill or tag_key(self.skill) in tag_keys(profile.skills_offered))
                and (not self.organisation_id or profile.organisation_id == self.organisation_id)
                and (not self.location or tag_key(self.location) == tag_key(profile.location))
                and (not self.grade or profile.grade == self.grade))


@dataclass(frozen=True)
class Candidate:
    """A mentor found in the index, with what the rules need to know about them now."""

    profile: Profile
    standing: AccountStanding | None
    active_mentees: int


def may_show(candidate: Candidate, searcher: Profile, query: MentorQuery, excluded: set[str]) -> bool:
    """Rule (see the package docstring): may this search show this mentor?"""
    mentor = candidate.profile
    return (mentor.user_id != searcher.user_id
            and mentor.user_id not in excluded
            and (candidate.standing is None or candidate.standing.state == "active")
            and mentor.mentoring_unavailability(candidate.active_mentees) is None
            and GRADE_RANK[mentor.grade] >= GRADE_RANK[searcher.grade]
            and query.matches(mentor))
