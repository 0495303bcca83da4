"""Suspending and reinstating accounts, and who the matching code must leave out."""

import pytest

from chalicelib.accounts.domain import AccountStanding, DirectoryUser, check_may_act, epoch
from chalicelib.accounts.service import reinstate_user, suspend_user
from chalicelib.errors import ConflictError, NotFoundError, UnauthorisedError
from tests.fakes.accounts import InMemoryAccountRepository, InMemoryDirectory
from tests.fakes.audit import InMemoryAuditLog
from tests.unit.invitations.fakes import NOW


def setup():
    audit = InMemoryAuditLog()
    directory = InMemoryDirectory([DirectoryUser("linkedin_42", "sub-42", "p@dwp.gov.uk")])
    return InMemoryAccountRepository(audit), directory, audit


def test_a_suspended_person_is_disabled_in_cognito_left_out_of_matches_and_audited():
    standings, directory, audit = setup()
    reply = suspend_user("sub-42", "admin-1", standings, directory, NOW)
    assert reply == {"user_id": "sub-42", "state": "suspended", "changed_at": NOW.isoformat()}
    assert directory.users["linkedin_42"].enabled is False
    assert standings.suspended_ids() == {"sub-42"}
    assert [(e.actor, e.action, e.target_id) for e in audit.entries] == [("admin-1", "account.suspend", "sub-42")]


def test_reinstating_undoes_the_suspension():
    standings, directory, audit = setup()
    suspend_user("sub-42", "admin-1", standings, directory, NOW)
    assert reinstate_user("sub-42", "admin-1", standings, directory, NOW)["state"] == "active"
    assert directory.users["linkedin_42"].enabled is True
    assert standings.suspended_ids() == set()
    assert audit.entries[-1].action == "account.reinstate"


def test_an_unknown_or_deleted_account_cannot_be_suspended():
    standings, directory, _ = setup()
    with pytest.raises(NotFoundError):
        suspend_user("nobody", "admin-1", standings, directory, NOW)
    standings.items["sub-42"] = AccountStanding("sub-42", "deleted")
    with pytest.raises(NotFoundError):
        suspend_user("sub-42", "admin-1", standings, directory, NOW)


def test_an_administrator_cannot_suspend_themselves():
    standings, directory, _ = setup()
    with pytest.raises(ConflictError):
        suspend_user("sub-42", "sub-42", standings, directory, NOW)


def test_a_token_issued_before_signing_out_everywhere_is_refused_and_a_later_one_is_not():
    standing = AccountStanding("u", "active", "2026-05-01T09:00:00+00:00", signed_out_at="2026-05-01T09:00:00+00:00")
    signed_out = epoch(standing.signed_out_at)
    with pytest.raises(UnauthorisedError):
        check_may_act(standing, signed_out - 1)
    check_may_act(standing, signed_out)
    check_may_act(standing, None)  # callers that have no token time (none today) are not refused
