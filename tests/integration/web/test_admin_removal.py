"""An administrator removed from the ``admins`` group in the AWS console (boto3 straight at the user
pool, as the console does: no CLI, no API) loses every admin route within the cache time, with
the same unexpired token. The membership cache's clock is injected: nothing sleeps."""

import pytest

from chalicelib.auth import ADMINS_GROUP
from chalicelib.bootstrap import services

ADMIN_ROUTES = [("GET", "/admin/audit", None), ("GET", "/admin/stats", None), ("GET", "/invitations", None),
                ("POST", "/invitations", {"organisation_id": "hm-revenue-customs", "max_uses": 3}),
                ("GET", "/admin/organisations", None)]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    clock = Clock()
    services().admins.clock = clock
    return clock


def statuses(api, token: str) -> list[int]:
    return [api.call(method, path, token, body).status for method, path, body in ADMIN_ROUTES]


def test_removal_in_the_console_takes_every_admin_route_away_within_the_cache_time(api, aws, people, clock):
    admin = people.add("ada.admin@dwp.gov.uk", admin=True)
    assert statuses(api, admin.token) == [200, 200, 200, 201, 200]
    aws.client.admin_remove_user_from_group(UserPoolId=aws.id, Username=admin.username, GroupName=ADMINS_GROUP)
    ttl = services().settings.admin_check_seconds
    assert ttl <= 60
    clock.now += ttl
    assert statuses(api, admin.token) == [403] * len(ADMIN_ROUTES)


def test_until_the_cache_time_passes_an_instance_may_trust_its_last_reading_and_no_longer(api, aws, people, clock):
    admin = people.add("ada.admin@dwp.gov.uk", admin=True)
    assert api.call("GET", "/admin/audit", admin.token).status == 200
    aws.client.admin_remove_user_from_group(UserPoolId=aws.id, Username=admin.username, GroupName=ADMINS_GROUP)
    clock.now += services().settings.admin_check_seconds - 1
    assert api.call("GET", "/admin/audit", admin.token).status == 200
    clock.now += 1
    assert api.call("GET", "/admin/audit", admin.token).status == 403


def test_someone_added_to_the_group_in_the_console_is_still_refused_until_their_token_says_so(api, aws, people):
    someone = people.add("sam@dwp.gov.uk")
    aws.client.admin_add_user_to_group(UserPoolId=aws.id, Username=someone.username, GroupName=ADMINS_GROUP)
    assert api.call("GET", "/admin/audit", someone.token).status == 403  # the claim AND the membership
