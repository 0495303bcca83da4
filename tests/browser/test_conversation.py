"""The conversation page with a long thread: paging with next_cursor, messages only ever text."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MENTORSHIP = {
    "mentorship_id": "m-1",
    "status": "accepted",
    "my_role": "mentee",
    "other": {"user_id": "u-2", "display_name": "Morgan Lee", "email": "morgan.lee@example.gov.uk"},
    "created_at": "2026-05-01T09:00:00+00:00",
    "updated_at": "2026-05-02T09:00:00+00:00",
    "expires_at": None,
    "decided_at": "2026-05-02T09:00:00+00:00",
    "ended_at": None,
    "ended_by": None,
    "ended_reason": None,
    "decline_reason": None,
    "my_feedback": None,
    "can": ["end"],
    "can_message": True,
    "request_message": None,
}


def message(number: int, body: str | None = None) -> dict:
    return {
        "message_id": f"2026-05-02T09:{number // 60:02d}:{number % 60:02d}.000000+00:00#0000{number:04d}",
        "sender_id": "u-2" if number % 2 else "me",
        "from_me": number % 2 == 0,
        "body": body or f"Message number {number}",
        "sent_at": f"2026-05-02T09:{number // 60:02d}:{number % 60:02d}+00:00",
    }


def test_a_long_thread_shows_the_first_page_then_newer_messages_on_request_always_as_text(
    page, site_url, signed_in_with_profile, assert_accessible
):
    hostile = '<img src=x onerror="window.__attacked = true">'
    first_page = {"messages": [message(n) for n in range(1, 51)], "next_cursor": "page-2"}
    second_page = {"messages": [message(51, hostile), message(52)], "next_cursor": None}

    def messages(route):
        cursor = re.search(r"cursor=([^&]+)", route.request.url)
        body = second_page if cursor and cursor.group(1) == "page-2" else first_page
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route(
        "**/api/mentorships/m-1",
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(MENTORSHIP)),
    )
    page.route(re.compile(r".*/api/mentorships/m-1/messages(\?.*)?$"), messages)

    page.goto(f"{site_url}/conversation?id=m-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with Morgan Lee")
    items = page.locator("#message-list .moj-message-item")
    expect(items).to_have_count(50)
    expect(items.first).to_contain_text("Message number 1")
    expect(page.locator("#message-list .moj-message-list__date")).to_have_text(["2 May 2026"])
    expect(page.get_by_role("link", name="morgan.lee@example.gov.uk")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Show newer messages").click()
    expect(items).to_have_count(52)
    expect(items.nth(50)).to_be_focused()
    expect(items.nth(50).locator(".moj-message-item__text")).to_have_text(hostile)
    expect(page.get_by_role("button", name="Show newer messages")).to_be_hidden()
    assert page.locator("#message-list img").count() == 0
    assert page.evaluate("() => window.__attacked") is None
