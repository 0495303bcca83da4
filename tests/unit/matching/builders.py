"""Builders for matching tests: profiles with sensible defaults, and every way to get a list."""

from contextlib import contextmanager

from chalicelib.matching import MatchProfile, build_index, compute_all_lists, queries
from chalicelib.matching.model import DEFAULT_CONFIG


def make_profile(user_id: str, roles=("mentee", "mentor"), grade="SEO", offered=(), wanted=(), interests=(),
                 professions=(), capacity=3, active=0, accepting=True) -> MatchProfile:
    return MatchProfile(
        user_id=user_id,
        roles=frozenset(roles),
        grade=grade,
        skills_offered=frozenset(offered),
        skills_wanted=frozenset(wanted),
        interests=frozenset(interests),
        professions=frozenset(professions),
        mentor_capacity=capacity,
        active_mentees=active,
        accepting_requests=accepting,
    )


def make_mentee(user_id: str, **fields) -> MatchProfile:
    return make_profile(user_id, roles=("mentee",), **fields)


def make_mentor(user_id: str, **fields) -> MatchProfile:
    return make_profile(user_id, roles=("mentor",), **fields)


# Every way of getting lists; the numba recompute only where numba is installed (the API has none).
WAYS = ("index", "index-one-cell-per-target", "numpy", "numba")  # numba is a dependency: a missing one fails


@contextmanager
def cells_limited_to(limit: int):
    saved = queries.MAX_CELLS
    queries.MAX_CELLS = limit
    try:
        yield
    finally:
        queries.MAX_CELLS = saved


def lists_of(way: str, profiles, exclusions=(), config=DEFAULT_CONFIG) -> dict[tuple[str, str], list]:
    """{(user id, role): list} for everyone, computed one way: index queries or a full recompute.

    "index-one-cell-per-target" forces the index's path for very large tag sets."""
    if way == "index-one-cell-per-target":
        with cells_limited_to(0):
            return lists_of("index", profiles, exclusions, config)
    if way != "index":
        return {(uid, role): ranked for uid, role, ranked in compute_all_lists(profiles, exclusions, config, way)}
    index = build_index(profiles, config, exclusions)
    lists = {}
    for person in profiles:
        if "mentee" in person.roles:
            skip = {mentor for mentee, mentor in exclusions if mentee == person.user_id}
            lists[(person.user_id, "mentee")] = index.mentors_for(person, skip)
        if "mentor" in person.roles:
            skip = {mentee for mentee, mentor in exclusions if mentor == person.user_id}
            lists[(person.user_id, "mentor")] = index.mentees_for(person, skip)
    return lists


def ids(matches) -> list[str]:
    return [match.user_id for match in matches]
