"""Email senders (``notifications.ports.EmailSender``): SES (the default) and GOV.UK Notify.

``EMAIL_SENDER`` picks the sender (ses | notify). Locally the emulator's SES keeps every email
it is given (readable at ``<moto>/moto-api/data.json`` under "ses").
"""

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from notifications_python_client.notifications import NotificationsAPIClient

from chalicelib.notifications.ports import EmailSender
from chalicelib.notifications.templates import UnknownTemplateError, render
from chalicelib.settings import Settings

if TYPE_CHECKING:
    from mypy_boto3_ses import SESClient


class SesEmailSender:
    """Plain-text email from a verified sender address, rendered from our own templates."""

    def __init__(self, client: "SESClient", from_address: str):
        self._client = client
        self._from = from_address

    def send(self, to_address: str, template_id: str, personalisation: dict[str, str]) -> None:
        subject, body = render(template_id, personalisation)
        self._client.send_email(
            Source=self._from,
            Destination={"ToAddresses": [to_address]},
            Message={
                "Subject": {"Data": subject, "Charset": "UTF-8"},
                "Body": {"Text": {"Data": body, "Charset": "UTF-8"}},
            },
        )


class NotifyEmailSender:
    """GOV.UK Notify through its maintained client; the templates live in Notify."""

    def __init__(self, client: NotificationsAPIClient, template_ids: dict[str, str]):
        self._client = client
        self._template_ids = template_ids

    def send(self, to_address: str, template_id: str, personalisation: dict[str, str]) -> None:
        notify_id = self._template_ids.get(template_id)
        if not notify_id:
            raise UnknownTemplateError(f"NOTIFY_TEMPLATE_IDS has no Notify template for {template_id!r}.")
        self._client.send_email_notification(
            email_address=to_address, template_id=notify_id, personalisation=personalisation)


def notify_template_ids(raw: str) -> dict[str, str]:
    ids = json.loads(raw or "{}")
    if not isinstance(ids, dict):
        raise ValueError("NOTIFY_TEMPLATE_IDS must be a JSON object: template name -> Notify template id")
    return {str(name): str(value) for name, value in ids.items()}


def sender_for(settings: Settings, ses_client_factory: Callable[[], "SESClient"]) -> EmailSender:
    """The sender ``EMAIL_SENDER`` names: "ses" (default) or "notify"."""
    if settings.email_sender == "notify":
        client = NotificationsAPIClient(settings.notify_api_key, base_url=settings.notify_base_url)
        return NotifyEmailSender(client, notify_template_ids(settings.notify_template_ids))
    if settings.email_sender != "ses":
        raise ValueError(f"EMAIL_SENDER must be ses or notify, not {settings.email_sender!r}")
    return SesEmailSender(ses_client_factory(), settings.email_from)
