"""Load the running local stack (``make run``) with locust, headless, and print the figures.

    python -m infra.load [--users 16] [--seconds 30] [--site http://127.0.0.1:8000]

Two mixes, one after the other, each with ``--users`` concurrent clients (``Connection: close``)
signed in as demo people: a read mix (matches, other people's profiles, mentorships, own profile)
and a write mix (profile saves, messages). For each: requests/s, p50/p95/p99, errors, and the
DynamoDB calls each route made (the local API counts them in ``X-DynamoDB-Calls``). Bounded in
time; only loopback addresses.
"""

from locust import FastHttpUser, between, events, task  # noqa: I001 - locust patches the standard library first
from locust.env import Environment

import argparse
import json
import os
import random
import statistics
import time
import urllib.request
from collections import defaultdict

import boto3
import gevent

CALLS: dict[str, list[int]] = defaultdict(list)
PEOPLE: list[dict] = []
HEADERS = {"Connection": "close"}


@events.request.add_listener
def _count_calls(name: str, response, exception, **_: object) -> None:
    if response is not None and exception is None:
        header = response.headers.get("X-DynamoDB-Calls") if response.headers else None
        if header is not None:
            CALLS[name].append(int(header))


class Reader(FastHttpUser):
    wait_time = between(0, 0)

    def on_start(self) -> None:
        self.me = random.choice(PEOPLE)
        self.auth = {**HEADERS, "Authorization": f"Bearer {self.me['token']}"}

    @task(3)
    def matches(self) -> None:
        self.client.get("/api/me/matches?as=mentee", headers=self.auth, name="GET /me/matches")

    @task(2)
    def profile(self) -> None:
        other = random.choice(PEOPLE)["user_id"]
        self.client.get(f"/api/profiles/{other}", headers=self.auth, name="GET /profiles/{user_id}")

    @task(2)
    def mentorships(self) -> None:
        self.client.get("/api/mentorships", headers=self.auth, name="GET /mentorships")

    @task(1)
    def own_profile(self) -> None:
        self.client.get("/api/me/profile", headers=self.auth, name="GET /me/profile")


class Writer(Reader):
    @task(2)
    def save_profile(self) -> None:
        mine = self.client.get("/api/me/profile", headers=self.auth, name="GET /me/profile").json()
        mine["location"] = random.choice(["Leeds", "Cardiff", "Glasgow", "Belfast", "London"])
        self.client.put("/api/me/profile", json=mine, headers=self.auth, name="PUT /me/profile")

    @task(2)
    def message(self) -> None:
        thread = self.me.get("mentorship_id")
        if thread:
            self.client.post(f"/api/mentorships/{thread}/messages", json={"body": "Thanks, see you Tuesday."},
                             headers=self.auth, name="POST /mentorships/{id}/messages")

    matches = profile = mentorships = own_profile = None  # type: ignore[assignment]  # writes only


def sign_in(site: str, moto: str, users: int, password: str) -> list[dict]:
    config = json.loads(urllib.request.urlopen(f"{site}/config.json").read())
    cognito = boto3.client("cognito-idp", region_name=config["region"], endpoint_url=moto,
                           aws_access_key_id="local", aws_secret_access_key="local")
    listed = cognito.list_users(UserPoolId=config["userPoolId"], Limit=60)["Users"]
    emails = [next(a["Value"] for a in u["Attributes"] if a["Name"] == "email") for u in listed]
    people = []
    for email in [e for e in emails if not e.startswith("admin")][:users]:
        auth = cognito.initiate_auth(ClientId=config["userPoolClientId"], AuthFlow="USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": email, "PASSWORD": password})
        token = auth["AuthenticationResult"]["AccessToken"]
        request = urllib.request.Request(f"{site}/api/mentorships", headers={"Authorization": f"Bearer {token}"})
        mentorships = json.loads(urllib.request.urlopen(request).read())["mentorships"]
        open_ones = [m["mentorship_id"] for m in mentorships if m["can_message"]]
        me = json.loads(urllib.request.urlopen(urllib.request.Request(
            f"{site}/api/me/profile", headers={"Authorization": f"Bearer {token}"})).read())
        people.append({"token": token, "user_id": me["user_id"], "mentorship_id": open_ones[0] if open_ones else ""})
    return people


def run_mix(name: str, user_class: type, site: str, users: int, seconds: int) -> None:
    CALLS.clear()
    environment = Environment(user_classes=[user_class], host=site)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(seconds)
    runner.quit()
    report(name, environment, seconds)


def report(name: str, environment: Environment, seconds: int) -> None:
    total = environment.stats.total
    print(f"\n{name}: {total.num_requests} requests in {seconds} s, {total.total_rps:.1f} requests/s, "
          f"p50 {total.get_response_time_percentile(0.5):.0f} ms, p95 {total.get_response_time_percentile(0.95):.0f} ms, "
          f"p99 {total.get_response_time_percentile(0.99):.0f} ms, errors {total.num_failures}")
    print(f"  {'route':42} {'requests':>8} {'p95 ms':>7} {'DynamoDB calls (mean, max)':>28}")
    for _, entry in sorted(environment.stats.entries.items()):
        calls = CALLS.get(entry.name, [])
        mean = f"{statistics.mean(calls):.1f}, {max(calls)}" if calls else "-"
        print(f"  {entry.name:42} {entry.num_requests:>8} {entry.get_response_time_percentile(0.95):>7.0f} {mean:>28}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--stack", default=".local/stack.json", help="what 'make run' wrote about itself")
    args = parser.parse_args()
    stack = json.loads(open(args.stack).read())
    args.site, args.moto, args.password = stack["site_url"], stack["moto_url"], stack["demo_password"]
    PEOPLE.extend(sign_in(args.site, args.moto, args.users, args.password))
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"{args.users} clients, Connection: close, {args.seconds} s per mix")
    started = time.monotonic()
    run_mix("read mix (matches, profiles, mentorships, own profile)", Reader, args.site, args.users, args.seconds)
    run_mix("write mix (profile saves, messages)", Writer, args.site, args.users, args.seconds)
    print(f"\nload average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())} "
          f"({time.monotonic() - started:.0f} s); a shared machine makes these figures noisy")


if __name__ == "__main__":
    main()
