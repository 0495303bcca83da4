"""The one place that reads the environment.

Every setting has a local default so one command starts everything; production sets them
through the Chalice stage's environment variables (see .chalice/config.json and infra/).
Settings are read lazily (``get_settings()``), never at import time, because Chalice applies
a stage's variables only while a call runs.
"""

import os
from dataclasses import dataclass
from functools import lru_cache


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    return int(_env(name, str(default)))


def _env_float(name: str, default: float) -> float:
    return float(_env(name, str(default)))


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    table_prefix: str
    user_pool_id: str
    user_pool_client_id: str
    # Issuer the tokens must carry; derived from region + pool unless set (a local OIDC stand-in).
    token_issuer: str
    # Where the signing keys are; cognitojwt reads the same variable itself.
    jwks_url: str
    jwks_refresh_seconds: int
    clock_skew_seconds: int
    max_body_bytes: int
    match_k: int
    skills_weight: float
    interests_weight: float
    professions_weight: float
    snapshot_bucket: str
    snapshot_key: str
    # The recompute (design: Scale): from recompute_shard_from people the hourly schedule starts the
    # sharded state machine (when its ARN is set), with shards of recompute_people_per_shard people;
    # RECOMPUTE_SHARDS fixes the number of shards (make recompute runs them as local processes);
    # the schedule starts a sharded run every recompute_sharded_every_hours hours (at UTC hours
    # divisible by it: a run of millions of people costs dollars, so a large service may run it less often).
    recompute_shard_from: int = 1_000_000
    recompute_people_per_shard: int = 250_000
    recompute_shards: int = 0
    recompute_sharded_every_hours: int = 1
    recompute_state_machine_arn: str = ""
    # Mentorship journey: links in emails point at the site; EMAIL_SENDER picks SES or GOV.UK Notify.
    site_url: str = "http://127.0.0.1:8000"
    email_sender: str = "ses"
    email_from: str = "no-reply@mentor-match.local"
    notify_api_key: str = ""
    notify_base_url: str = "https://api.notifications.service.gov.uk"
    notify_template_ids: str = "{}"  # JSON: our template name -> the Notify template's id
    # Invitations: invalid codes a client may try per window before 429 (slows down guessing).
    invitation_failure_limit: int = 10
    invitation_failure_window_seconds: int = 900
    # Sessions: the refresh-token cookie (HttpOnly always; Secure everywhere but a local http copy).
    session_cookie_secure: bool = True
    session_cookie_path: str = "/api/session"
    session_days: int = 30  # as long as the app client's refresh tokens live (infra/template.json)
    # Sign-in through the hosted endpoints (LinkedIn via Cognito): the user pool domain's base URL,
    # e.g. https://mentor-match-prod.auth.eu-west-2.amazoncognito.com (locally the OIDC stand-in).
    # Empty: LinkedIn sign-in is off.
    hosted_ui_url: str = ""
    # Every issuer whose tokens the API accepts: the user pool's, and locally the stand-in's too
    # (in AWS the hosted endpoints issue tokens as the user pool, so there is one).
    token_issuers: tuple[str, ...] = ()
    oauth_redirect_uris: tuple[str, ...] = ()  # where the hosted endpoints may send the code back
    identity_providers: tuple[str, ...] = ("LinkedIn",)  # provider names in the user pool
    # The value CloudFront puts in X-Origin-Verify; "" (local, tests): requests need no such header.
    # Only with it is CloudFront's CloudFront-Viewer-Address (the person's own address) believed.
    origin_verify_secret: str = ""
    # Administrators' rights need TOTP set up on their account (on in AWS: infra/template.json).
    admin_mfa_required: bool = False
    admin_mfa_cache_seconds: int = 60
    # The recompute image carries numba's compiled kernel (NUMBA_CACHE_SEED, read-only); numba
    # needs a writable cache folder (NUMBA_CACHE_DIR), so the seed is copied there on a cold start.
    numba_cache_dir: str = ""
    numba_cache_seed: str = ""
    # Unknown invitation codes one address may try per window: loose, because civil servants share
    # a few addresses; it never blocks a valid code.
    invitation_address_limit: int = 200
    # Sign-up checks (POST /sign-up/check) one address may have refused per window: loose, like the above;
    # an address the gate admits is never refused.
    sign_up_check_address_limit: int = 200
    # How long an instance trusts its last reading of the admins group (removal counts within a minute).
    admin_check_seconds: int = 30
    # DynamoDB calls: seconds to connect and to read a reply, and retries (botocore standard mode).
    dynamodb_connect_timeout_seconds: float = 1.0
    dynamodb_read_timeout_seconds: float = 3.0
    dynamodb_max_retries: int = 3
    # Where AWS's APIs answer when not at AWS (the local emulator, moto); botocore reads the same
    # variable itself. Empty in AWS.
    aws_endpoint_url: str = ""
    # "Get help": the contact route administrators set (infra/template.json's Help* parameters in AWS),
    # which the site shows on its help page from /config.json's "help".
    help_email: str = "help@mentor-match.local"
    help_phone: str = ""
    help_hours: str = "Monday to Friday, 9am to 5pm (except bank holidays)"

    def help_contact(self) -> dict[str, str]:
        """/config.json's "help": how to reach the people who run the service."""
        return {"email": self.help_email, "phone": self.help_phone, "hours": self.help_hours}

    def table_name(self, base: str) -> str:
        return f"{self.table_prefix}{base}"


def _env_list(name: str, default: str) -> tuple[str, ...]:
    return tuple(item.strip().rstrip("/") if "://" in item else item.strip()
                 for item in _env(name, default).split(",") if item.strip())


def load_settings() -> Settings:
    region = _env("AWS_REGION", _env("AWS_DEFAULT_REGION", "eu-west-2"))
    pool_id = _env("COGNITO_USER_POOL_ID", "")
    issuer = _env("COGNITO_ISSUER", f"https://cognito-idp.{region}.amazonaws.com/{pool_id}")
    stage = _env("MENTOR_MATCH_STAGE", "local")
    site_url = _env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    return Settings(
        stage=stage,
        region=region,
        table_prefix=_env("TABLE_PREFIX", "mentor-match-local-"),
        user_pool_id=pool_id,
        user_pool_client_id=_env("COGNITO_CLIENT_ID", ""),
        token_issuer=issuer,
        jwks_url=_env("AWS_COGNITO_JWKS_PATH", f"{issuer}/.well-known/jwks.json"),
        jwks_refresh_seconds=_env_int("JWKS_REFRESH_SECONDS", 300),
        clock_skew_seconds=_env_int("TOKEN_CLOCK_SKEW_SECONDS", 60),
        max_body_bytes=_env_int("MAX_BODY_BYTES", 64 * 1024),
        match_k=_env_int("MATCH_K", 20),
        skills_weight=_env_float("MATCH_SKILLS_WEIGHT", 0.60),
        interests_weight=_env_float("MATCH_INTERESTS_WEIGHT", 0.25),
        professions_weight=_env_float("MATCH_PROFESSIONS_WEIGHT", 0.15),
        snapshot_bucket=_env("SNAPSHOT_BUCKET", "mentor-match-local-snapshots"),
        snapshot_key=_env("SNAPSHOT_KEY", "matching/snapshot.npz"),
        recompute_shard_from=_env_int("RECOMPUTE_SHARD_FROM", Settings.recompute_shard_from),
        recompute_people_per_shard=_env_int("RECOMPUTE_PEOPLE_PER_SHARD", Settings.recompute_people_per_shard),
        recompute_shards=_env_int("RECOMPUTE_SHARDS", 0),
        recompute_sharded_every_hours=max(1, _env_int("RECOMPUTE_SHARDED_EVERY_HOURS",
                                                      Settings.recompute_sharded_every_hours)),
        recompute_state_machine_arn=_env("RECOMPUTE_STATE_MACHINE_ARN", ""),
        site_url=site_url,
        email_sender=_env("EMAIL_SENDER", "ses"),
        email_from=_env("EMAIL_FROM", "no-reply@mentor-match.local"),
        notify_api_key=_env("NOTIFY_API_KEY", ""),
        notify_base_url=_env("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"),
        notify_template_ids=_env("NOTIFY_TEMPLATE_IDS", "{}"),
        invitation_failure_limit=_env_int("INVITATION_FAILURE_LIMIT", 10),
        invitation_failure_window_seconds=_env_int("INVITATION_FAILURE_WINDOW_SECONDS", 900),
        session_cookie_secure=_env("SESSION_COOKIE_SECURE", "false" if stage == "local" else "true") == "true",
        session_cookie_path=_env("SESSION_COOKIE_PATH", "/api/session"),
        session_days=_env_int("SESSION_DAYS", 30),
        hosted_ui_url=_env("HOSTED_UI_URL", "").rstrip("/"),
        token_issuers=(issuer, *_env_list("HOSTED_UI_ISSUER", "")),
        oauth_redirect_uris=_env_list("OAUTH_REDIRECT_URIS", f"{site_url}/auth/callback"),
        identity_providers=_env_list("IDENTITY_PROVIDERS", "LinkedIn"),
        origin_verify_secret=_env("ORIGIN_VERIFY_SECRET", ""),
        admin_mfa_required=_env("ADMIN_MFA_REQUIRED", "false") == "true",
        admin_mfa_cache_seconds=_env_int("ADMIN_MFA_CACHE_SECONDS", 60),
        numba_cache_dir=_env("NUMBA_CACHE_DIR", ""),
        numba_cache_seed=_env("NUMBA_CACHE_SEED", ""),
        invitation_address_limit=_env_int("INVITATION_ADDRESS_LIMIT", 200),
        sign_up_check_address_limit=_env_int("SIGN_UP_CHECK_ADDRESS_LIMIT", 200),
        admin_check_seconds=min(_env_int("ADMIN_CHECK_SECONDS", 30), 60),
        dynamodb_connect_timeout_seconds=_env_float("DYNAMODB_CONNECT_TIMEOUT_SECONDS", 1.0),
        dynamodb_read_timeout_seconds=_env_float("DYNAMODB_READ_TIMEOUT_SECONDS", 3.0),
        dynamodb_max_retries=_env_int("DYNAMODB_MAX_RETRIES", 3),
        aws_endpoint_url=_env("AWS_ENDPOINT_URL", ""),
        help_email=_env("HELP_EMAIL", "help@mentor-match.local"),
        help_phone=_env("HELP_PHONE", ""),
        help_hours=_env("HELP_HOURS", "Monday to Friday, 9am to 5pm (except bank holidays)"),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()


def reset_settings() -> None:
    """Forget the cached settings (tests and the local stack change the environment)."""
    get_settings.cache_clear()
