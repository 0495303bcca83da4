"""Finding a person, seeing who they are, and recent reports (administrators only; ids in logs only)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from chalicelib.accounts.domain import AccountStanding, DirectoryUser
from chalicelib.accounts.ports import AccountRepository, Directory
from chalicelib.errors import NotFoundError, ValidationError
from chalicelib.mentorships.domain import Report, stamp
from chalicelib.mentorships.ports import ReportRepository
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.profiles.domain import Profile
from chalicelib.profiles.names import MIN_SEARCH, name_key
from chalicelib.profiles.ports import NameIndex, ProfileRepository

FOUND_LIMIT = 20
REPORTS_LIMIT = 200
NOT_FOUND = "There is no account with that id, or it has been deleted."


@dataclass(frozen=True)
class ModerationStores:
    profiles: ProfileRepository
    names: NameIndex
    directory: Directory
    accounts: AccountRepository
    reports: ReportRepository
    organisations: OrganisationRepository


def find_people(typed: str, stores: ModerationStores) -> dict[str, Any]:
    """Rule: people whose email address starts with the text (unless it has a space), and people whose
    name, or its last word, starts with it (unless it has an "@"). At least 2 characters; at most 20
    of each, by name. Emails are shown for the people found by email."""
    wanted = typed.strip()
    if len(name_key(wanted)) < MIN_SEARCH or len(wanted) > 254:
        raise ValidationError("Enter at least 2 characters of their name or email address.",
                              fields={"q": "must be 2 to 254 characters"})
    users = stores.directory.find_by_email_start(wanted.lower(), FOUND_LIMIT) if " " not in wanted else []
    emails = {u.user_id: u.email for u in users}
    named = stores.names.find(wanted, FOUND_LIMIT) if "@" not in wanted else []
    ids = list(dict.fromkeys([*emails, *named]))
    profiles = stores.profiles.get_many(ids)
    standings = stores.accounts.get_many(ids)
    names = organisation_names(stores)
    people = [person_row(uid, profiles.get(uid), emails.get(uid), standings.get(uid), names) for uid in ids]
    return {"people": sorted(people, key=lambda p: (p["display_name"] is None, name_key(p["display_name"] or ""),
                                                    p["email"] or ""))}


def get_person(user_id: str, stores: ModerationStores) -> dict[str, Any]:
    standing = stores.accounts.get(user_id)
    user = stores.directory.find(user_id) if not (standing and standing.state == "deleted") else None
    profile = stores.profiles.get(user_id)
    if user is None and profile is None:
        raise NotFoundError(NOT_FOUND)
    row = person_row(user_id, profile, user.email if user else None, standing, organisation_names(stores))
    reports = stores.reports.about(user_id)
    reporters = stores.profiles.get_many({r.reporter_id for r in reports if r.reporter_id})
    return row | details(profile, user) | {"reports": [report_row(r, reporters) for r in reports]}


def recent_reports(days: int, stores: ModerationStores, now: datetime) -> dict[str, Any]:
    reports = stores.reports.recent(stamp(now - timedelta(days=days)), stamp(now), REPORTS_LIMIT)
    people = stores.profiles.get_many({uid for r in reports for uid in (r.reported_user_id, r.reporter_id) if uid})
    return {"reports": [report_row(r, people) for r in reports]}


def organisation_names(stores: ModerationStores) -> dict[str, str]:
    return {org.id: org.name for org in stores.organisations.list_all()}


def person_row(user_id: str, profile: Profile | None, email: str | None, standing: AccountStanding | None,
               organisation_names: dict[str, str]) -> dict[str, Any]:
    organisation_id = profile.organisation_id if profile else ""
    return {
        "user_id": user_id,
        "display_name": profile.display_name if profile else None,
        "email": email,
        "organisation": {"id": organisation_id, "name": organisation_names.get(organisation_id, organisation_id)}
        if profile else None,
        "job_title": profile.job_title if profile else None,
        "grade": profile.grade if profile else None,
        "roles": list(profile.roles) if profile else [],
        "state": standing.state if standing else "active",
        "state_changed_at": standing.changed_at if standing and standing.changed_at else None,
    }


def details(profile: Profile | None, user: DirectoryUser | None) -> dict[str, Any]:
    """What the person page adds to a row: where they work, whether they are mentoring, their sign-in."""
    return {
        "location": profile.location if profile else None,
        "accepting_requests": profile.accepting_requests if profile else None,
        "profile_created_at": profile.created_at if profile else None,
        "can_sign_in": user.enabled if user else False,
    }


def report_row(report: Report, people: dict[str, Profile]) -> dict[str, Any]:
    def who(user_id: str) -> dict[str, Any] | None:
        if not user_id:
            return None  # the person has since deleted their account
        profile = people.get(user_id)
        return {"user_id": user_id, "display_name": profile.display_name if profile else None}

    return {"report_id": report.report_id, "created_at": report.created_at, "reason": report.reason or None,
            "mentorship_id": report.mentorship_id or None, "reported": who(report.reported_user_id),
            "reporter": who(report.reporter_id)}
