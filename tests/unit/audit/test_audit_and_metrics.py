"""The audit log holds ids only; metrics are CloudWatch embedded-metric-format lines."""

import io
import json
from datetime import timedelta

import pytest

from chalicelib.audit.domain import audit_entry
from chalicelib.audit.service import recent_entries
from chalicelib.metrics import emit
from tests.fakes.audit import InMemoryAuditLog
from tests.unit.invitations.fakes import NOW


def test_an_email_shaped_actor_or_target_is_scrubbed_from_the_audit_log():
    entry = audit_entry("cli:arn:aws:sts::1:assumed-role/Admin/jo.bloggs@cabinetoffice.gov.uk", "admin.add",
                        "sub-1", NOW)
    assert "@" not in entry.actor and entry.actor.endswith("Admin/<email>")


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(ValueError):
        audit_entry("admin-1", "made.up", "x", NOW)


def test_recent_entries_are_newest_first_across_days():
    log = InMemoryAuditLog()
    for hours in (50, 1, 26):
        log.record(audit_entry("admin-1", "invitation.create", f"inv-{hours}", NOW - timedelta(hours=hours)))
    assert [e["target_id"] for e in recent_entries(log, NOW, days=3)] == ["inv-1", "inv-26", "inv-50"]
    assert [e["target_id"] for e in recent_entries(log, NOW, days=1)] == ["inv-1"]


def test_a_metric_line_is_embedded_metric_format_in_the_mentor_match_namespace(monkeypatch):
    monkeypatch.setenv("MENTOR_MATCH_STAGE", "prod")
    from chalicelib.settings import reset_settings
    reset_settings()
    out = io.StringIO()
    emit({"Profiles": 1, "RecomputeSeconds": 2.5}, {"Trigger": "schedule"}, out=out, clock=lambda: 1700000000.0)
    reset_settings()
    line = json.loads(out.getvalue())
    directive = line["_aws"]["CloudWatchMetrics"][0]
    assert line["_aws"]["Timestamp"] == 1700000000000
    assert directive["Namespace"] == "MentorMatch"
    assert directive["Dimensions"] == [["Stage"], ["Stage", "Trigger"]]
    assert {m["Name"]: m["Unit"] for m in directive["Metrics"]} == {"Profiles": "Count", "RecomputeSeconds": "Seconds"}
    assert (line["Stage"], line["Trigger"], line["Profiles"], line["RecomputeSeconds"]) == ("prod", "schedule", 1.0, 2.5)
