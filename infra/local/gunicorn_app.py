"""What gunicorn serves in the local stack: ``gunicorn -c python:infra.local.gunicorn_app
infra.local.gunicorn_app:application`` (this module is also its configuration).

Each worker warms up before it takes its first request, as a Lambda instance's first request
would: it reads the match snapshot and runs the matching kernels once (their compiled code is
cached on disk by numba), so sixteen workers starting at once do not make sixteen people wait.
Before that, gunicorn's master (which loads this module once, ``--preload``) makes the AWS clients
the workers use, so that no worker reads the clients' service descriptions again after the fork.
"""

from datetime import UTC, datetime

from infra.local.wsgi import make_application

application = make_application()


# gunicorn's master loads this module once (--preload) and makes the workers' AWS clients before it
# forks them (prefork.py); after make_application, whose call counter must see every client made.
from infra.local import prefork  # noqa: E402, F401


def post_worker_init(worker: object) -> None:
    """gunicorn calls this in each worker after it starts, before it accepts connections."""
    from chalicelib.bootstrap import services
    from chalicelib.matching.model import MatchProfile

    someone = MatchProfile(user_id="warm-up", roles=frozenset({"mentee", "mentor"}), grade="G7",
                           skills_offered=frozenset({"python"}), skills_wanted=frozenset({"python"}),
                           interests=frozenset(), professions=frozenset(), mentor_capacity=1)
    try:
        index = services().index_cache.current(datetime.now(UTC))
        index.mentors_for(someone)
        index.mentees_for(someone)
    except Exception as error:  # no snapshot yet, or storage not up: the first request warms up instead
        print(f"worker warm-up skipped: {type(error).__name__}", flush=True)
