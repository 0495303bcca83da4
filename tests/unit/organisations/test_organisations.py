"""Administrators managing organisations and their email domains."""

import pytest

from chalicelib.errors import ConflictError, NotFoundError, ValidationError
from chalicelib.organisations import service
from tests.fakes.audit import InMemoryAuditLog
from tests.fakes.organisations import InMemoryOrganisationRepository
from tests.unit.invitations.fakes import NOW, ORGANISATIONS


def catalogue():
    audit = InMemoryAuditLog()
    return InMemoryOrganisationRepository(ORGANISATIONS, audit), audit


def new_body(**overrides):
    body = {"id": "office-for-mentoring", "name": "Office for Mentoring", "kind": "arms-length body",
            "domains": ["Mentoring.GOV.uk", "*.mentoring.org.uk", "mentoring.gov.uk"]}
    body.update(overrides)
    return body


def test_a_new_organisation_is_stored_with_lower_case_distinct_domains_and_audited():
    store, audit = catalogue()
    created = service.create_organisation(new_body(), "admin-1", store, NOW)
    assert created.domains == ("*.mentoring.org.uk", "mentoring.gov.uk")
    assert store.get("office-for-mentoring") == created
    assert created.admin_view()["active"] is True
    assert [(e.actor, e.action, e.target_id) for e in audit.entries] == [
        ("admin-1", "organisation.create", "office-for-mentoring")]


@pytest.mark.parametrize("overrides, field", [
    ({"domains": ["*.gov.uk"]}, "domains"),
    ({"domains": ["gov.uk"]}, "domains"),
    ({"domains": ["co.uk"]}, "domains"),
    ({"domains": ["not a domain"]}, "domains"),
    ({"kind": "council"}, "kind"),
    ({"id": "Not A Slug"}, "id"),
    ({"name": ""}, "name"),
    ({"active": "yes"}, "active"),
    ({"owner": "me"}, "owner"),
])
def test_an_invalid_organisation_names_the_field_and_stores_nothing(overrides, field):
    store, audit = catalogue()
    with pytest.raises(ValidationError) as refused:
        service.create_organisation(new_body(**overrides), "admin-1", store, NOW)
    assert field in refused.value.fields
    assert store.get(new_body(**overrides).get("id", "")) is None
    assert audit.entries == []


def test_a_domain_already_owned_by_another_organisation_is_a_conflict():
    store, _ = catalogue()
    with pytest.raises(ConflictError, match="Department for Work and Pensions"):
        service.create_organisation(new_body(domains=["dwp.gov.uk"]), "admin-1", store, NOW)


def test_an_existing_id_is_a_conflict():
    store, _ = catalogue()
    with pytest.raises(ConflictError):
        service.create_organisation(new_body(id="home-office", domains=[]), "admin-1", store, NOW)


def test_updating_replaces_everything_but_the_id_and_can_close_an_organisation():
    store, audit = catalogue()
    body = {"name": "Home Office", "kind": "department", "domains": ["homeoffice.gov.uk", "ho.gov.uk"], "active": False}
    updated = service.update_organisation("home-office", body, "admin-1", store, NOW)
    assert updated.active is False and updated.domains == ("ho.gov.uk", "homeoffice.gov.uk")
    assert audit.entries[-1].action == "organisation.update"
    with pytest.raises(ValidationError):
        service.update_organisation("home-office", {**body, "id": "other"}, "admin-1", store, NOW)


def test_updating_an_unknown_organisation_is_not_found():
    store, _ = catalogue()
    with pytest.raises(NotFoundError):
        service.update_organisation("nowhere", {"name": "Nowhere", "kind": "external"}, "admin-1", store, NOW)


def test_administrators_see_inactive_organisations_too_in_name_order():
    store, _ = catalogue()
    names = [org["name"] for org in service.list_organisations(store)]
    assert "A Closed Agency" in names
    assert names == sorted(names, key=str.casefold)
