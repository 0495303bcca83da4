"""An email sender that keeps what it is given."""

from dataclasses import dataclass, field

from chalicelib.notifications.templates import TEMPLATES, UnknownTemplateError


@dataclass(frozen=True)
class SentEmail:
    to_address: str
    template_id: str
    personalisation: dict


@dataclass
class InMemoryEmailSender:
    sent: list[SentEmail] = field(default_factory=list)

    def send(self, to_address: str, template_id: str, personalisation: dict[str, str]) -> None:
        if template_id not in TEMPLATES:
            raise UnknownTemplateError(f"There is no email template called {template_id!r}.")
        self.sent.append(SentEmail(to_address, template_id, dict(personalisation)))
