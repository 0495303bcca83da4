"""Mentorships in DynamoDB (``mentorships.ports.MentorshipRepository``), with the pairs and loads
that guard them: each change of state is one transaction, so it happens whole or not at all.

Accepting, for example, is three writes and a check in one transaction: the mentorship goes
pending -> accepted on condition it is still pending; the mentor's load goes up by one on
condition it is below the capacity the service read from the profile; and the profile is
checked to be still at the version that capacity came from. Two accepts racing for the last
place cannot both pass the load's condition, and a capacity lowered meanwhile fails the check.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from pynamodb.exceptions import UpdateError
from pynamodb.expressions.update import Action

from chalicelib.adapters.dynamo.messages import to_model as message_model
from chalicelib.adapters.dynamo.tables import (
    LoadModel,
    MentorshipModel,
    MessageModel,
    PairModel,
    ProfileModel,
    read_item,
)
from chalicelib.adapters.dynamo.transact import refused, transact
from chalicelib.mentorships.domain import (
    ACCEPTED,
    DECLINED,
    ENDED,
    MARK_FIELDS,
    PENDING,
    PENDING_ONLY_MARKS,
    Load,
    Mentorship,
    Message,
    Pair,
    left_version,
    pair_key,
)

OPTIONAL_FIELDS = (
    "decided_at", "ended_at", "ended_by", "ended_reason", "decline_reason", "mentee_feedback",
    "mentor_feedback", "reminded_at", "nudged_at",
)


def pair_id(a: str, b: str) -> str:
    return "|".join(pair_key(a, b))


class DynamoMentorshipRepository:
    def get(self, mentorship_id: str) -> Mentorship | None:
        item = read_item(MentorshipModel, mentorship_id)
        return to_mentorship(item) if item else None

    def list_for(self, user_id: str) -> list[Mentorship]:
        items = [*MentorshipModel.by_mentee.query(user_id), *MentorshipModel.by_mentor.query(user_id)]
        return sorted((to_mentorship(i) for i in items), key=lambda m: m.created_at, reverse=True)

    def load(self, user_id: str) -> Load:
        item = read_item(LoadModel, user_id)
        if item is None:
            return Load(user_id)
        return Load(user_id, int(item.active_mentees or 0), int(item.pending_requests or 0))

    def pair(self, a: str, b: str) -> Pair | None:
        item = read_item(PairModel, pair_id(a, b))
        if item is None:
            return None
        return Pair(item.first_id, item.second_id, item.open_mentorship_id or "", item.declined_at or "")

    def create(self, mentorship: Mentorship, first_message: Message, decline_cutoff: str,
               max_pending: int) -> bool:
        first, second = pair_key(mentorship.mentee_id, mentorship.mentor_id)
        pending = LoadModel.pending_requests
        attempt = transact()
        with attempt as tx:
            tx.save(to_model(mentorship), condition=MentorshipModel.mentorship_id.does_not_exist())
            tx.save(message_model(first_message), condition=MessageModel.message_id.does_not_exist())
            tx.update(PairModel(pair_id(first, second)),
                      actions=[PairModel.first_id.set(first), PairModel.second_id.set(second),
                               PairModel.open_mentorship_id.set(mentorship.mentorship_id)],
                      condition=PairModel.open_mentorship_id.does_not_exist()
                      & (PairModel.declined_at.does_not_exist() | (PairModel.declined_at <= decline_cutoff)))
            tx.update(LoadModel(mentorship.mentee_id), actions=[pending.add(1)],
                      condition=pending.does_not_exist() | (pending < max_pending))
        return attempt.done

    def accept(self, mentorship: Mentorship, capacity: int, profile_version: int | None, at: str) -> bool:
        active = LoadModel.active_mentees
        attempt = transact()
        with attempt as tx:
            tx.update(MentorshipModel(mentorship.mentorship_id),
                      actions=[MentorshipModel.status.set(ACCEPTED), MentorshipModel.decided_at.set(at),
                               MentorshipModel.updated_at.set(at), MentorshipModel.queue.remove()],
                      condition=MentorshipModel.status == PENDING)
            tx.update(LoadModel(mentorship.mentor_id), actions=[active.add(1)],
                      condition=active.does_not_exist() | (active < capacity))
            tx.update(LoadModel(mentorship.mentee_id), actions=[LoadModel.pending_requests.add(-1)])
            tx.condition_check(ProfileModel, mentorship.mentor_id, condition=ProfileModel.version == profile_version)
        return attempt.done

    def close_pending(self, mentorship: Mentorship, status: str, at: str, reason: str = "") -> bool:
        actions: list[Action] = [MentorshipModel.status.set(status), MentorshipModel.decided_at.set(at),
                   MentorshipModel.updated_at.set(at), MentorshipModel.queue.remove()]
        if reason:
            actions.append(MentorshipModel.decline_reason.set(reason))
        pair_actions: list[Action] = [PairModel.open_mentorship_id.remove()]
        if status == DECLINED:
            pair_actions.append(PairModel.declined_at.set(at))
        attempt = transact()
        with attempt as tx:
            tx.update(MentorshipModel(mentorship.mentorship_id), actions=actions,
                      condition=MentorshipModel.status == PENDING)
            tx.update(PairModel(pair_id(mentorship.mentee_id, mentorship.mentor_id)), actions=pair_actions,
                      condition=PairModel.open_mentorship_id == mentorship.mentorship_id)
            tx.update(LoadModel(mentorship.mentee_id), actions=[LoadModel.pending_requests.add(-1)])
        return attempt.done

    def end(self, mentorship: Mentorship, by_role: str, feedback: str, at: str) -> bool:
        actions: list[Action] = [MentorshipModel.status.set(ENDED), MentorshipModel.ended_at.set(at),
                   MentorshipModel.ended_by.set(by_role), MentorshipModel.updated_at.set(at)]
        if feedback:
            actions.append(getattr(MentorshipModel, f"{by_role}_feedback").set(feedback))
        attempt = transact()
        with attempt as tx:
            tx.update(MentorshipModel(mentorship.mentorship_id), actions=actions,
                      condition=MentorshipModel.status == ACCEPTED)
            tx.update(PairModel(pair_id(mentorship.mentee_id, mentorship.mentor_id)),
                      actions=[PairModel.open_mentorship_id.remove()],
                      condition=PairModel.open_mentorship_id == mentorship.mentorship_id)
            tx.update(LoadModel(mentorship.mentor_id), actions=[LoadModel.active_mentees.add(-1)])
        return attempt.done

    def add_message(self, message: Message) -> bool:
        attempt = transact()
        with attempt as tx:
            tx.save(message_model(message), condition=MessageModel.message_id.does_not_exist())
            tx.condition_check(MentorshipModel, message.mentorship_id,
                               condition=MentorshipModel.status.is_in(PENDING, ACCEPTED))
        return attempt.done

    def mark_once(self, mentorship_id: str, field: str, at: str, unless_after: str | None = None) -> bool:
        if field not in MARK_FIELDS:
            return False
        attribute = getattr(MentorshipModel, field)
        unset = attribute.does_not_exist() if unless_after is None else (
            attribute.does_not_exist() | (attribute <= unless_after))
        state = MentorshipModel.status == PENDING if field in PENDING_ONLY_MARKS else (
            MentorshipModel.status.is_in(PENDING, ACCEPTED))
        try:
            MentorshipModel(mentorship_id).update(actions=[attribute.set(at)], condition=unset & state)
        except UpdateError as error:
            if refused(error):
                return False
            raise
        return True

    def pending_created_before(self, cutoff: str) -> Iterator[Mentorship]:
        query = MentorshipModel.pending_by_age.query(PENDING, MentorshipModel.created_at <= cutoff)
        return (to_mentorship(item) for item in query)

    def leave(self, mentorship: Mentorship, leaver_id: str, stand_in_id: str, at: str) -> bool:
        after = left_version(mentorship, leaver_id, stand_in_id, at)
        leaver_field = MentorshipModel.mentee_id if leaver_id == mentorship.mentee_id else MentorshipModel.mentor_id
        attempt = transact()
        with attempt as tx:
            tx.save(to_model(after), condition=(MentorshipModel.status == mentorship.status) & (leaver_field == leaver_id))
            tx.delete(PairModel(pair_id(mentorship.mentee_id, mentorship.mentor_id)))
            if mentorship.status == ACCEPTED and leaver_id == mentorship.mentee_id:
                tx.update(LoadModel(mentorship.mentor_id), actions=[LoadModel.active_mentees.add(-1)])
            if mentorship.status == PENDING and leaver_id == mentorship.mentor_id:
                tx.update(LoadModel(mentorship.mentee_id), actions=[LoadModel.pending_requests.add(-1)])
        return attempt.done

    def forget_load(self, user_id: str) -> None:
        LoadModel(user_id).delete()

    def exclusion_pairs(self, decline_cutoff: str) -> Iterator[tuple[str, str]]:
        wanted = PairModel.open_mentorship_id.exists() | (PairModel.declined_at > decline_cutoff)
        for item in PairModel.scan(wanted):
            yield item.first_id, item.second_id
            yield item.second_id, item.first_id

    def active_counts(self, mentor_ids: Iterable[str] | None = None) -> dict[str, int]:
        if mentor_ids is None:
            items: Iterator[LoadModel] = LoadModel.scan(LoadModel.active_mentees > 0)
        else:
            items = LoadModel.batch_get(list(dict.fromkeys(mentor_ids)))
        return {item.user_id: int(item.active_mentees) for item in items if (item.active_mentees or 0) > 0}


def to_model(mentorship: Mentorship) -> MentorshipModel:
    # Any: PynamoDB's Model takes its attributes as **attributes: Any.
    optional: dict[str, Any] = {name: getattr(mentorship, name) or None for name in OPTIONAL_FIELDS}
    return MentorshipModel(
        mentorship_id=mentorship.mentorship_id, mentee_id=mentorship.mentee_id, mentor_id=mentorship.mentor_id,
        status=mentorship.status, created_at=mentorship.created_at, updated_at=mentorship.updated_at,
        expires_at=mentorship.expires_at, queue=PENDING if mentorship.status == PENDING else None, **optional,
    )


def to_mentorship(item: MentorshipModel) -> Mentorship:
    optional = {name: getattr(item, name) or "" for name in OPTIONAL_FIELDS}
    return Mentorship(
        mentorship_id=item.mentorship_id, mentee_id=item.mentee_id, mentor_id=item.mentor_id, status=item.status,
        created_at=item.created_at, updated_at=item.updated_at, expires_at=item.expires_at or "", **optional,
    )
