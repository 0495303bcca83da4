"""Finding a person by name (administrators): the keys a name is indexed under.

Rule: a name is compared case-insensitively, with its white space collapsed (NFKC, case-folded).
A search finds names that start with what was typed, or whose last word does ("hop" finds
"Grace Hopper"). It needs at least 2 characters: the index is partitioned by a key's first two,
so a lookup reads one small partition with begins_with, never the table.
"""

import re
import unicodedata

from chalicelib.profiles.domain import Profile

_SPACES = re.compile(r"\s+")
MIN_SEARCH = 2


def name_key(name: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()


def partition(key: str) -> str:
    return key[:MIN_SEARCH]


def name_keys(profile: Profile) -> frozenset[str]:
    """The whole name, and from its last word on when it has more than one."""
    key = name_key(profile.display_name)
    words = key.split(" ")
    return frozenset({key, " ".join([words[-1], *words[:-1]])} if len(words) > 1 else {key}) - {""}


def name_matches(profile: Profile, typed: str) -> bool:
    """The rule above, for one profile."""
    wanted = name_key(typed)
    return len(wanted) >= MIN_SEARCH and any(key.startswith(wanted) for key in name_keys(profile))
