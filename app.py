"""Mentor Match: Chalice wiring only (route groups, schedules, triggers). No AWS clients here."""

import logging
from dataclasses import asdict

from chalice import Chalice, Rate

from chalicelib import dependencies as deps
from chalicelib.matches.recompute import run_recompute
from chalicelib.matches.sources import match_config
from chalicelib.mentorships.housekeeping import run_housekeeping
from chalicelib.settings import get_settings
from chalicelib.triggers import pre_sign_up as check_pre_sign_up
from chalicelib.web import admin as admin_routes
from chalicelib.web import common, invitations, matches, organisations, profiles
from chalicelib.web import mentorships as mentorship_routes
from chalicelib.web import privacy as privacy_routes
from chalicelib.web import safety as safety_routes
from chalicelib.web.common import now

app = Chalice(app_name="mentor-match")
app.log.setLevel(logging.INFO)

app.register_blueprint(common.auth)
app.register_blueprint(profiles.api)
app.register_blueprint(matches.api)
app.register_blueprint(invitations.api)
app.register_blueprint(organisations.api)
app.register_blueprint(admin_routes.api)
app.register_blueprint(mentorship_routes.api)
app.register_blueprint(safety_routes.api)
app.register_blueprint(privacy_routes.api)


@app.schedule(Rate(1, unit=Rate.HOURS))
def recompute(event):
    """Recompute every match list (new people, capacity changes) and the API's snapshot."""
    summary = run_recompute(deps.profile_repository(), deps.exclusion_source(), deps.match_list_repository(),
                            deps.snapshot_store(), match_config(get_settings()), now())
    return asdict(summary)


@app.lambda_function(name="pre_sign_up")
def pre_sign_up(event, context):
    """Cognito PreSignUp: only work emails of member organisations, or holders of a valid invitation."""
    return check_pre_sign_up(event, deps.invitation_stores(), now())


@app.schedule(Rate(1, unit=Rate.HOURS), name="mentorship_housekeeping")
def mentorship_housekeeping(event):
    """Expire requests unanswered for 30 days; remind and nudge mentors about waiting ones."""
    return asdict(run_housekeeping(deps.journey_stores(), now()))
