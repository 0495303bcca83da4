"""Tag normalisation and vocabulary suggestions."""

from chalicelib.matching.tags import normalise_tag, normalise_tags
from chalicelib.profiles.vocabulary import PROFESSIONS, VOCABULARIES, suggest


def test_tags_are_nfkc_casefolded_trimmed_and_collapsed():
    assert normalise_tag("  Stakeholder\t\u00a0MANAGEMENT  ") == "stakeholder management"
    assert normalise_tag("ｐｙｔｈｏｎ") == "python"  # full-width letters fold to ASCII
    assert normalise_tag("STRASSE") == normalise_tag("straße")


def test_common_variants_map_to_one_tag():
    assert normalise_tag("Stakeholder mgmt") == "stakeholder management"
    assert normalise_tag("Python3") == "python"


def test_normalised_sets_drop_empties_and_duplicates():
    assert normalise_tags(["Python", " python ", "", "   ", "SQL"]) == ["python", "sql"]


def test_every_vocabulary_entry_is_already_normalised():
    for items in VOCABULARIES.values():
        assert all(normalise_tag(item) == item for item in items)
    assert all(normalise_tag(p) == p for p in PROFESSIONS)


def test_suggestions_put_prefix_matches_before_inner_word_matches():
    assert suggest("interests", "Health") == ["health", "mental health", "public health"]


def test_suggestions_are_limited():
    assert len(suggest("skills", "", limit=5)) == 5
    assert suggest("skills", "zzzz") == []
