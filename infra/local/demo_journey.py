"""Demo mentorships for the local stack, so the journey has something to show from the first sign-in.

The demo user has an accepted mentorship with a short conversation, and a request waiting for
an answer; a few other demo people have requests and mentorships of their own. Everything goes
through the journey's own services (same rules as the API); no email is sent while seeding.
"""

from dataclasses import replace
from datetime import datetime, timedelta

from chalicelib.mentorships import messaging, service
from chalicelib.mentorships.domain import Mentorship
from chalicelib.mentorships.stores import JourneyStores

CONVERSATION = (
    ("mentee", "Thank you for accepting! Could we talk about moving into a data role?"),
    ("mentor", "Of course. I moved from policy into analysis myself. Are you free for a call next week?"),
    ("mentee", "Tuesday afternoon would be perfect."),
)


class NoNotices:
    """The journey's Notices, telling nobody: demo requests send no email."""

    def _quiet(self, *args: object) -> bool:
        return False

    request_received = request_accepted = request_declined = message_received = _quiet
    request_expiring = request_waiting = _quiet


def seed_journey(journey: JourneyStores, demo_name: str, now: datetime) -> int:
    """Demo requests and mentorships; returns how many were made."""
    everyone = sorted(journey.profiles.scan_all(), key=lambda p: p.user_id)
    demo = next(p for p in everyone if p.display_name == demo_name)
    mentors = [p for p in everyone if "mentor" in p.roles and p.accepting_requests and p.mentor_capacity >= 2
               and p.user_id != demo.user_id]
    mentees = [p for p in everyone if "mentee" in p.roles and p.user_id != demo.user_id]
    if len(mentors) < 4 or len(mentees) < 4:
        return 0
    stores = replace(journey, notices=NoNotices())
    accepted = ask(stores, demo.user_id, mentors[0].user_id, now - timedelta(days=12))
    service.accept_mentorship(accepted.mentorship_id, accepted.mentor_id, None, stores, now - timedelta(days=11))
    for hours, (role, body) in enumerate(CONVERSATION):
        sender = accepted.mentee_id if role == "mentee" else accepted.mentor_id
        messaging.post_message(accepted.mentorship_id, sender, {"body": body}, stores,
                               now - timedelta(days=10) + timedelta(hours=hours))
    ask(stores, demo.user_id, mentors[1].user_id, now - timedelta(days=9))  # waiting: the mentor gets a nudge
    made = 2
    for mentee, mentor in zip(mentees[1:4], mentors[2:5], strict=False):
        if mentee.user_id != mentor.user_id:
            ask(stores, mentee.user_id, mentor.user_id, now - timedelta(days=2))
            made += 1
    return made


def ask(stores: JourneyStores, mentee_id: str, mentor_id: str, when: datetime) -> Mentorship:
    body = {"mentor_id": mentor_id, "message": "Hello! I would really value your advice on my next career step."}
    return service.request_mentorship(mentee_id, body, stores, when)
