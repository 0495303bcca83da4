"""Who gets which email about a mentorship.

Rules: an email names the two people and links to the mentorship on the site; it never holds
message text or anyone's email address. Every value placed in an email is one plain line
(``text.single_line``), whatever was stored. A person with no email (their account is gone) gets
none. An email that cannot be sent is recorded (a log line with ids only, and the
``EmailsNotSent`` metric an alarm can watch) and does not undo the change it is about: the site
shows every change whether or not the email arrives.
"""

import logging
from urllib.parse import quote

from chalicelib.accounts.ports import Directory
from chalicelib.mentorships.domain import Mentorship
from chalicelib.metrics import emit
from chalicelib.notifications.ports import EmailSender
from chalicelib.profiles.ports import ProfileRepository
from chalicelib.text import single_line

logger = logging.getLogger(__name__)
SOMEONE = "Someone"


class Notifier:
    """The journey's ``Notices``, by email."""

    def __init__(self, sender: EmailSender, people: Directory, profiles: ProfileRepository, site_url: str):
        self._sender = sender
        self._people = people
        self._profiles = profiles
        self._site_url = site_url.rstrip("/")

    def request_received(self, mentorship: Mentorship) -> bool:
        return self._send("request_received", mentorship, to=mentorship.mentor_id, about=mentorship.mentee_id)

    def request_accepted(self, mentorship: Mentorship) -> bool:
        return self._send("request_accepted", mentorship, to=mentorship.mentee_id, about=mentorship.mentor_id)

    def request_declined(self, mentorship: Mentorship) -> bool:
        return self._send("request_declined", mentorship, to=mentorship.mentee_id, about=mentorship.mentor_id)

    def message_received(self, mentorship: Mentorship, recipient_id: str) -> bool:
        sender_id = mentorship.other_party(recipient_id)
        return self._send("message_received", mentorship, to=recipient_id, about=sender_id)

    def request_expiring(self, mentorship: Mentorship) -> bool:
        return self._send("request_expiring", mentorship, to=mentorship.mentor_id, about=mentorship.mentee_id)

    def request_waiting(self, mentorship: Mentorship) -> bool:
        return self._send("request_waiting", mentorship, to=mentorship.mentor_id, about=mentorship.mentee_id)

    def link(self, mentorship_id: str) -> str:
        return f"{self._site_url}/mentorships?id={quote(mentorship_id)}"

    def _send(self, template_id: str, mentorship: Mentorship, to: str, about: str) -> bool:
        ids = (template_id, mentorship.mentorship_id, to)
        try:
            address = self._people.email_of(to)
            if not address:
                logger.info("email %s for mentorship %s not sent: user %s has no email", *ids)
                return False
            names = self._names(to, about)
            self._sender.send(address, template_id, {
                "name": names[to], "other_name": names[about], "link": self.link(mentorship.mentorship_id),
            })
        except Exception as error:  # an email is never worth failing the change it reports
            logger.warning("email %s for mentorship %s to user %s not sent: %s", *ids, type(error).__name__)
            emit({"EmailsNotSent": 1}, {"Template": template_id})
            return False
        logger.info("email %s for mentorship %s sent to user %s", *ids)
        return True

    def _names(self, *user_ids: str) -> dict[str, str]:
        """Display names as one plain line each, read together ("Someone" for a person with no profile)."""
        profiles = self._profiles.get_many(user_ids)
        return {uid: single_line(profiles[uid].display_name, 80) if uid in profiles else SOMEONE for uid in user_ids}
