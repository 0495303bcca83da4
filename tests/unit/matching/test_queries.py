"""top_rows: the k best targets of one query, whether its floor comes from a sample or a full count."""

import numpy as np
import pytest

from chalicelib.matching.queries import SAMPLE_STRIDE, Cells, top_rows


def brute_force(cells: Cells, ranks: np.ndarray, k: int) -> list[tuple[int, float]]:
    scores = cells.scores[cells.cells]
    rows = [row for row in range(cells.cells.size) if scores[row] > 0.0]
    rows.sort(key=lambda row: (-scores[row], ranks[row + cells.lo]))
    return [(row + cells.lo, float(scores[row])) for row in rows[:k]]


def as_pairs(result) -> list[tuple[int, float]]:
    rows, scores = result
    return list(zip(rows.tolist(), scores.tolist(), strict=True))


def random_cells(seed: int, n: int, n_cells: int, positive_share: float, lo: int = 0) -> tuple[Cells, np.ndarray]:
    rng = np.random.default_rng(seed)
    # Few distinct scores, so many targets tie and ranks decide.
    scores = np.round(rng.random(n_cells), 1) * (rng.random(n_cells) < positive_share)
    cells = Cells(lo=lo, cells=rng.integers(0, n_cells, n).astype(np.intp), scores=scores)
    ranks = rng.permutation(n + lo).astype(np.int32)
    return cells, ranks


@pytest.mark.parametrize("seed", range(12))
def test_the_k_best_of_many_targets_with_ties_are_exact(seed):
    cells, ranks = random_cells(seed, n=20_000, n_cells=300, positive_share=0.5, lo=37)
    assert as_pairs(top_rows(cells, ranks, 20)) == brute_force(cells, ranks, 20)


@pytest.mark.parametrize("positives", [0, 1, 5, 19, 20, 21, 60])
def test_when_few_targets_score_the_sample_guesses_wrong_and_every_target_is_counted(positives):
    rng = np.random.default_rng(positives)
    n = 50 * SAMPLE_STRIDE * 4 * 20
    cells = np.zeros(n, dtype=np.intp)  # cell 0 scores 0
    cells[rng.choice(n, positives, replace=False)] = rng.integers(1, 4, positives)
    found = Cells(lo=0, cells=cells, scores=np.array([0.0, 0.9, 0.5, 0.5]))
    ranks = rng.permutation(n).astype(np.int32)
    result = as_pairs(top_rows(found, ranks, 20))
    assert result == brute_force(found, ranks, 20)
    assert len(result) == min(positives, 20)


def test_a_few_targets_are_counted_without_a_sample():
    cells, ranks = random_cells(3, n=50, n_cells=10, positive_share=0.7)
    assert as_pairs(top_rows(cells, ranks, 20)) == brute_force(cells, ranks, 20)


def test_a_sample_that_overstates_the_scoring_targets_is_caught(monkeypatch):
    from chalicelib.matching import queries

    n, k = 50 * SAMPLE_STRIDE * 4 * 20, 20
    cells = np.zeros(n, dtype=np.intp)
    cells[np.arange(12) * SAMPLE_STRIDE] = 1  # every best target is in the sample: it guesses 12 x 8 of them
    cells[np.arange(30) * SAMPLE_STRIDE + 1] = 2  # and weaker ones, none in the sample
    found = Cells(lo=0, cells=cells, scores=np.array([0.0, 0.7, 0.3]))
    guesses = []
    guess = queries._sampled_floor
    monkeypatch.setattr(queries, "_sampled_floor", lambda *args: guesses.append(guess(*args)) or guesses[-1])
    ranks = np.arange(n, dtype=np.int32)[::-1].copy()
    result = as_pairs(top_rows(found, ranks, k))
    assert guesses == [0.7]  # a floor was guessed, and only 12 targets reach it: all targets were counted
    assert result == brute_force(found, ranks, k)
    assert [score for _, score in result] == [0.7] * 12 + [0.3] * 8
