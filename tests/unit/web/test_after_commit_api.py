"""Steps after a committed change never turn it into an error (chalicelib/after_commit.py)."""

import pytest

from chalicelib.after_commit import after_commit
from tests.builders import make_profile_body
from tests.unit.web.world import ask, mentee, mentor


class StorageBusyError(Exception):
    pass


def busy(*args, **kwargs):
    raise StorageBusyError()


def test_a_step_that_fails_after_the_commit_is_skipped_and_says_so_with_its_name_only(caplog):
    assert after_commit(lambda: busy("priya@dwp.gov.uk"), "match lists refreshed", "skipped") == "skipped"
    assert [r.getMessage() for r in caplog.records] == [
        "after a committed change, match lists refreshed skipped: StorageBusyError"]


def test_a_profile_saved_while_its_lists_cannot_be_written_is_saved_and_its_lists_computed_on_read(
        api, people, services, monkeypatch):
    mentor(api, people)
    me = people.add()
    with monkeypatch.context() as patch:
        patch.setattr(services.adapters.match_lists, "put_many", busy)
        saved = api.call("PUT", "/me/profile", me.token, make_profile_body(roles=["mentee"]))
    assert (saved.status, saved.body["version"]) == (200, 1)
    matches = api.call("GET", "/me/matches?as=mentee", me.token).body
    assert matches["computed_at"] >= saved.body["updated_at"] and matches["matches"]


@pytest.mark.parametrize("action", ["request", "message", "report"])
def test_a_limit_event_that_cannot_be_stored_does_not_fail_the_action_it_counts(api, people, services, monkeypatch,
                                                                                action):
    asker, asked = mentee(api, people), mentor(api, people)
    mentorship = ask(api, asker, asked).body["mentorship_id"] if action != "request" else ""
    monkeypatch.setattr(services.adapters.attempts, "record", busy)
    reply = {"request": lambda: ask(api, asker, asked),
             "message": lambda: api.call("POST", f"/mentorships/{mentorship}/messages", asker.token, {"body": "Hi"}),
             "report": lambda: api.call("POST", "/reports", asker.token, {"user_id": asked.user_id, "reason": "Rude"}),
             }[action]()
    assert reply.status == 201, reply.body
