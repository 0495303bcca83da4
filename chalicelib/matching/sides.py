"""One side of matching (available mentors, or mentees) as compact arrays.

Rows are sorted by (grade, user id), so the grade rule selects a contiguous range: a mentee's
mentors are a suffix of the mentor side, a mentor's mentees a prefix of the mentee side.
Each row has three tag segments (its skills, interests, professions); posting lists map every
tag to the rows holding it, in row order, with per-grade offsets so a query reads only the
part of a list inside its grade range.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from chalicelib.grades import GRADE_RANK, GRADES
from chalicelib.matching.model import MatchProfile
from chalicelib.matching.tagspace import TagSpace

N_GRADES = len(GRADES)


@dataclass(frozen=True, eq=False)
class Side:
    ranks: NDArray[np.int32]  # (n,): the row's user, as its position among all sorted user ids
    grade_ptr: NDArray[np.int64]  # (N_GRADES + 1,): rows of grade g are grade_ptr[g] .. grade_ptr[g + 1] - 1
    sizes: NDArray[np.int32]  # (n, 3): set sizes per dimension
    tags: NDArray[np.int32]  # the tag ids of every row, row by row, dimension by dimension
    dim_ptr: tuple[int, ...]  # the tag space's: dimension d holds ids dim_ptr[d] .. dim_ptr[d + 1] - 1
    n_users: int
    # Heavy tags (heavytags.py): inside a grade, rows are sorted by which of these tags they hold;
    # rows of grade g with heavy bits b are heavy_ptr[g·2**H + b] .. heavy_ptr[g·2**H + b + 1] - 1.
    heavy_tags: NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    heavy_ptr: NDArray[np.int64] | None = None

    @property
    def n(self) -> int:
        return int(self.ranks.size)

    @property
    def n_tags(self) -> int:
        return self.dim_ptr[-1]

    @cached_property
    def row_ptr(self) -> NDArray[np.int64]:
        """Tags of row r in dimension d: tags[row_ptr[3r + d] : row_ptr[3r + d + 1]]."""
        return np.concatenate(([0], np.cumsum(self.sizes.ravel(), dtype=np.int64)))

    @cached_property
    def heavy_slot(self) -> NDArray[np.int64]:
        """int64 (n_tags,): each heavy tag's slot in heavy_tags, -1 for the others (a lookup, not np.isin)."""
        slots = np.full(self.n_tags, -1, dtype=np.int64)
        slots[self.heavy_tags] = np.arange(self.heavy_tags.size)
        return slots

    def tag_mask(self, ids: NDArray[np.int32]) -> NDArray[np.bool_]:
        """bool (n_tags,): True for these tag ids; mask[tags] tests membership (cheaper than np.isin)."""
        mask = np.zeros(self.n_tags, dtype=np.bool_)
        mask[ids] = True
        return mask

    @cached_property
    def dim_sizes(self) -> NDArray[np.int32]:
        return np.ascontiguousarray(self.sizes.T)

    @cached_property
    def cell_scores(self) -> dict[tuple[tuple[int, ...], tuple[int, ...], tuple[float, ...]],
                                  NDArray[np.float64]]:
        """Per-query score tables already computed, by (query sizes, widths, weights)."""
        return {}

    @cached_property
    def _size_classes(self) -> tuple[NDArray[np.int64], NDArray[np.int32]]:
        if self.n == 0:
            return np.zeros((0, 3), dtype=np.int64), np.zeros(0, dtype=np.int32)
        # Pack the three sizes into one integer so np.unique sorts a flat array.
        packed = (self.sizes[:, 0].astype(np.int64) << 40) | (self.sizes[:, 1].astype(np.int64) << 20) | self.sizes[:, 2]
        codes, ids = np.unique(packed, return_inverse=True)
        table = np.stack((codes >> 40, (codes >> 20) & 0xFFFFF, codes & 0xFFFFF), axis=1)
        return table.astype(np.int64), ids.reshape(-1).astype(np.int32)

    @property
    def size_table(self) -> NDArray[np.int64]:
        """int64 (n_classes, 3): the distinct (skills, interests, professions) set sizes."""
        return self._size_classes[0]

    @property
    def size_ids(self) -> NDArray[np.int32]:
        """int32 (n,): each row's size class (a row of size_table)."""
        return self._size_classes[1]

    @cached_property
    def _postings(self) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.int64]]:
        entry_rows = np.repeat(np.arange(self.n, dtype=np.int32), self.sizes.sum(axis=1))
        order = np.argsort(self.tags, kind="stable")
        post_rows = entry_rows[order]
        post_ptr = np.concatenate(([0], np.cumsum(np.bincount(self.tags, minlength=self.n_tags))))
        # Rows ascend inside each list, so (tag, row) keys ascend over the whole array.
        keys = self.tags[order].astype(np.int64) * (self.n + 1) + post_rows
        wanted = np.arange(self.n_tags, dtype=np.int64)[:, None] * (self.n + 1) + self.grade_ptr[None, :]
        post_grade = np.searchsorted(keys, wanted).astype(np.int64)
        return post_ptr.astype(np.int64), post_rows, post_grade

    @property
    def post_rows(self) -> NDArray[np.int32]:
        """Rows holding each tag, list by list (int32)."""
        return self._postings[1]

    @property
    def runs(self) -> NDArray[np.int64]:
        """The heavy-tag run offsets (just grade_ptr when the side has no heavy tags)."""
        return self.grade_ptr if self.heavy_ptr is None else self.heavy_ptr

    @cached_property
    def post_sizes(self) -> NDArray[np.uint8]:
        """uint8: per posting entry, the size of its row's set in the tag's dimension (the kernel's bound)."""
        # Lists are in tag order, so dimension d's entries are those of its id range, one run each.
        dims = np.repeat(np.arange(3), np.diff(self._postings[0][list(self.dim_ptr)]))
        return np.minimum(self.sizes[self.post_rows, dims], 255).astype(np.uint8)

    @property
    def post_grade(self) -> NDArray[np.int64]:
        """int64 (n_tags, N_GRADES + 1): list t's rows of grade >= g start at post_grade[t, g]."""
        return self._postings[2]

    @cached_property
    def row_of_rank(self) -> NDArray[np.int32]:
        rows = np.full(self.n_users, -1, dtype=np.int32)
        rows[self.ranks] = np.arange(self.n, dtype=np.int32)
        return rows

    def row_tags(self, row: int, dim: int) -> NDArray[np.int32]:
        start = 3 * row + dim
        return self.tags[self.row_ptr[start] : self.row_ptr[start + 1]]

    def tags_of_rows(self, rows: NDArray[np.intp], dim: int | None = None) -> tuple[NDArray[np.int32], NDArray[np.int64]]:
        """The tags of the given rows (in dimension `dim`, or all three) in one array, and per tag its
        position in `rows`."""
        first, last = (0, 3) if dim is None else (dim, dim + 1)
        starts, ends = self.row_ptr[3 * rows + first], self.row_ptr[3 * rows + last]
        lengths = ends - starts
        flat = self.tags[np.repeat(starts - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))]
        return flat, np.repeat(np.arange(rows.size, dtype=np.int64), lengths)

    def shared_tags(self, rows: NDArray[np.intp], wanted: NDArray[np.int32],
                    space: TagSpace) -> list[tuple[tuple[str, ...], ...]]:
        """Per row, its tags among `wanted`, per dimension and sorted (ids sort like their tags inside
        a dimension, tagspace.py), gathered for all rows at once: the explanation of a list's entries."""
        flat, owner = self.tags_of_rows(rows)
        keep = self.tag_mask(wanted)[flat]
        ids, owner = flat[keep], owner[keep]
        order = np.lexsort((ids, owner))  # dimensions hold consecutive id ranges: by id is by dimension too
        ids, owner = ids[order], owner[order]
        shared: list[tuple[list[str], list[str], list[str]]] = [([], [], []) for _ in range(rows.size)]
        names = space.tags
        for who, dim, tag in zip(owner.tolist(), space.dims_of(ids).tolist(), ids.tolist(), strict=True):
            shared[who][dim].append(names[tag])
        return [tuple(tuple(dim) for dim in row) for row in shared]

    def rows_of_ranks(self, ranks: NDArray[np.int64]) -> NDArray[np.int32]:
        """Rows of the given users that are on this side (others are dropped)."""
        rows = self.row_of_rank[ranks]
        return rows[rows >= 0]

    def to_arrays(self, prefix: str) -> dict[str, NDArray[np.generic]]:
        """The side and what queries derive from it, so that a reader derives nothing (see arrays.py)."""
        arrays: dict[str, NDArray[np.generic]] = {
            "ranks": self.ranks, "grade_ptr": self.grade_ptr, "sizes": _compact(self.sizes),
            "tags": self.tags, "heavy_tags": self.heavy_tags, "heavy_ptr": self.runs,
            "post_rows": self.post_rows, "post_grade": self.post_grade,
            "size_table": self.size_table, "size_ids": self.size_ids,
        }
        return {f"{prefix}_{name}": array for name, array in arrays.items()}

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, NDArray[np.generic]], prefix: str, dim_ptr: tuple[int, ...],
                    n_users: int) -> "Side":
        def get(name: str) -> NDArray[np.generic]:
            return arrays[f"{prefix}_{name}"]

        # astype(copy=False) keeps the stored arrays as views; only the compact sizes are widened.
        side = cls(ranks=get("ranks").astype(np.int32, copy=False), grade_ptr=get("grade_ptr").astype(np.int64, copy=False),
                   sizes=get("sizes").astype(np.int32), tags=get("tags").astype(np.int32, copy=False),
                   dim_ptr=dim_ptr, n_users=n_users, heavy_tags=get("heavy_tags").astype(np.int32, copy=False),
                   heavy_ptr=get("heavy_ptr").astype(np.int64, copy=False))
        # Seed the cached derivations with the stored ones (cached_property keeps them in __dict__).
        post_grade = get("post_grade")
        post_ptr = np.append(post_grade[:, 0], post_grade[-1, -1]) if dim_ptr[-1] else np.zeros(1, np.int64)
        side.__dict__["_postings"] = (post_ptr, get("post_rows"), post_grade)
        side.__dict__["_size_classes"] = (get("size_table"), get("size_ids"))
        return side


def _compact(sizes: NDArray[np.int32]) -> NDArray[np.generic]:
    return sizes.astype(np.uint8) if sizes.max(initial=0) < 2**8 else sizes


def build_side(
    members: Sequence[tuple[int, MatchProfile]], skills_attr: str, space: TagSpace, n_users: int
) -> Side:
    """Arrays for (rank, profile) pairs; `skills_attr` is the skills set this side contributes."""
    ordered = sorted(members, key=lambda member: (GRADE_RANK[member[1].grade], member[0]))
    skills_ids, interest_ids, profession_ids = space.lookups
    sizes: list[int] = []
    tags: list[int] = []
    for _, profile in ordered:
        for lookup, values in (
            (skills_ids, getattr(profile, skills_attr)),
            (interest_ids, profile.interests),
            (profession_ids, profile.professions),
        ):
            sizes.append(len(values))
            tags.extend([lookup[tag] for tag in values])
    grades = np.array([GRADE_RANK[profile.grade] for _, profile in ordered], dtype=np.int64)
    return Side(
        ranks=np.array([rank for rank, _ in ordered], dtype=np.int32),
        grade_ptr=np.searchsorted(grades, np.arange(N_GRADES + 1), side="left").astype(np.int64),
        sizes=np.array(sizes, dtype=np.int32).reshape(len(ordered), 3),  # made compact by to_arrays
        tags=np.array(tags, dtype=np.int32),
        dim_ptr=space.dim_ptr,
        n_users=n_users,
    )
