"""Measure what the real journeys ask of AWS, on the local stack: `make cost-measure`.

Starts the local stack exactly as `make run` does, but with the metered emulator
(infra/cost/counting_moto.py), then drives the site's journeys over HTTP through the site server,
as the browser does (the API through /api, Cognito sign-up straight to Cognito), and records for
each journey: API requests, DynamoDB read and write request units, Cognito calls, emails, pages.
Also: bytes stored per person in every table, the recompute's reads, writes, lists changed and
seconds, the snapshot's bytes per person, the bytes of static assets a first page view loads, and
the API's log bytes per request. Writes infra/cost/measured.json, which `make cost` prices.
"""

import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import boto3

from infra.cost.capacity import stored_bytes

REPO = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "measured.json"
PASSWORD = "Measure-The-Cost-2026"
PEOPLE = 200
ASSET = re.compile(r'(?:href|src)="(/(?:stylesheets|javascripts)/[^"?]+)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Stack:
    """The local stack with the metered emulator, started and stopped like tests/conftest.py does."""

    def __enter__(self) -> "Stack":
        folder = Path(tempfile.mkdtemp())
        ready = folder / "ready.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "COGNITO_"))}
        env["MOTO_SERVER_MODULE"] = "infra.cost.counting_moto"
        self.log = open(folder / "stack.log", "w")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(
            [sys.executable, "-m", "infra.local.stack", "--moto-port", str(free_port()), "--api-port",
             str(free_port()), "--site-port", str(free_port()), "--people", str(PEOPLE), "--ready-file", str(ready)],
            cwd=REPO, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 300
        while not ready.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the local stack did not start; see {self.log.name}")
            time.sleep(0.3)
        self.info = json.loads(ready.read_text())
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


class Meter:
    def __init__(self, moto_url: str):
        self.url = moto_url

    def reset(self) -> None:
        urllib.request.urlopen(urllib.request.Request(f"{self.url}/_meter/reset", method="POST"), timeout=10).read()

    def read(self) -> dict[str, float]:
        return dict(json.loads(urllib.request.urlopen(f"{self.url}/_meter", timeout=10).read()))


class Site:
    """HTTP as the site's pages make it: same origin, the session cookies, a bearer token."""

    def __init__(self, url: str, meter: Meter, journal: dict[str, Any]):
        self.url, self.meter, self.journal = url, meter, journal
        self.cookies: dict[str, str] = {}
        self.token = ""
        self.timings: list[float] = []

    def api(self, method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        headers = {"Accept": "application/json", "Connection": "close"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = urllib.request.Request(f"{self.url}/api{path}", method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        self.meter.reset()
        began = time.perf_counter()
        try:
            reply = urllib.request.urlopen(request, timeout=60)
        except urllib.error.HTTPError as error:
            reply = error
        self.timings.append(time.perf_counter() - began)
        data = reply.read()
        assert reply.status == expect, f"{method} {path}: {reply.status} {data[:300]!r}"
        for cookie in reply.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        self._count(f"{method} {re.sub(r'/[0-9a-f-]{20,}', '/{id}', path.split('?')[0])}", len(data))
        return json.loads(data) if data else None

    def _count(self, route: str, reply_bytes: int) -> None:
        used = self.meter.read()
        self.journal["api_requests"] += 1
        self.journal["reply_bytes"] += reply_bytes
        for key, value in used.items():
            self.journal["aws"][key] += value
        per_route = self.journal["routes"][route]
        per_route["requests"] += 1
        per_route["rru"] += used.get("dynamodb:RRU", 0.0)
        per_route["wru"] += used.get("dynamodb:WRU", 0.0)


def new_journal() -> dict[str, Any]:
    return {"runs": 1, "api_requests": 0, "pages": 0, "reply_bytes": 0, "aws": defaultdict(float),
            "routes": defaultdict(lambda: defaultdict(float))}


def sign_up(cognito: Any, client_id: str, email: str, meter: Meter, journal: dict[str, Any]) -> None:
    """What the create-account and verify pages ask of Cognito (straight from the browser)."""
    meter.reset()
    cognito.sign_up(ClientId=client_id, Username=email, Password=PASSWORD,
                    UserAttributes=[{"Name": "email", "Value": email}])
    cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode="123456")
    for key, value in meter.read().items():
        journal["aws"][key] += value


PROFILE = {"display_name": "Measured Person", "job_title": "Policy adviser", "bio": "Here to measure the cost.",
           "organisation_id": "department-for-work-pensions", "grade": "HEO", "location": "Leeds",
           "professions": ["Policy"], "skills_offered": ["policy writing", "data analysis"],
           "skills_wanted": ["leadership", "project management"], "interests": ["running", "reading"],
           "roles": ["mentee", "mentor"], "mentor_capacity": 2, "accepting_requests": True}


def run_journeys(stack: Stack, meter: Meter) -> dict[str, Any]:
    info = stack.info
    cognito = boto3.client("cognito-idp", region_name=info["region"], endpoint_url=info["moto_url"],
                           aws_access_key_id="local", aws_secret_access_key="local")
    journeys: dict[str, dict[str, Any]] = defaultdict(new_journal)
    timings: list[float] = []
    people = []
    for n in range(2):
        email = f"measured.{n}.{uuid.uuid4().hex[:6]}@dwp.gov.uk"
        journal = journeys["sign_up"]
        sign_up(cognito, info["user_pool_client_id"], email, meter, journal)
        site = Site(info["site_url"], meter, journal)
        signed = site.api("POST", "/session", {"email": email, "password": PASSWORD})
        site.token = signed["access_token"]
        site.api("GET", "/organisations")
        site.api("GET", "/me/organisation")
        for kind, prefix in (("skills", "da"), ("skills", "le"), ("interests", "ru"), ("professions", "po")):
            site.api("GET", f"/vocabulary/{kind}?prefix={prefix}")
        site.api("GET", "/me/profile", expect=404)
        made = site.api("PUT", "/me/profile", {**PROFILE, "display_name": f"Measured Person {n}"})
        site.api("GET", "/me/matches?as=mentee")
        journal["pages"] += 8  # start, create account, verify, sign in, 3 profile steps, matches
        timings += site.timings
        people.append((email, site, made))
    mentee, mentor = people[0][1], people[1][1]
    mentor_id = people[1][2]["user_id"] if "user_id" in people[1][2] else mentor.api("GET", "/me/profile")["user_id"]
    for journal_name, steps in journey_steps(mentee, mentor, mentor_id).items():
        for site in (mentee, mentor):
            site.journal = journeys[journal_name]
        steps()
        timings += mentee.timings + mentor.timings
        mentee.timings, mentor.timings = [], []
    journeys["sign_up"]["runs"] = len(people)  # two people signed up; the others ran once
    return {"journeys": {name: freeze(journal) for name, journal in journeys.items()},
            "api_seconds_median": statistics.median(timings), "api_seconds_p95": sorted(timings)[int(len(timings) * .95)]}


def journey_steps(mentee: Site, mentor: Site, mentor_id: str) -> dict[str, Any]:
    state: dict[str, str] = {}

    def visit() -> None:  # a returning visit in a new tab: the session cookie gives a token
        mentee.token = ""
        mentee.token = mentee.api("POST", "/session/refresh")["access_token"]
        mentee.api("GET", "/me/profile")
        mentee.api("GET", "/me/matches?as=mentee")
        mentee.api("GET", "/mentorships")
        mentee.journal["pages"] += 3

    def ask() -> None:
        mentee.api("GET", f"/profiles/{mentor_id}")
        state["id"] = mentee.api("POST", "/mentorships", {"mentor_id": mentor_id, "message": "Would you mentor me?"},
                                 expect=201)["mentorship_id"]
        mentee.journal["pages"] += 3

    def answer() -> None:
        mentor.api("GET", "/mentorships")
        mentor.api("POST", f"/mentorships/{state['id']}/accept")
        mentor.journal["pages"] += 2

    def converse() -> None:
        for site, text in ((mentee, "Thank you!"), (mentor, "Happy to help."), (mentee, "Tuesday?")):
            site.api("GET", f"/mentorships/{state['id']}/messages")
            site.api("POST", f"/mentorships/{state['id']}/messages", {"body": text}, expect=201)
        mentee.journal["pages"] += 3

    def sign_out() -> None:
        mentee.api("DELETE", "/session", expect=204)
        mentee.journal["pages"] += 1

    return {"visit": visit, "ask_for_mentoring": ask, "answer_a_request": answer, "conversation": converse,
            "sign_out": sign_out}


def freeze(journal: dict[str, Any]) -> dict[str, Any]:
    return {**journal, "aws": dict(journal["aws"]), "routes": {k: dict(v) for k, v in journal["routes"].items()}}


def stored_per_person(stack: Stack) -> dict[str, float]:
    """Bytes billed per person in each table (its items, plus each ALL-projection index's copy)."""
    info = stack.info
    dynamo = boto3.client("dynamodb", region_name=info["region"], endpoint_url=info["moto_url"],
                          aws_access_key_id="local", aws_secret_access_key="local")
    people = dynamo.scan(TableName=f"{info['table_prefix']}profiles", Select="COUNT")["Count"]
    result = {}
    for name in dynamo.list_tables()["TableNames"]:
        items = [i for page in dynamo.get_paginator("scan").paginate(TableName=name) for i in page["Items"]]
        copies = 1 + sum(1 for index in dynamo.describe_table(TableName=name)["Table"].get("GlobalSecondaryIndexes", [])
                         if index["Projection"]["ProjectionType"] == "ALL")
        result[name.removeprefix(info["table_prefix"])] = stored_bytes(items) * copies / max(people, 1)
    return {"people": people, "bytes_per_person": result}


def recompute_run(stack: Stack, meter: Meter, site: Site) -> dict[str, Any]:
    """The scheduled recompute after one person changed their profile (as the hourly run finds it)."""
    env = {**os.environ, "MOTO_PORT": stack.info["moto_url"].rsplit(":", 1)[1]}
    profile = site.api("GET", "/me/profile")
    site.api("PUT", "/me/profile", {**{k: v for k, v in profile.items() if k in PROFILE}, "version": profile["version"],
                                    "skills_wanted": ["leadership", "coaching"]})
    meter.reset()
    out = subprocess.run([sys.executable, "-m", "infra.local.recompute"], cwd=REPO, env=env, capture_output=True,
                         text=True, check=True).stdout
    summary = json.loads(out.split("Recompute finished:", 1)[1])
    used = meter.read()
    s3 = boto3.client("s3", region_name=stack.info["region"], endpoint_url=stack.info["moto_url"],
                      aws_access_key_id="local", aws_secret_access_key="local")
    snapshot = s3.head_object(Bucket="mentor-match-local-snapshots", Key="matching/snapshot.npz")["ContentLength"]
    return {"summary": summary, "rru": used.get("dynamodb:RRU", 0.0), "wru": used.get("dynamodb:WRU", 0.0),
            "s3_put_bytes": used.get("s3:PUT:bytes", 0.0), "snapshot_bytes": snapshot,
            "tables": {k: v for k, v in used.items() if k.startswith("dynamodb-table:")}}


def first_page_assets(site_url: str) -> dict[str, float]:
    """Requests and bytes of a first view of a typical page (the HTML, its CSS, scripts and fonts)."""
    html = urllib.request.urlopen(f"{site_url}/matches", timeout=10).read()
    assets = sorted(set(ASSET.findall(html.decode())))
    sizes = [len(html)] + [len(urllib.request.urlopen(f"{site_url}{a}", timeout=10).read()) for a in assets]
    fonts = list((REPO / "frontend" / "dist" / "assets" / "fonts").glob("*.woff2"))[:2]
    sizes += [f.stat().st_size for f in fonts]
    return {"requests": len(sizes) + 1, "bytes": float(sum(sizes)), "html_bytes": float(len(html))}  # +1: config.json


ENGINE_SERIES = ("recompute_engine", "recompute_hourly")  # measured by make coldstart and make bench


def with_engine_series(before: dict[str, Any], measured: dict[str, Any]) -> dict[str, Any]:
    """What this measure writes: its own figures, and the engine's series (and their notes) kept from
    the file as they were, since they come from make coldstart and make bench, not from here."""
    return {**{key: value for key, value in before.items() if key.startswith(ENGINE_SERIES)}, **measured}


def main() -> None:
    started = time.time()
    with Stack() as stack:
        meter = Meter(stack.info["moto_url"])
        log = REPO / ".local" / "api.log"
        log_before = log.stat().st_size if log.exists() else 0
        journeys = run_journeys(stack, meter)
        requests = sum(j["api_requests"] for j in journeys["journeys"].values())
        log_bytes = (log.stat().st_size - log_before) / max(requests, 1)
        person = Site(stack.info["site_url"], meter, new_journal())
        signed = person.api("POST", "/session", {"email": stack.info["demo_user"], "password": stack.info["demo_password"]})
        person.token = signed["access_token"]
        measured = {
            "measured_on": time.strftime("%Y-%m-%d"),
            "how": "make cost-measure: the local stack (moto with a meter, chalice local, the site server), "
                   f"{PEOPLE} demo people, journeys driven over HTTP as the site makes them",
            **journeys,
            "api_log_bytes_per_request": log_bytes,
            "storage": stored_per_person(stack),
            "recompute": recompute_run(stack, meter, person),
            "first_page_view": first_page_assets(stack.info["site_url"]),
            "seconds": round(time.time() - started, 1),
        }
    measured = with_engine_series(json.loads(OUT.read_text()) if OUT.exists() else {}, measured)
    OUT.write_text(json.dumps(measured, indent=2, sort_keys=True) + "\n")
    print(f"Measured in {measured['seconds']} s; written to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
