"""Export and deletion through the real services over in-memory stores."""

import pytest

from chalicelib.mentorships import service
from chalicelib.mentorships.domain import Block, Report
from chalicelib.mentorships.messaging import post_message
from chalicelib.mentorships.views import view_many
from chalicelib.privacy.deletion import delete_my_account
from chalicelib.privacy.export import export_my_data
from tests.unit.mentorships.world import World


@pytest.fixture
def world() -> World:
    return World()


def delete(world: World, user_id: str) -> dict:
    return delete_my_account(user_id, user_id, world.services.deletion, world.now)


def test_the_export_holds_my_profile_requests_both_ways_messages_blocks_reports_and_standing(world):
    me = world.person("Priya", roles=("mentee", "mentor"), capacity=1, accepting=True)
    mentor, mentee = world.mentor("Ben"), world.mentee("Chen")
    mine = world.ask(me, mentor, "to Ben")
    world.later(seconds=1)
    world.ask(mentee, me, "to Priya")
    world.later(seconds=1)
    post_message(mine.mentorship_id, mentor, {"body": "from Ben"}, world.stores, world.now)
    world.blocks.add(Block(me, world.mentee(), "t"))
    world.reports.add(Report("r1", me, mentee, "", "org", "rude", "t"))
    data = export_my_data(me, world.stores, world.accounts, world.adapters.organisations, world.now)
    assert data["profile"]["display_name"] == "Priya" and data["email"] == world.people.email_of(me)
    assert data["account"] == {"state": "active", "state_described": "Active", "changed_at": None}
    # every code comes with the words the site shows for it
    assert (data["profile"]["grade"], data["profile"]["grade_name"]) == ("HEO", "Higher Executive Officer (HEO)")
    assert data["profile"]["roles_described"] == ["Wants a mentor", "Mentors other people"]
    assert data["profile"]["organisation_name"] == "hm-revenue-customs"  # an organisation it does not know: its id
    assert {m["status_described"] for m in data["mentorships"]} == {"Waiting for an answer"}
    assert sorted(m["my_role"] for m in data["mentorships"]) == ["mentee", "mentor"]
    assert sorted(m["body"] for m in data["messages"]) == ["from Ben", "to Ben", "to Priya"]
    assert len(data["blocks"]) == 1 and data["reports"][0]["reason"] == "rude"


def test_deleting_ends_my_mentorships_for_the_other_person_and_gives_places_back(world):
    me, mentor, waiting = world.mentee("Priya"), world.mentor("Ben", capacity=1), world.mentor("Dee")
    accepted = world.accept(world.ask(me, mentor))
    pending = world.ask(me, waiting)
    post_message(accepted.mentorship_id, mentor, {"body": "hello"}, world.stores, world.now)
    delete(world, me)
    assert world.mentorships.load(mentor).active_mentees == 0
    [seen] = view_many(world.mentorships.list_for(mentor), mentor, world.stores)
    assert seen["status"] == "ended" and seen["ended_reason"] == "left"
    assert seen["other"] == {"user_id": None, "display_name": "Someone who has left Mentor Match", "email": None}
    assert world.messages.page(accepted.mentorship_id, "", 50) == []
    assert world.mentorships.get(pending.mentorship_id).status == "ended"
    assert world.accept(world.ask(world.mentee(), mentor)).status == "accepted"  # the place is free again


def test_deleting_a_mentor_gives_their_pending_mentees_their_request_slots_back(world):
    me, mentee = world.mentor("Ben"), world.mentee("Priya")
    world.ask(mentee, me)
    delete(world, me)
    assert world.mentorships.load(mentee).pending_requests == 0


def test_deleting_leaves_nothing_that_names_me_and_records_the_deletion(world):
    me, other = world.person("Priya", roles=("mentee", "mentor"), capacity=2, accepting=True), world.mentor("Ben")
    request = world.ask(me, other, "hello Ben")
    service.end_mentorship(world.accept(request).mentorship_id, other, {"feedback": "Priya was great"},
                           world.stores, world.now)
    world.blocks.add(Block(me, world.mentee(), "t"))
    world.blocks.add(Block(other, me, "t"))
    world.reports.add(Report("r1", me, other, "", "org", "x", "t"))
    world.reports.add(Report("r2", other, me, "", "org", "Priya said...", "t"))
    delete(world, me)
    everything = repr((world.mentorships.__dict__, world.messages.__dict__, world.blocks.__dict__,
                       world.reports.__dict__, world.profiles.__dict__, world.people.__dict__))
    assert me not in everything and "Priya" not in everything
    assert world.accounts.get(me).state == "deleted"
    assert world.reports.count_by_organisation() == {"org": 1}
