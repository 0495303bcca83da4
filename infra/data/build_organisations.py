"""Build infra/data/organisations.json from the GOV.UK reference data in ../shared/data.

Run: python -m infra.data.build_organisations [path-to-ukps-domains]
Selects live departments and arm's-length bodies from the GOV.UK organisations list and
attaches the email domains that belong to each (never public-sector wildcards such as
*.gov.uk, which include local government). The output is committed so the repository is
self-contained; GOV.UK content is Crown copyright under the Open Government Licence v3.0.
"""

import json
import sys
from pathlib import Path

DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "ukps-domains"
OUTPUT = Path(__file__).with_name("organisations.json")

DEPARTMENT_FORMATS = {"Ministerial department", "Non-ministerial department"}
ALB_FORMATS = {
    "Executive agency", "Executive non-departmental public body", "Public corporation",
    "Advisory non-departmental public body", "Tribunal", "Independent monitoring body",
    "Special health authority", "Sub organisation", "Civil service", "Other",
}
LISTED_STATUSES = {"live", "exempt", "joining"}
# Departments' own staff domains, published by each department; the reference data has few.
KNOWN_DOMAINS: dict[str, list[str]] = {
    "attorney-generals-office": ["attorneygeneral.gov.uk"],
    "cabinet-office": ["cabinetoffice.gov.uk"],
    "department-for-business-and-trade": ["businessandtrade.gov.uk"],
    "department-for-culture-media-and-sport": ["dcms.gov.uk"],
    "department-for-education": ["education.gov.uk"],
    "department-for-energy-security-and-net-zero": ["energysecurity.gov.uk"],
    "department-for-environment-food-rural-affairs": ["defra.gov.uk"],
    "department-for-transport": ["dft.gov.uk"],
    "department-for-work-pensions": ["dwp.gov.uk"],
    "department-of-health-and-social-care": ["dhsc.gov.uk"],
    "foreign-commonwealth-development-office": ["fcdo.gov.uk"],
    "government-legal-department": ["governmentlegal.gov.uk"],
    "hm-revenue-customs": ["hmrc.gov.uk"],
    "hm-treasury": ["hmtreasury.gov.uk"],
    "home-office": ["homeoffice.gov.uk"],
    "ministry-of-housing-communities-local-government": ["communities.gov.uk"],
    "ministry-of-justice": ["justice.gov.uk"],
    "office-for-national-statistics": ["ons.gov.uk"],
    "companies-house": ["companieshouse.gov.uk"],
    "driver-and-vehicle-licensing-agency": ["dvla.gov.uk"],
    "intellectual-property-office": ["ipo.gov.uk"],
    "the-national-archives": ["nationalarchives.gov.uk"],
}
WILDCARD_TYPES = {"public_sector_wildcard", "devolved_wildcard", "local_authority", "nhs", "police"}


def kind_of(org: dict) -> str | None:
    if org["format"] in DEPARTMENT_FORMATS:
        return "department"
    if org["format"] in ALB_FORMATS:
        return "arms-length body"
    return None


def domains_by_org(domains: list[dict]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entry in domains:
        if entry["organisation_id"] and entry["organisation_type_id"] not in WILDCARD_TYPES:
            found.setdefault(entry["organisation_id"], []).append(entry["domain_pattern"].lower())
    return found


def is_listed(org: dict, has_domains: bool) -> bool:
    """Departments, agencies and NDPBs that are live; any other body only if it has domains."""
    if org["details"]["govuk_status"] not in LISTED_STATUSES or kind_of(org) is None:
        return False
    core = org["format"] in DEPARTMENT_FORMATS | {"Executive agency", "Executive non-departmental public body"}
    return (core and org["details"]["govuk_status"] == "live") or has_domains


def build(source: Path) -> list[dict]:
    organisations = json.loads((source / "govuk_organisations.json").read_text())
    domains = domains_by_org(json.loads((source / "user_domains.json").read_text())["domains"])
    result = []
    for content_id, org in organisations.items():
        slug = org["details"]["slug"]
        own = sorted(set(domains.get(content_id, []) + KNOWN_DOMAINS.get(slug, [])))
        if not is_listed(org, bool(own)):
            continue
        result.append({
            "id": slug,
            "name": org["title"],
            "kind": kind_of(org),
            "abbreviation": org["details"]["abbreviation"] or "",
            "domains": own,
            "govuk_content_id": content_id,
        })
    return sorted(result, key=lambda o: o["name"].casefold())


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    organisations = build(source)
    OUTPUT.write_text(json.dumps(organisations, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(organisations)} organisations to {OUTPUT}")


if __name__ == "__main__":
    main()
