"""A small world for route tests over the in-memory composition root: people with profiles,
a mentorship between two of them, an invitation, and the helpers to make more."""

from dataclasses import dataclass

from chalicelib.accounts.domain import AccountStanding
from chalicelib.bootstrap import Services
from tests.app_client import AppClient, Reply
from tests.builders import make_profile_body
from tests.people import People, Person


def with_profile(api: AppClient, person: Person, **profile) -> Person:
    reply = api.call("PUT", "/me/profile", person.token, make_profile_body(**profile))
    assert reply.status == 200, reply.body
    return person


def mentor(api: AppClient, people: People, name: str = "Maya Mentor", **extra) -> Person:
    return with_profile(api, people.add(), display_name=name, roles=["mentor"], mentor_capacity=3,
                        accepting_requests=True, **extra)


def mentee(api: AppClient, people: People, name: str = "Tom Mentee") -> Person:
    return with_profile(api, people.add(), display_name=name, roles=["mentee"], mentor_capacity=0,
                        accepting_requests=False)


def ask(api: AppClient, who: Person, of: Person, message: str = "Would you mentor me?") -> Reply:
    return api.call("POST", "/mentorships", who.token, {"mentor_id": of.user_id, "message": message})


def suspend(services: Services, person: Person) -> None:
    services.adapters.accounts.put(AccountStanding(person.user_id, "suspended", "2026-05-01T09:00:00+00:00"))


@dataclass(frozen=True)
class World:
    mentee: Person
    mentor: Person
    other: Person
    admin: Person
    mentorship_id: str


def make_world(api: AppClient, people: People) -> World:
    the_mentor, the_mentee = mentor(api, people), mentee(api, people)
    other = mentee(api, people, "Olu Other")
    admin = with_profile(api, people.add(admin=True), display_name="Ada Admin")
    request = ask(api, the_mentee, the_mentor)
    assert request.status == 201, request.body
    return World(the_mentee, the_mentor, other, admin, request.body["mentorship_id"])
