"""`RECOMPUTE_SHARDS=<n> make recompute`: the local runner plays the state machine, one process per
shard, against a moto server, and leaves the same match lists as the single invocation."""

import contextlib
import importlib.util
import os
import subprocess
import sys

import boto3
import pytest
from moto.server import ThreadedMotoServer

from chalicelib.adapters.dynamo.profiles import DynamoProfileRepository
from chalicelib.adapters.dynamo.tables import MatchListModel
from chalicelib.settings import get_settings, reset_settings
from infra.local import recompute
from infra.local.emulator import keep_module_list
from infra.local.recompute import local_environment
from infra.local.resources import create_tables
from tests.conftest import REPO, free_port
from tests.unit.match_lists.test_sharded_recompute import generated_profiles


@pytest.fixture(scope="module")
def moto_server():
    """One moto server for the module's tests (each test empties it first)."""
    port = free_port()
    keep_module_list()  # as the local stack's emulator does (infra/local/emulator.py)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield port
    server.stop()


@pytest.fixture
def moto_port(moto_server, monkeypatch):
    port = moto_server
    for name in [name for name in os.environ if name.startswith(("AWS_", "COGNITO_", "RECOMPUTE_"))]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("TABLE_PREFIX", raising=False)
    for name, value in {**local_environment(port), "MOTO_PORT": str(port)}.items():
        monkeypatch.setenv(name, value)
    reset_settings()
    settings = get_settings()
    create_tables(settings)
    s3 = boto3.client("s3", region_name=settings.region)
    with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):  # moto's state may outlive a test
        s3.create_bucket(Bucket=settings.snapshot_bucket,
                         CreateBucketConfiguration={"LocationConstraint": settings.region})
    forget_every_list(settings)
    for profile in DynamoProfileRepository().scan_all():  # from the start: nobody
        DynamoProfileRepository().delete(profile.user_id)
    yield port
    reset_settings()


def make_recompute(shards: int | None) -> str:
    env = {**os.environ, **({"RECOMPUTE_SHARDS": str(shards)} if shards else {})}
    done = subprocess.run([sys.executable, "-m", "infra.local.recompute"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def stored_lists() -> dict:
    return {(item.user_id, item.role): item.entries for item in MatchListModel.scan()}


def forget_every_list(settings) -> None:
    """Back to before any recompute: no lists, no snapshot, no digests."""
    for item in MatchListModel.scan():
        item.delete()
    s3 = boto3.client("s3", region_name=settings.region)
    for item in s3.list_objects_v2(Bucket=settings.snapshot_bucket).get("Contents", []):
        s3.delete_object(Bucket=settings.snapshot_bucket, Key=item["Key"])


def test_sharded_processes_leave_the_same_lists_as_one_invocation(moto_port):
    people = generated_profiles(21, 10)  # 12 people, two of them without any candidate
    repository = DynamoProfileRepository()
    for profile in people:
        repository.save(profile)
    make_recompute(None)
    single = stored_lists()
    assert len(single) >= len(people)

    for shards in (3, len(people)):  # and shards of one person each
        forget_every_list(get_settings())
        printed = make_recompute(shards)
        assert f'"shards": {shards}' in printed
        assert stored_lists() == single


def second_shard_fails(event: dict, environment: dict[str, str]) -> str | None:
    """The shard processes' work, except that shard 1 fails (the runner finds it by this name)."""
    if event["shard"] == 1:
        return "shard 1 could not write its lists"
    return recompute.run_shard(event, environment)


def test_a_failed_shard_stops_the_run_before_it_publishes_and_a_re_run_completes_it(moto_port, monkeypatch):
    people = generated_profiles(21, 10)
    repository = DynamoProfileRepository()
    for profile in people:
        repository.save(profile)
    monkeypatch.setenv("RECOMPUTE_SHARDS", "3")
    reset_settings()
    settings = get_settings()
    with monkeypatch.context() as patch:
        patch.setattr(recompute, "run_shard", second_shard_fails)
        with pytest.raises(recompute.ShardsFailedError, match="1 of 3 shards failed:\nshard 1 could not write its lists"):
            recompute.run_sharded()
    s3 = boto3.client("s3", region_name=settings.region)
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=settings.snapshot_bucket).get("Contents", [])]
    assert settings.snapshot_key not in keys  # nothing published: the API keeps the last good snapshot
    assert keys and all("/runs/" in key for key in keys)

    assert recompute.run_sharded()["shards"] == 3  # every shard works again: a re-run completes the lists
    sharded = stored_lists()
    forget_every_list(settings)
    assert recompute.invoke_recompute()["shards"] == 1  # the hourly handler: one invocation
    assert sharded == stored_lists()


def test_the_fork_server_preloads_modules_that_exist():
    """multiprocessing skips a preload it cannot import without a word: a renamed prefork.py would
    leave every shard making its own AWS clients again, and nothing else would notice."""
    missing = [name for name in recompute.FORK_SERVER_PRELOAD if importlib.util.find_spec(name) is None]
    assert missing == []
    assert "infra.local.prefork" in recompute.FORK_SERVER_PRELOAD
