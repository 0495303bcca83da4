"""Settings: download my data as a JSON file; delete my account, after which I cannot sign in."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_downloading_my_data_saves_a_json_file_that_holds_my_profile(
    page, site_url, signed_in_with_profile, assert_accessible
):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Settings").click()
    page.wait_for_url(re.compile(r"/settings$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    expect(page.get_by_text("You have not blocked anyone.")).to_be_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download your data").click()
    download = download_info.value
    assert re.fullmatch(r"mentor-match-my-data-\d{4}-\d\d-\d\d\.json", download.suggested_filename)
    data = json.loads(open(download.path(), encoding="utf-8").read())
    assert data["profile"]["display_name"] == "Grace Hopper"
    assert data["profile"]["skills_offered"] == signed_in_with_profile["profile"]["skills_offered"]
    assert data["email"] == signed_in_with_profile["email"]
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your data has been downloaded"
    )
    assert_accessible(page)


def test_deleting_my_account_explains_what_goes_signs_me_out_and_I_cannot_sign_in_again(
    page, site_url, signed_in_with_profile, assert_accessible
):
    page.goto(f"{site_url}/settings")
    page.get_by_role("button", name="Delete your account").click()
    page.wait_for_url(re.compile(r"/settings/delete$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Are you sure you want to delete your account?")
    expect(page.get_by_text("your sign-in details: you will not be able to sign in again")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Yes, delete my account").click()
    page.wait_for_url(re.compile(r"/account-deleted$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account has been deleted")
    assert page.evaluate("() => sessionStorage.getItem('mentorMatch.session')") is None
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Sign in", exact=True)).to_be_visible()
    expect(navigation.get_by_role("link", name="Sign out")).to_be_hidden()
    assert_accessible(page)

    page.goto(f"{site_url}/profile")
    page.wait_for_url(re.compile(r"/sign-in\?next="))
    page.get_by_label("Email address").fill(signed_in_with_profile["email"])
    page.get_by_label("Password", exact=True).fill(signed_in_with_profile["password"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The email address or password is not correct"
    )
    expect(page).to_have_url(re.compile(r"/sign-in"))
