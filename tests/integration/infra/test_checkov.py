"""checkov (PyPI) on the packaged production template, the edge and the bootstrap stacks, against a reviewed baseline.

infra/checkov-baseline.toml lists each finding that is kept on purpose, with its reason. This fails on
any other finding, and on a baseline entry that no longer matches anything (so the baseline stays true).
checkov lives in its own virtual environment (.tools/checkov, made by `make checkov-install`): it pins
older boto3/botocore than the app uses.
"""

import fnmatch
import json
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CHECKOV = REPO / ".tools" / "checkov" / "bin" / "checkov"
BASELINE = REPO / "infra" / "checkov-baseline.toml"
EDGE = REPO / "infra" / "edge.json"
BOOTSTRAP = REPO / "infra" / "bootstrap.json"


def installed_checkov() -> Path:
    if not CHECKOV.exists():
        pytest.fail(f"checkov is not installed at {CHECKOV}: run make checkov-install (make test does)")
    return CHECKOV


def checkov_findings(*templates: Path) -> list[tuple[str, str]]:
    """One checkov run over all the templates (its start-up is most of a run's time)."""
    checkov = installed_checkov()
    files = [argument for template in templates for argument in ("-f", str(template))]
    result = subprocess.run(
        [str(checkov), *files, "--framework", "cloudformation", "--quiet", "--compact",
         "--skip-download", "-o", "json"],
        capture_output=True, text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "HOME": str(REPO / ".tools"),
                                                           "BC_SKIP_MAPPING": "TRUE"},
    )
    assert result.stdout.strip(), f"checkov printed nothing:\n{result.stderr[-2000:]}"
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    if all("results" not in report for report in reports):  # checkov's shape when nothing failed
        return []
    return sorted((check["check_id"], check["resource"]) for report in reports
                  for check in report["results"]["failed_checks"])


def baseline() -> list[dict]:
    return tomllib.loads(BASELINE.read_text())["accepted"]


def accepted(finding: tuple[str, str], entries: list[dict]) -> bool:
    check, resource = finding
    return any(entry["check"] == check and any(fnmatch.fnmatchcase(resource, pattern)
                                               for pattern in entry["resources"]) for entry in entries)


@pytest.fixture(scope="module")
def findings(packaged) -> list[tuple[str, str]]:
    return checkov_findings(packaged, EDGE, BOOTSTRAP)


def test_checkov_finds_nothing_that_the_baseline_does_not_explain(findings):
    assert findings, "checkov found nothing at all: is it really scanning?"
    unexplained = [f"{check} {resource}" for check, resource in findings if not accepted((check, resource), baseline())]
    assert unexplained == []


def test_every_baseline_entry_still_matches_a_finding_and_gives_a_reason(findings):
    for entry in baseline():
        assert len(entry["reason"].split()) >= 12, entry["check"]
        assert any(accepted(finding, [entry]) for finding in findings), f"stale baseline entry {entry['check']}"


def test_the_baseline_matching_can_fail():
    entries = [{"check": "CKV_AWS_18", "resources": ["AWS::S3::Bucket.SiteBucket"], "reason": "x"}]
    assert accepted(("CKV_AWS_18", "AWS::S3::Bucket.SiteBucket"), entries)
    assert not accepted(("CKV_AWS_18", "AWS::S3::Bucket.Other"), entries)
    assert not accepted(("CKV_AWS_19", "AWS::S3::Bucket.SiteBucket"), entries)


# Run by checkov's Python: each JSONPath parser checkov uses parses without deriving its LALR table
# (make test stores the tables: infra/checkov_parse_tables.py); deriving one would raise here.
USES_STORED_TABLES = """
import importlib, sys
import ply.yacc
def derive(*args, **kwargs):
    raise RuntimeError("PLY derived a parse table: it found no stored one that matches the grammar")
ply.yacc.LRGeneratedTable = derive
for name in sys.argv[1:]:
    try:
        parser = importlib.import_module(name)
    except ModuleNotFoundError:
        print(name, "missing")
        continue
    parser.parse("$.Resources.Bucket.Properties.Tags[0].Value")
    print(name, "ok")
"""


def test_checkovs_jsonpath_parsers_read_the_parse_tables_the_install_stored():
    python = installed_checkov().with_name("python")
    result = subprocess.run([str(python), "-c", USES_STORED_TABLES, "bc_jsonpath_ng", "bc_jsonpath_ng.ext"],
                            capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "missing" not in result.stdout, (
        f"checkov no longer installs these parsers ({result.stdout.strip()}): infra/checkov_parse_tables.py "
        "and this test have nothing left to do")
    assert result.stdout.split() == ["bc_jsonpath_ng", "ok", "bc_jsonpath_ng.ext", "ok"]
