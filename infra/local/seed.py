"""Seed the local stack: real organisations, ~200 made-up civil servants, one admin.

Profiles go through the same service the API uses, so demo data obeys the same rules.
Demo passwords are made fresh for each run and printed; nothing secret is stored here.
"""

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from chalicelib.bootstrap import Services
from chalicelib.invitations.service import create_invitation
from chalicelib.organisations.domain import from_seed
from chalicelib.profiles.service import save_my_profile
from infra.local.demo_journey import seed_journey
from infra.local.demo_people import DemoPerson, make_people

ORGANISATIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "organisations.json"
DEMO_USER = DemoPerson(
    email="demo.user@cabinetoffice.gov.uk",
    profile={
        "display_name": "Alex Demo", "job_title": "Policy Adviser", "organisation_id": "cabinet-office",
        "bio": "Demo account for trying Mentor Match locally.", "grade": "HEO", "location": "Leeds",
        "professions": ["Policy"], "skills_offered": ["Written communication"],
        "skills_wanted": ["Leadership", "Stakeholder management", "Data analysis"],
        "interests": ["Mental health", "Climate and net zero"], "roles": ["mentee"],
        "mentor_capacity": 0, "accepting_requests": False,
    },
)
ADMIN_EMAIL = "admin@cabinetoffice.gov.uk"
DEMO_INVITATION_ORGANISATION = "ofsted"  # no email domain in the reference data: only invitations open it


@dataclass(frozen=True)
class DemoLogins:
    user_email: str
    admin_email: str
    password: str
    people: int
    invitation_link: str = ""  # a demo invitation to an organisation with no email domain of its own


def demo_password() -> str:
    # Meets the pool's policy (length, upper, lower, digit) whatever the random part is.
    return f"Demo-{secrets.token_urlsafe(9)}-2026aA"


def load_organisations() -> list[dict]:
    return json.loads(ORGANISATIONS_FILE.read_text())


def create_user(cognito, pool_id: str, email: str, password: str) -> str:
    """Create a confirmed password account and return its sub (the user id)."""
    reply = cognito.admin_create_user(
        UserPoolId=pool_id,
        Username=email,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )
    cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=password, Permanent=True)
    return next(a["Value"] for a in reply["User"]["Attributes"] if a["Name"] == "sub")


def seed_all(services: Services, cognito, pool_id: str, people: int = 200, now: datetime | None = None) -> DemoLogins:
    now = now or datetime.now(UTC)
    organisations, profiles = services.adapters.organisations, services.adapters.profiles
    seed_orgs = load_organisations()
    organisations.put_many(from_seed(entry) for entry in seed_orgs)
    first_domain = {entry["id"]: exact[0] for entry in seed_orgs
                    if (exact := [d for d in entry["domains"] if not d.startswith("*")])}
    password = demo_password()
    for person in [DEMO_USER, *make_people(people, first_domain)]:
        user_id = create_user(cognito, pool_id, person.email, password)
        services.index_profile(save_my_profile(user_id, person.profile, profiles, organisations, now))
    seed_journey(services.journey, DEMO_USER.profile["display_name"], now)  # demo requests, mentorships, messages
    admin_id = create_user(cognito, pool_id, ADMIN_EMAIL, password)
    cognito.admin_add_user_to_group(UserPoolId=pool_id, Username=ADMIN_EMAIL, GroupName="admins")
    invitation = seed_invitation(services, admin_id, now)
    return DemoLogins(user_email=DEMO_USER.email, admin_email=ADMIN_EMAIL, password=password, people=people + 1,
                      invitation_link=invitation["link"])


def seed_invitation(services: Services, admin_id: str, now: datetime) -> dict:
    """One demo invitation, made by the demo admin through the API's own service."""
    body = {"organisation_id": DEMO_INVITATION_ORGANISATION, "expires_in_days": 30, "max_uses": 25}
    return create_invitation(body, admin_id, services.invitations, now)
