"""The public routes: health, organisations and vocabularies."""

from datetime import timedelta

import pytest


def test_health_answers_without_a_token(api):
    reply = api.call("GET", "/health")
    assert reply.status == 200
    assert reply.body == {"status": "ok"}


def test_organisations_lists_active_ones_by_name(api):
    reply = api.call("GET", "/organisations")
    assert reply.status == 200
    names = [org["name"] for org in reply.body["organisations"]]
    assert names == ["Department for Work and Pensions", "HM Revenue & Customs"]
    assert reply.body["organisations"][0] == {
        "id": "department-for-work-pensions", "name": "Department for Work and Pensions", "kind": "department",
        "abbreviation": "DWP", "domains": ["dwp.gov.uk"],
    }


def test_vocabulary_suggests_tags_by_prefix(api):
    reply = api.call("GET", "/vocabulary/skills?prefix=Data")
    assert reply.status == 200
    assert reply.body["kind"] == "skills"
    assert reply.body["items"][:3] == ["Data analysis", "Data engineering", "Data visualisation"]


def test_vocabulary_without_a_prefix_lists_the_start_of_the_list(api):
    items = api.call("GET", "/vocabulary/professions").body["items"]
    assert "Policy" in api.call("GET", "/vocabulary/professions?prefix=pol").body["items"]
    assert items == sorted(items, key=str.casefold) and len(items) == 20


def test_an_unknown_vocabulary_is_404_with_a_json_error(api):
    reply = api.call("GET", "/vocabulary/hobbies")
    assert reply.status == 404
    assert "skills" in reply.body["error"]["message"]


def test_the_whole_skills_vocabulary_comes_with_its_synonyms_for_mapping_a_list_at_once(api):
    reply = api.call("GET", "/vocabulary/skills?all=true")
    assert reply.status == 200 and len(reply.body["items"]) > 60 and "Stakeholder management" in reply.body["items"]
    assert reply.body["synonyms"]["stakeholder mgmt"] == "Stakeholder management"  # as the list writes it
    assert set(reply.body["synonyms"].values()) <= set(reply.body["items"])


def test_all_takes_only_true(api):
    reply = api.call("GET", "/vocabulary/skills?all=yes")
    assert (reply.status, reply.body["error"]["code"]) == (400, "validation_error")


def test_an_email_on_a_members_domain_may_sign_up_and_is_told_where_it_belongs(api):
    reply = api.call("POST", "/sign-up/check", json_body={"email": " sam@DWP.gov.uk "})
    assert reply.status == 200
    assert reply.body == {"organisation": {"id": "department-for-work-pensions",
                                           "name": "Department for Work and Pensions", "via": "email"}}


@pytest.mark.parametrize("email", ["sam@gmail.com", "clerk@leeds.gov.uk", "someone@closed-agency.gov.uk"])
def test_an_email_outside_every_member_is_refused_before_an_account_is_made(api, email):
    reply = api.call("POST", "/sign-up/check", json_body={"email": email})
    assert (reply.status, reply.body["error"]["code"]) == (403, "sign_up_not_allowed")
    assert "invitation" in reply.body["error"]["message"]


@pytest.mark.parametrize("body", [{"email": "not an email"}, {"email": "a@b.c", "invitation": "x"}, {}, []])
def test_a_sign_up_check_without_one_email_address_is_a_400(api, body):
    assert api.call("POST", "/sign-up/check", json_body=body).status == 400


def test_a_sign_up_check_says_nothing_about_whether_an_address_has_an_account(api, people):
    people.add("priya.shah@dwp.gov.uk")  # an account exists for this address
    has_one = api.call("POST", "/sign-up/check", json_body={"email": "priya.shah@dwp.gov.uk"})
    has_none = api.call("POST", "/sign-up/check", json_body={"email": "nobody.yet@dwp.gov.uk"})
    assert (has_one.status, has_one.body) == (has_none.status, has_none.body) == (200, has_one.body)


def test_refused_sign_up_checks_from_one_address_are_limited_but_admitted_addresses_never_are(api, services):
    from chalicelib.gate.service import CHECKS_SLOW_DOWN
    from chalicelib.limits.domain import Limit
    services.__dict__["sign_up_checks"] = services.sign_up_checks.__class__(
        **{**services.sign_up_checks.__dict__, "refusals": Limit(3, timedelta(minutes=15), CHECKS_SLOW_DOWN)})
    refused = [api.call("POST", "/sign-up/check", json_body={"email": f"person{n}@gmail.com"}) for n in range(4)]
    assert [reply.status for reply in refused] == [403, 403, 429, 429]
    assert int(refused[-1].headers["Retry-After"]) == refused[-1].body["error"]["retry_after"] >= 1
    assert api.call("POST", "/sign-up/check", json_body={"email": "sam@dwp.gov.uk"}).status == 200
