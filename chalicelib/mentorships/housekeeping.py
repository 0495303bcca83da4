"""The hourly schedule's work on waiting requests, for any ``now`` (so it is testable).

Rules: a request nobody answered in 30 days expires. Seven days before that the mentor is
reminded, once. A mentor whose request has waited over 7 days is nudged, once per request
(not when the reminder is due anyway). "Once" is a conditional write made before the email,
so two runs at the same time cannot both send it.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from chalicelib.mentorships.domain import EXPIRED, expiry_cutoff, nudge_cutoff, reminder_cutoff, stamp
from chalicelib.mentorships.stores import JourneyStores

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class HousekeepingSummary:
    expired: int
    reminded: int
    nudged: int


def run_housekeeping(stores: JourneyStores, now: datetime) -> HousekeepingSummary:
    summary = HousekeepingSummary(
        expired=expire_requests(stores, now),
        reminded=remind_mentors(stores, now),
        nudged=nudge_mentors(stores, now),
    )
    logger.info("mentorship housekeeping: %s expired, %s reminded, %s nudged",
                summary.expired, summary.reminded, summary.nudged)
    return summary


def expire_requests(stores: JourneyStores, now: datetime) -> int:
    expired = 0
    for mentorship in list(stores.mentorships.pending_created_before(expiry_cutoff(now))):
        if stores.mentorships.close_pending(mentorship, EXPIRED, stamp(now)):
            logger.info("mentorship %s expired", mentorship.mentorship_id)
            expired += 1
    return expired


def remind_mentors(stores: JourneyStores, now: datetime) -> int:
    reminded = 0
    for mentorship in list(stores.mentorships.pending_created_before(reminder_cutoff(now))):
        if mentorship.reminded_at or mentorship.created_at <= expiry_cutoff(now):
            continue
        if stores.mentorships.mark_once(mentorship.mentorship_id, "reminded_at", stamp(now)):
            stores.notices.request_expiring(mentorship)
            reminded += 1
    return reminded


def nudge_mentors(stores: JourneyStores, now: datetime) -> int:
    nudged = 0
    reminder_due = reminder_cutoff(now)
    for mentorship in list(stores.mentorships.pending_created_before(nudge_cutoff(now))):
        if mentorship.nudged_at or mentorship.created_at <= reminder_due:
            continue
        if stores.mentorships.mark_once(mentorship.mentorship_id, "nudged_at", stamp(now)):
            stores.notices.request_waiting(mentorship)
            nudged += 1
    return nudged
