"""The keys a name is found by (administrators' lookup)."""

from chalicelib.profiles.domain import Profile
from chalicelib.profiles.names import name_keys, name_matches


def named(name: str) -> Profile:
    return Profile("u", name, "", "", "dwp", "HEO", "Leeds")


def test_a_name_is_found_from_its_start_or_from_its_last_word():
    assert name_keys(named("  Grace  BREWSTER Hopper ")) == {"grace brewster hopper", "hopper grace brewster"}
    assert name_keys(named("Cher")) == {"cher"}


def test_matching_ignores_case_and_needs_two_characters():
    assert name_matches(named("Grace Hopper"), "HOP") and name_matches(named("Grace Hopper"), "grace h")
    assert not name_matches(named("Grace Hopper"), "g") and not name_matches(named("Grace Hopper"), "brew")
