"""What the moderation routes take and reply (documented in the published contract).

The search text goes through the text rule (chalicelib/text.py) like every string a person sends;
the service then asks for at least 2 characters of a name or the start of an email address.
"""

from typing import Annotated, Literal

from pydantic import Field

from chalicelib.text import CleanText
from chalicelib.validation import Parameters, QueryInt, Reply

AccountState = Literal["active", "suspended", "deleted"]


class PeopleQuery(Parameters):
    q: Annotated[str, CleanText(254)] = Field(
        default="", description="at least 2 characters: the start of a name, of its last word, or of an email address")


class ReportsQuery(Parameters):
    days: Annotated[QueryInt, Field(ge=1, le=365)] = 30


class OrganisationRef(Reply):
    id: str
    name: str


class PersonRow(Reply):
    user_id: str
    display_name: str | None
    email: str | None = Field(description="for people found by email, and on a person's page")
    organisation: OrganisationRef | None
    job_title: str | None
    grade: str | None
    roles: list[Literal["mentee", "mentor"]]
    state: AccountState
    state_changed_at: str | None


class PeopleReply(Reply):
    people: list[PersonRow]


class PersonRef(Reply):
    user_id: str
    display_name: str | None


class ReportRow(Reply):
    report_id: str
    created_at: str
    reason: str | None
    mentorship_id: str | None
    reported: PersonRef | None = Field(description="null once the person has deleted their account")
    reporter: PersonRef | None = Field(description="null once the person has deleted their account")


class PersonReply(PersonRow):
    location: str | None
    accepting_requests: bool | None
    profile_created_at: str | None
    can_sign_in: bool
    reports: list[ReportRow]


class ReportsReply(Reply):
    reports: list[ReportRow]
