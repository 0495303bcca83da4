"""Sessions across tabs and email links: a new tab keeps you signed in, sign-out ends it everywhere,
and the refresh token is never where page scripts can read it."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WAIT_MS

pytestmark = pytest.mark.browser


def new_tab(context, site_url):
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.site_url = site_url
    return tab


def test_a_new_tab_and_a_link_from_an_email_keep_you_signed_in(page, context, site_url, signed_in_with_profile):
    tab = new_tab(context, site_url)
    tab.goto(f"{site_url}/profile")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect(tab.get_by_role("link", name="Sign out")).to_be_visible()
    emailed = new_tab(context, site_url)
    emailed.goto(f"{site_url}/mentoring")  # where our emails about requests lead
    expect(emailed).to_have_url(re.compile(r"/mentoring/?$"))
    expect(emailed.get_by_role("heading", level=1)).to_have_text("Your mentoring")


def test_page_scripts_never_see_the_refresh_token(page, signed_in_with_profile):
    cookies = page.evaluate("document.cookie")
    stored = page.evaluate("JSON.stringify(Object.assign({}, sessionStorage))")
    assert "mm_session" not in cookies and "mm_signed_in=1" in cookies
    session_cookie = next(c for c in page.context.cookies() if c["name"] == "mm_session")
    assert session_cookie["httpOnly"] and session_cookie["sameSite"] == "Strict"
    assert session_cookie["value"] not in stored and "refresh" not in stored.lower()


def test_signing_out_ends_the_session_for_every_tab(page, context, site_url, signed_in_with_profile):
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("signed out")
    tab = new_tab(context, site_url)
    tab.goto(f"{site_url}/profile")
    tab.wait_for_url(re.compile(r"/sign-in/?\?next=%2Fprofile"))
    assert [c["name"] for c in context.cookies() if c["name"].startswith("mm_")] == []


def test_signing_out_in_one_tab_signs_out_a_tab_already_open_at_its_next_step(page, context, site_url,
                                                                              signed_in_with_profile):
    other = new_tab(context, site_url)
    other.goto(f"{site_url}/profile")
    expect(other.get_by_role("heading", level=1)).to_have_text("Your profile")  # this tab has its own token
    # Tokens carry their issue time to the second: one issued in the very second of a sign-out is not
    # told apart from one issued just after it (a sign-in again), so the sign-out comes a second later.
    time.sleep(1.1)
    page.get_by_role("link", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("signed out")
    other.goto(f"{site_url}/mentoring")  # its token is refused: signed out, not for another hour
    other.wait_for_url(re.compile(r"/sign-in/?\?next=%2Fmentoring"))
    expect(other.locator(".govuk-notification-banner")).to_contain_text("You have been signed out")
