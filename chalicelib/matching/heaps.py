"""Bounded heaps of the k best (score, rank) pairs for the numba kernel (imported lazily).

The root is the worst entry kept: the lowest score, and among equal scores the highest user
rank, so the final order is by score descending, then user id ascending.
"""

import numba as nb
import numpy as np
from numpy.typing import NDArray


@nb.njit(cache=True, nogil=True, inline="always")
def _worse(s1: float, k1: int, s2: float, k2: int) -> bool:
    return s1 < s2 or (s1 == s2 and k1 > k2)


@nb.njit(cache=True, nogil=True)
def _swap(hs: NDArray[np.float64], hk: NDArray[np.int32], i: int, j: int) -> None:
    hs[i], hs[j] = hs[j], hs[i]
    hk[i], hk[j] = hk[j], hk[i]


@nb.njit(cache=True, nogil=True)
def _sift_down(hs: NDArray[np.float64], hk: NDArray[np.int32], size: int, i: int) -> None:
    while True:
        child = 2 * i + 1
        if child >= size:
            return
        if child + 1 < size and _worse(hs[child + 1], hk[child + 1], hs[child], hk[child]):
            child += 1
        if not _worse(hs[child], hk[child], hs[i], hk[i]):
            return
        _swap(hs, hk, i, child)
        i = child


@nb.njit(cache=True, nogil=True)
def push(hs: NDArray[np.float64], hk: NDArray[np.int32], size: int, score: float, key: int) -> int:
    """Offer (score, key) to a heap holding `size` of at most hs.size entries; returns the new size."""
    if size < hs.size:
        i = size
        hs[i], hk[i] = score, key
        while i > 0 and _worse(hs[i], hk[i], hs[(i - 1) // 2], hk[(i - 1) // 2]):
            _swap(hs, hk, i, (i - 1) // 2)
            i = (i - 1) // 2
        return size + 1
    if _worse(hs[0], hk[0], score, key):
        hs[0], hk[0] = score, key
        _sift_down(hs, hk, size, 0)
    return size


@nb.njit(cache=True, nogil=True)
def write_sorted(hs: NDArray[np.float64], hk: NDArray[np.int32], size: int, out_keys: NDArray[np.int32],
                 out_scores: NDArray[np.float64]) -> None:
    """The heap's entries best first (score descending, then key ascending), taken out of the heap,
    which is left empty: the root is the worst entry, so it fills the last place, and so on. (Two
    stable argsorts did the same; numba took about 5 s longer to compile them.)"""
    for last in range(size - 1, -1, -1):
        out_keys[last], out_scores[last] = hk[0], hs[0]
        hs[0], hk[0] = hs[last], hk[last]
        _sift_down(hs, hk, last, 0)


@nb.njit(cache=True, parallel=True)
def merge_heaps(ms: NDArray[np.float64], mk: NDArray[np.int32], msize: NDArray[np.int32],
                out_keys: NDArray[np.int32], out_scores: NDArray[np.float64]) -> None:
    """Per row, the best entries of the per-thread heaps ms[thread, row] (a row's top k overall)."""
    threads, n, k = ms.shape
    for row in nb.prange(n):
        hs = np.empty(k, np.float64)
        hk = np.empty(k, np.int32)
        size = nb.int64(0)  # not the literal 0: push and write_sorted compile for int64 only
        for thread in range(threads):
            for j in range(msize[thread, row]):
                size = push(hs, hk, size, ms[thread, row, j], mk[thread, row, j])
        write_sorted(hs, hk, size, out_keys[row], out_scores[row])
