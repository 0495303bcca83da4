"""Blocking and reporting.

Rules: once either person blocks the other there are no new requests, accepts or messages
between them either way, and neither appears in the other's matches (see exclusions.py).
Blocking leaves an existing mentorship's state alone: either can still decline, withdraw or
end it. A report names one person, or one of my mentorships (then the other person in it),
and is kept for administrators with the reported person's organisation.
"""

import logging
import uuid
from datetime import datetime
from typing import Any

from chalicelib.after_commit import after_commit
from chalicelib.errors import NotFoundError, ValidationError
from chalicelib.mentorships.domain import UNKNOWN_ORGANISATION, Block, Report, stamp, visible_to
from chalicelib.mentorships.schema import BlockInput, ReportInput, parse
from chalicelib.mentorships.stores import JourneyStores

logger = logging.getLogger(__name__)
NO_ONE = "There is no one with that id."


def block_person(user_id: str, body: object, stores: JourneyStores, now: datetime) -> dict[str, Any]:
    data = parse(BlockInput, body, "block")
    if data.user_id == user_id:
        raise ValidationError("You cannot block yourself.", fields={"user_id": "is your own id"})
    if stores.visible_profile(data.user_id) is None:
        raise NotFoundError(NO_ONE)
    stores.blocks.add(Block(user_id, data.user_id, stamp(now)))
    logger.info("user %s blocked %s", user_id, data.user_id)
    return block_view(next(b for b in stores.blocks.made_by(user_id) if b.blocked_id == data.user_id), stores)


def unblock_person(user_id: str, blocked_id: str, stores: JourneyStores) -> None:
    if not stores.blocks.remove(user_id, blocked_id):
        raise NotFoundError("You have not blocked anyone with that id.")
    logger.info("user %s unblocked %s", user_id, blocked_id)


def list_my_blocks(user_id: str, stores: JourneyStores) -> dict[str, Any]:
    return {"blocks": [block_view(block, stores) for block in stores.blocks.made_by(user_id)]}


def block_view(block: Block, stores: JourneyStores) -> dict[str, Any]:
    profile = stores.profiles.get(block.blocked_id)
    return {"user_id": block.blocked_id, "display_name": profile.display_name if profile else None,
            "created_at": block.created_at}


def report(user_id: str, body: object, stores: JourneyStores, now: datetime) -> dict[str, Any]:
    data = parse(ReportInput, body, "report")
    stores.limits.check("report", user_id, now)
    if data.mentorship_id:
        mentorship = visible_to(stores.mentorships.get(data.mentorship_id), user_id)
        reported_id = mentorship.other_party(user_id)
    else:
        assert data.user_id is not None  # the schema requires user_id when there is no mentorship_id
        reported_id = data.user_id
    if reported_id == user_id:
        raise ValidationError("You cannot report yourself.", fields={"user_id": "is your own id"})
    profile = stores.profiles.get(reported_id)
    if not data.mentorship_id and stores.visible_profile(reported_id) is None:
        raise NotFoundError(NO_ONE)
    saved = Report(
        report_id=str(uuid.uuid4()), reporter_id=user_id, reported_user_id=reported_id,
        mentorship_id=data.mentorship_id or "", organisation_id=profile.organisation_id if profile else UNKNOWN_ORGANISATION,
        reason=data.reason, created_at=stamp(now),
    )
    stores.reports.add(saved)
    after_commit(lambda: stores.limits.record("report", user_id, now), "report counted", None)
    logger.info("report %s made by %s", saved.report_id, user_id)
    return report_view(saved)


def report_view(report: Report) -> dict[str, Any]:
    return {"report_id": report.report_id, "user_id": report.reported_user_id or None,
            "mentorship_id": report.mentorship_id or None, "reason": report.reason, "created_at": report.created_at}
