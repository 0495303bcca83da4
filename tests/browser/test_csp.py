"""Every page of the site under the Content-Security-Policy CloudFront sends in AWS: no violation.

The `page` fixture (conftest.py) fails any browser test whose pages report a CSP violation; this
test visits every page the build makes, and checks that the policy is the template's and is sent.
"""

import json
from pathlib import Path

import pytest

from infra.local.site_server import security_headers
from tests.browser.conftest import wait_for_quiet_network

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"


def site_pages() -> list[str]:
    pages = sorted("/" + str(path.parent.relative_to(DIST)).replace("\\", "/")
                   for path in DIST.rglob("index.html") if path.parent != DIST and path.parent.name != "404")
    return ["/", *pages, "/no-such-page"]


def test_every_built_page_is_visited():
    assert len(site_pages()) > 20 and "/sign-in" in site_pages()


@pytest.mark.parametrize("path", site_pages())
def test_a_page_breaks_no_rule_of_the_content_security_policy(swept_page, path, site_config):
    page = swept_page  # one tab for the whole sweep (conftest.py), a fresh page each time
    reply = page.goto(page.site_url + path)
    assert reply is not None
    expected = security_headers(site_config["region"], (site_config.get("oauth") or {}).get("authority", ""))
    assert reply.headers["content-security-policy"] == expected["Content-Security-Policy"]
    wait_for_quiet_network(page)
    violations = page.evaluate("() => window.__cspViolations")
    assert violations == [], json.dumps(violations)


def test_an_inline_script_would_be_reported_and_blocked(context, site_url):
    page = context.new_page()  # not the fixture's page, which would fail on this violation
    reported: list[str] = []
    page.on("console", lambda message: reported.append(message.text))
    page.goto(site_url + "/accessibility")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';
                             document.body.appendChild(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__cspViolations.length") == 1
    assert page.evaluate("() => window.x") is None
    assert any("Content Security Policy" in text for text in reported)
