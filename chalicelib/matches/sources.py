"""What the match lists need from the rest of the service, and the conversion into the engine's terms."""

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from chalicelib.matching import MatchConfig, MatchProfile
from chalicelib.profiles.domain import Profile
from chalicelib.settings import Settings

ROLES = ("mentee", "mentor")  # a "mentee" list holds my mentors; a "mentor" list holds my mentees


class ExclusionSource(Protocol):
    """Who may not be matched with whom, and how full each mentor is (mentorships, blocks)."""

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]: ...

    def all_exclusion_pairs(self, now: datetime) -> Iterable[tuple[str, str]]: ...

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]: ...

    def active_mentee_counts(self) -> dict[str, int]: ...


class NoExclusions:
    """Nobody excluded and every mentor empty: the state before any mentorship exists."""

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]:
        return set()

    def all_exclusion_pairs(self, now: datetime) -> Iterable[tuple[str, str]]:
        return ()

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]:
        return {}

    def active_mentee_counts(self) -> dict[str, int]:
        return {}


def match_config(settings: Settings) -> MatchConfig:
    return MatchConfig(
        skills_weight=settings.skills_weight,
        interests_weight=settings.interests_weight,
        professions_weight=settings.professions_weight,
        k=settings.match_k,
    )


def to_match_profile(profile: Profile, active_mentees: int = 0) -> MatchProfile:
    return MatchProfile(
        user_id=profile.user_id,
        roles=frozenset(profile.roles),
        grade=profile.grade,
        skills_offered=frozenset(profile.skills_offered),
        skills_wanted=frozenset(profile.skills_wanted),
        interests=frozenset(profile.interests),
        professions=frozenset(profile.professions),
        mentor_capacity=profile.mentor_capacity,
        active_mentees=active_mentees,
        accepting_requests=profile.accepting_requests,
    )


def to_match_profiles(profiles: Iterable[Profile], source: ExclusionSource,
                      counts: dict[str, int] | None = None) -> list[MatchProfile]:
    profiles = list(profiles)
    if counts is None:
        counts = source.active_mentees(p.user_id for p in profiles if "mentor" in p.roles)
    return [to_match_profile(p, counts.get(p.user_id, 0)) for p in profiles]
