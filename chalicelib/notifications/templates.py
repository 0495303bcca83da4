"""The emails the service sends, by template name.

GOV.UK Notify keeps its templates in Notify (``NOTIFY_TEMPLATE_IDS`` maps these names to their
ids, with the same ((placeholders))); SES sends the texts below. Rule: an email never carries
message text or anyone's email address; it names the people and links to the site.
"""

from dataclasses import dataclass

from chalicelib.text import single_line


class UnknownTemplateError(LookupError):
    """A programming or configuration mistake, never the client's: not a 4xx."""


@dataclass(frozen=True)
class Template:
    subject: str
    body: str


SIGN_OFF = "\n\nMentor Match\n\nYou get this email because you use Mentor Match. Sign in to read and reply."

TEMPLATES: dict[str, Template] = {
    "request_received": Template(
        "((other_name)) would like you to mentor them",
        "Dear ((name)),\n\n((other_name)) has asked you to be their mentor.\n\n"
        "Read their request and accept or decline it: ((link))",
    ),
    "request_accepted": Template(
        "((other_name)) has agreed to mentor you",
        "Dear ((name)),\n\n((other_name)) has accepted your request. You can now see each other's "
        "email address on Mentor Match.\n\nSee the mentorship: ((link))",
    ),
    "request_declined": Template(
        "((other_name)) cannot mentor you at the moment",
        "Dear ((name)),\n\n((other_name)) has declined your request. Your list of suggested mentors "
        "has other people who may be a good match.\n\nSee the request: ((link))",
    ),
    "message_received": Template(
        "New message from ((other_name))",
        "Dear ((name)),\n\n((other_name)) has sent you a message on Mentor Match.\n\nRead it: ((link))",
    ),
    "request_expiring": Template(
        "A request from ((other_name)) closes in 7 days",
        "Dear ((name)),\n\n((other_name)) asked you to be their mentor and is waiting for your answer. "
        "The request closes in 7 days if you do not answer.\n\nAnswer it: ((link))",
    ),
    "request_waiting": Template(
        "((other_name)) is waiting for your answer",
        "Dear ((name)),\n\n((other_name)) asked you to be their mentor over a week ago.\n\n"
        "Accept or decline the request: ((link))",
    ),
}
PLACEHOLDERS = ("name", "other_name", "link")


def render(template_id: str, personalisation: dict[str, str]) -> tuple[str, str]:
    """Subject and plain-text body. Values are inserted once, never read as placeholders themselves."""
    template = TEMPLATES.get(template_id)
    if template is None:
        raise UnknownTemplateError(f"There is no email template called {template_id!r}.")
    line = {name: single_line(str(value), 300) for name, value in personalisation.items()}
    return fill(template.subject, line), fill(template.body, line) + SIGN_OFF


def fill(text: str, values: dict[str, str]) -> str:
    parts = text.split("((")
    out = [parts[0]]
    for part in parts[1:]:
        name, _, rest = part.partition("))")
        out.append(str(values.get(name, "")) + rest)
    return "".join(out)
