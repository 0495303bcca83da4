"""The DynamoDB tables: their one declaration (PynamoDB models), and where they are.

The local stack creates tables from these models and a test checks that the CloudFormation
in infra/ declares the same keys and indexes. Table names carry a per-stage prefix that is
only known at run time, so ``bind_tables`` sets them from settings before first use.

The mentorship journey's tables and why each exists:
- mentorships: one item per request, whatever became of it; found by mentee, by mentor, and
  (while pending) by age for the hourly schedule through a sparse index.
- pairs: one item per two people who ever had a request (key: both ids, sorted). It holds
  the open mentorship between them, if any, and the time of the last decline, so "one open
  request per pair" and "no new request for 90 days after a decline" are conditions of the
  same transaction that creates the request, not a check that races.
- loads: one item per person: mentees they mentor now (the capacity promise) and requests they
  are waiting on (the limit of 5). Never on the profile item: PUT /me/profile replaces that whole.
- messages: the threads, keyed by mentorship and a time-sortable message id.
- blocks, reports: safety.
"""

from functools import lru_cache
from typing import TypeAlias, TypeVar

from pynamodb.attributes import (
    BooleanAttribute,
    ListAttribute,
    NumberAttribute,
    TTLAttribute,
    UnicodeAttribute,
    UTCDateTimeAttribute,
    VersionAttribute,
)
from pynamodb.connection import Connection
from pynamodb.exceptions import TableError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model

from chalicelib.settings import Settings

# A list of strings. PynamoDB types ListAttribute(of=X) as a list of X (right for MapAttribute
# items, wrong for UnicodeAttribute ones, whose items are str): hence the ignores where it is used.
StringList: TypeAlias = ListAttribute[str]


class ProfilesByUpdatedDayIndex(GlobalSecondaryIndex["ProfileModel"]):
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
    professions: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    skills_offered: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    skills_wanted: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    interests: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    roles: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
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
    domains: StringList = ListAttribute(of=UnicodeAttribute, default=list)  # type: ignore[arg-type]
    active = BooleanAttribute(default=True)


class AccountModel(Model):
    """Standing of an account (absent: active). Holds no personal data, only the id."""

    class Meta:
        table_name = "accounts"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    state = UnicodeAttribute()  # active | suspended | deleted
    changed_at = UnicodeAttribute()
    signed_out_at = UnicodeAttribute(null=True)  # the last "sign out everywhere": older tokens are refused


class MatchListModel(Model):
    """One person's ranked list for one role, written whole so a reader never sees half a list."""

    class Meta:
        table_name = "matches"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    role = UnicodeAttribute(range_key=True)  # "mentee": my mentors; "mentor": my mentees
    computed_at = UnicodeAttribute()
    entries = UnicodeAttribute()  # compact JSON: [[user_id, score, skills, interests, professions], ...]


class InvitationsByIdIndex(GlobalSecondaryIndex["InvitationModel"]):
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


class MentorshipsByMentee(GlobalSecondaryIndex["MentorshipModel"]):
    class Meta:
        index_name = "by-mentee"
        projection = AllProjection()

    mentee_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class MentorshipsByMentor(GlobalSecondaryIndex["MentorshipModel"]):
    class Meta:
        index_name = "by-mentor"
        projection = AllProjection()

    mentor_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class PendingByAge(GlobalSecondaryIndex["MentorshipModel"]):
    """Sparse: only pending requests carry ``queue``, so the schedule reads just those, oldest first."""

    class Meta:
        index_name = "pending-by-age"
        projection = AllProjection()

    queue = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class MentorshipModel(Model):
    class Meta:
        table_name = "mentorships"
        billing_mode = "PAY_PER_REQUEST"

    mentorship_id = UnicodeAttribute(hash_key=True)
    mentee_id = UnicodeAttribute()
    mentor_id = UnicodeAttribute()
    status = UnicodeAttribute()
    created_at = UnicodeAttribute()
    updated_at = UnicodeAttribute()
    queue = UnicodeAttribute(null=True)  # "pending" while pending, absent otherwise
    expires_at = UnicodeAttribute(default="")
    decided_at = UnicodeAttribute(null=True)
    ended_at = UnicodeAttribute(null=True)
    ended_by = UnicodeAttribute(null=True)
    ended_reason = UnicodeAttribute(null=True)
    decline_reason = UnicodeAttribute(null=True)
    mentee_feedback = UnicodeAttribute(null=True)
    mentor_feedback = UnicodeAttribute(null=True)
    reminded_at = UnicodeAttribute(null=True)
    nudged_at = UnicodeAttribute(null=True)
    mentee_notified_at = UnicodeAttribute(null=True)  # last new-message email to the mentee
    mentor_notified_at = UnicodeAttribute(null=True)
    by_mentee = MentorshipsByMentee()
    by_mentor = MentorshipsByMentor()
    pending_by_age = PendingByAge()


class PairModel(Model):
    class Meta:
        table_name = "pairs"
        billing_mode = "PAY_PER_REQUEST"

    pair_id = UnicodeAttribute(hash_key=True)  # "<smaller id>|<larger id>"
    first_id = UnicodeAttribute()
    second_id = UnicodeAttribute()
    open_mentorship_id = UnicodeAttribute(null=True)
    declined_at = UnicodeAttribute(null=True)


class LoadModel(Model):
    class Meta:
        table_name = "loads"
        billing_mode = "PAY_PER_REQUEST"

    user_id = UnicodeAttribute(hash_key=True)
    active_mentees = NumberAttribute(null=True)
    pending_requests = NumberAttribute(null=True)


class MessageModel(Model):
    class Meta:
        table_name = "messages"
        billing_mode = "PAY_PER_REQUEST"

    mentorship_id = UnicodeAttribute(hash_key=True)
    message_id = UnicodeAttribute(range_key=True)  # ISO time to the microsecond + "#" + random
    sender_id = UnicodeAttribute()
    body = UnicodeAttribute()
    sent_at = UnicodeAttribute()


class BlocksByBlocked(GlobalSecondaryIndex["BlockModel"]):
    class Meta:
        index_name = "by-blocked"
        projection = KeysOnlyProjection()

    blocked_id = UnicodeAttribute(hash_key=True)
    blocker_id = UnicodeAttribute(range_key=True)


class BlockModel(Model):
    class Meta:
        table_name = "blocks"
        billing_mode = "PAY_PER_REQUEST"

    blocker_id = UnicodeAttribute(hash_key=True)
    blocked_id = UnicodeAttribute(range_key=True)
    created_at = UnicodeAttribute()
    by_blocked = BlocksByBlocked()


class ReportsByReporter(GlobalSecondaryIndex["ReportModel"]):
    class Meta:
        index_name = "by-reporter"
        projection = KeysOnlyProjection()

    reporter_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportsByReported(GlobalSecondaryIndex["ReportModel"]):
    class Meta:
        index_name = "by-reported"
        projection = KeysOnlyProjection()

    reported_user_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportsByOrganisation(GlobalSecondaryIndex["ReportModel"]):
    class Meta:
        index_name = "by-organisation"
        projection = KeysOnlyProjection()

    organisation_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportsByMonth(GlobalSecondaryIndex["ReportModel"]):
    """Every report of a month, newest first: administrators' list of recent reports."""

    class Meta:
        index_name = "by-month"
        projection = AllProjection()

    month = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportModel(Model):
    """A report for administrators. When the reported person deletes their account the report
    stays, for the counts, without their id or the reason (which may name them)."""

    class Meta:
        table_name = "reports"
        billing_mode = "PAY_PER_REQUEST"

    report_id = UnicodeAttribute(hash_key=True)
    reporter_id = UnicodeAttribute(null=True)
    reported_user_id = UnicodeAttribute(null=True)
    mentorship_id = UnicodeAttribute(null=True)
    organisation_id = UnicodeAttribute()  # the reported person's, when reported ("unknown" if none)
    reason = UnicodeAttribute(null=True)
    created_at = UnicodeAttribute()
    month = UnicodeAttribute(null=True)  # yyyy-mm of created_at: the by-month index's partition
    by_reporter = ReportsByReporter()
    by_reported = ReportsByReported()
    by_organisation = ReportsByOrganisation()
    by_month = ReportsByMonth()


class SearchModel(Model):
    """Indexes that find people without a scan, one item per entry (bucket, entry key):
    - mentors taking requests (chalicelib/mentor_search): buckets "all", "org#<id>", "place#<key>",
      "skill#<key>", entries "<grade rank>#<user id>" (the grade rule is a key range);
    - everyone by name, for administrators (chalicelib/profiles/names.py): buckets "name#<first two
      letters>", entries "<name key>#<user id>" read with begins_with.
    A "<index>#<user id>" item ("mentor#…", "named#…"; entry "entries") names each person's entries,
    so they are replaced or removed without a scan."""

    class Meta:
        table_name = "search"
        billing_mode = "PAY_PER_REQUEST"

    bucket = UnicodeAttribute(hash_key=True)
    entry = UnicodeAttribute(range_key=True)
    entries: StringList = ListAttribute(of=UnicodeAttribute, null=True)  # type: ignore[arg-type]  # record items


# Base table name (before the stage prefix) -> model.
TABLES: dict[str, type[Model]] = {
    "profiles": ProfileModel,
    "organisations": OrganisationModel,
    "accounts": AccountModel,
    "mentorships": MentorshipModel,
    "pairs": PairModel,
    "loads": LoadModel,
    "messages": MessageModel,
    "blocks": BlockModel,
    "reports": ReportModel,
    "matches": MatchListModel,
    "invitations": InvitationModel,
    "memberships": MembershipModel,
    "attempts": AttemptModel,
    "audit": AuditModel,
    "search": SearchModel,
}


def bind_tables(settings: Settings) -> None:
    """Point every model at this stage's table names, region and endpoint (kept as they are when
    unchanged), all through one connection."""
    connection_settings = {"region": settings.region, "host": settings.aws_endpoint_url or None,
                           "connect_timeout_seconds": settings.dynamodb_connect_timeout_seconds,
                           "read_timeout_seconds": settings.dynamodb_read_timeout_seconds,
                           "max_retry_attempts": settings.dynamodb_max_retries}
    for base_name, model in TABLES.items():
        wanted = {"table_name": settings.table_name(base_name), **connection_settings}
        if any(getattr(model.Meta, key, None) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(model.Meta, key, value)
            model._connection = None  # PynamoDB caches one table connection per model class
            connection.cache_clear()
    shared = connection()
    for model in TABLES.values():
        _share(model, shared)


def _share(model: type[Model], shared: Connection) -> None:
    """The model's table connection, through the shared connection. Left alone, PynamoDB gives
    every model class a connection of its own, each with a botocore session and client that
    re-read DynamoDB's service description (~0.1 s of CPU each): a cold start would pay that
    for every table its first request touches."""
    table = model._get_connection()
    if table.connection is shared:
        return
    try:
        shared.get_meta_table(table.table_name)
    except TableError:
        shared.add_meta_table(table.get_meta_table())
    table.connection = shared


@lru_cache(maxsize=1)
def connection() -> Connection:
    """The one connection (one botocore client) every table and transaction uses."""
    # PynamoDB's metaclass gives every Meta a region (bind_tables sets it); mypy sees only the declared Meta.
    meta = ProfileModel.Meta
    return Connection(region=meta.region, host=meta.host,  # type: ignore[attr-defined]
                      connect_timeout_seconds=meta.connect_timeout_seconds,  # type: ignore[attr-defined]
                      read_timeout_seconds=meta.read_timeout_seconds,  # type: ignore[attr-defined]
                      max_retry_attempts=meta.max_retry_attempts)  # type: ignore[attr-defined]


ItemModel = TypeVar("ItemModel", bound=Model)


def read_item(model: type[ItemModel], hash_key: str, range_key: str | None = None,
              attributes: list[str] | None = None) -> ItemModel | None:
    """One item by its key, read consistently, or None when there is none."""
    try:
        return model.get(hash_key, range_key, consistent_read=True, attributes_to_get=attributes)
    except model.DoesNotExist:
        return None
