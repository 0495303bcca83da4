"""Mentor Match: Chalice wiring only (route groups, schedules, triggers). No AWS clients here."""

import logging
from dataclasses import asdict
from typing import Any

from chalice import Chalice, Rate
from chalice.app import CloudWatchEvent

from chalicelib.bootstrap import services
from chalicelib.match_lists.recompute import (
    publish_run,
    run_scheduled_recompute,
    run_shard,
    seed_kernel_cache,
    start_run,
)
from chalicelib.mentorships.housekeeping import run_housekeeping
from chalicelib.triggers import pre_sign_up as check_pre_sign_up
from chalicelib.web import (
    admin,
    common,
    edge,
    invitations,
    match_lists,
    mentor_search,
    mentorships,
    organisations,
    privacy,
    profiles,
    safety,
    sessions,
)
from chalicelib.web.common import now

app = Chalice(app_name="mentor-match")
app.log.setLevel(logging.INFO)

app.register_middleware(edge.only_through_cloudfront, "http")
for blueprint in (common.auth, sessions.api, profiles.api, match_lists.api, invitations.api, organisations.api,
                  admin.api, mentorships.api, safety.api, privacy.api, mentor_search.api):
    app.register_blueprint(blueprint)


@app.schedule(Rate(1, unit=Rate.HOURS))
def recompute(event: CloudWatchEvent) -> dict[str, object]:
    """Recompute every match list (new people, capacity changes) and the API's snapshot; from the
    configured size, start the sharded recompute (the state machine below) instead."""
    s = services()
    seed_kernel_cache(s.settings.numba_cache_seed, s.settings.numba_cache_dir)
    return run_scheduled_recompute(s.recompute, now())


# The sharded recompute's steps, run by the Step Functions state machine in infra/template.json.
@app.lambda_function(name="recompute_prepare")
def recompute_prepare(event: dict[str, Any], context: object) -> dict[str, object]:
    """Build the run's snapshot for the shards; returns the shards to map over."""
    return start_run(services().recompute, now())


@app.lambda_function(name="recompute_shard")
def recompute_shard(event: dict[str, Any], context: object) -> dict[str, object]:
    """Rank one shard of people's lists and write those that changed."""
    s = services()
    seed_kernel_cache(s.settings.numba_cache_seed, s.settings.numba_cache_dir)
    return run_shard(s.recompute, str(event["run"]), int(event["shard"]), int(event["of"]))


@app.lambda_function(name="recompute_publish")
def recompute_publish(event: dict[str, Any], context: object) -> dict[str, object]:
    """After every shard succeeded: publish the snapshot and the digests."""
    return publish_run(services().recompute, str(event["run"]), int(event["of"]), now())


@app.lambda_function(name="pre_sign_up")
def pre_sign_up(event: dict[str, Any], context: object) -> dict[str, Any]:
    """Cognito PreSignUp: the sign-up gate, and one person, one account for LinkedIn sign-ins."""
    return check_pre_sign_up(event, services().sign_up(str(event.get("userPoolId", ""))), now())


@app.schedule(Rate(1, unit=Rate.HOURS), name="mentorship_housekeeping")
def mentorship_housekeeping(event: CloudWatchEvent) -> dict[str, object]:
    """Expire requests unanswered for 30 days; remind and nudge mentors about waiting ones."""
    return asdict(run_housekeeping(services().journey, now()))
