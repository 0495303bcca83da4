"""Continue with LinkedIn in the browser: the stand-in's LinkedIn page, the callback, one person one account.

The stand-in (started with the local stack) signs any email address in as a LinkedIn member when
the password is the demo password.
"""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_quiet_network

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_password(local_stack) -> str:
    return local_stack.demo_password


def linkedin_email(domain="cabinetoffice.gov.uk") -> str:
    return f"amara.okafor.{uuid.uuid4().hex[:8]}@{domain}"


def sign_in_at_linkedin(page, email: str, password: str, assert_accessible=None) -> None:
    """On the stand-in's LinkedIn page (another origin, as LinkedIn is), with the keyboard."""
    page.wait_for_url(re.compile(r"/interaction/"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    if assert_accessible:
        assert_accessible(page)
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password", exact=True).press("Enter")


def continue_with_linkedin(page, start: str = "/sign-in") -> None:
    page.goto(f"{page.site_url}{start}")
    button = page.get_by_role("button", name=re.compile("LinkedIn"))
    expect(button).to_be_visible()
    button.focus()
    page.keyboard.press("Enter")


def test_a_first_time_member_lands_signed_in_on_a_profile_form_with_their_name_then_sees_matches(
        page, demo_password, assert_accessible, choose_suggestion):
    continue_with_linkedin(page, "/")
    sign_in_at_linkedin(page, linkedin_email(), demo_password, assert_accessible)
    page.wait_for_url(re.compile(r"/profile/new/name/?$"))  # the first question of a first profile
    expect(page.get_by_role("heading", level=1)).to_have_text("What is your name?")
    expect(page.get_by_label("What is your name?")).to_have_value(re.compile(r"^Amara Okafor"))
    assert_accessible(page)

    def answer(step: str, fill=None) -> None:
        page.goto(f"{page.site_url}/profile/new/{step}")
        expect(page.get_by_role("button", name="Continue")).to_be_visible()
        if fill:
            fill()
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(re.compile(r"/profile/new/?[a-z-]*$"))

    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/profile/new/job/?$"))
    answer("job", lambda: page.get_by_label("What is your job title? (optional)").fill("Policy adviser"))
    answer("about")
    answer("organisation")
    answer("grade", lambda: page.get_by_label("Grade 7").check())
    answer("location", lambda: page.get_by_label("Where do you usually work?").fill("Leeds"))
    answer("roles", lambda: page.get_by_label("I want a mentor").check())
    answer("professions", lambda: choose_suggestion(page, page.get_by_label("Add a profession"), "p"))
    answer("skills-wanted", lambda: choose_suggestion(page, page.get_by_label("Add a skill you want to develop"),
                                                      "Stakeholder"))
    answer("interests")
    page.goto(f"{page.site_url}/profile/new/check")
    page.get_by_role("button", name="Create your profile").click()
    page.wait_for_url(re.compile(r"/profile/new/done/?$"))
    page.goto(f"{page.site_url}/matches")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".app-match").first).to_be_visible()


def test_the_demo_logins_email_through_linkedin_is_the_same_account_as_the_password_login(
        page, local_stack, sign_in, api_fetch, context):
    sign_in(page, local_stack.demo_user, local_stack.demo_password)
    by_password = api_fetch(page, "GET", "/me/profile")["body"]
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("signed out")
    continue_with_linkedin(page)
    sign_in_at_linkedin(page, local_stack.demo_user, local_stack.demo_password)
    # The first sign-in that links fails once at Cognito ("Already found an entry"); the site retries.
    page.wait_for_url(re.compile(r"/profile/?$"))
    by_linkedin = api_fetch(page, "GET", "/me/profile")["body"]
    assert by_linkedin["user_id"] == by_password["user_id"]
    assert by_linkedin["display_name"] == by_password["display_name"]


def test_an_unknown_domain_without_an_invitation_is_refused_with_a_clear_page_and_no_account(
        page, demo_password, assert_accessible, api_fetch):
    continue_with_linkedin(page)
    sign_in_at_linkedin(page, linkedin_email("gmail.com"), demo_password)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("You cannot use Mentor Match with this LinkedIn account")
    expect(page.locator("#refused")).to_contain_text("Ask your department for an invitation link")
    expect(page.locator("#refused")).to_contain_text("We have not created an account for you")
    assert_accessible(page)
    assert [c["name"] for c in page.context.cookies() if c["name"].startswith("mm_")] == []


def test_with_an_invitation_link_a_member_is_admitted_into_that_organisation(
        page, local_stack, demo_password, api_fetch):
    from tests.e2e.api_client import api
    from tests.e2e.api_client import sign_in as cognito_sign_in

    admin = cognito_sign_in(local_stack.site_url, local_stack.user_pool_client_id, local_stack.demo_admin,
                            local_stack.demo_password)
    code = api(local_stack.site_url, "POST", "/invitations", admin["AccessToken"],
               {"organisation_id": "ofsted", "max_uses": 2}, expect=201).body["code"]
    page.goto(f"{page.site_url}/join?code={code}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ofsted")
    page.get_by_role("button", name="Continue with LinkedIn").click()
    sign_in_at_linkedin(page, linkedin_email("gmail.com"), demo_password)
    page.wait_for_url(re.compile(r"/profile/new/name/?$"))
    placed = api_fetch(page, "GET", "/me/organisation")["body"]["organisations"]
    assert [o["id"] for o in placed] == ["ofsted"]


def test_signing_out_ends_both_the_mentor_match_and_the_linkedin_session(page, demo_password):
    email = linkedin_email()
    continue_with_linkedin(page)
    sign_in_at_linkedin(page, email, demo_password)
    page.wait_for_url(re.compile(r"/profile/new/name/?$"))
    with page.expect_request(re.compile(r"/oauth2/session-end")):  # Cognito's /logout, at the stand-in
        page.get_by_role("link", name="Sign out").click()
    page.wait_for_url(re.compile(r"/sign-out/?$"))
    wait_for_quiet_network(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    assert [c["name"] for c in page.context.cookies() if c["name"].startswith("mm_")] == []
    # The hosted session ended too: a silent sign-in (prompt=none) there now needs a login.
    config = page.request.get(f"{page.site_url}/config.json").json()["oauth"]
    silent = page.request.get(
        f"{config['authority']}/oauth2/authorize?client_id={config['clientId']}&response_type=code"
        f"&scope=openid&redirect_uri={config['redirectUri']}&prompt=none&state=s"
        f"&code_challenge={'a' * 43}&code_challenge_method=S256", max_redirects=0)
    assert "error=login_required" in silent.headers["location"]


def test_a_second_already_linked_error_is_not_retried_again(page, site_url):
    """The retry happens once: a callback that reports the error after the retry stops with a message."""
    page.goto(f"{site_url}/sign-in")
    expect(page.get_by_role("button", name="Continue with LinkedIn")).to_be_visible()
    state = page.evaluate("""async () => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith('mentorMatch.oidc.'))
        return key
    }""")
    assert state is None  # nothing stored before the person asks
    page.route("**/oauth2/authorize**", lambda route: route.fulfill(
        status=302, headers={"Location": route.request.url.split("/oauth2/")[0].replace(
            route.request.url.split("/oauth2/")[0], site_url) + "/auth/callback?error=invalid_request"
            "&error_description=Already+found+an+entry+for+username+LinkedIn_x&state="
            + re.search(r"state=([^&]+)", route.request.url).group(1)}))
    page.get_by_role("button", name="Continue with LinkedIn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are not signed in")
    expect(page.locator("#failed")).to_contain_text("could not finish signing you in")


def test_a_password_sign_up_for_an_account_opened_through_linkedin_looks_the_same_as_a_new_one(
        page, site_url, demo_password, new_email, password):
    """Sign-up never says whether an address has an account, however it was opened."""
    from tests.browser.test_sign_in import create_account

    member = linkedin_email()
    continue_with_linkedin(page, "/")
    sign_in_at_linkedin(page, member, demo_password)
    page.wait_for_url(re.compile(r"/profile/new/name/?$"))  # the account exists now, through LinkedIn
    page.context.clear_cookies()
    page.evaluate("() => sessionStorage.clear()")
    existing = create_account(page, site_url, member, password)
    fresh = create_account(page, site_url, new_email(), password)
    assert existing == fresh
    assert "LinkedIn" in existing  # the confirm step tells everyone both ways to sign in instead
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
