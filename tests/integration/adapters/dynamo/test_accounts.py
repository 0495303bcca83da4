"""Account standings on moto: signing out everywhere keeps the rest of the standing."""

from chalicelib.accounts.domain import AccountStanding
from chalicelib.adapters.dynamo.accounts import DynamoAccountRepository


def test_signing_out_records_the_time_on_a_new_or_an_existing_standing(aws):
    accounts = DynamoAccountRepository()
    accounts.mark_signed_out("new", "2026-05-01T09:00:00+00:00")
    assert accounts.get("new") == AccountStanding("new", "active", "2026-05-01T09:00:00+00:00",
                                                  signed_out_at="2026-05-01T09:00:00+00:00")
    accounts.put(AccountStanding("held", "suspended", "2026-04-01T09:00:00+00:00"))
    accounts.mark_signed_out("held", "2026-05-01T10:00:00+00:00")
    assert accounts.get("held") == AccountStanding("held", "suspended", "2026-04-01T09:00:00+00:00",
                                                   signed_out_at="2026-05-01T10:00:00+00:00")
