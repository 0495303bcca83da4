"""Faults injected at the HTTP level into the emulated AWS.

moto answers botocore's requests from a ``before-send`` handler (its ``BotocoreStubber``): the
request is fully built and signed, and the reply goes back through botocore's parsing, error
handling and retries as a real HTTP reply would. ``Faults`` stands in front of it: for the calls
a test names it answers with the service's own throttling reply (HTTP 400
``ThrottlingException``), or raises the read timeout botocore's HTTP layer raises, before moto
sees the request. botocore's back-off sleeps are recorded, not slept (no test waits seconds).
"""

import json
import types
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qs

import botocore.endpoint
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.exceptions import ReadTimeoutError
from moto.core.botocore_stubber import BotocoreStubber, MockRawResponse

Kind = Literal["throttle", "timeout"]
DYNAMODB_THROTTLED = json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                                 "message": "Rate of requests exceeds the allowed throughput."})
SES_THROTTLED = ("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                 "<Message>Maximum sending rate exceeded.</Message></Error><RequestId>fault</RequestId></ErrorResponse>")


@dataclass
class Rule:
    service: str  # "dynamodb" | "ses"
    operation: str  # "GetItem", "TransactWriteItems", "SendEmail"...
    table: str | None  # a DynamoDB table's base name ("profiles"), or None for any
    kind: Kind
    times: int | None  # how many calls fail, None: every call
    failed: int = 0

    def matches(self, service: str, operation: str, tables: set[str]) -> bool:
        if (service, operation) != (self.service, self.operation):
            return False
        if self.table is not None and not any(name.endswith(f"-{self.table}") for name in tables):
            return False
        return self.times is None or self.failed < self.times


@dataclass
class Faults:
    rules: list[Rule] = field(default_factory=list)
    calls: Counter = field(default_factory=Counter)  # (service, operation) -> calls seen, failed or not
    sleeps: list[float] = field(default_factory=list)  # botocore's back-off between attempts

    def dynamodb(self, operation: str, table: str | None = None, kind: Kind = "throttle",
                 times: int | None = None) -> Rule:
        rule = Rule("dynamodb", operation, table, kind, times)
        self.rules.append(rule)
        return rule

    def ses(self, times: int | None = None) -> Rule:
        rule = Rule("ses", "SendEmail", None, "throttle", times)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def answer(self, request: AWSPreparedRequest) -> AWSResponse | None:
        """The fault's reply (or raise its timeout), or None to let moto answer."""
        service, operation, tables = describe(request)
        self.calls[(service, operation)] += 1
        rule = next((r for r in self.rules if r.matches(service, operation, tables)), None)
        if rule is None:
            return None
        rule.failed += 1
        if rule.kind == "timeout":
            raise ReadTimeoutError(endpoint_url=request.url)
        if service == "dynamodb":
            headers, body = {"Content-Type": "application/x-amz-json-1.0"}, DYNAMODB_THROTTLED
        else:
            headers, body = {"Content-Type": "text/xml"}, SES_THROTTLED
        return AWSResponse(request.url, 400, headers, MockRawResponse(body))


def describe(request: AWSPreparedRequest) -> tuple[str, str, set[str]]:
    """(service, operation, table names) of a botocore request."""
    target = request.headers.get("X-Amz-Target", b"")
    target = target.decode() if isinstance(target, bytes) else target
    body = request.body or b""
    text = body.decode() if isinstance(body, bytes) else str(body)
    if target.startswith("DynamoDB_"):
        return "dynamodb", target.split(".", 1)[1], table_names(text)
    action = parse_qs(text).get("Action", [""])[0]
    return ("ses" if action.startswith("Send") else "other"), action, set()


def table_names(text: str) -> set[str]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return set()
    names = {data["TableName"]} if "TableName" in data else set()
    names.update(data.get("RequestItems", {}))
    for item in data.get("TransactItems", []) + data.get("TransactGetItems", []):
        names.update(action["TableName"] for action in item.values() if "TableName" in action)
    return names


def install(monkeypatch) -> Faults:
    faults = Faults()
    moto_answer = BotocoreStubber.__call__

    def answer(stubber, event_name, request, **kwargs):
        if stubber.enabled:
            reply = faults.answer(request)
            if reply is not None:
                return reply
        return moto_answer(stubber, event_name, request, **kwargs)

    monkeypatch.setattr(BotocoreStubber, "__call__", answer)
    real_time = botocore.endpoint.time
    monkeypatch.setattr(botocore.endpoint, "time", types.SimpleNamespace(
        sleep=faults.sleeps.append, time=real_time.time, monotonic=real_time.monotonic))
    return faults
