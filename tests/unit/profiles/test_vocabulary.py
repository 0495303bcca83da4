"""Tags: normalised keys for matching, display forms as written, and vocabulary suggestions."""

import json
from pathlib import Path

from chalicelib.matching.tags import normalise_tag, normalise_tags
from chalicelib.profiles.tags import clean_tags, display_lookup, tag_key
from chalicelib.profiles.vocabulary import VOCABULARIES, display_form, suggest

PROFILE_FIELDS = Path(__file__).resolve().parents[3] / "frontend" / "src" / "data" / "profile-fields.json"
KINDS = {"professions": "professions", "skills_offered": "skills", "skills_wanted": "skills", "interests": "interests"}


def test_tags_are_nfkc_casefolded_trimmed_and_collapsed():
    assert normalise_tag("  Stakeholder\t\u00a0MANAGEMENT  ") == "stakeholder management"
    assert normalise_tag("ｐｙｔｈｏｎ") == "python"  # full-width letters fold to ASCII
    assert normalise_tag("STRASSE") == normalise_tag("straße")


def test_common_variants_map_to_one_tag():
    assert normalise_tag("Stakeholder mgmt") == "stakeholder management"
    assert normalise_tag("Python3") == "python"


def test_normalised_sets_drop_empties_and_duplicates():
    assert normalise_tags(["Python", " python ", "", "   ", "SQL"]) == ["python", "sql"]


def test_tags_keep_the_case_people_typed_and_the_first_spelling_of_each_key():
    assert clean_tags(["  Welsh\u00a0 language ", "SQL", "sql", "GOV.UK Notify", "", "python3", "Python"]) == [
        "Welsh language", "SQL", "GOV.UK Notify", "python3"]


def test_keys_map_back_to_how_a_person_wrote_them():
    assert display_lookup(["LGBT+ network", "Presentations"]) == {"lgbt+ network": "LGBT+ network",
                                                                   "presenting": "Presentations"}


def test_vocabulary_entries_are_written_for_people_and_have_one_entry_per_key():
    for items in VOCABULARIES.values():
        keys = [tag_key(item) for item in items]
        assert len(set(keys)) == len(keys)
        assert keys == sorted(keys)
        assert all(item[0].isupper() or not item[0].isalpha() for item in items)  # sentence case
    assert "SQL" in VOCABULARIES["skills"] and "LGBT+ network" in VOCABULARIES["interests"]


def test_a_tag_is_found_in_the_vocabulary_whatever_its_case():
    assert display_form("professions", "digital, DATA and technology") == "Digital, data and technology"
    assert display_form("skills", "sql") == "SQL"
    assert display_form("skills", "juggling") is None


def test_every_example_a_hint_gives_is_in_that_questions_suggestions():
    fields = {field["name"]: field for field in json.loads(PROFILE_FIELDS.read_text())}
    for name, kind in KINDS.items():
        examples = fields[name]["examples"]
        assert examples, name
        for example in examples:
            assert display_form(kind, example) == example, (name, example)
            assert example in suggest(kind, example[:3]) or example in suggest(kind, example), (name, example)


def test_suggestions_put_prefix_matches_before_inner_word_matches():
    assert suggest("interests", "Health") == ["Health", "Mental health", "Public health"]


def test_suggestions_are_limited():
    assert len(suggest("skills", "", limit=5)) == 5
    assert suggest("skills", "zzzz") == []
