"""Delete my account and my personal data (UK GDPR right to erasure).

What happens, in an order that can be run again safely if any step fails:
1. Every thread I was in is deleted entirely, both people's messages (a thread is a
   conversation between two people; half of one is neither useful nor safe to keep).
2. Every mentorship I was in is anonymised, not deleted: my id is replaced by a stand-in that
   leads nowhere, private texts (feedback, decline reason) go, and an open one ends with
   ``ended_reason: "left"``. The other person sees "ended: the other person left" rather than
   a request that silently vanished. Capacity and waiting counts I held for others are given
   back in the same transaction (an accepted mentorship of mine frees the mentor's place).
3. My load item, blocks I made and blocks of me go; reports I made go; reports about me keep
   only their organisation and time (for the admin counts).
4. Everything keyed by me goes: profile, my match lists, memberships... (``ports.OwnedItems``),
   and the recent events the abuse limits counted under my id.
5. My Cognito user is deleted.
6. My account standing is recorded as "deleted" (only my id and the time): tokens issued before
   still verify until they expire, and this record is what refuses them.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from chalicelib.accounts.domain import AccountStanding
from chalicelib.accounts.ports import AccountRepository
from chalicelib.mentorships.domain import Mentorship, new_stand_in_id, stamp
from chalicelib.mentorships.stores import JourneyStores
from chalicelib.privacy.ports import OwnedItems

logger = logging.getLogger(__name__)
ATTEMPTS = 5


@dataclass(frozen=True)
class DeletionStores:
    journey: JourneyStores
    owned: OwnedItems
    accounts: AccountRepository


def delete_my_account(user_id: str, username: str, stores: DeletionStores, now: datetime) -> dict[str, int]:
    journey, at = stores.journey, stamp(now)
    counts = {"mentorships": 0, "messages": 0}
    for mentorship in journey.mentorships.list_for(user_id):
        counts["messages"] += journey.messages.delete_thread(mentorship.mentorship_id)
        counts["mentorships"] += leave(mentorship, user_id, journey, at)
    journey.mentorships.forget_load(user_id)
    counts["blocks"] = forget_blocks(user_id, journey)
    counts["reports"] = journey.reports.delete_made_by(user_id) + journey.reports.forget_reported(user_id)
    counts.update(stores.owned.delete_all(user_id))
    counts["limits"] = journey.limits.forget(user_id)
    journey.directory.delete_user(username or user_id)
    stores.accounts.put(AccountStanding(user_id=user_id, state="deleted", changed_at=at))
    logger.info("account %s deleted: %s", user_id, counts)
    return counts


def leave(mentorship: Mentorship, user_id: str, journey: JourneyStores, at: str) -> int:
    stand_in = new_stand_in_id()
    for _ in range(ATTEMPTS):
        current = journey.mentorships.get(mentorship.mentorship_id)
        if current is None or current.role_of(user_id) is None:
            return 0
        if journey.mentorships.leave(current, user_id, stand_in, at):
            return 1
    raise RuntimeError(f"mentorship {mentorship.mentorship_id} kept changing while its person left")


def forget_blocks(user_id: str, journey: JourneyStores) -> int:
    mine = [(user_id, block.blocked_id) for block in journey.blocks.made_by(user_id)]
    of_me = [(blocker, user_id) for blocker in journey.blocks.blockers_of(user_id)]
    return sum(journey.blocks.remove(blocker, blocked) for blocker, blocked in mine + of_me)
