"""Search and browse mentors; keep a profile's index entries; facts for an empty list of mentors."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from chalicelib.accounts.ports import AccountRepository
from chalicelib.errors import NotFoundError
from chalicelib.grades import GRADE_RANK
from chalicelib.match_lists.empty import MentorFacts
from chalicelib.match_lists.explanation import as_written
from chalicelib.mentor_search.domain import (
    ALL,
    TOP_RANK,
    Candidate,
    MentorQuery,
    buckets_of,
    entry_key,
    may_show,
    skill_bucket,
)
from chalicelib.mentor_search.nearest import nearest_skills
from chalicelib.mentor_search.ports import MentorSearchIndex
from chalicelib.mentor_search.schema import cursor_of, entry_of, parse_search
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.ports import ProfileRepository
from chalicelib.profiles.tags import tag_keys
from chalicelib.profiles.vocabulary import VOCABULARIES

PAGE_SIZE = 20
CHUNK = 50  # entries read per index query
MAX_READ = 200  # entries examined per request: a sparse search answers with fewer and a cursor
NEAREST_CHECKED = 12  # candidate skills checked against the index for an empty list
NEAREST_SHOWN = 3


class KeptApart(Protocol):
    """The journey's exclusions and mentors' loads (mentorships.exclusions.MentorshipExclusions)."""

    def excluded_ids(self, user_id: str, now: datetime) -> set[str]: ...

    def active_mentees(self, mentor_ids: Iterable[str]) -> dict[str, int]: ...


@dataclass(frozen=True)
class SearchStores:
    index: MentorSearchIndex
    profiles: ProfileRepository
    accounts: AccountRepository
    organisations: OrganisationRepository
    source: KeptApart


def keep_listed(profile: Profile, index: MentorSearchIndex) -> None:
    """After a save: the profile's entries become the ones its mentoring and tags call for."""
    index.replace(profile.user_id, entry_key(profile.grade, profile.user_id), buckets_of(profile))


def search_mentors(user_id: str, params: dict[str, str], stores: SearchStores, now: datetime) -> dict[str, Any]:
    data = parse_search(params)
    me = stores.profiles.get(user_id)
    if me is None:
        raise NotFoundError("Create your profile first: we need your grade to find mentors for you.")
    query = MentorQuery(skill=data.skill, organisation_id=data.organisation, location=data.location, grade=data.grade)
    found, last = find(me, query, entry_of(data.cursor), stores, now)
    names = {org.id: org.name for org in stores.organisations.list_active()}
    return {"mentors": [mentor_view(c.profile, me, names) for c in found], "next_cursor": cursor_of(last)}


def find(me: Profile, query: MentorQuery, cursor: str, stores: SearchStores,
         now: datetime) -> tuple[list[Candidate], str | None]:
    """Up to a page of mentors the rules allow, and where to go on from (None: no more)."""
    lowest, highest = query.grade_ranks(me.grade)
    excluded = stores.source.excluded_ids(me.user_id, now)
    found: list[Candidate] = []
    after, read = cursor, 0
    while read < MAX_READ:
        keys = stores.index.page(query.bucket(), lowest, highest, after, CHUNK)
        read += len(keys)
        for key, candidate in zip(keys, candidates(keys, stores), strict=True):
            if candidate is not None and may_show(candidate, me, query, excluded):
                found.append(candidate)
            if len(found) == PAGE_SIZE:
                return found, key
        if len(keys) < CHUNK:
            return found, None
        after = keys[-1]
    return found, after


def candidates(keys: list[str], stores: SearchStores) -> list[Candidate | None]:
    """Each entry's person as they are now (None when their profile has gone)."""
    ids = [key.split("#", 1)[1] for key in keys]
    profiles = stores.profiles.get_many(ids)
    standings = stores.accounts.get_many(profiles)
    loads = stores.source.active_mentees(profiles)
    return [Candidate(profiles[uid], standings.get(uid), loads.get(uid, 0)) if uid in profiles else None
            for uid in ids]


def mentor_view(mentor: Profile, me: Profile, organisation_names: dict[str, str]) -> dict[str, Any]:
    helps = [key for key in tag_keys(me.skills_wanted) if key in tag_keys(mentor.skills_offered)]
    return {
        "user_id": mentor.user_id,
        "display_name": mentor.display_name,
        "job_title": mentor.job_title,
        "organisation_id": mentor.organisation_id,
        "department": organisation_names.get(mentor.organisation_id, ""),
        "grade": mentor.grade,
        "location": mentor.location,
        "skills_offered": list(mentor.skills_offered),
        "can_help_with": sorted(as_written(helps, me.skills_wanted)),
    }


class IndexFacts:
    """``match_lists.ports.MentorFactsSource`` over the index: a few bounded queries, no scan."""

    def __init__(self, index: MentorSearchIndex, candidates: Iterable[str] = VOCABULARIES["skills"]):
        self._index = index
        self._candidates = tuple(candidates)

    def facts_for(self, mentee: Profile) -> MentorFacts:
        lowest = GRADE_RANK[mentee.grade]
        if not self._index.any_in(ALL, lowest, TOP_RANK):
            return MentorFacts(any_mentor_at_grade=False)
        missing = tuple(s for s in mentee.skills_wanted if not self._offered(s, lowest))
        near = nearest_skills(missing, self._candidates, NEAREST_CHECKED) if missing else []
        offered = [skill for skill in near if self._offered(skill, lowest)][:NEAREST_SHOWN]
        return MentorFacts(True, missing, tuple(offered))

    def _offered(self, skill: str, lowest: int) -> bool:
        return self._index.any_in(skill_bucket(skill), lowest, TOP_RANK)
