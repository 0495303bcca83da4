"""Settings come from the environment, with local defaults."""

from chalicelib.settings import load_settings


def test_defaults_describe_the_local_stack(monkeypatch):
    for name in ("TABLE_PREFIX", "MATCH_K", "COGNITO_ISSUER", "AWS_COGNITO_JWKS_PATH", "AWS_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-2")
    monkeypatch.setenv("COGNITO_USER_POOL_ID", "eu-west-2_abc")
    settings = load_settings()
    assert settings.table_name("profiles") == "mentor-match-local-profiles"
    assert settings.match_k == 20
    assert (settings.skills_weight, settings.interests_weight, settings.professions_weight) == (0.60, 0.25, 0.15)
    assert settings.token_issuer == "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc"
    assert settings.jwks_url == settings.token_issuer + "/.well-known/jwks.json"


def test_the_environment_overrides_defaults(monkeypatch):
    monkeypatch.setenv("TABLE_PREFIX", "mentor-match-prod-")
    monkeypatch.setenv("MATCH_K", "5")
    monkeypatch.setenv("COGNITO_ISSUER", "http://127.0.0.1:9000/oidc")
    settings = load_settings()
    assert settings.table_name("profiles") == "mentor-match-prod-profiles"
    assert settings.match_k == 5
    assert settings.token_issuer == "http://127.0.0.1:9000/oidc"


def test_linkedin_sign_in_is_off_unless_the_hosted_endpoints_are_named(monkeypatch):
    for name in ("HOSTED_UI_URL", "HOSTED_UI_ISSUER", "OAUTH_REDIRECT_URIS", "SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COGNITO_USER_POOL_ID", "eu-west-2_abc")
    settings = load_settings()
    assert settings.hosted_ui_url == ""
    assert settings.token_issuers == (settings.token_issuer,)
    assert settings.oauth_redirect_uris == ("http://127.0.0.1:8000/auth/callback",)
    monkeypatch.setenv("HOSTED_UI_URL", "https://mm.auth.eu-west-2.amazoncognito.com/")
    monkeypatch.setenv("SITE_URL", "https://mentor-match.service.gov.uk")
    settings = load_settings()
    assert settings.hosted_ui_url == "https://mm.auth.eu-west-2.amazoncognito.com"
    assert settings.oauth_redirect_uris == ("https://mentor-match.service.gov.uk/auth/callback",)


def test_sharded_runs_start_every_hour_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv("RECOMPUTE_SHARDED_EVERY_HOURS", raising=False)
    assert load_settings().recompute_sharded_every_hours == 1
    monkeypatch.setenv("RECOMPUTE_SHARDED_EVERY_HOURS", "6")
    assert load_settings().recompute_sharded_every_hours == 6
    monkeypatch.setenv("RECOMPUTE_SHARDED_EVERY_HOURS", "0")  # never 0: that would divide by zero
    assert load_settings().recompute_sharded_every_hours == 1
