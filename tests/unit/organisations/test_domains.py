"""Which domains an organisation may claim, and which organisation owns an email address."""

import pytest

from chalicelib.organisations.domains import (
    DomainRefusedError,
    check_organisation_domain,
    email_domain,
    owner_of,
)
from tests.unit.invitations.fakes import ORGANISATIONS


@pytest.mark.parametrize("raw, stored", [
    ("DWP.gov.uk", "dwp.gov.uk"),
    ("  homeoffice.gov.uk. ", "homeoffice.gov.uk"),
    ("*.mod.uk", "*.mod.uk"),
    ("*.MOD.gov.uk", "*.mod.gov.uk"),
    ("nsandi.com", "nsandi.com"),
])
def test_an_organisations_own_domain_is_stored_lower_case(raw, stored):
    assert check_organisation_domain(raw) == stored


@pytest.mark.parametrize("domain", [
    "*.gov.uk", "gov.uk", "*.gov.scot", "*.gov.wales", "*.nhs.uk", "nhs.net", "*.police.uk",
    "*.independent-inquiry.uk", "gsi.gov.uk",
])
def test_a_domain_shared_across_the_public_sector_is_refused_because_it_includes_local_government(domain):
    with pytest.raises(DomainRefusedError, match="shared across the public sector"):
        check_organisation_domain(domain)


@pytest.mark.parametrize("domain", ["uk", "*.uk", "co.uk", "*.co.uk", "org.uk", "*.ac.uk", "com", "*.com"])
def test_a_bare_public_suffix_or_a_wildcard_over_one_is_refused(domain):
    with pytest.raises(DomainRefusedError, match="public suffix"):
        check_organisation_domain(domain)


@pytest.mark.parametrize("domain", ["", "dwp", "*", "*.", "dwp..gov.uk", "-dwp.gov.uk", "dwp.gov.uk/x", "a@b.gov.uk",
                                    "*.*.gov.uk", "x" * 64 + ".gov.uk"])
def test_something_that_is_not_a_domain_is_refused(domain):
    with pytest.raises(DomainRefusedError):
        check_organisation_domain(domain)


def test_the_email_domain_is_the_part_after_the_last_at_sign_in_lower_case():
    assert email_domain("Priya.Shah@DWP.GOV.UK") == "dwp.gov.uk"
    assert email_domain('"odd@local"@hmrc.gov.uk') == "hmrc.gov.uk"
    assert email_domain("no-at-sign") == ""


def test_an_address_on_an_exact_domain_belongs_to_that_organisation():
    assert owner_of("priya@dwp.gov.uk", ORGANISATIONS).id == "department-for-work-pensions"


def test_a_sub_domain_is_covered_only_by_a_wildcard():
    assert owner_of("a@jobs.dwp.gov.uk", ORGANISATIONS) is None
    assert owner_of("a@navy.mod.uk", ORGANISATIONS).id == "ministry-of-defence"


def test_an_exact_domain_wins_over_a_wildcard_that_also_covers_it():
    assert owner_of("a@army.mod.uk", ORGANISATIONS).id == "army"


def test_a_look_alike_domain_is_not_covered():
    assert owner_of("a@evil-dwp.gov.uk", ORGANISATIONS) is None
    assert owner_of("a@dwp.gov.uk.evil.com", ORGANISATIONS) is None
    assert owner_of("a@notmod.uk", ORGANISATIONS) is None


def test_an_inactive_organisations_domains_open_nothing():
    assert owner_of("a@closed.gov.uk", ORGANISATIONS) is None


def test_a_council_address_belongs_to_no_organisation():
    assert owner_of("clerk@leeds.gov.uk", ORGANISATIONS) is None
