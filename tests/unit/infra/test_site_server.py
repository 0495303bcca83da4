"""The local site server's file lookup: clean URLs work, nothing outside the site is served."""

from infra.local.site_server import find_file, security_headers


def make_site(tmp_path):
    (tmp_path / "sign-in").mkdir(parents=True)
    (tmp_path / "sign-in" / "index.html").write_text("sign in")
    (tmp_path / "index.html").write_text("start")
    (tmp_path / "404.html").write_text("missing")
    return tmp_path


def test_clean_urls_map_to_folder_index_pages(tmp_path):
    site = make_site(tmp_path)
    assert find_file(site, "/sign-in").read_text() == "sign in"
    assert find_file(site, "/sign-in/").read_text() == "sign in"
    assert find_file(site, "/").read_text() == "start"
    assert find_file(site, "/404").read_text() == "missing"


def test_paths_outside_the_site_folder_are_never_served(tmp_path):
    site = make_site(tmp_path / "site")
    (tmp_path / "secret.txt").write_text("secret")
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/sign-in/../../secret.txt", "//etc/passwd"):
        assert find_file(site, path) is None, path


def test_unknown_paths_find_nothing(tmp_path):
    assert find_file(make_site(tmp_path), "/no-such-page") is None


def test_the_local_site_sends_the_headers_cloudfront_adds_in_aws():
    headers = security_headers("eu-west-2")
    csp = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert csp["script-src"] == "'self'"  # no inline script, no eval
    assert csp["connect-src"] == "'self' https://cognito-idp.eu-west-2.amazonaws.com"
    assert csp["frame-ancestors"] == "'none'" and csp["default-src"] == "'none'"
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=63072000")
    assert headers["X-Frame-Options"] == "DENY"


def test_locally_the_oauth_stand_ins_origin_joins_connect_src_as_cognitos_endpoint_is_there_in_aws():
    aws = security_headers("eu-west-2", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc")
    assert aws == security_headers("eu-west-2")  # already allowed
    local = security_headers("eu-west-2", "http://127.0.0.1:4580")["Content-Security-Policy"]
    assert "connect-src 'self' http://127.0.0.1:4580 https://cognito-idp.eu-west-2.amazonaws.com" in local
