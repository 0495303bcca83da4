"""Browser tests share one context per worker (conftest.py): what one test leaves, the next must not see."""

from tests.browser.conftest import empty_context, keep_renderer, watched_context


def test_an_emptied_context_keeps_no_storage_cookie_permission_or_tab_but_its_blank_kept_tab(browser, site_url, site_origins):
    context = keep_renderer(watched_context(browser))  # as each worker's context is
    try:
        tab = context.new_page()
        tab.goto(site_url + "/accessibility")
        tab.evaluate("() => { localStorage.setItem('k', 'v'); sessionStorage.setItem('s', 'v');"
                     " document.cookie = 'mm_left=1; path=/' }")
        context.grant_permissions(["clipboard-read"], origin=site_url)
        context.new_page().goto(site_url + "/help")

        empty_context(context, site_origins)

        assert context.pages == [context.kept_tab] and context.kept_tab.url == "about:blank"  # only the blank kept tab
        assert context.cookies() == []
        tab = context.new_page()
        tab.goto(site_url + "/accessibility")
        assert tab.evaluate("() => [localStorage.getItem('k'), sessionStorage.getItem('s'), document.cookie]") == [
            None, None, ""]
        assert tab.evaluate("async () => (await navigator.permissions.query({name: 'clipboard-read'})).state") != (
            "granted")
    finally:
        context.close()


def test_a_kept_tab_that_a_test_navigated_is_replaced_by_a_blank_one(browser, site_url, site_origins):
    context = keep_renderer(watched_context(browser))
    try:
        used = context.kept_tab
        used.goto(site_url + "/help")
        used.evaluate("() => sessionStorage.setItem('s', 'v')")

        empty_context(context, site_origins)

        assert used.is_closed()
        assert context.pages == [context.kept_tab] and context.kept_tab.url == "about:blank"
    finally:
        context.close()
