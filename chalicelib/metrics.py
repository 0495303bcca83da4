"""Business metrics as CloudWatch embedded-metric-format (EMF) log lines.

Lambda sends stdout to CloudWatch Logs, which turns each EMF line into metric data points:
no PutMetricData call, no client, no extra latency. Every metric carries the ``Stage``
dimension (the console dashboard and alarms in infra/template.json read ``Stage=prod``);
extra dimensions a caller passes are published as a second dimension set, so the metric is
also visible under the plain ``Stage`` set the dashboard uses.

    from chalicelib.metrics import emit
    emit({"Requests": 1})
    emit({"RecomputeSeconds": 12.5, "ListsChanged": 340})

Lines carry numbers and dimension values only: never names, emails or message text.
"""

import json
import sys
import time
from collections.abc import Callable
from typing import TextIO

from chalicelib.settings import get_settings

NAMESPACE = "MentorMatch"
METRICS = ("SignUps", "Profiles", "Requests", "Accepts", "RecomputeSeconds", "ListsChanged", "EmailsNotSent")


def unit_of(name: str) -> str:
    return "Seconds" if name.endswith("Seconds") else "Count"


def emf_record(metrics: dict[str, float], dimensions: dict[str, str], timestamp_ms: int) -> dict[str, object]:
    """One EMF document: the metric values at top level, described by ``_aws``."""
    dimension_sets = [["Stage"]]
    if set(dimensions) - {"Stage"}:
        dimension_sets.append(sorted(dimensions))
    return {
        "_aws": {
            "Timestamp": timestamp_ms,
            "CloudWatchMetrics": [{
                "Namespace": NAMESPACE,
                "Dimensions": dimension_sets,
                "Metrics": [{"Name": name, "Unit": unit_of(name)} for name in sorted(metrics)],
            }],
        },
        **{key: str(value) for key, value in dimensions.items()},
        **{name: float(value) for name, value in metrics.items()},
    }


def emit(
    metrics: dict[str, float],
    dimensions: dict[str, str] | None = None,
    *,
    out: TextIO | None = None,
    clock: Callable[[], float] = time.time,
) -> dict[str, object]:
    """Write one EMF line with these metric values; returns the document written."""
    if not metrics:
        return {}
    all_dimensions = {"Stage": get_settings().stage, **(dimensions or {})}
    record = emf_record(metrics, all_dimensions, int(clock() * 1000))
    stream = out or sys.stdout
    stream.write(json.dumps(record, separators=(",", ":")) + "\n")
    stream.flush()
    return record
