"""Routes: administrators' usage figures, suspensions and audit log (Cognito group "admins").

Errors are always ``{"error": {"code": "...", "message": "..."}}``. Every route here answers 401
without a valid token and 403 ``forbidden`` ("Only administrators can do this.") for anyone not in
the admins group. Organisations and invitations are in web/organisations.py and web/invitations.py.

GET /admin/stats
    200:  {"generated_at": "2026-05-01T09:00:00+00:00",
           "organisations": [
             {"organisation_id": "department-for-work-pensions", "name": "Department for Work and Pensions",
              "people": 61, "mentors": 20, "mentees": 52, "open_requests": 4, "accepted_requests": 9,
              "acceptance_rate": 0.75, "median_hours_to_first_answer": 18.5, "reports_received": 0}, ...],
           "totals": {"organisation_id": "", "name": "All organisations", "people": ..., ...same keys}}
          Organisations with people or requests only, largest first. acceptance_rate is accepted /
          (accepted + declined), 0..1, and with median_hours_to_first_answer is null when nothing was
          answered yet. Requests are counted in the organisation of the mentor who received them.

POST /admin/users/{user_id}/suspend      (no body)
    200:  {"user_id": "<sub>", "state": "suspended", "changed_at": "2026-05-01T09:00:00+00:00"}
          At once: the person's API calls get 403, they cannot sign in (Cognito user disabled and
          signed out) and they leave everyone's matches.
    404 not_found (no such account, or deleted), 409 conflict (suspending yourself)

POST /admin/users/{user_id}/reinstate    (no body)
    200:  {"user_id": "<sub>", "state": "active", "changed_at": "..."}
    404 not_found

GET /admin/audit?days=7                   (days: 1..90, default 7)
    200:  {"entries": [{"id": "<hex>", "actor": "<admin's user id or cli:...>",
                        "action": "invitation.create" | "invitation.revoke" | "organisation.create" |
                                  "organisation.update" | "account.suspend" | "account.reinstate" |
                                  "admin.add" | "admin.remove",
                        "target_id": "<id>", "at": "2026-05-01T09:00:00+00:00"}, ...]}
          newest first, at most 200; ids only, never names, emails or message text.
"""

from chalice import Blueprint

from chalicelib.accounts.service import reinstate_user, suspend_user
from chalicelib.audit.service import recent_entries
from chalicelib.bootstrap import services
from chalicelib.errors import ValidationError
from chalicelib.usage.service import usage_stats
from chalicelib.web.common import admin, api_route, bearer, now, query

api = Blueprint(__name__)


@api_route(api, "/admin/stats", methods=["GET"], authorizer=bearer)
def get_stats() -> dict[str, object]:
    admin(api)
    a = services().adapters
    return usage_stats(a.people_figures, a.request_figures, a.organisations.list_all(), now())


@api_route(api, "/admin/users/{user_id}/suspend", methods=["POST"], authorizer=bearer)
def suspend(user_id: str) -> dict[str, str]:
    who = admin(api)
    a = services().adapters
    return suspend_user(user_id, who.user_id, a.accounts, a.directory, now())


@api_route(api, "/admin/users/{user_id}/reinstate", methods=["POST"], authorizer=bearer)
def reinstate(user_id: str) -> dict[str, str]:
    who = admin(api)
    a = services().adapters
    return reinstate_user(user_id, who.user_id, a.accounts, a.directory, now())


@api_route(api, "/admin/audit", methods=["GET"], authorizer=bearer)
def get_audit() -> dict[str, object]:
    admin(api)
    days = query(api, "days", "7")
    if not days.isdigit() or not 1 <= int(days) <= 90:
        raise ValidationError("days must be a whole number from 1 to 90.", fields={"days": "must be 1..90"})
    return {"entries": recent_entries(services().adapters.audit, now(), days=int(days))}
