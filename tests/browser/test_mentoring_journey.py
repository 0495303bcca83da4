"""The mentorship journey across two people, each in their own tab: request from the matches
page, accept, exchange messages, end; then the same by keyboard alone; blocking and reporting."""

import re
import uuid

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def two_people(person_page, mentor_name="Morgan Lee", mentee_name="Riley Shah"):
    """A mentor and a mentee who want the same unusual skill, so each is the other's only match."""
    skill = f"kite design {uuid.uuid4().hex[:6]}"
    mentor = person_page(
        display_name=mentor_name,
        roles=["mentor"],
        grade="G6",
        skills_offered=[skill],
        skills_wanted=[],
        interests=[],
        professions=[],
        mentor_capacity=2,
    )
    mentee = person_page(
        display_name=mentee_name,
        roles=["mentee"],
        grade="HEO",
        skills_wanted=[skill],
        skills_offered=[],
        interests=[],
        professions=[],
        mentor_capacity=0,
        accepting_requests=False,
    )
    return mentor, mentee, skill


def open_mentoring(page):
    page.goto(f"{page.site_url}/mentoring")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your mentoring")
    expect(page.locator("#loading")).to_be_hidden()


def card_in(page, group: str, name: str):
    return page.locator(f"section#{group} li.app-mentorship", has_text=name)


def test_a_mentee_asks_a_suggested_mentor_who_accepts_they_exchange_messages_and_the_mentee_ends_it(
    person_page, assert_accessible
):
    mentor, mentee, skill = two_people(person_page)

    # The mentee finds the mentor among their suggestions and asks them.
    mentee.goto(f"{mentee.site_url}/matches")
    card = mentee.locator("#match-list > li", has_text="Morgan Lee")
    expect(card.locator(".govuk-summary-list__row", has_text="Can help you with")).to_contain_text(skill)
    card.get_by_role("link", name="Ask Morgan to mentor you").click()
    mentee.wait_for_url(re.compile(r"/request\?mentor="))
    expect(mentee.get_by_role("heading", level=1)).to_have_text("Ask Morgan Lee to mentor you")
    expect(mentee).to_have_title(re.compile("^Ask Morgan Lee to mentor you – Mentor Match"))
    assert_accessible(mentee)
    mentee.get_by_role("button", name="Send request").click()
    expect(mentee.locator(".govuk-error-summary")).to_be_focused()
    expect(mentee.locator("#message-error")).to_have_text("Error: Enter a message to Morgan")
    assert_accessible(mentee)
    mentee.get_by_label("Your message").fill("Hello Morgan,\nI would like to get better at kite design.")
    mentee.get_by_role("button", name="Send request").click()

    mentee.wait_for_url(re.compile(r"/request/sent\?id="))
    mentorship_id = mentee.url.split("id=")[1]
    expect(mentee.locator(".govuk-panel")).to_contain_text("We have sent your request to Morgan Lee")
    assert_accessible(mentee)
    open_mentoring(mentee)
    waiting = card_in(mentee, "waiting-for-them", "Morgan Lee")
    expect(waiting.locator(".govuk-tag")).to_have_text("Waiting for their answer")
    expect(waiting).not_to_contain_text("@")  # no email address before they accept
    assert_accessible(mentee)

    # The link in the mentor's email leads to the request, its message shown before Accept.
    mentor.goto(f"{mentor.site_url}/mentorships?id={mentorship_id}")
    mentor.wait_for_url(re.compile(r"/conversation\?id="))
    expect(mentor.locator("#mentorship-summary .govuk-summary-list__row", has_text="Their message")).to_contain_text(
        "I would like to get better at kite design.")
    expect(mentor.get_by_role("button", name="Accept request from Riley Shah")).to_be_visible()

    # The mentor accepts.
    open_mentoring(mentor)
    request = card_in(mentor, "waiting-for-you", "Riley Shah")
    expect(request).to_contain_text("They asked you to mentor them")
    # the request's message is on the card, before anything is decided
    expect(request.locator(".govuk-summary-list__row", has_text="Their message")).to_contain_text(
        "I would like to get better at kite design.")
    assert_accessible(mentor)
    request.get_by_role("button", name="Accept request from Riley Shah").click()
    mentor.wait_for_url(re.compile(r"/mentoring/accept\?id="))  # one press shares nothing yet
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Accept Riley Shah’s request")
    expect(mentor.locator("#request-message")).to_have_text("Hello Morgan,\nI would like to get better at kite design.")
    expect(mentor.locator(".govuk-warning-text")).to_contain_text("shares your work email address")
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Accept request").click()
    mentor.wait_for_url(re.compile(r"/conversation\?id="))
    banner = mentor.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("You have accepted Riley Shah’s request")
    expect(banner).to_be_focused()
    open_mentoring(mentor)
    active = card_in(mentor, "active", "Riley Shah")
    expect(active.locator(".govuk-tag")).to_have_text("Active")
    expect(active.get_by_role("link", name=mentee.person["email"])).to_have_attribute(
        "href", f"mailto:{mentee.person['email']}"
    )
    assert_accessible(mentor)

    # They exchange messages; what people write is only ever text.
    active.get_by_role("link", name="Messages with Riley Shah").click()
    mentor.wait_for_url(re.compile(r"/conversation\?id="))
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Conversation with Riley Shah")
    thread = mentor.locator("#message-list")
    expect(thread.locator(".moj-message-item--received")).to_contain_text(
        "I would like to get better at kite design."
    )
    expect(thread.locator(".moj-message-item--received .moj-message-item__meta")).to_contain_text(
        "Riley Shah at"
    )
    assert_accessible(mentor)
    reply = 'Happy to help.\n<b onmouseover="window.__attacked = true">Shall we meet on Tuesday?</b>'
    mentor.get_by_label("Send a message").fill(reply)
    mentor.get_by_role("button", name="Send message").click()
    sent = thread.locator(".moj-message-item--sent")
    expect(sent).to_have_count(1)
    expect(sent.locator(".moj-message-item__text")).to_have_text(reply)
    expect(sent.locator(".moj-message-item__meta")).to_contain_text("You at")
    assert thread.locator("b").count() == 0
    expect(mentor.get_by_label("Send a message")).to_have_value("")
    expect(mentor.locator("#send-status")).to_have_text("Your message has been sent")

    open_mentoring(mentee)
    now_active = card_in(mentee, "active", "Morgan Lee")
    expect(now_active).to_contain_text("They have been mentoring you since")
    expect(now_active).to_contain_text(mentor.person["email"])
    now_active.get_by_role("link", name="Messages with Morgan Lee").click()
    mentee.wait_for_url(re.compile(r"/conversation\?id="))
    expect(mentee.locator("#message-list .moj-message-item--received .moj-message-item__text")).to_have_text(
        reply
    )
    mentee.get_by_label("Send a message").fill("Tuesday is good for me.")
    mentee.get_by_role("button", name="Send message").click()
    expect(mentee.locator("#message-list .moj-message-item--sent")).to_have_count(2)
    assert mentee.evaluate("() => window.__attacked") is None
    assert_accessible(mentee)

    mentor.reload()
    expect(mentor.locator("#message-list .moj-message-item--received").last).to_have_text(
        re.compile("Tuesday is good for me.")
    )

    # The mentee ends it, with private feedback and a confirmation step.
    open_mentoring(mentee)
    card_in(mentee, "active", "Morgan Lee").get_by_role("link", name="End mentoring with Morgan Lee").click()
    mentee.wait_for_url(re.compile(r"/mentoring/end\?id="))
    expect(mentee.get_by_role("heading", level=1)).to_have_text("End mentoring with Morgan Lee")
    assert_accessible(mentee)
    mentee.get_by_label("Your feedback (optional)").fill("Morgan was very helpful.")
    mentee.get_by_role("button", name="Continue").click()
    expect(mentee.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to end mentoring with Morgan Lee?"
    )
    expect(mentee.get_by_role("heading", level=1)).to_be_focused()
    expect(mentee.locator("#feedback-copy")).to_have_text("Morgan was very helpful.")
    assert_accessible(mentee)
    mentee.get_by_role("button", name="Yes, end mentoring").click()

    mentee.wait_for_url(re.compile(r"/mentoring$"))
    expect(mentee.locator(".govuk-notification-banner--success")).to_contain_text(
        "Your mentoring with Morgan Lee has ended"
    )
    past = card_in(mentee, "past", "Morgan Lee")
    expect(past.locator(".govuk-tag")).to_have_text("Ended")
    expect(past).to_contain_text("You ended the mentoring on")
    expect(past).to_contain_text("Morgan was very helpful.")
    expect(past).not_to_contain_text(mentor.person["email"])
    assert_accessible(mentee)

    open_mentoring(mentor)
    ended = card_in(mentor, "past", "Riley Shah")
    expect(ended).to_contain_text("They ended the mentoring on")
    expect(ended).not_to_contain_text("Morgan was very helpful.")  # feedback is private
    ended.get_by_role("link", name="Read past messages with Riley Shah").click()
    expect(mentor.get_by_text("You cannot send messages here any more")).to_be_visible()
    expect(mentor.get_by_label("Send a message")).to_be_hidden()


def test_asking_accepting_and_sending_a_message_work_with_the_keyboard_alone(person_page, tab_to):
    mentor, mentee, _ = two_people(person_page, mentor_name="Kai Brown", mentee_name="Sam Green")

    mentee.goto(f"{mentee.site_url}/matches")
    ask = mentee.get_by_role("link", name="Ask Kai to mentor you")
    tab_to(mentee, ask)
    mentee.keyboard.press("Enter")
    mentee.wait_for_url(re.compile(r"/request\?mentor="))
    expect(mentee.locator("#loading")).to_be_hidden()
    tab_to(mentee, mentee.get_by_label("Your message"))
    mentee.keyboard.type("Hello Kai, could you mentor me?")
    tab_to(mentee, mentee.get_by_role("button", name="Send request"))
    mentee.keyboard.press("Enter")
    mentee.wait_for_url(re.compile(r"/request/sent\?id="))

    open_mentoring(mentor)
    tab_to(mentor, mentor.get_by_role("button", name="Accept request from Sam Green"))
    mentor.keyboard.press("Enter")
    mentor.wait_for_url(re.compile(r"/mentoring/accept\?id="))
    expect(mentor.locator("#request-message")).to_have_text("Hello Kai, could you mentor me?")
    tab_to(mentor, mentor.get_by_role("button", name="Accept request"))
    mentor.keyboard.press("Enter")
    mentor.wait_for_url(re.compile(r"/conversation\?id="))
    expect(mentor.locator(".govuk-notification-banner--success")).to_be_focused()
    expect(mentor.locator("#loading")).to_be_hidden()
    tab_to(mentor, mentor.get_by_label("Send a message"))
    mentor.keyboard.type("Yes, gladly.")
    tab_to(mentor, mentor.get_by_role("button", name="Send message"))
    mentor.keyboard.press("Enter")
    expect(mentor.locator("#message-list .moj-message-item--sent")).to_have_text(re.compile("Yes, gladly."))
    expect(mentor.locator("#send-status")).to_have_text("Your message has been sent")

    open_mentoring(mentee)
    expect(card_in(mentee, "active", "Kai Brown")).to_be_visible()


def test_a_mentor_can_decline_with_a_reason_the_mentee_then_sees(person_page, assert_accessible):
    mentor, mentee, _ = two_people(person_page, mentor_name="Ada Grey", mentee_name="Ben Black")
    mentee.goto(f"{mentee.site_url}/matches")
    mentee.get_by_role("link", name="Ask Ada to mentor you").click()
    mentee.get_by_label("Your message").fill("Could you mentor me?")
    mentee.get_by_role("button", name="Send request").click()
    mentee.wait_for_url(re.compile(r"/request/sent\?id="))

    open_mentoring(mentor)
    card_in(mentor, "waiting-for-you", "Ben Black").get_by_role(
        "link", name="Decline request from Ben Black"
    ).click()
    mentor.wait_for_url(re.compile(r"/mentoring/decline\?id="))
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Decline Ben Black’s request")
    assert_accessible(mentor)
    mentor.get_by_label("Why are you declining? (optional)").fill("I am mentoring too many people this year.")
    mentor.get_by_role("button", name="Decline request").click()
    mentor.wait_for_url(re.compile(r"/mentoring$"))
    expect(mentor.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have declined Ben Black’s request"
    )

    open_mentoring(mentee)
    declined = card_in(mentee, "past", "Ada Grey")
    expect(declined.locator(".govuk-tag")).to_have_text("Declined")
    expect(declined).to_contain_text("I am mentoring too many people this year.")


def test_a_mentee_can_withdraw_a_request_while_it_waits(person_page):
    mentor, mentee, _ = two_people(person_page, mentor_name="Jo White", mentee_name="Lee Gold")
    mentee.goto(f"{mentee.site_url}/matches")
    mentee.get_by_role("link", name="Ask Jo to mentor you").click()
    mentee.get_by_label("Your message").fill("Could you mentor me?")
    mentee.get_by_role("button", name="Send request").click()
    mentee.wait_for_url(re.compile(r"/request/sent\?id="))
    open_mentoring(mentee)
    card_in(mentee, "waiting-for-them", "Jo White").get_by_role(
        "link", name="Withdraw request to Jo White"
    ).click()
    mentee.wait_for_url(re.compile(r"/mentoring/withdraw\?id="))  # asks first
    expect(mentee.get_by_role("heading", level=1)).to_have_text(
        "Are you sure you want to withdraw your request to Jo White?")
    mentee.get_by_role("link", name="No, keep my request").click()
    mentee.wait_for_url(re.compile(r"/mentoring$"))
    expect(card_in(mentee, "waiting-for-them", "Jo White")).to_be_visible()  # nothing changed
    card_in(mentee, "waiting-for-them", "Jo White").get_by_role("link", name="Withdraw request to Jo White").click()
    mentee.get_by_role("button", name="Yes, withdraw my request").click()
    mentee.wait_for_url(re.compile(r"/mentoring$"))
    expect(mentee.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have withdrawn your request to Jo White"
    )
    expect(card_in(mentee, "past", "Jo White").locator(".govuk-tag")).to_have_text("Withdrawn")
    open_mentoring(mentor)
    expect(card_in(mentor, "past", "Lee Gold")).to_contain_text("They withdrew their request")


def test_someone_can_block_and_report_the_other_person_from_a_conversation_and_unblock_them_in_settings(
    person_page, assert_accessible
):
    mentor, mentee, _ = two_people(person_page, mentor_name="Pat Rose", mentee_name="Chris Day")
    mentee.goto(f"{mentee.site_url}/matches")
    mentee.get_by_role("link", name="Ask Pat to mentor you").click()
    mentee.get_by_label("Your message").fill("Could you mentor me?")
    mentee.get_by_role("button", name="Send request").click()
    mentee.wait_for_url(re.compile(r"/request/sent\?id="))

    open_mentoring(mentor)
    card_in(mentor, "waiting-for-you", "Chris Day").get_by_role(
        "link", name="Messages with Chris Day"
    ).click()
    mentor.get_by_role("link", name="Report or block Chris Day").click()
    mentor.wait_for_url(re.compile(r"/report\?user=.*&mentorship="))
    expect(mentor.get_by_role("heading", level=1)).to_have_text("Block or report Chris Day")
    mentor.get_by_role("button", name="Continue").click()
    expect(mentor.locator(".govuk-error-summary")).to_be_focused()
    expect(mentor.locator(".govuk-error-summary")).to_contain_text(
        "Select if you want to block or report Chris Day"
    )
    assert_accessible(mentor)

    mentor.get_by_label("Block Chris Day").check()
    mentor.get_by_label("Report Chris Day to the Mentor Match team").check()
    mentor.get_by_label("What happened?").fill("Rude messages.")
    assert_accessible(mentor)
    mentor.get_by_role("button", name="Continue").click()
    mentor.wait_for_url(re.compile(r"/report/done\?blocked=1&reported=1$"))
    expect(mentor.get_by_text("You have blocked them.")).to_be_visible()
    expect(mentor.get_by_text("We have sent your report to the Mentor Match team.")).to_be_visible()
    assert_accessible(mentor)

    mentor.goto(f"{mentor.site_url}/settings")
    blocked = mentor.locator("#block-list li", has_text="Chris Day")
    expect(blocked).to_be_visible()
    blocked.get_by_role("button", name="Unblock Chris Day").click()
    expect(mentor.locator(".govuk-notification-banner--success")).to_contain_text(
        "You have unblocked Chris Day"
    )
    expect(mentor.get_by_text("You have not blocked anyone.")).to_be_visible()
