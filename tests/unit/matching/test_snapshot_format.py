"""The snapshot as bytes (loaded as views, not inflated) and the heavy-tag runs of its sides."""

import gc

import numpy as np
import pytest

from chalicelib.matching import MatchConfig
from chalicelib.matching.arrays import ArraysFormatError, pack, unpack
from chalicelib.matching.snapshot import DuplicateProfileError, Snapshot, SnapshotFormatError
from tests.unit.matching.test_scale import random_population


@pytest.fixture(scope="module")
def snapshot():
    people, _ = random_population(5, 600)
    return Snapshot.build(people, MatchConfig())


def test_packed_arrays_come_back_with_their_dtypes_shapes_and_values():
    arrays = {"ids": np.array([b"a", b"bc"]), "matrix": np.arange(12, dtype=np.int16).reshape(3, 4),
              "empty": np.zeros(0, np.float64), "flags": np.array([True, False])}

    loaded, meta = unpack(pack(arrays, {"version": 7}))

    assert meta == {"version": 7}
    for name, array in arrays.items():
        assert loaded[name].dtype == array.dtype and np.array_equal(loaded[name], array), name


def test_a_loaded_snapshot_reads_its_arrays_straight_from_the_bytes(snapshot):
    data = snapshot.to_bytes()

    loaded = Snapshot.from_bytes(data)

    raw = np.frombuffer(data, dtype=np.uint8)
    for array in (loaded.user_ids, loaded.mentors.tags, loaded.mentees.post_rows, loaded.mentees.size_ids):
        assert np.shares_memory(array, raw)  # a view: nothing was copied or inflated
    assert np.array_equal(loaded.mentees.post_grade, snapshot.mentees.post_grade)
    assert np.array_equal(loaded.mentors.size_table, snapshot.mentors.size_table)


def test_bytes_that_are_not_packed_arrays_or_of_another_version_are_refused(snapshot):
    with pytest.raises(ArraysFormatError):
        Snapshot.from_bytes(b"PK\x03\x04 an old npz snapshot")
    arrays, meta = unpack(snapshot.to_bytes())
    with pytest.raises(SnapshotFormatError):
        Snapshot.from_bytes(pack(arrays, {**meta, "version": 1}))


def test_the_rows_of_a_heavy_tags_runs_are_exactly_the_rows_holding_it(snapshot):
    for side in (snapshot.mentors, snapshot.mentees):
        n_heavy = side.heavy_tags.size
        assert n_heavy >= 1  # the population's professions are held alone
        for slot, tag in enumerate(side.heavy_tags.tolist()):
            width = 1 << (n_heavy - 1 - slot)
            in_runs = set()
            for grade in range(side.grade_ptr.size - 1):
                for prefix in range(1 << slot):
                    first = (grade << n_heavy) + (2 * prefix + 1) * width
                    in_runs.update(range(side.runs[first], side.runs[first + width]))
            holding = {row for row in range(side.n) if tag in side.tags[side.row_ptr[3 * row]: side.row_ptr[3 * row + 3]]}
            assert in_runs == holding


def test_building_leaves_the_garbage_collector_as_it_found_it_even_when_it_fails():
    people, _ = random_population(6, 50)
    was = gc.isenabled()
    try:
        gc.enable()
        Snapshot.build(people, MatchConfig())
        assert gc.isenabled()
        with pytest.raises(DuplicateProfileError):
            Snapshot.build(people + people[:1], MatchConfig())
        assert gc.isenabled()  # paused while building, never left off
        gc.disable()
        Snapshot.build(people, MatchConfig())
        assert not gc.isenabled()  # and not switched on behind the caller's back
    finally:
        gc.enable() if was else gc.disable()
