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


def make_clients_before_fork() -> None:
    """Making a botocore client reads its service's description (large JSON files: DynamoDB's,
    S3's and Cognito's cost a worker about 0.4 s of CPU together, measured with 16 workers). Made
    once here, in the master, the workers inherit the DynamoDB client and the process's clients for
    bootstrap.AWS_SERVICES (bootstrap.aws_client, which aws_adapters uses) instead of each making
    them again. Only clients are made, no request: no connection crosses the fork."""
    from chalicelib.adapters.dynamo.tables import bind_tables, connection
    from chalicelib.bootstrap import AWS_SERVICES, aws_client
    from chalicelib.settings import get_settings

    settings = get_settings()
    bind_tables(settings)
    connection().client  # noqa: B018 (PynamoDB makes its botocore client on first use of .client)
    for service in AWS_SERVICES:
        aws_client(settings.region, settings.aws_endpoint_url, service)


make_clients_before_fork()


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
