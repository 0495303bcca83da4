"""PynamoDB models: the tables' one definition.

The local stack creates tables from these models and a test checks that the CloudFormation
in infra/ declares the same keys and indexes. Table names carry a per-stage prefix that is
only known at run time, so ``bind_models`` sets them from settings before first use.
"""

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from chalicelib.persistence.journey_models import JOURNEY_MODELS
from chalicelib.settings import Settings


class ProfilesByUpdatedDayIndex(GlobalSecondaryIndex):
    """Profiles changed on a given day, in time order: the matching overlay reads the few
    profiles changed since the last snapshot without scanning the table."""

    class Meta:
        index_name = "by-updated-day"
        projection = AllProjection()

    updated_day = UnicodeAttribute(hash_key=True)
    updated_at = UnicodeAttribute(range_key=True)


class ProfileModel(Model):
    class Meta:
        table_name = "profiles"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)  # the Cognito sub
    display_name = UnicodeAttribute()
    job_title = UnicodeAttribute(default="")
    bio = UnicodeAttribute(default="")
    organisation_id = UnicodeAttribute()
    grade = UnicodeAttribute()
    location = UnicodeAttribute()
    professions = ListAttribute(of=UnicodeAttribute, default=list)
    skills_offered = ListAttribute(of=UnicodeAttribute, default=list)
    skills_wanted = ListAttribute(of=UnicodeAttribute, default=list)
    interests = ListAttribute(of=UnicodeAttribute, default=list)
    roles = ListAttribute(of=UnicodeAttribute, default=list)
    mentor_capacity = NumberAttribute(default=0)
    accepting_requests = BooleanAttribute(default=False)
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    updated_day = UnicodeAttribute()  # yyyy-mm-dd of updated_at: the index's partition
    version = VersionAttribute()
    by_updated_day = ProfilesByUpdatedDayIndex()


class OrganisationModel(Model):
    class Meta:
        table_name = "organisations"
        billing_mode = "PAY_PER_REQUEST"

    organisation_id = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    kind = UnicodeAttribute()  # department | arms-length body | profession | external
    abbreviation = UnicodeAttribute(default="")
    domains = ListAttribute(of=UnicodeAttribute, default=list)
    active = BooleanAttribute(default=True)


class AccountModel(Model):
    """Standing of an account (absent: active). Holds no personal data, only the id."""

    class Meta:
        table_name = "accounts"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    state = UnicodeAttribute()  # active | suspended | deleted
    changed_at = UnicodeAttribute()


class MatchListModel(Model):
    """One person's ranked list for one role, written whole so a reader never sees half a list."""

    class Meta:
        table_name = "matches"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    role = UnicodeAttribute(range_key=True)  # "mentee": my mentors; "mentor": my mentees
    computed_at = UnicodeAttribute()
    digest = UnicodeAttribute()
    entries = UnicodeAttribute()  # compact JSON: [[user_id, score, skills, interests, professions], ...]


class InvitationsByIdIndex(GlobalSecondaryIndex):
    """An invitation's code hash from its public id (administrators revoke by id)."""

    class Meta:
        index_name = "by-invitation-id"
        projection = KeysOnlyProjection()

    invitation_id = UnicodeAttribute(hash_key=True)


class InvitationModel(Model):
    """An invitation link. Keyed by the SHA-256 of its code: the code itself is never stored."""

    class Meta:
        table_name = "invitations"
        billing_mode = "PAY_PER_REQUEST"

    code_hash = UnicodeAttribute(hash_key=True)
    invitation_id = UnicodeAttribute()
    organisation_id = UnicodeAttribute()
    created_at = UTCDateTimeAttribute()
    expires_at = UTCDateTimeAttribute()
    max_uses = NumberAttribute()
    uses = NumberAttribute(default=0)
    revoked = BooleanAttribute(default=False)
    created_by = UnicodeAttribute(default="")  # the administrator's user id (or "cli:...")
    by_invitation_id = InvitationsByIdIndex()


class MembershipModel(Model):
    """A person joined an organisation through an invitation (one row per person and organisation)."""

    class Meta:
        table_name = "memberships"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    organisation_id = UnicodeAttribute(range_key=True)
    invitation_id = UnicodeAttribute()
    joined_at = UTCDateTimeAttribute()


class AttemptModel(Model):
    """A failed invitation-code attempt by one client (user or address), kept for the rate limit."""

    class Meta:
        table_name = "attempts"
        billing_mode = "PAY_PER_REQUEST"

    client_key = UnicodeAttribute(hash_key=True)  # "user:<sub>" | "ip:<address>"
    attempted_at = UnicodeAttribute(range_key=True)  # ISO time + "#" + random, so two at once both count
    expires_at = TTLAttribute()


class AuditModel(Model):
    """Who did what to which id, when: administrators' actions. No names, emails or message text."""

    class Meta:
        table_name = "audit"
        billing_mode = "PAY_PER_REQUEST"

    day = UnicodeAttribute(hash_key=True)  # YYYY-MM-DD: a day's entries are read together
    entry_key = UnicodeAttribute(range_key=True)  # ISO time + "#" + entry id
    actor = UnicodeAttribute()
    action = UnicodeAttribute()
    target_id = UnicodeAttribute()
    at = UTCDateTimeAttribute()


# Base table name (before the stage prefix) -> model.
MODELS: dict[str, type[Model]] = {
    "profiles": ProfileModel,
    "organisations": OrganisationModel,
    "accounts": AccountModel,
    **JOURNEY_MODELS,  # mentorships, pairs, loads, messages, blocks, reports
    "matches": MatchListModel,
    "invitations": InvitationModel,
    "memberships": MembershipModel,
    "attempts": AttemptModel,
    "audit": AuditModel,
}


def bind_models(settings: Settings) -> None:
    """Point every model at this stage's table names and region."""
    for base_name, model in MODELS.items():
        model.Meta.table_name = settings.table_name(base_name)
        model.Meta.region = settings.region
        model._connection = None  # PynamoDB caches one connection per model class
