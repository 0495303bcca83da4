"""Browser tests: the static site in Debian's Chromium headless shell, driven by Playwright (sync API).

The site under test is `local_stack.site_url` (the whole local stack, from tests/conftest.py),
or MENTOR_MATCH_SITE_URL when that is set (any running copy: a developer's, a stage).
The site is built first (`npm ci` when needed, then `npm run build`) when frontend/dist is
missing or older than its sources.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
FRONTEND = REPO / "frontend"
DIST = FRONTEND / "dist"
AXE_SCRIPT = FRONTEND / "node_modules" / "axe-core" / "axe.min.js"

# Chromium's headless shell (Debian's chromium-headless-shell, the Makefile installs it) is the
# browser Playwright runs headless: the same Blink and V8 as the full browser, without the full
# browser's own code (Chrome's //chrome layer). The browser tests (two workers, 2026-12-01) took
# 458 s and 854 CPU-seconds in the full browser's headless mode (CHROMIUM_PATH=/usr/bin/chromium),
# 333 s and 612 CPU-seconds in the shell.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--headless",  # the shell always is; the full browser (CHROMIUM_PATH=/usr/bin/chromium) needs it
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A context's tabs share one renderer process, as Chrome's tabs of one site do once it has many
    # processes, instead of two new processes per tab (one for the tab's first blank page, one for the
    # site): with a context's kept tab (keep_renderer) the process outlives each test's tabs. Tabs of
    # other contexts still get processes of their own (a process serves one context's storage).
    "--renderer-process-limit=1",
]
DESKTOP = {"width": 1280, "height": 900}

# How long a step may wait for the page (an element, a navigation) before the test fails. Tests
# assert what happens, not how fast (speed is `make bench`'s): with both test workers, the local
# stack and Chromium sharing two cores, a step has taken more than 10 s.
WAIT_MS = 30_000

# A password that meets the rules on the "Create an account" page.
PASSWORD = "Mentor-Match-2026!"


def _newest_source_mtime() -> float:
    sources = [FRONTEND / "build.mjs", FRONTEND / "package-lock.json", *(FRONTEND / "src").rglob("*")]
    return max(path.stat().st_mtime for path in sources if path.is_file())


def ensure_site_built() -> None:
    """Builds frontend/dist (and installs node_modules, which also holds axe-core) when out of date."""
    npm = shutil.which("npm")
    if not (FRONTEND / "node_modules").is_dir() or not AXE_SCRIPT.is_file():
        if not npm:
            pytest.fail("npm is needed to install the front end (cd frontend && npm ci)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=FRONTEND, check=True)
    index = DIST / "index.html"
    if not index.is_file() or index.stat().st_mtime < _newest_source_mtime():
        if not npm:
            pytest.fail("npm is needed to build the front end (cd frontend && npm run build)")
        subprocess.run([npm, "run", "build"], cwd=FRONTEND, check=True)


@pytest.fixture(scope="session")
def site_url(request) -> str:
    ensure_site_built()
    override = os.environ.get("MENTOR_MATCH_SITE_URL")
    if override:
        return override.rstrip("/")
    return request.getfixturevalue("local_stack").site_url.rstrip("/")


@pytest.fixture(scope="session")
def site_config(site_url) -> dict:
    with urllib.request.urlopen(f"{site_url}/config.json", timeout=10) as reply:
        return json.load(reply)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)  # expect's own default is 5 s
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (make test installs it: apt-get install -y chromium-headless-shell; or set CHROMIUM_PATH)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page records the Content-Security-Policy violations the browser reports (the policy is the
# one CloudFront sends in AWS; the local site server sends the same): a test whose pages break the
# policy fails, so every journey is also a CSP test.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`);
});
"""


def csp_violations(page) -> list[str]:
    try:
        return list(page.evaluate("() => window.__cspViolations || []"))
    except Exception:  # the page is closed or navigating: its violations were read before
        return []


def watched_context(browser):
    """A browser context whose pages all record their CSP violations (CSP_WATCH)."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    context.add_init_script(CSP_WATCH)
    return context


@pytest.fixture(scope="session")
def site_origins(site_url, site_config) -> set[str]:
    """The origins whose data a test may leave behind: the site's and the sign-in provider's."""
    sign_in_provider = (site_config.get("oauth") or {}).get("authority")
    return {"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in (site_url, sign_in_provider) if url}


def keep_renderer(context):
    """Opens the context's kept tab: a blank tab no test uses, which empty_context leaves open, so
    the context's renderer process (CHROMIUM_ARGS: one per context) lives on between tests. A new
    tab then starts in it instead of starting two processes: about 0.16 CPU-s less per tab
    (new tab, page load, close; 0.35 against 0.51 CPU-s, 2026-12-02)."""
    context.kept_tab = context.new_page()
    return context


def empty_context(context, origins: set[str]) -> None:
    """A context opened with keep_renderer, as a new one would be: its tabs closed (and with them
    each tab's sessionStorage), and the origins' storage, every cookie and every permission gone;
    only the kept tab, blank, stays open (a new blank one if a test navigated it or it crashed)."""
    kept = context.kept_tab
    if kept.is_closed() or kept.url != "about:blank":  # a crash, or a test used it
        if not kept.is_closed():
            kept.close()
        kept = keep_renderer(context).kept_tab
    cdp = context.new_cdp_session(kept)
    try:
        for origin in origins:  # localStorage, IndexedDB, caches, service workers, cookies
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    finally:
        cdp.detach()
    for open_tab in list(context.pages):
        if open_tab is not kept:
            open_tab.close()
    context.clear_cookies()
    context.clear_permissions()


@pytest.fixture(scope="session")
def worker_context(browser):
    """One browser context per test worker: Chromium spends about 0.3 s of CPU more on a tab in a
    new context than on a new tab in an existing one, and `context` empties it between tests."""
    context = keep_renderer(watched_context(browser))
    yield context
    context.close()


@pytest.fixture
def context(worker_context, site_origins):
    """The test's browser context, emptied after the test (empty_context)."""
    yield worker_context
    empty_context(worker_context, site_origins)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report on the test, so fixtures can tell whether it failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def screenshot_failure(page, request, tmp_path_factory, suffix: str = "") -> None:
    folder = Path(os.environ.get("MENTOR_MATCH_SCREENSHOTS") or tmp_path_factory.getbasetemp()) / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{request.node.name[:110]}{suffix}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
        print(f"Screenshot of the page when the test failed: {path}")
    except Exception as error:  # the page may be gone; the failure itself matters more
        print(f"No screenshot: {error}")


def watch_tab(tab, site_url: str) -> None:
    """A tab's JavaScript errors and CSP reports are kept on it (tab.errors, tab.violations), and
    its requests counted (tab.requests, for wait_for_quiet_network)."""
    tab.set_default_timeout(WAIT_MS)
    tab.errors, tab.violations = [], []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("console", lambda message: tab.violations.append(message.text)
           if "Content Security Policy" in message.text else None)
    tab.site_url = site_url
    tab.requests = {"started": 0, "open": set()}

    def started(request) -> None:
        tab.requests["started"] += 1
        tab.requests["open"].add(request)

    def ended(request) -> None:
        tab.requests["open"].discard(request)

    tab.on("request", started)
    tab.on("requestfinished", ended)
    tab.on("requestfailed", ended)


def wait_for_quiet_network(tab, quiet_ms: int = 150) -> None:
    """Playwright's "networkidle" (the page loaded, then no request for 500 ms) with a shorter
    quiet spell: the page has loaded, none of its requests is open and none started for quiet_ms.
    A script that fetches after another fetch (config.json, then the API) starts the second
    within a few milliseconds of the first's answer; a request the CSP blocks is reported when it
    is made. (On the CSP sweep's 60 pages, networkidle's 500 ms was a third of the sweep's time.)"""
    deadline = time.monotonic() + WAIT_MS / 1000
    tab.wait_for_load_state("load")
    while True:
        started = tab.requests["started"]
        tab.wait_for_timeout(quiet_ms)  # Playwright delivers the tab's events while it waits
        if not tab.requests["open"] and tab.requests["started"] == started:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{tab.url}: requests still open after {WAIT_MS} ms: "
                               f"{[request.url for request in tab.requests['open']]}")


def check_tab_after_test(tab, request, tmp_path_factory) -> None:
    """Fails the test on its tab's JavaScript errors or CSP violations; a failed test leaves a screenshot."""
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot_failure(tab, request, tmp_path_factory)
    assert not tab.errors, f"JavaScript errors on the page: {tab.errors}"
    tab.violations.extend(csp_violations(tab))
    assert not tab.violations, f"Content-Security-Policy violations: {tab.violations}"


@pytest.fixture
def page(context, site_url, request, tmp_path_factory):
    """A page whose uncaught JavaScript errors fail the test that made them; a failing test
    leaves a screenshot (in MENTOR_MATCH_SCREENSHOTS/failures, else pytest's temp folder)."""
    page = context.new_page()
    watch_tab(page, site_url)
    yield page
    check_tab_after_test(page, request, tmp_path_factory)


@pytest.fixture(scope="module")
def sweep_tab(browser, site_url):
    """One signed-out tab for a module's page-by-page sweep: opening a tab (a renderer process)
    costs Chromium about 0.3 s of CPU, more than loading most pages."""
    context = watched_context(browser)
    tab = context.new_page()
    watch_tab(tab, site_url)
    yield tab
    context.close()


@pytest.fixture
def swept_page(sweep_tab, request, tmp_path_factory):
    """The sweep's tab as a test's `page`, checked after the test as `page` is; the next test
    starts signed out on a blank page, with no storage, cookies, errors or reports left."""
    tab = sweep_tab
    tab.errors.clear()
    tab.violations.clear()
    yield tab
    try:
        check_tab_after_test(tab, request, tmp_path_factory)
    finally:
        if tab.url.startswith(tab.site_url):
            tab.evaluate("() => { sessionStorage.clear(); localStorage.clear() }")
        tab.context.clear_cookies()
        tab.goto("about:blank")


def find_axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Runs axe-core (WCAG 2.0-2.2 A and AA rules, and best practice) on the page as it is now."""
    if not page.evaluate("() => Boolean(window.axe)"):
        # Evaluated by the browser's debugging protocol, not added as a <script>: the site's CSP
        # (rightly) refuses inline scripts, and a page test must not need it relaxed.
        page.evaluate(AXE_SCRIPT.read_text() + "\n;void 0")
    # Only what a failure message shows comes back: axe's whole result (every rule that passed or did
    # not apply, with its description, tags and an example node) was 53 KB of JSON on /help against
    # 149 bytes, and Playwright's client checks every value of it: 17-19 ms of the test's CPU per
    # check against under 1 ms, and 10-40 ms less in the driver and Chromium (2026-12-02).
    return list(page.evaluate(
        """async (impacts) => {
            const { violations } = await window.axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations']
            })
            return violations.filter(({ impact }) => impacts.includes(impact)).map(({ id, impact, help, nodes }) =>
                ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }))
        }""",
        list(impacts),
    ))


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return "\n".join(lines)


@pytest.fixture
def axe_violations():
    """axe_violations(page) -> the serious and critical axe-core violations on the page now."""
    return find_axe_violations


@pytest.fixture
def assert_accessible():
    """assert_accessible(page): fails with axe's findings if any is serious or critical."""

    def check(page) -> None:
        violations = find_axe_violations(page)
        assert not violations, f"axe found problems on {page.url}:\n{describe_violations(violations)}"

    return check


# A department's own domain in the seed data: the sign-up gate admits it, and places its people
# in that department (Cabinet Office).
EMAIL_DOMAIN = os.environ.get("MENTOR_MATCH_TEST_EMAIL_DOMAIN", "cabinetoffice.gov.uk")


@pytest.fixture
def new_email():
    """new_email() -> an email address no test has used."""
    return lambda: f"browser-test-{uuid.uuid4().hex[:12]}@{EMAIL_DOMAIN}"


@pytest.fixture
def password() -> str:
    return PASSWORD


def cognito_call(site_url: str, config: dict, action: str, body: dict) -> dict:
    """A Cognito call as the site makes it (to set up accounts quickly, outside the browser)."""
    endpoint = config.get("cognitoEndpoint") or f"https://cognito-idp.{config['region']}.amazonaws.com/"
    if endpoint.startswith("/"):
        endpoint = site_url + endpoint
    request = urllib.request.Request(
        endpoint,
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)


def create_confirmed_account(site_url: str, site_config: dict, email: str) -> dict:
    """A new confirmed account (the local Cognito emulator accepts any confirmation code)."""
    if not site_config.get("cognitoEndpoint"):
        pytest.skip("needs the local Cognito emulator, which accepts any confirmation code")
    client_id = site_config["userPoolClientId"]
    attributes = [{"Name": "email", "Value": email}]
    sign_up = {"ClientId": client_id, "Username": email, "Password": PASSWORD, "UserAttributes": attributes}
    cognito_call(site_url, site_config, "SignUp", sign_up)
    confirm = {"ClientId": client_id, "Username": email, "ConfirmationCode": "123456"}
    cognito_call(site_url, site_config, "ConfirmSignUp", confirm)
    return {"email": email, "password": PASSWORD}


@pytest.fixture
def confirmed_account(site_url, site_config, new_email) -> dict:
    """A new confirmed account (the local Cognito emulator accepts any confirmation code)."""
    return create_confirmed_account(site_url, site_config, new_email())


@pytest.fixture
def sign_in():
    """sign_in(page, email, password): signs in on the sign-in page and waits for "Your profile".
    For the tests of signing in; the others sign in through the API (api_sign_in), which is cheaper."""

    def sign_in_on_page(page, email: str, password: str = PASSWORD) -> None:
        page.goto(f"{page.site_url}/sign-in")
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password", exact=True).fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(re.compile(r"/profile/?$"))

    return sign_in_on_page


def api_base(site_url: str, config: dict) -> str:
    """The API's base URL as the site works it out from /config.json (apiUrl, "/api" by default)."""
    api = (config.get("apiUrl") or "/api").rstrip("/")
    return site_url + api if api.startswith("/") else api


@pytest.fixture
def api_sign_in(site_url, site_config):
    """api_sign_in(page, email, password): signs the tab in without the sign-in page, for tests about
    something else (the sign-in page has tests of its own, through sign_in): the API's POST /session
    as the page sends it, from the tab's browser context, so the session cookies it sets are the
    context's; then "Your profile", whose script gets this tab's token from the cookie as any new
    tab's does. It ends where sign_in ends, at "Your profile" with the token in the tab's
    sessionStorage, without loading the sign-in page and filling its form (about 0.6 CPU-seconds of
    Chromium's less)."""
    api_url = api_base(site_url, site_config)

    def sign_in_through_the_api(page, email: str, password: str = PASSWORD) -> None:
        reply = page.context.request.post(f"{api_url}/session", data={"email": email, "password": password})
        assert reply.status == 200, f"POST /session: {reply.status} {reply.text()}"
        page.goto(f"{page.site_url}/profile")
        page.wait_for_function("() => sessionStorage.getItem('mentorMatch.session') !== null")

    return sign_in_through_the_api


@pytest.fixture
def api_fetch():
    """api_fetch(page, method, path, body=None) -> {status, body}: the API called from inside the
    signed-in page, with its token, as another tab of the same person would."""

    def fetch_in_page(page, method: str, path: str, body: dict | None = None) -> dict:
        return page.evaluate(
            """async ([method, path, body]) => {
                const config = await (await fetch('/config.json')).json()
                const session = JSON.parse(sessionStorage.getItem('mentorMatch.session'))
                const reply = await fetch(config.apiUrl.replace(/\\/$/, '') + path, {
                    method,
                    headers: { Authorization: 'Bearer ' + session.accessToken, 'Content-Type': 'application/json' },
                    body: body === null ? undefined : JSON.stringify(body)
                })
                return { status: reply.status, body: await reply.json().catch(() => null) }
            }""",
            [method, path, body],
        )

    return fetch_in_page


def choose_first_suggestion(page, input_locator, typed: str) -> str:
    """Types into an autocomplete box, then picks the first suggestion with the keyboard (Enter
    alone when the box highlights its first suggestion itself, as tag boxes do)."""
    from playwright.sync_api import expect

    input_locator.click()
    input_locator.press_sequentially(typed, delay=30)
    listbox = page.locator(f"#{input_locator.get_attribute('id')}__listbox")
    first_option = listbox.get_by_role("option").first
    expect(first_option, f"no suggestions for {typed!r}").to_be_visible()
    chosen = first_option.inner_text().strip()
    if "autocomplete__option--focused" not in (first_option.get_attribute("class") or ""):
        input_locator.press("ArrowDown")
    page.keyboard.press("Enter")
    return chosen


@pytest.fixture
def choose_suggestion():
    """choose_suggestion(page, input_locator, typed) -> the text of the suggestion chosen."""
    return choose_first_suggestion


def make_profile(organisation_id: str, **changes) -> dict:
    """A complete, valid profile as the API reads and writes it."""
    profile = {
        "display_name": "Grace Hopper",
        "job_title": "Head of Digital Delivery",
        "bio": "I lead delivery teams and like helping people grow.",
        "organisation_id": organisation_id,
        "grade": "G6",
        "location": "Manchester",
        "professions": ["digital, data and technology"],
        "skills_offered": ["agile", "line management"],
        "skills_wanted": ["public speaking"],
        "interests": ["sailing"],
        "roles": ["mentor", "mentee"],
        "mentor_capacity": 3,
        "accepting_requests": True,
    }
    profile.update(changes)
    return profile


@pytest.fixture
def signed_in_with_profile(page, confirmed_account, api_sign_in, api_fetch) -> dict:
    """The page signed in as a new person whose profile is saved: {email, password, profile}."""
    api_sign_in(page, confirmed_account["email"], confirmed_account["password"])
    organisations = api_fetch(page, "GET", "/organisations")["body"]["organisations"]
    own = [org for org in organisations if EMAIL_DOMAIN in org.get("domains", [])] or organisations[:1]
    reply = api_fetch(page, "PUT", "/me/profile", make_profile(own[0]["id"]))
    assert reply["status"] == 200, reply
    return {**confirmed_account, "profile": reply["body"], "organisation": own[0]}


def save_profile(page, api_fetch, profile: dict) -> dict:
    """PUT /me/profile from the signed-in page; returns the saved profile (with its user_id)."""
    reply = api_fetch(page, "PUT", "/me/profile", profile)
    assert reply["status"] == 200, reply
    return reply["body"]


@pytest.fixture
def person_page(context, site_url, site_config, new_email, api_sign_in, api_fetch, request, tmp_path_factory):
    """person_page(**profile_changes) -> a new tab signed in as a new person whose profile is
    saved (make_profile with these changes, in their email domain's organisation). Each tab has
    its own sessionStorage, so tabs of one browser are different people. The tab's .person is
    {email, password, profile, organisation}; its JavaScript errors and CSP violations fail the test."""
    pages = []

    def make(**changes):
        account = create_confirmed_account(site_url, site_config, new_email())
        tab = context.new_page()
        watch_tab(tab, site_url)
        pages.append(tab)
        api_sign_in(tab, account["email"], account["password"])
        organisations = api_fetch(tab, "GET", "/organisations")["body"]["organisations"]
        own = [org for org in organisations if EMAIL_DOMAIN in org.get("domains", [])] or organisations[:1]
        profile = save_profile(tab, api_fetch, make_profile(own[0]["id"], **changes))
        tab.person = {**account, "profile": profile, "organisation": own[0]}
        return tab

    yield make
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        for index, tab in enumerate(pages):
            screenshot_failure(tab, request, tmp_path_factory, suffix=f"-tab{index + 2}")
    errors = [error for tab in pages for error in tab.errors]
    assert not errors, f"JavaScript errors in the other tabs: {errors}"
    violations = [violation for tab in pages for violation in [*tab.violations, *csp_violations(tab)]]
    assert not violations, f"Content-Security-Policy violations in the other tabs: {violations}"


def focus_by_tabbing(page, locator, limit: int = 80) -> None:
    """Presses Tab until the element is focused, as someone using the keyboard alone would."""
    handle = locator.element_handle()
    for _ in range(limit):
        if page.evaluate("(element) => document.activeElement === element", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with the Tab key in {limit} presses")


@pytest.fixture
def tab_to():
    """tab_to(page, locator): presses Tab until that element has the focus."""
    return focus_by_tabbing


def answer_first_profile(page, check, choose_suggestion) -> dict:
    """Builds a first profile through the task list and its question pages (GOV.UK one thing per
    page), checking each page with check(page); stops on "Check your answers"."""
    from playwright.sync_api import expect

    def heading(text: str) -> None:
        expect(page.get_by_role("heading", level=1)).to_have_text(text)
        expect(page.locator("#loading")).to_be_hidden()
        check(page)

    def go_on() -> None:
        page.get_by_role("button", name="Continue").click()

    heading("Create your profile")
    page.get_by_role("link", name="About you").click()
    heading("What is your name?")
    go_on()  # nothing typed: the question says what to do
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    expect(page.locator("#display_name-error")).to_contain_text("Enter your name")
    check(page)
    page.get_by_label("What is your name?").fill("Ada Lovelace")
    go_on()
    heading("What is your job title? (optional)")
    page.get_by_label("What is your job title? (optional)").fill("Senior Data Scientist")
    go_on()
    heading("Tell people about yourself (optional)")
    page.get_by_label("Tell people about yourself (optional)").fill(
        "I build data tools for policy teams.\n\nHappy to talk about analysis.")
    go_on()

    heading("Create your profile")
    expect(page.locator(".app-task-about .govuk-task-list__status")).to_have_text("Completed")
    page.get_by_role("link", name="Where you work").click()
    heading("Which organisation do you work for?")
    organisation_box = page.get_by_label("Which organisation do you work for?")
    expect(organisation_box).to_have_value("Cabinet Office")  # from the email address's domain
    organisation_box.fill("")
    organisation = choose_suggestion(page, organisation_box, "Cabinet Off")
    go_on()
    heading("What is your grade?")
    page.get_by_label("Grade 7").check()
    go_on()
    heading("Where do you usually work?")
    page.get_by_label("Where do you usually work?").fill("Leeds")
    go_on()

    heading("Create your profile")
    expect(page.locator(".app-task-skills .govuk-task-list__status")).to_have_text("Cannot start yet")
    page.get_by_role("link", name="How you want to take part").click()
    heading("How do you want to take part?")
    page.get_by_label("I want a mentor").check()
    page.get_by_label("I want to mentor other people").check()
    go_on()
    heading("Your time for mentoring")
    page.get_by_label("How many people could you mentor at the same time?").fill("2")
    page.locator("#accepting_requests").check()
    go_on()

    heading("Create your profile")
    page.get_by_role("link", name="Skills and interests").click()
    heading("Which Civil Service professions do you belong to?")
    profession = choose_suggestion(page, page.get_by_label("Add a profession"), "p")
    expect(page.locator("#professions-list")).to_contain_text(profession)
    go_on()
    heading("Which skills could you help other people develop?")
    offered = page.get_by_label("Add a skill you can offer")
    choose_suggestion(page, offered, "Pyth")
    offered.fill("Quantum finance")
    page.get_by_role("button", name="Add skill you can offer").click()
    expect(page.locator("#skills_offered-list li")).to_have_count(2)
    go_on()
    heading("Which skills do you want to develop?")
    choose_suggestion(page, page.get_by_label("Add a skill you want to develop"), "Public sp")
    go_on()
    heading("What are your interests?")
    choose_suggestion(page, page.get_by_label("Add an interest"), "Runn")
    go_on()

    heading("Create your profile")
    expect(page.locator("#task-count")).to_have_text("You have completed 4 of 4 sections.")
    page.get_by_role("link", name="Check your answers and create your profile").click()
    heading("Check your answers before creating your profile")
    return {"organisation": organisation, "profession": profession}


@pytest.fixture
def build_first_profile():
    """build_first_profile(page, check, choose_suggestion) -> {organisation, profession}: the
    question pages answered, ending on "Check your answers"."""
    return answer_first_profile
