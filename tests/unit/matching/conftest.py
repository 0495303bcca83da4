import pytest

from tests.unit.matching.builders import WAYS, lists_of


@pytest.fixture(params=WAYS)
def lists(request):
    """lists(profiles, exclusions=(), config=MatchConfig()) computed by the index or a recompute engine."""
    return lambda *args, **kwargs: lists_of(request.param, *args, **kwargs)
