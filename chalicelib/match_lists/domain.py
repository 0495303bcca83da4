"""Match lists as the service keeps them: one ranked list per person and role.

A "mentee" list holds my suggested mentors; a "mentor" list holds the people I could mentor.
A list is stored whole. The recompute skips lists that did not change by their 64-bit digests
(matching/digests.py), which it keeps beside the snapshot, not on the items.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from chalicelib.matching import Match, MatchConfig, MatchProfile
from chalicelib.matching.scoring import is_candidate_pair, pair_score, shared_tags
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.tags import tag_keys

ROLES = ("mentee", "mentor")  # a "mentee" list holds my mentors; a "mentor" list holds my mentees


@dataclass(frozen=True)
class MatchList:
    user_id: str
    role: str  # "mentee": this person's mentors; "mentor": this person's mentees
    computed_at: str
    matches: tuple[Match, ...]


@dataclass(frozen=True)
class StoredSnapshot:
    """The matching snapshot as the recompute left it for the API."""

    data: bytes
    computed_at: str
    tag: str  # changes whenever the object is replaced


_ENCODE = json.JSONEncoder(separators=(",", ":")).encode  # built once: the recompute encodes every changed list


def encode_entries(matches: Iterable[Match]) -> str:
    # Tuples are written as JSON arrays, like lists, without copying them into lists first.
    return _ENCODE([(m.user_id, round(m.score, 12), m.shared_skills, m.shared_interests, m.shared_professions)
                    for m in matches])


def decode_entries(text: str) -> tuple[Match, ...]:
    return tuple(Match(uid, score, tuple(s), tuple(i), tuple(p)) for uid, score, s, i, p in json.loads(text))


def to_match_profile(profile: Profile, active_mentees: int = 0) -> MatchProfile:
    return MatchProfile(
        user_id=profile.user_id,
        roles=frozenset(profile.roles),
        grade=profile.grade,
        skills_offered=tag_keys(profile.skills_offered),  # profiles keep tags as written; matching compares keys
        skills_wanted=tag_keys(profile.skills_wanted),
        interests=tag_keys(profile.interests),
        professions=tag_keys(profile.professions),
        mentor_capacity=profile.mentor_capacity,
        active_mentees=active_mentees,
        accepting_requests=profile.accepting_requests,
    )


def with_mentor_entry(current: MatchList, mentee: MatchProfile, mentor: MatchProfile, config: MatchConfig,
                      stamp: str) -> MatchList:
    """A mentee's stored list with this mentor's entry made fresh (or dropped when they are no longer a
    candidate), re-ranked by score then user id and cut to k. Exclusions between the two were
    checked by the caller; the other entries stand as last computed (the hourly recompute redoes
    the whole list, and readers drop people who became unavailable)."""
    entries = [match for match in current.matches if match.user_id != mentor.user_id]
    score = pair_score(mentee, mentor, config.weights) if is_candidate_pair(mentee, mentor) else 0.0
    if score > 0.0:
        entries.append(Match(mentor.user_id, score, *shared_tags(mentee, mentor)))
    entries.sort(key=lambda match: (-match.score, match.user_id))
    return MatchList(current.user_id, current.role, stamp, tuple(entries[: config.k]))


def to_match_profiles(profiles: Iterable[Profile], counts: dict[str, int]) -> list[MatchProfile]:
    """The engine's view of these profiles; ``counts``: each mentor's active mentees."""
    return [to_match_profile(p, counts.get(p.user_id, 0)) for p in profiles]
