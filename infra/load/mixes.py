"""The two mixes ``make load`` runs: simulated people reading, and simulated people writing.

Every simulated client takes its own share of the signed-in people (no two clients act as the
same person, so no save conflicts with another's) and moves through them in turn, as many
people using the site at once would. ``Connection: close`` on every request: the figures
measure the server accepting connections, not one kept-alive socket.
"""

import itertools
import random

from locust import FastHttpUser, constant, task

from infra.load.people import Person

PEOPLE: list[Person] = []
USERS = {"count": 16}
LOCATIONS = ("Leeds", "Cardiff", "Glasgow", "Belfast", "London", "Newcastle", "Bristol")
_next_client = itertools.count()


class SimulatedPerson(FastHttpUser):
    abstract = True
    wait_time = constant(0)

    def on_start(self) -> None:
        share = PEOPLE[next(_next_client) % USERS["count"]::USERS["count"]] or PEOPLE
        self.turns = itertools.cycle(share)

    def person(self) -> Person:
        person: Person = next(self.turns)
        person.headers = {"Connection": "close", "Authorization": f"Bearer {person.token}"}
        return person


class Reader(SimulatedPerson):
    """Matches, other people's profiles, my mentorships, my own profile."""

    @task(3)
    def matches(self) -> None:
        self.client.get("/me/matches?as=mentee", headers=self.person().headers, name="GET /me/matches")

    @task(2)
    def profile(self) -> None:
        other = random.choice(PEOPLE).user_id
        self.client.get(f"/profiles/{other}", headers=self.person().headers, name="GET /profiles/{user_id}")

    @task(2)
    def mentorships(self) -> None:
        self.client.get("/mentorships", headers=self.person().headers, name="GET /mentorships")

    @task(1)
    def own_profile(self) -> None:
        self.client.get("/me/profile", headers=self.person().headers, name="GET /me/profile")


class Writer(SimulatedPerson):
    """Profile saves (sending back the version the last save returned) and messages: writes only."""

    @task(1)
    def save_profile(self) -> None:
        me = self.person()
        body = {k: v for k, v in me.profile.items() if k not in ("user_id", "created_at", "updated_at")}
        body["location"] = random.choice([place for place in LOCATIONS if place != body.get("location")])
        reply = self.client.put("/me/profile", json=body, headers=me.headers, name="PUT /me/profile")
        if reply.status_code == 200:
            me.profile = reply.json()

    @task(1)
    def message(self) -> None:
        me = self.person()
        if me.mentorship_id:
            self.client.post(f"/mentorships/{me.mentorship_id}/messages", json={"body": "Thanks, see you Tuesday."},
                             headers=me.headers, name="POST /mentorships/{id}/messages")
        else:
            self.save_profile()
