"""Routes: administrators' usage figures, suspensions, a suspended person's data, and the audit log.

Errors are always ``{"error": {"code": "...", "message": "..."}}``. Every route here answers 401
without a valid token and 403 ``forbidden`` ("Only administrators can do this.") for anyone not in
the admins group, checked against the user pool (removal takes effect within a minute).
Organisations and invitations are in web/organisations.py and web/invitations.py.

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

GET /admin/users?q=<text>                 (q: 2..254 characters)
    200:  {"people": [{"user_id", "display_name" (null: no profile), "email" (only when q was an email),
                       "organisation": {"id", "name"} | null, "job_title", "grade", "roles": ["mentee", ...],
                       "state": "active" | "suspended", "state_changed_at"}, ...]}
          q with an "@": people whose email address starts with it; otherwise people whose name, or its
          last word, starts with it (case-insensitive). At most 20, by name. Bounded lookups: one Cognito
          ListUsers call, or one query of the name index (chalicelib/moderation/__init__.py).
    400 validation_error (fields.q)

GET /admin/users/{user_id}
    200:  the row above with "email" always, plus {"location", "accepting_requests", "profile_created_at",
          "can_sign_in": false when the Cognito user is disabled,
          "reports": [{"report_id", "created_at", "reason", "mentorship_id",
                       "reported": {"user_id", "display_name"}, "reporter": {"user_id", "display_name"} | null}]}
          reports about them, newest first.
    404 not_found (no such account, or deleted)

GET /admin/reports?days=30               (days: 1..365, default 30)
    200:  {"reports": [report, ...]}  as above, newest first, at most 200; "reported" is null once that
          person deleted their account (the report then keeps no reason either).

POST /admin/users/{user_id}/suspend      (no body)
    200:  {"user_id": "<sub>", "state": "suspended", "changed_at": "2026-05-01T09:00:00+00:00"}
          At once: the person's API calls get 403, they cannot sign in (Cognito user disabled and
          signed out), they leave everyone's matches and their profile is hidden (404).
    404 not_found (no such account, or deleted), 409 conflict (suspending yourself)

POST /admin/users/{user_id}/reinstate    (no body)
    200:  {"user_id": "<sub>", "state": "active", "changed_at": "..."}
    404 not_found

GET /admin/users/{user_id}/export        a suspended person's data, when they ask for it (they
    cannot sign in to download it themselves): 200 the same document GET /me/export gives.
    404 no such account; 409 the account is not suspended (the person can download it themselves).
    Audited ("account.export", ids only).

DELETE /admin/users/{user_id}            erase a suspended account, when the person asks for it:
    200 {"user_id", "state": "deleted", "changed_at"}; the same erasure as DELETE /me.
    404 no such account; 409 not suspended. Audited ("account.erase", ids only).

GET /admin/audit?days=7                   (days: 1..90, ASCII digits, default 7)
    200:  {"entries": [{"id": "<hex>", "actor": "<admin's user id or cli:...>",
                        "action": "invitation.create" | "invitation.revoke" | "organisation.create" |
                                  "organisation.update" | "account.suspend" | "account.reinstate" |
                                  "account.export" | "account.erase" | "admin.add" | "admin.remove",
                        "target_id": "<id>", "at": "2026-05-01T09:00:00+00:00"}, ...]}
          newest first, at most 200; ids only, never names, emails or message text.
"""

from chalice import Blueprint

from chalicelib.accounts.schema import ErasureReply, StandingReply
from chalicelib.accounts.service import reinstate_user, suspend_user
from chalicelib.audit.schema import AuditQuery, AuditReply
from chalicelib.audit.service import recent_entries
from chalicelib.bootstrap import services
from chalicelib.moderation.schema import PeopleQuery, PeopleReply, PersonReply, ReportsQuery, ReportsReply
from chalicelib.moderation.service import find_people, get_person, recent_reports
from chalicelib.privacy.requests import erase_suspended_account, export_suspended_account
from chalicelib.privacy.schema import ExportReply
from chalicelib.usage.schema import UsageReply
from chalicelib.usage.service import usage_stats
from chalicelib.web.common import admin, api_route, bearer, now, query_as

api = Blueprint(__name__)


@api_route(api, "/admin/stats", authorizer=bearer, admin=True, reply=UsageReply,
           summary="Usage figures by organisation (administrators)")
def get_stats() -> dict[str, object]:
    admin(api)
    a = services().adapters
    return usage_stats(a.people_figures, a.request_figures, a.organisations.list_all(), now())


@api_route(api, "/admin/users", authorizer=bearer, admin=True, query=PeopleQuery, reply=PeopleReply,
           summary="Find people by the start of a name or an email address (administrators)")
def find_users() -> dict[str, object]:
    admin(api)
    return find_people(query_as(api, PeopleQuery).q, services().moderation)


@api_route(api, "/admin/users/{user_id}", authorizer=bearer, admin=True, reply=PersonReply, errors=(404,),
           summary="Who a person is, their standing and the reports about them (administrators)")
def get_user(user_id: str) -> dict[str, object]:
    admin(api)
    return get_person(user_id, services().moderation)


@api_route(api, "/admin/reports", authorizer=bearer, admin=True, query=ReportsQuery, reply=ReportsReply,
           summary="Recent reports, newest first, naming both people (administrators)")
def list_reports() -> dict[str, object]:
    admin(api)
    return recent_reports(query_as(api, ReportsQuery).days, services().moderation, now())


@api_route(api, "/admin/users/{user_id}/suspend", methods=("POST",), authorizer=bearer, admin=True,
           reply=StandingReply, errors=(404, 409), summary="Suspend an account (administrators)")
def suspend(user_id: str) -> dict[str, str]:
    who = admin(api)
    a = services().adapters
    return suspend_user(user_id, who.user_id, a.accounts, a.directory, now())


@api_route(api, "/admin/users/{user_id}/reinstate", methods=("POST",), authorizer=bearer, admin=True,
           reply=StandingReply, errors=(404,), summary="Reinstate a suspended account (administrators)")
def reinstate(user_id: str) -> dict[str, str]:
    who = admin(api)
    a = services().adapters
    return reinstate_user(user_id, who.user_id, a.accounts, a.directory, now())


@api_route(api, "/admin/users/{user_id}/export", authorizer=bearer, admin=True, reply=ExportReply,
           errors=(404, 409), summary="A suspended person's data, at their request (administrators; audited)")
def export_suspended(user_id: str) -> dict[str, object]:
    who = admin(api)
    return export_suspended_account(user_id, who.user_id, services().data_requests, now())


@api_route(api, "/admin/users/{user_id}", methods=("DELETE",), authorizer=bearer, admin=True, reply=ErasureReply,
           errors=(404, 409), summary="Erase a suspended account, at the person's request (administrators; audited)")
def erase_suspended(user_id: str) -> dict[str, str]:
    who = admin(api)
    return erase_suspended_account(user_id, who.user_id, services().data_requests, now())


@api_route(api, "/admin/audit", authorizer=bearer, admin=True, query=AuditQuery, reply=AuditReply,
           summary="Administrators' actions, newest first, ids only (administrators)")
def get_audit() -> dict[str, object]:
    admin(api)
    days = query_as(api, AuditQuery).days
    return {"entries": recent_entries(services().adapters.audit, now(), days=days)}
