"""The site keeps copies of a few API facts (grade labels, field limits): they must match the API.

No browser needed: these compare frontend/src/data with the Python code the API runs.
"""

import json
import typing
from pathlib import Path

import pytest

from chalicelib.grades import GRADE_LABELS, GRADES
from chalicelib.profiles.schema import ProfileInput, Tag
from chalicelib.profiles.vocabulary import VOCABULARIES

DATA = Path(__file__).resolve().parents[2] / "frontend" / "src" / "data"


def site_data(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def max_length_of(annotation_metadata) -> int:
    return next(
        item.max_length for item in annotation_metadata if getattr(item, "max_length", None) is not None
    )


def test_the_site_offers_the_api_grades_in_order_with_the_same_labels():
    grades = site_data("grades.json")
    assert [grade["value"] for grade in grades] == list(GRADES)
    assert {grade["value"]: grade["label"] for grade in grades} == GRADE_LABELS


@pytest.mark.parametrize("field", ["display_name", "job_title", "bio", "location"])
def test_the_sites_length_limit_for_each_text_answer_is_the_apis(field):
    limits = site_data("site.json")["limits"]
    assert limits[field] == max_length_of(ProfileInput.model_fields[field].metadata)


def test_the_sites_limits_for_tags_are_the_apis():
    limits = site_data("site.json")["limits"]
    assert limits["tag"] == max_length_of(typing.get_args(Tag)[1:])
    for field in ("professions", "skills_offered", "skills_wanted", "interests"):
        assert limits["tags"] == max_length_of(ProfileInput.model_fields[field].metadata)


def test_every_profile_field_the_api_accepts_has_a_question_label_and_error_message_on_the_site():
    fields = {field["name"]: field for field in site_data("profile-fields.json")}
    writable = set(ProfileInput.model_fields) - {"version"}
    assert set(fields) == writable
    assert all(field["key"] and field["error"] and field["controlId"] for field in fields.values())


def test_the_tag_questions_ask_for_the_vocabularies_the_api_has():
    template = (DATA.parent / "templates" / "partials" / "profile-questions.njk").read_text(encoding="utf-8")
    for kind in ("skills", "interests", "professions"):
        assert kind in VOCABULARIES
        assert f'kind: "{kind}"' in template


def test_the_password_rules_on_create_an_account_are_the_user_pools():
    template = json.loads((DATA.parents[2] / "infra" / "template.json").read_text(encoding="utf-8"))
    pool_policy = template["Resources"]["UserPool"]["Properties"]["Policies"]["PasswordPolicy"]
    site_policy = site_data("site.json")["passwordPolicy"]
    assert site_policy == {
        "minimumLength": pool_policy["MinimumLength"],
        "requireLowercase": pool_policy["RequireLowercase"],
        "requireUppercase": pool_policy["RequireUppercase"],
        "requireNumbers": pool_policy["RequireNumbers"],
        "requireSymbols": pool_policy["RequireSymbols"],
    }


def test_the_sites_limits_for_messages_reasons_and_feedback_are_the_apis():
    from chalicelib.mentorships.schema import MAX_REASON, MAX_TEXT

    limits = site_data("site.json")["limits"]
    assert limits["message"] == MAX_TEXT  # request messages, thread messages, feedback when ending
    assert limits["reason"] == MAX_REASON  # decline reasons, reports


def test_the_site_words_every_match_strength_the_api_gives_in_its_order_with_a_rule_for_each_list():
    from chalicelib.match_lists.explanation import STRENGTHS

    strengths = site_data("match-strength.json")
    assert [strength["code"] for strength in strengths] == list(STRENGTHS)
    assert all(strength["label"] and strength["rule"]["mentee"] and strength["rule"]["mentor"]
               for strength in strengths)


def test_the_site_words_every_reason_for_an_empty_list_the_api_can_give():
    from chalicelib.match_lists.empty import MENTEE_REASONS, MENTOR_REASONS

    reasons = site_data("match-reasons.json")
    assert set(reasons["mentee"]) == set(MENTEE_REASONS)
    assert set(reasons["mentor"]) == set(MENTOR_REASONS)
    assert all(wording["text"] for side in reasons.values() for wording in side.values())
