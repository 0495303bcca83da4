"""Mentor Match: Chalice wiring only (route groups, schedules, triggers). No AWS clients here."""

import logging

from chalice import Chalice

from chalicelib.web import common, profiles

app = Chalice(app_name="mentor-match")
app.log.setLevel(logging.INFO)

app.register_blueprint(common.auth)
app.register_blueprint(profiles.api)
