"""Cognito trigger handlers' logic (app.py only wires them).

PreSignUp: Cognito calls it before creating an account, for password sign-ups
(``PreSignUp_SignUp``), first LinkedIn sign-ins (``PreSignUp_ExternalProvider``) and accounts
an administrator creates (``PreSignUp_AdminCreateUser``: administrators decide, so these pass).
Refusing means raising: Cognito then answers the sign-up with "PreSignUp failed with error
<our message>", which says what to do. An invitation code may come with the sign-up as
``clientMetadata`` or ``validationData`` ``{"invitation": "<code>"}``; it is checked, not used
up (the person redeems it once signed in).
"""

import logging
from datetime import datetime
from typing import Any

from chalicelib.gate.rule import SignUpRefusedError
from chalicelib.gate.service import admission_at_sign_up
from chalicelib.invitations.service import InvitationStores
from chalicelib.metrics import emit

logger = logging.getLogger(__name__)
ADMIN_CREATED = "PreSignUp_AdminCreateUser"


def invitation_code(request: dict[str, Any]) -> str:
    for source in ("clientMetadata", "validationData"):
        code = (request.get(source) or {}).get("invitation")
        if isinstance(code, str) and code.strip():
            return code.strip()
    return ""


def pre_sign_up(event: dict[str, Any], stores: InvitationStores, now: datetime) -> dict[str, Any]:
    """Let the sign-up through (returning the event) or raise SignUpRefusedError."""
    source = event.get("triggerSource", "")
    if source == ADMIN_CREATED:
        return event
    request = event.get("request") or {}
    email = str((request.get("userAttributes") or {}).get("email", ""))
    try:
        admission = admission_at_sign_up(email, invitation_code(request), stores, now)
    except SignUpRefusedError:
        logger.info("sign-up refused (%s)", source)
        raise
    logger.info("sign-up admitted (%s) to %s", source, ",".join(admission.organisation_ids))
    emit({"SignUps": 1})
    return event
