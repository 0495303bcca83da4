"""Cognito trigger handlers' logic (app.py only wires them).

PreSignUp: Cognito calls it before creating an account, for password sign-ups
(``PreSignUp_SignUp``), first LinkedIn sign-ins (``PreSignUp_ExternalProvider``) and accounts
an administrator creates (``PreSignUp_AdminCreateUser``: administrators decide, so these pass).
Refusing means raising: Cognito then answers the sign-up with "PreSignUp failed with error
<our message>", which says what to do. An invitation code may come with a password sign-up as
``clientMetadata`` or ``validationData`` ``{"invitation": "<code>"}``; it is checked, not used
up (the person redeems it once signed in).

A first LinkedIn sign-in is linked to the existing account with the same verified email, or
refused, or let through to open an account that the sign-up gate admits when the site exchanges
the code (``chalicelib/federation/``). A password sign-up for an email whose account came
through LinkedIn is refused with a message to continue with LinkedIn.
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.federation.domain import check_password_sign_up
from chalicelib.federation.service import LinkingStores, federated_sign_up
from chalicelib.gate.rule import SignUpRefusedError
from chalicelib.gate.service import admission_at_sign_up
from chalicelib.invitations.service import InvitationStores
from chalicelib.metrics import emit

logger = logging.getLogger(__name__)
ADMIN_CREATED = "PreSignUp_AdminCreateUser"
EXTERNAL_PROVIDER = "PreSignUp_ExternalProvider"


@dataclass(frozen=True)
class SignUpStores:
    invitations: InvitationStores
    linking: LinkingStores


def invitation_code(request: dict[str, Any]) -> str:
    for source in ("clientMetadata", "validationData"):
        code = (request.get(source) or {}).get("invitation")
        if isinstance(code, str) and code.strip():
            return code.strip()
    return ""


def pre_sign_up(event: dict[str, Any], stores: SignUpStores, now: datetime) -> dict[str, Any]:
    """Let the sign-up through (returning the event) or raise SignUpRefusedError."""
    source = event.get("triggerSource", "")
    if source == ADMIN_CREATED:
        return event
    request = event.get("request") or {}
    attributes = request.get("userAttributes") or {}
    try:
        if source == EXTERNAL_PROVIDER:
            linked = federated_sign_up(str(event.get("userName", "")), attributes, stores.linking)
            logger.info("federated sign-up let through (%s)", "linked" if linked else "new account, gate at exchange")
            return event
        email = str(attributes.get("email", ""))
        check_password_sign_up(stores.linking.directory.find_by_email(email) if email else None)
        admission = admission_at_sign_up(email, invitation_code(request), stores.invitations, now)
    except SignUpRefusedError:
        logger.info("sign-up refused (%s)", source)
        raise
    logger.info("sign-up admitted (%s) to %s", source, ",".join(admission.organisation_ids))
    emit({"SignUps": 1})
    return event
