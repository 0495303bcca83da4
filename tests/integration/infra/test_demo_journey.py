"""The local stack's demo journey (infra/local/demo_journey.py) on moto."""

from datetime import UTC, datetime

from chalicelib.bootstrap import services
from chalicelib.profiles.domain import Profile
from infra.local.demo_journey import seed_journey

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


def test_the_demo_user_gets_an_accepted_mentorship_with_messages_and_a_waiting_request(aws):
    journey = services().journey
    for n in range(12):
        roles = ("mentee", "mentor") if n % 2 else ("mentee",)
        journey.profiles.save(Profile(
            user_id=f"person-{n:02d}", display_name="Alex Demo" if n == 0 else f"Person {n}", job_title="", bio="",
            organisation_id="hm-revenue-customs", grade="G7", location="Leeds", roles=roles,
            mentor_capacity=3 if n % 2 else 0, accepting_requests=bool(n % 2),
            created_at=NOW.isoformat(), updated_at=NOW.isoformat()))
    assert seed_journey(journey, "Alex Demo", NOW) >= 4
    mine = journey.mentorships.list_for("person-00")
    assert sorted(m.status for m in mine) == ["accepted", "pending"]
    accepted = next(m for m in mine if m.status == "accepted")
    assert len(journey.messages.page(accepted.mentorship_id, "", 50)) == 4
