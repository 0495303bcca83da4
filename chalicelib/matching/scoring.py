"""The matching rules for one pair, as plain functions (design: Matching).

Exactness: every path of the engine (these scalar functions, the numpy queries and the numba
recompute) computes a score with the same float64 operations in the same order:
J = |A∩B| / (|A| + |B| - |A∩B|) as one correctly rounded division of two integers (0.0 when the
union is empty), then (w_s·J_s + w_i·J_i) + w_p·J_p. IEEE 754 makes each step deterministic, so
scores from different paths are bit-identical and ties compare exactly; no rounding is needed.
"""

from chalicelib.grades import GRADE_RANK
from chalicelib.matching.model import MatchProfile

MENTEE = "mentee"
MENTOR = "mentor"
# Scores as integer levels (the kernel's bounds, mentees_gaining's first filter): a perfect score is
# this level, leaving room below 2**16 for rounding up.
LEVEL_TOP = 65_000


def level_scale(weights: tuple[float, ...]) -> float:
    """A score times this is its level (0 .. LEVEL_TOP before rounding)."""
    return LEVEL_TOP / max(float(sum(weights)), 1e-9)


def jaccard_from_counts(shared: int, size_a: int, size_b: int) -> float:
    """|A∩B| / |A∪B| from the three counts; 0.0 when both sets are empty."""
    union = size_a + size_b - shared
    return shared / union if union else 0.0


def pair_score(mentee: MatchProfile, mentor: MatchProfile, weights: tuple[float, float, float]) -> float:
    """Score of `mentor` for `mentee`: the weighted sum of the three Jaccard indices."""
    w_skills, w_interests, w_professions = weights
    skills = _jaccard(mentee.skills_wanted, mentor.skills_offered)
    interests = _jaccard(mentee.interests, mentor.interests)
    professions = _jaccard(mentee.professions, mentor.professions)
    return w_skills * skills + w_interests * interests + w_professions * professions


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return jaccard_from_counts(len(a & b), len(a), len(b))


def is_mentee(profile: MatchProfile) -> bool:
    """Rule: only people with the mentee role get a list of mentors."""
    return MENTEE in profile.roles


NOT_A_MENTOR, NOT_ACCEPTING, FULL = "not a mentor", "not accepting", "full"


def mentor_unavailability(roles: frozenset[str] | tuple[str, ...], accepting_requests: bool, active_mentees: int,
                          mentor_capacity: int) -> str | None:
    """Rule: a mentor is offered only while accepting requests and below their capacity.

    None when the person is an available mentor, else why not (NOT_A_MENTOR, NOT_ACCEPTING, FULL).
    """
    if MENTOR not in roles:
        return NOT_A_MENTOR
    if not accepting_requests:
        return NOT_ACCEPTING
    return FULL if active_mentees >= mentor_capacity else None


def is_available_mentor(profile: MatchProfile) -> bool:
    return mentor_unavailability(profile.roles, profile.accepting_requests, profile.active_mentees,
                                 profile.mentor_capacity) is None


def grade_allows(mentee_grade: str, mentor_grade: str) -> bool:
    """Rule: the mentor's grade rank is at least the mentee's."""
    return GRADE_RANK[mentor_grade] >= GRADE_RANK[mentee_grade]


def is_candidate_pair(mentee: MatchProfile, mentor: MatchProfile) -> bool:
    """All pair rules except exclusions (open, declined or blocked pairs) and the score."""
    return (
        mentee.user_id != mentor.user_id
        and is_mentee(mentee)
        and is_available_mentor(mentor)
        and grade_allows(mentee.grade, mentor.grade)
    )


def shared_tags(mentee: MatchProfile, mentor: MatchProfile) -> tuple[tuple[str, ...], ...]:
    """The explanation of a pair: shared skills (wanted ∩ offered), interests and professions."""
    return (
        _sorted(mentee.skills_wanted & mentor.skills_offered),
        _sorted(mentee.interests & mentor.interests),
        _sorted(mentee.professions & mentor.professions),
    )


def _sorted(tags: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(tags)) if tags else ()
