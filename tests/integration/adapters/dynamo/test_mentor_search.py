"""The index of mentors in DynamoDB on moto: entries replaced by difference, read by grade range and cursor."""

import pytest

from chalicelib.adapters.dynamo.search import DynamoMentorSearchIndex
from chalicelib.adapters.dynamo.tables import SearchModel


@pytest.fixture
def index(aws):
    return DynamoMentorSearchIndex()


def stored() -> set[tuple[str, str]]:
    return {(item.bucket, item.entry) for item in SearchModel.scan() if item.entry != "entries"}


def test_replacing_writes_the_new_entries_and_removes_the_old(index):
    index.replace("ada", "5#ada", frozenset({"all", "skill#python", "org#dwp"}))
    index.replace("ada", "6#ada", frozenset({"all", "skill#sql"}))  # promoted, and changed skills
    assert stored() == {("all", "6#ada"), ("skill#sql", "6#ada")}


def test_pages_follow_the_grade_range_in_key_order_from_a_cursor(index):
    for rank, user_id in [(2, "a"), (3, "b"), (3, "c"), (5, "d"), (9, "e")]:
        index.replace(user_id, f"{rank}#{user_id}", frozenset({"all"}))
    assert index.page("all", 3, 9, "", 10) == ["3#b", "3#c", "5#d", "9#e"]
    assert index.page("all", 3, 9, "", 2) == ["3#b", "3#c"]
    assert index.page("all", 3, 9, "3#c", 2) == ["5#d", "9#e"]
    assert index.page("all", 5, 5, "", 10) == ["5#d"]
    assert index.page("all", 3, 9, "1#z", 10) == ["3#b", "3#c", "5#d", "9#e"]  # a cursor below the range
    assert index.page("all", 1, 0, "", 10) == []
    assert index.any_in("all", 9, 9) and not index.any_in("all", 6, 8) and not index.any_in("skill#r", 0, 9)


def test_forgetting_a_person_removes_every_entry_and_counts_them(index):
    index.replace("ada", "5#ada", frozenset({"all", "skill#python"}))
    index.replace("ben", "5#ben", frozenset({"all"}))
    assert index.forget("ada") == 2
    assert stored() == {("all", "5#ben")}
    assert index.forget("ada") == 0
