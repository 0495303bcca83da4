"""Start the whole local stack: emulated AWS, resources, demo data, API and site on one origin.

    python -m infra.local.stack [--moto-port N] [--api-port N] [--site-port N] [--people N]

Ctrl-C (or SIGTERM) stops every process it started, the API server's worker processes included
(each child runs in its own process group, and the whole group is stopped).
"""

import argparse
import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import boto3

from chalicelib.bootstrap import assemble, aws_adapters, build
from chalicelib.settings import load_settings
from infra.local import resources, seed
from infra.local.federation import EmulatorUserPools, LocalFederation, serve_hook
from infra.local.recompute import invoke_recompute
from infra.local.site_server import serve

REPO = Path(__file__).resolve().parents[2]
SITE_DIR = REPO / "frontend" / "dist"
LOG_DIR = REPO / ".local"
SENDER = "no-reply@mentor-match.local"
STAND_IN = REPO / "infra" / "local" / "stand_in"
# How often the site and the sign-up hook (threads here) look for a stop: shutdown() waits for the
# next look, so at socketserver's default of 0.5 s each made Ctrl-C a second slower.
SHUTDOWN_POLL_S = 0.1


def say(message: str) -> None:
    print(message, flush=True)


def wait_for(url: str, what: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped while starting; see {LOG_DIR}/")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not start within {timeout:.0f} s; see {LOG_DIR}/")


def start(command: list[str], log_name: str, env: dict) -> subprocess.Popen:
    LOG_DIR.mkdir(exist_ok=True)
    log = open(LOG_DIR / log_name, "w")  # noqa: SIM115 - closed when the process group is stopped
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=5)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(process.pid, signal.SIGKILL)


def local_environment(args) -> dict:
    moto_url = f"http://127.0.0.1:{args.moto_port}"
    env = dict(os.environ)
    env.update({
        "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",  # the emulator accepts any
        "AWS_DEFAULT_REGION": env.get("AWS_DEFAULT_REGION", "eu-west-2"),
        "AWS_ENDPOINT_URL": moto_url,
        "MOTO_COGNITO_IDP_USER_POOL_ID_STRATEGY": "HASH",
        "MOTO_COGNITO_IDP_USER_POOL_CLIENT_ID_STRATEGY": "HASH",
        "MENTOR_MATCH_STAGE": "local",
    })
    env.pop("AWS_PROFILE", None)
    return env


def run(args) -> None:
    if not (SITE_DIR / "index.html").exists():
        raise SystemExit("The site is not built: run 'make run' (or 'make site') first.")
    env = local_environment(args)
    os.environ.update(env)
    started = time.monotonic()
    with ExitStack() as cleanup:
        say(f"[1/5] Starting the local AWS emulator (moto) on port {args.moto_port} ...")
        # moto's server (emulator.py); the cost measurement (infra/cost) swaps in the same with a meter.
        emulator = os.environ.get("MOTO_SERVER_MODULE", "infra.local.emulator")
        moto = start([sys.executable, "-m", emulator, "-H", "127.0.0.1", "-p", str(args.moto_port)], "moto.log", env)
        cleanup.callback(stop, moto)
        wait_for(f"{env['AWS_ENDPOINT_URL']}/moto-api/", "The AWS emulator", moto)

        say("[2/5] Creating tables, user pool, admins group, mail sender and snapshot bucket ...")
        settings = load_settings()
        ids = resources.create_all(settings, SENDER)
        env.update({
            "COGNITO_USER_POOL_ID": ids.user_pool_id,
            "COGNITO_CLIENT_ID": ids.user_pool_client_id,
            "AWS_COGNITO_JWKS_PATH": f"{env['AWS_ENDPOINT_URL']}/{ids.user_pool_id}/.well-known/jwks.json",
        })
        os.environ.update(env)

        say(f"[3/5] Seeding organisations and {args.people} demo civil servants ...")
        cognito = boto3.client("cognito-idp", region_name=settings.region)
        logins = seed.seed_all(build(load_settings()), cognito, ids.user_pool_id, people=args.people)
        summary = invoke_recompute()  # as the hourly schedule would, so lists and the snapshot exist
        say(f"      computed {summary['lists']} match lists for {summary['profiles']} people "
            f"in {summary['seconds']:.1f} s")

        site_url = f"http://127.0.0.1:{args.site_port}"
        say(f"      Starting the LinkedIn stand-in (OpenID Connect provider) on port {args.oidc_port} ...")
        folder = Path(cleanup.enter_context(tempfile.TemporaryDirectory(prefix="mentor-match-oidc-")))
        federation = LocalFederation(
            assemble(load_settings(), dataclasses.replace(aws_adapters(load_settings()),
                                                          user_pools=EmulatorUserPools(cognito))),
            cognito, ids.user_pool_id)
        hook = serve_hook(federation)
        threading.Thread(target=hook.serve_forever, args=(SHUTDOWN_POLL_S,), daemon=True).start()
        cleanup.callback(hook.shutdown)
        oidc_url = f"http://127.0.0.1:{args.oidc_port}"
        stand_in = start_stand_in(oidc_url, f"http://127.0.0.1:{hook.server_address[1]}", ids.user_pool_client_id,
                                  site_url, logins.password, folder, env)
        cleanup.callback(stop, stand_in)
        wait_for(f"{oidc_url}/.well-known/openid-configuration", "The LinkedIn stand-in", stand_in)
        env.update(hosted_ui_environment(oidc_url, site_url, folder, env["AWS_COGNITO_JWKS_PATH"]))
        os.environ.update(env)

        say(f"[4/5] Starting the API (the Chalice app under gunicorn) on port {args.api_port} ...")
        chalice = start(api_command(args.api_port, args.api_workers), "api.log", {**env, "COUNT_DYNAMODB_CALLS": "1"})
        cleanup.callback(stop, chalice)
        wait_for(f"http://127.0.0.1:{args.api_port}/health", "The API", chalice)

        say(f"[5/5] Serving the site on port {args.site_port} ...")
        config = {
            "apiUrl": "/api", "region": settings.region, "userPoolId": ids.user_pool_id,
            "userPoolClientId": ids.user_pool_client_id, "cognitoEndpoint": "/cognito",
            "oauth": oauth_config(oidc_url, ids.user_pool_client_id, site_url),
            "help": settings.help_contact(),
        }
        site = serve(SITE_DIR, args.site_port, config, f"http://127.0.0.1:{args.api_port}", env["AWS_ENDPOINT_URL"],
                     before_sign_up=federation.check_password_sign_up)
        threading.Thread(target=site.serve_forever, args=(SHUTDOWN_POLL_S,), daemon=True).start()
        cleanup.callback(site.shutdown)

        report = {
            "site_url": site_url, "api_url": f"{site_url}/api", "moto_url": env["AWS_ENDPOINT_URL"],
            "api_origin": f"http://127.0.0.1:{args.api_port}",  # the API itself, not through the site
            "region": settings.region, "user_pool_id": ids.user_pool_id,
            "user_pool_client_id": ids.user_pool_client_id, "table_prefix": settings.table_prefix,
            "demo_user": logins.user_email, "demo_admin": logins.admin_email, "demo_password": logins.password,
            "oidc_url": oidc_url,
        }
        (LOG_DIR / "stack.json").write_text(json.dumps(report))  # for make load and make admin
        if args.ready_file:  # written whole, then renamed, so a watcher never reads half of it
            partial = Path(f"{args.ready_file}.partial")
            partial.write_text(json.dumps(report))
            partial.rename(args.ready_file)
        say(banner({**report, "demo_invitation": f"{site_url}{logins.invitation_link}"}, logins.people,
                   time.monotonic() - started))
        wait_for_stop(moto, chalice, stand_in)
        say("Stopping the local stack ...")


def start_stand_in(oidc_url: str, hook_url: str, client_id: str, site_url: str, password: str, folder: Path,
                   env: dict) -> subprocess.Popen:
    """The OIDC stand-in for Cognito's hosted endpoints and LinkedIn (Node, infra/local/stand_in)."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        raise SystemExit("Node.js 20 or later is needed for the LinkedIn stand-in (apt-get install nodejs npm).")
    if not (STAND_IN / "node_modules" / "oidc-provider").is_dir():
        subprocess.run([npm or "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=STAND_IN, check=True)
    stand_in_env = {
        **env, "STAND_IN_PORT": oidc_url.rsplit(":", 1)[1], "STAND_IN_ISSUER": oidc_url, "STAND_IN_HOOK": hook_url,
        "STAND_IN_CLIENT_ID": client_id, "STAND_IN_REDIRECT_URI": f"{site_url}/auth/callback",
        "STAND_IN_SIGN_OUT_URI": f"{site_url}/sign-out", "STAND_IN_PASSWORD": password,
        "STAND_IN_KEY_FILE": str(folder / "signing-key.json"), "NODE_NO_WARNINGS": "1",
    }
    return start([node, str(STAND_IN / "server.mjs")], "oidc.log", stand_in_env)


def hosted_ui_environment(oidc_url: str, site_url: str, folder: Path, pool_jwks_url: str) -> dict[str, str]:
    """What the API needs to exchange codes at the stand-in and to trust its tokens.

    In AWS the hosted endpoints issue tokens as the user pool; locally two servers play the pool
    (the emulator for passwords, the stand-in for LinkedIn), so the API trusts both issuers and
    one key set holds both signing keys.
    """
    keys = []
    for url in (pool_jwks_url, f"{oidc_url}/.well-known/jwks.json"):
        with urllib.request.urlopen(url, timeout=10) as reply:
            keys.extend(json.load(reply)["keys"])
    jwks = folder / "jwks.json"
    jwks.write_text(json.dumps({"keys": keys}))
    return {"HOSTED_UI_URL": oidc_url, "HOSTED_UI_ISSUER": oidc_url, "AWS_COGNITO_JWKS_PATH": str(jwks),
            "OAUTH_REDIRECT_URIS": f"{site_url}/auth/callback", "SITE_URL": site_url}


def oauth_config(oidc_url: str, client_id: str, site_url: str) -> dict:
    """/config.json's "oauth": where oidc-client-ts finds the authority, and Cognito's own /logout."""
    return {"enabled": True, "authority": oidc_url, "domain": oidc_url, "clientId": client_id,
            "redirectUri": f"{site_url}/auth/callback", "signOutUri": f"{site_url}/sign-out",
            "identityProvider": "LinkedIn", "scope": "openid email profile"}


def api_command(port: int, workers: int) -> list[str]:
    """The same Chalice app and API Gateway emulation as ``chalice local`` (infra/local/wsgi.py), served
    by gunicorn with a real listen backlog, so 16 concurrent clients are served instead of dropped
    (chalice local's dev server takes one connection at a time with a backlog of 5).

    Worker processes of one thread each, as Lambda runs one request at a time per instance: Chalice
    keeps the request being handled on the app object (``app.current_request``), so threads sharing
    one app would read each other's bodies and act as each other. ``--preload`` imports the app once,
    before the workers fork. Stage variables are the local stage's, set in the environment above."""
    return [str(Path(sys.executable).with_name("gunicorn")), "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--worker-class", "sync", "--preload", "--backlog", "2048", "--timeout", "60",
            "--log-level", "warning", "--config", "python:infra.local.gunicorn_app",
            "infra.local.gunicorn_app:application"]


def banner(report: dict, people: int, seconds: float) -> str:
    return (
        f"\nMentor Match is running (started in {seconds:.1f} s).\n\n"
        f"  Open:            {report['site_url']}\n"
        f"  API:             {report['api_url']}\n"
        f"  Demo login:      {report['demo_user']}\n"
        f"  Demo admin:      {report['demo_admin']}\n"
        f"  Password (both): {report['demo_password']}\n"
        f"  Demo people:     {people} civil servants with profiles, all with the same password\n"
        f"  Demo invitation: {report.get('demo_invitation', '')} (joins Ofsted without a work email)\n"
        f"  LinkedIn:        a local stand-in ({report['oidc_url']}): any email address signs in as a LinkedIn "
        f"member with that email when the password is the demo password\n"
        f"  Local only: any email verification code is accepted; mail is captured at "
        f"{report['moto_url']}/moto-api/data.json\n\n"
        "Press Ctrl-C to stop everything.\n"
    )


def wait_for_stop(*children: subprocess.Popen) -> None:
    stopping = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.set())
    while not stopping.wait(0.5):
        dead = [c for c in children if c.poll() is not None]
        if dead:
            say(f"A local service stopped unexpectedly; see {LOG_DIR}/")
            return


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moto-port", type=int, default=int(os.environ.get("MOTO_PORT", 4566)))
    parser.add_argument("--api-port", type=int, default=int(os.environ.get("API_PORT", 8001)))
    parser.add_argument("--site-port", type=int, default=int(os.environ.get("SITE_PORT", 8000)))
    parser.add_argument("--oidc-port", type=int, default=int(os.environ.get("OIDC_PORT", 8002)))
    parser.add_argument("--api-workers", type=int, default=int(os.environ.get("API_WORKERS", 16)),
                        help="API processes, each serving one request at a time (as Lambda instances do)")
    parser.add_argument("--people", type=int, default=int(os.environ.get("DEMO_PEOPLE", 200)))
    parser.add_argument("--ready-file", help="write the stack's URLs and ids here as JSON once it is up")
    return parser.parse_args(argv)


if __name__ == "__main__":
    run(parse_args())
