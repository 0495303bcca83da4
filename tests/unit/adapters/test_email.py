"""Email templates and senders (no network: the Notify client and SES are stand-ins here)."""

import json

import pytest

from chalicelib.adapters.email import NotifyEmailSender, SesEmailSender, sender_for
from chalicelib.notifications.templates import TEMPLATES, UnknownTemplateError, render
from chalicelib.settings import load_settings
from tests.fakes.notifications import InMemoryEmailSender

VALUES = {"name": "Ben", "other_name": "Priya ((link))", "link": "https://site/mentorships?id=m1"}


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_every_template_names_the_people_and_links_to_the_site(template_id):
    subject, body = render(template_id, VALUES)
    assert "Priya" in subject + body and "https://site/mentorships?id=m1" in body
    assert "((" not in subject.replace("Priya ((link))", "")


def test_a_value_is_inserted_as_text_and_never_read_as_a_placeholder():
    subject, _ = render("request_received", VALUES)
    assert subject == "Priya ((link)) would like you to mentor them"


def test_an_unknown_template_is_a_programming_error_not_a_client_error():
    with pytest.raises(UnknownTemplateError):
        render("no-such-template", VALUES)
    with pytest.raises(UnknownTemplateError):
        InMemoryEmailSender().send("a@b.gov.uk", "no-such-template", {})


class RecordingClient:
    def __init__(self):
        self.calls = []

    def send_email(self, **kwargs):
        self.calls.append(("ses", kwargs))

    def send_email_notification(self, **kwargs):
        self.calls.append(("notify", kwargs))


def test_ses_sends_plain_text_from_the_verified_sender():
    client = RecordingClient()
    SesEmailSender(client, "no-reply@mentor-match.local").send("ben@hmrc.gov.uk", "request_received", VALUES)
    [(_, call)] = client.calls
    assert call["Source"] == "no-reply@mentor-match.local"
    assert call["Destination"] == {"ToAddresses": ["ben@hmrc.gov.uk"]}
    assert set(call["Message"]["Body"]) == {"Text"}


def test_notify_sends_the_notify_template_mapped_from_ours():
    client = RecordingClient()
    NotifyEmailSender(client, {"request_received": "f3b1c0de-0000-4000-8000-000000000001"}).send(
        "ben@hmrc.gov.uk", "request_received", VALUES)
    assert client.calls == [("notify", {"email_address": "ben@hmrc.gov.uk",
                                        "template_id": "f3b1c0de-0000-4000-8000-000000000001",
                                        "personalisation": VALUES})]
    with pytest.raises(UnknownTemplateError):
        NotifyEmailSender(client, {}).send("ben@hmrc.gov.uk", "request_received", VALUES)


def test_the_email_sender_setting_picks_ses_or_notify(monkeypatch):
    monkeypatch.setenv("EMAIL_SENDER", "notify")
    monkeypatch.setenv("NOTIFY_API_KEY", "test-" + "a" * 36 + "-" + "b" * 36)
    monkeypatch.setenv("NOTIFY_TEMPLATE_IDS", json.dumps({"request_received": "id-1"}))
    assert isinstance(sender_for(load_settings(), RecordingClient), NotifyEmailSender)
    monkeypatch.setenv("EMAIL_SENDER", "ses")
    assert isinstance(sender_for(load_settings(), RecordingClient), SesEmailSender)
    monkeypatch.setenv("EMAIL_SENDER", "pigeon")
    with pytest.raises(ValueError):
        sender_for(load_settings(), RecordingClient)
