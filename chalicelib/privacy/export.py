"""Download all my data (UK GDPR right of access) as one JSON document.

It holds: my account's email and standing, my profile, every request I made or received with
its state (and my private feedback), every message in my threads (mine and those sent to me),
the people I blocked and the reports I made. Beside each code the API uses (a grade, an
organisation id, a state) it gives the words the site shows, so the file reads on its own.
"""

from datetime import datetime
from typing import Any

from chalicelib.accounts.ports import AccountRepository
from chalicelib.grades import GRADE_LABELS
from chalicelib.mentorships.domain import Message
from chalicelib.mentorships.messaging import PAGE_SIZE
from chalicelib.mentorships.safety import report_view
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.mentorships.views import message_view, view_many
from chalicelib.organisations.ports import OrganisationRepository
from chalicelib.profiles.domain import Profile

STATES = {"active": "Active", "suspended": "Suspended", "deleted": "Deleted"}
STATUSES = {"pending": "Waiting for an answer", "accepted": "Mentoring now", "declined": "Declined",
            "withdrawn": "Withdrawn", "expired": "Closed without an answer after 30 days", "ended": "Ended"}
ROLES = {"mentee": "Wants a mentor", "mentor": "Mentors other people"}


def export_my_data(user_id: str, stores: JourneyStores, accounts: AccountRepository,
                   organisations: OrganisationRepository, now: datetime) -> dict[str, Any]:
    mentorships = stores.mentorships.list_for(user_id)
    standing = accounts.get(user_id)
    profile = stores.profiles.get(user_id)
    state = standing.state if standing else "active"
    return {
        "exported_at": now.isoformat(timespec="seconds"),
        "user_id": user_id,
        "email": stores.directory.email_of(user_id),
        "account": {"state": state, "state_described": STATES[state],
                    "changed_at": standing.changed_at if standing else None},
        "profile": profile_view(profile, organisations) if profile else None,
        "mentorships": [view | {"status_described": STATUSES.get(view["status"], view["status"])}
                        for view in view_many(mentorships, user_id, stores)],
        "messages": [message_view(message, user_id) | {"mentorship_id": m.mentorship_id}
                     for m in mentorships for message in whole_thread(m.mentorship_id, stores)],
        "blocks": [{"user_id": b.blocked_id, "created_at": b.created_at} for b in stores.blocks.made_by(user_id)],
        "reports": [report_view(r) for r in stores.reports.made_by(user_id)],
    }


def profile_view(profile: Profile, organisations: OrganisationRepository) -> dict[str, Any]:
    organisation = organisations.get(profile.organisation_id)
    return profile.owner_view() | {
        "organisation_name": organisation.name if organisation else profile.organisation_id,
        "grade_name": GRADE_LABELS.get(profile.grade, profile.grade),
        "roles_described": [ROLES.get(role, role) for role in profile.roles],
    }


def whole_thread(mentorship_id: str, stores: JourneyStores) -> list[Message]:
    messages: list[Message] = []
    after = ""
    while True:
        page = stores.messages.page(mentorship_id, after, PAGE_SIZE)
        messages.extend(page)
        if len(page) < PAGE_SIZE:
            return messages
        after = page[-1].message_id
