"""The admin CLI against moto: the same services as the API, audited as the CLI's AWS caller."""

import csv
import io
from datetime import UTC, datetime

import boto3

from chalicelib.adapters.dynamo.tables import SearchModel
from chalicelib.bootstrap import services
from chalicelib.profiles.service import save_my_profile
from mentor_match_admin.cli import main
from tests.builders import make_profile_body

CALLER = "cli:arn:aws:sts::123456789012:user/moto"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def audit_actions() -> list[tuple[str, str]]:
    from datetime import UTC, datetime

    from chalicelib.audit.service import recent_entries
    return [(e["actor"], e["action"]) for e in recent_entries(services().adapters.audit, datetime.now(UTC), days=1)]


def test_invitations_are_created_listed_and_revoked_from_the_command_line(people, api):
    code, out, _ = run("invitations", "create", "--organisation", "hm-revenue-customs", "--max-uses", "20",
                       "--site-url", "https://mentor-match.example")
    assert code == 0
    link = out.split("Link (shown only now, copy it): ")[1].strip()
    assert link.startswith("https://mentor-match.example/join?code=")
    assert api.call("GET", f"/invitations/{link.rpartition('=')[2]}").status == 200

    code, out, _ = run("invitations", "list", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["organisation_id"], r["status"], r["max_uses"]) for r in rows] == [("hm-revenue-customs", "valid", "20")]
    assert link.rpartition("=")[2] not in out

    assert run("invitations", "revoke", rows[0]["id"])[0] == 0
    assert api.call("GET", f"/invitations/{link.rpartition('=')[2]}").status == 404
    assert audit_actions() == [(CALLER, "invitation.revoke"), (CALLER, "invitation.create")]


def test_organisations_are_added_with_the_apis_own_validation(people):
    code, out, _ = run("organisations", "add", "--id", "office-for-mentoring", "--name", "Office for Mentoring",
                       "--kind", "arms-length body", "--domain", "Mentoring.gov.uk")
    assert code == 0 and "mentoring.gov.uk" in out
    code, _, err = run("organisations", "add", "--id", "councils", "--name", "Councils", "--kind", "external",
                       "--domain", "*.gov.uk")
    assert code == 1
    assert "domains" in err and "public sector" in err
    listed = run("organisations", "list")[1]
    assert "office-for-mentoring" in listed and "closed-agency" not in listed
    assert "closed-agency" in run("organisations", "list", "--all")[1]


def test_stats_print_a_table_or_csv(people, api):
    person = people.add("p@dwp.gov.uk")
    assert api.call("PUT", "/me/profile", person.token, make_profile_body()).status == 200
    code, table, _ = run("stats")
    assert code == 0
    assert table.splitlines()[0].split()[:4] == ["organisation_id", "name", "people", "mentors"]
    rows = list(csv.DictReader(io.StringIO(run("stats", "--csv")[1])))
    assert (rows[0]["organisation_id"], rows[0]["people"], rows[0]["mentors"]) == ("department-for-work-pensions", "1", "1")
    assert rows[-1]["name"] == "All organisations"


def test_reindex_puts_profiles_saved_before_the_search_table_into_it(people, api):
    person = people.add("old@dwp.gov.uk")
    a = services().adapters
    save_my_profile(person.user_id, make_profile_body(display_name="Olive Older"), a.profiles, a.organisations,
                    datetime.now(UTC))  # as a profile saved before the search table existed: not indexed
    admin = people.add("admin@dwp.gov.uk", admin=True)
    assert api.call("GET", "/admin/users?q=olive", admin.token).body["people"] == []
    code, printed, _ = run("search", "reindex")
    assert (code, printed) == (0, "1 profiles indexed.\n")
    assert [p["display_name"] for p in api.call("GET", "/admin/users?q=olive", admin.token).body["people"]] == [
        "Olive Older"]
    before = SearchModel.count()
    assert run("search", "reindex")[0] == 0 and SearchModel.count() == before  # nothing written twice


def test_administrators_are_added_and_removed_by_email_and_audited_by_id(people):
    person = people.add("new.admin@dwp.gov.uk")
    assert run("admins", "add", "new.admin@dwp.gov.uk")[0] == 0
    groups = people.pool.client.admin_list_groups_for_user(UserPoolId=people.pool.id, Username=person.username)
    assert [g["GroupName"] for g in groups["Groups"]] == ["admins"]
    assert run("admins", "remove", "new.admin@dwp.gov.uk")[0] == 0
    groups = people.pool.client.admin_list_groups_for_user(UserPoolId=people.pool.id, Username=person.username)
    assert groups["Groups"] == []
    assert audit_actions() == [(CALLER, "admin.remove"), (CALLER, "admin.add")]
    assert run("admins", "add", "nobody@dwp.gov.uk")[0] == 1


def test_without_a_configured_pool_the_cli_finds_the_stages_pool_by_name(aws, monkeypatch):
    monkeypatch.delenv("COGNITO_USER_POOL_ID", raising=False)
    cognito = boto3.client("cognito-idp", region_name="eu-west-2")
    assert run("admins", "add", "x@dwp.gov.uk")[2].startswith("error: No user pool called mentor-match-local")
    pool = cognito.create_user_pool(PoolName="mentor-match-local", UsernameAttributes=["email"])["UserPool"]["Id"]
    cognito.create_group(UserPoolId=pool, GroupName="admins")
    cognito.admin_create_user(UserPoolId=pool, Username="x@dwp.gov.uk", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": "x@dwp.gov.uk"}])
    assert run("admins", "add", "x@dwp.gov.uk")[0] == 0
