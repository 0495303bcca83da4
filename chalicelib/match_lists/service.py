"""Match list use cases: refresh on save (instant), read my list, with read-time filtering."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.accounts.ports import AccountRepository
from chalicelib.errors import NotFoundError, ValidationError
from chalicelib.match_lists.domain import (
    ROLES,
    MatchList,
    to_match_profile,
    to_match_profiles,
    with_mentor_entry,
)
from chalicelib.match_lists.empty import Reason, reasons_no_mentees, reasons_no_mentors
from chalicelib.match_lists.explanation import explain, strongest_first
from chalicelib.match_lists.index_cache import IndexCache
from chalicelib.match_lists.ports import ExclusionSource, MatchListRepository, MentorFactsSource
from chalicelib.matching import Match, MatchIndex, MatchProfile, mentees_gaining
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.ports import ProfileRepository

MAX_REVERSE_REFRESH = 200  # mentees refreshed at once when a mentor saves; the schedule does the rest


@dataclass(frozen=True)
class MatchStores:
    profiles: ProfileRepository
    lists: MatchListRepository
    accounts: AccountRepository
    organisations: OrganisationRepository
    source: ExclusionSource
    cache: IndexCache
    facts: MentorFactsSource


def lists_for(index: MatchIndex, person: MatchProfile, excluded: set[str], stamp: str) -> list[MatchList]:
    """The person's list for every role (an empty list for a role they no longer hold)."""
    mentors = index.mentors_for(person, excluded) if "mentee" in person.roles else []
    mentees = index.mentees_for(person, excluded) if "mentor" in person.roles else []
    return [MatchList(person.user_id, "mentee", stamp, tuple(mentors)),
            MatchList(person.user_id, "mentor", stamp, tuple(mentees))]


def refresh_after_save(profile: Profile, stores: MatchStores, now: datetime) -> list[MatchList]:
    """Rule: saving a profile makes that person's lists fresh at once; when a mentor saves,
    the mentees whose top list they now enter get fresh lists at once too."""
    stamp = now.isoformat(timespec="seconds")
    counts = stores.source.active_mentees([profile.user_id]) if "mentor" in profile.roles else {}
    me = to_match_profile(profile, counts.get(profile.user_id, 0))
    index = stores.cache.current(now).with_changes([me])
    excluded = stores.source.excluded_ids(me.user_id, now)
    mine = lists_for(index, me, excluded, stamp)
    stores.lists.put_many(mine)
    if "mentor" in profile.roles:
        refresh_mentees_gaining(index, me, excluded, stores, stamp)
    return mine


def refresh_mentees_gaining(index: MatchIndex, mentor: MatchProfile, excluded: set[str], stores: MatchStores,
                            stamp: str) -> int:
    """Rule: the mentees whose top list the saving mentor now enters, or is already in, get the
    mentor's fresh entry merged into the list they have (``with_mentor_entry``); the schedule
    recomputes whole lists. ``excluded``: the people kept apart from the mentor (both ways).
    One batch read of their profiles and one of their lists serve them all, whatever their number."""
    # include_current: the index already holds the saved profile (the overlay may have read it),
    # so "newly entered" cannot be told apart; lists that already hold the mentor are refreshed too.
    gaining = mentees_gaining(index, mentor, excluded, include_current=True)[:MAX_REVERSE_REFRESH]
    stored = stores.lists.get_many((user_id, "mentee") for user_id in gaining)
    profiles = stores.profiles.get_many(user_id for user_id, _ in stored).values()
    refreshed = [with_mentor_entry(stored[(mentee.user_id, "mentee")], mentee, mentor, index.config, stamp)
                 for mentee in to_match_profiles(profiles, {})]
    return stores.lists.put_many(refreshed)


def get_my_matches(user_id: str, role: str, stores: MatchStores, now: datetime) -> dict[str, Any]:
    if role not in ROLES:
        raise ValidationError("Say which list you want: as=mentee (your mentors) or as=mentor (your mentees).",
                              fields={"as": "must be mentee or mentor"})
    me = stores.profiles.get(user_id)
    if me is None:
        raise NotFoundError("Create your profile first: your matches come from it.")
    stored = stores.lists.get(user_id, role)
    # Never computed (e.g. just after deployment), or older than my profile (the refresh after
    # my last save was skipped because storage was busy): compute now.
    if stored is None or stored.computed_at < me.updated_at:
        stored = next(lst for lst in refresh_after_save(me, stores, now) if lst.role == role)
    shown = visible_entries(stored.matches, role, me, stores, stores.source.excluded_ids(user_id, now))
    reasons = [] if shown else why_empty(me, role, stores)
    return {"computed_at": stored.computed_at, "matches": strongest_first(shown), "reasons": reasons}


def why_empty(me: Profile, role: str, stores: MatchStores) -> list[Reason]:
    """This person's own reasons for an empty list (match_lists/empty.py)."""
    if role == "mentee":
        return reasons_no_mentors(me, stores.facts.facts_for(me))
    load = stores.source.active_mentees([me.user_id]).get(me.user_id, 0) if "mentor" in me.roles else 0
    return reasons_no_mentees(me, load)


def visible_entries(matches: tuple[Match, ...], role: str, me: Profile, stores: MatchStores,
                    excluded: set[str]) -> list[dict[str, Any]]:
    """Read-time filter: people deleted, suspended, blocked or no longer available drop out at once."""
    people = stores.profiles.get_many(m.user_id for m in matches if m.user_id not in excluded)
    suspended = {uid for uid, standing in stores.accounts.get_many(people).items() if standing.state != "active"}
    names = {org.id: org.name for org in stores.organisations.list_active()}
    shown = []
    for match in matches:
        person = people.get(match.user_id)
        if person is None or match.user_id in suspended or not still_available(person, role):
            continue
        shown.append(entry_view(match, role, me, person, names))
    return shown


def still_available(person: Profile, role: str) -> bool:
    """Still a mentor taking requests (capacity changes wait for the next recompute), or still a mentee."""
    if role == "mentee":  # my list of mentors
        return person.mentoring_unavailability(active_mentees=0) is None
    return "mentee" in person.roles


def entry_view(match: Match, role: str, me: Profile, person: Profile,
               organisation_names: dict[str, str]) -> dict[str, Any]:
    return {
        "user_id": match.user_id,
        "display_name": person.display_name,
        "job_title": person.job_title,
        "organisation_id": person.organisation_id,
        "department": organisation_names.get(person.organisation_id, ""),
        "grade": person.grade,
        "location": person.location,
        "score": round(match.score, 4),
        **explain(match, role, me, person),
    }
