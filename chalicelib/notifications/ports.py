"""What notifications need from the outside: something that sends an email from a template."""

from typing import Protocol


class EmailSender(Protocol):
    def send(self, to_address: str, template_id: str, personalisation: dict[str, str]) -> None: ...
