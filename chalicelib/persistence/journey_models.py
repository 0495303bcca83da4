"""PynamoDB models of the mentorship journey (registered in ``models.MODELS``).

Tables and why each exists:
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

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection
from pynamodb.models import Model


class MentorshipsByMentee(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-mentee"
        projection = AllProjection()

    mentee_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class MentorshipsByMentor(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-mentor"
        projection = AllProjection()

    mentor_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class PendingByAge(GlobalSecondaryIndex):
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


class BlocksByBlocked(GlobalSecondaryIndex):
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


class ReportsByReporter(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-reporter"
        projection = KeysOnlyProjection()

    reporter_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportsByReported(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-reported"
        projection = KeysOnlyProjection()

    reported_user_id = UnicodeAttribute(hash_key=True)
    created_at = UnicodeAttribute(range_key=True)


class ReportsByOrganisation(GlobalSecondaryIndex):
    class Meta:
        index_name = "by-organisation"
        projection = KeysOnlyProjection()

    organisation_id = UnicodeAttribute(hash_key=True)
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
    by_reporter = ReportsByReporter()
    by_reported = ReportsByReported()
    by_organisation = ReportsByOrganisation()


JOURNEY_MODELS: dict[str, type[Model]] = {
    "mentorships": MentorshipModel,
    "pairs": PairModel,
    "loads": LoadModel,
    "messages": MessageModel,
    "blocks": BlockModel,
    "reports": ReportModel,
}
