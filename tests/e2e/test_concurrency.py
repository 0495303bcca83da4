"""The local stack under concurrent people: each request is served as its own person with its own body.

Chalice keeps the request being handled on the app object (``app.current_request``): one request
at a time, as in a Lambda instance. Served by threads that share one app, a request could read
another's body or act as another person; the local stack's API processes take one request at a
time each (infra/local/stack.py), as Lambda instances do.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.builders import make_profile_body
from tests.e2e.api_client import api, sign_up_and_sign_in

pytestmark = pytest.mark.e2e
PEOPLE = 16


def test_sixteen_people_saving_at_once_each_get_their_own_profile_back(local_stack):
    tokens = [sign_up_and_sign_in(local_stack.site_url, local_stack.user_pool_client_id)[1]["AccessToken"]
              for _ in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)

    def save(number: int, version: int | None) -> tuple[int, object]:
        body = make_profile_body(display_name=f"Person Number {chr(65 + number)}", bio=f"Bio {number}",
                                 **({"version": version} if version else {}))
        start.wait()
        reply = api(local_stack.site_url, "PUT", "/me/profile", tokens[number], body)
        return reply.status, reply.body

    for version in (None, 1, 2):
        with ThreadPoolExecutor(PEOPLE) as pool:
            replies = list(pool.map(save, range(PEOPLE), [version] * PEOPLE))
        assert [status for status, _ in replies] == [200] * PEOPLE, replies
        assert [body["display_name"] for _, body in replies] == [f"Person Number {chr(65 + n)}" for n in range(PEOPLE)]
        assert [body["version"] for _, body in replies] == [(version or 0) + 1] * PEOPLE
        assert len({body["user_id"] for _, body in replies}) == PEOPLE
