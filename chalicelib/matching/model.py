"""The matching engine's value objects: what it reads (profiles, settings) and what it returns."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MatchProfile:
    """The part of a profile that matching reads. Tags are already normalised (see tags.py)."""

    user_id: str
    roles: frozenset[str]
    grade: str
    skills_offered: frozenset[str]
    skills_wanted: frozenset[str]
    interests: frozenset[str]
    professions: frozenset[str]
    mentor_capacity: int = 0
    active_mentees: int = 0
    accepting_requests: bool = True


@dataclass(frozen=True)
class MatchConfig:
    """Weights of the three Jaccard terms and the length of every list (design: Matching)."""

    skills_weight: float = 0.60
    interests_weight: float = 0.25
    professions_weight: float = 0.15
    k: int = 20

    def __post_init__(self) -> None:
        if min(self.weights) < 0 or self.k < 1:
            raise ValueError("weights must be >= 0 and k >= 1")

    @property
    def weights(self) -> tuple[float, float, float]:
        return (float(self.skills_weight), float(self.interests_weight), float(self.professions_weight))


@dataclass(frozen=True, slots=True)
class Match:
    """One entry of a ranked list, explained by the tags the two people share."""

    user_id: str
    score: float
    shared_skills: tuple[str, ...]
    shared_interests: tuple[str, ...]
    shared_professions: tuple[str, ...]


DEFAULT_CONFIG = MatchConfig()
