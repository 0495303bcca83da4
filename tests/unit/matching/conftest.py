import fcntl

import pytest

from tests.unit.matching.builders import WAYS, lists_of


@pytest.fixture(params=WAYS)
def lists(request):
    """lists(profiles, exclusions=(), config=MatchConfig()) computed by the index or a recompute engine."""
    return lambda *args, **kwargs: lists_of(request.param, *args, **kwargs)


@pytest.fixture(scope="session", autouse=True)
def _numba_compiled_once(tmp_path_factory):
    """The numba kernels compiled by one test worker at a time: the first writes numba's cache
    (the kernels are cache=True), the other waits and then loads it instead of compiling the
    same kernels at the same time (about 30 s of CPU each on a clean clone)."""
    from infra.recompute.warm_numba_cache import warm  # every kernel: fused, per shard, digests

    shared = tmp_path_factory.getbasetemp().parent  # one folder for all the workers of a run
    with open(shared / "numba-compile.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        warm()
