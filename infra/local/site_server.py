"""The local site server: one origin for the static site, /config.json, the API and Cognito.

In AWS, CloudFront serves the site and routes /api/* to API Gateway; locally this server
does the same (so the browser never needs CORS), and also forwards /cognito to the
emulator's Cognito endpoint, which the site calls for sign-up and sign-in. A sign-up first goes
through the PreSignUp handler (``before_sign_up``), as Cognito runs it in AWS.
"""

import http.client
import json
import posixpath
import re
import socket
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from infra.deploy import content_headers

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "host",
              "proxy-authorization", "proxy-authenticate", "content-length"}
OWN = {"server", "date"}  # this server sends its own
TEMPLATE = Path(__file__).resolve().parents[1] / "template.json"


def security_headers(region: str = "eu-west-2", oauth_authority: str = "") -> dict[str, str]:
    """The headers CloudFront adds in AWS (the template's ``SiteResponseHeadersPolicy``), as HTTP headers.

    In AWS the OAuth authority is the user pool's issuer, on Cognito's regional endpoint, which the
    policy names already; locally it is the LinkedIn stand-in on another port, so its origin is
    added to ``connect-src`` (the local counterpart of the same endpoint, as /cognito is for sign-up).
    """
    policy = json.loads(TEMPLATE.read_text())["Resources"]["SiteResponseHeadersPolicy"]
    config = policy["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    hsts = security["StrictTransportSecurity"]
    csp = security["ContentSecurityPolicy"]["ContentSecurityPolicy"]
    csp = csp["Fn::Sub"] if isinstance(csp, dict) else csp
    csp = re.sub(r"\$\{AWS::Region\}", region, csp)
    origin = "/".join(oauth_authority.split("/")[:3]) if oauth_authority.startswith("http") else ""
    if origin and origin not in csp:
        csp = csp.replace("connect-src 'self'", f"connect-src 'self' {origin}")
    headers = {
        "Content-Security-Policy": csp,
        "Strict-Transport-Security": f"max-age={hsts['AccessControlMaxAgeSec']}"
        + ("; includeSubDomains" if hsts.get("IncludeSubdomains") else "") + ("; preload" if hsts.get("Preload") else ""),
        "X-Frame-Options": security["FrameOptions"]["FrameOption"],
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": security["ReferrerPolicy"]["ReferrerPolicy"],
    }
    headers.update({item["Header"]: item["Value"] for item in config.get("CustomHeadersConfig", {}).get("Items", [])})
    return headers


class SiteHandler(BaseHTTPRequestHandler):
    """Serves one origin; ``make_handler`` fills in the folder, config and upstreams."""

    protocol_version = "HTTP/1.1"
    server_version = "MentorMatchLocal"
    root: Path
    config_body: bytes
    api_origin: str
    cognito_origin: str
    security: dict[str, str]  # the headers CloudFront adds in AWS (security_headers)
    # PreSignUp for password sign-ups, as Cognito runs it in AWS: None, or its refusal message.
    before_sign_up: Callable[[dict], str | None] | None = None

    def setup(self):
        super().setup()
        # A reply is written as headers, then body: with Nagle's algorithm on, the body of a reply on
        # a kept-alive connection waited for the browser's delayed ACK, 40 ms for every file and call.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format, *args):  # quiet: the stack prints its own progress
        pass

    def do_GET(self):
        self._route()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_GET

    def _route(self):
        path = urlsplit(self.path).path
        if path == "/api" or path.startswith("/api/"):
            self._proxy(self.api_origin, self.path[len("/api"):] or "/")
        elif path.rstrip("/") == "/cognito":
            self._cognito()
        elif path == "/config.json":
            self._send(200, self.config_body, "application/json", {"Cache-Control": "no-store"})
        elif self.command in ("GET", "HEAD"):
            self._static(path)
        else:
            self._send(405, b'{"error":{"code":"method_not_allowed","message":"Not allowed."}}',
                       "application/json")

    def _static(self, path: str):
        file = find_file(self.root, path)
        if file is None:
            missing = self.root / "404" / "index.html"
            body = missing.read_bytes() if missing.exists() else b"Page not found"
            self._send(404, body, "text/html; charset=utf-8")
            return
        stored = content_headers(file)  # the type and caching the deploy stores with the file in S3
        kind = stored["ContentType"]
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self._send(200, file.read_bytes(), kind, {"Cache-Control": stored["CacheControl"]})

    def _cognito(self):
        """The emulator's Cognito, with PreSignUp run first on a sign-up (the emulator calls no triggers)."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        target = self.headers.get("X-Amz-Target", "")
        if body and self.before_sign_up and target.endswith(".SignUp"):
            try:
                refusal = self.before_sign_up(json.loads(body))
            except ValueError:
                refusal = None  # not JSON: the emulator answers that itself
            if refusal:
                error = {"__type": "UserLambdaValidationException", "message": refusal}
                self._send(400, json.dumps(error).encode(), "application/x-amz-json-1.1")
                return
        self._proxy(self.cognito_origin, "/", body)

    def _proxy(self, origin: str, target: str, body: bytes | None = None):
        parts = urlsplit(origin)
        if body is None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        headers["Connection"] = "close"
        upstream = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            upstream.request(self.command, target, body=body, headers=headers)
            reply = upstream.getresponse()
            data = reply.read()
            status, content_type = reply.status, reply.getheader("Content-Type", "application/json")
            extra = [(k, v) for k, v in reply.getheaders() if k.lower() not in HOP_BY_HOP | OWN | {"content-type"}]
        except (OSError, http.client.HTTPException):
            status, content_type, extra = 502, "application/json", []
            data = b'{"error":{"code":"bad_gateway","message":"The local API is not answering."}}'
        finally:
            upstream.close()
        try:
            self._send(status, data, content_type, extra)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away (a load run ending): nothing to answer

    def _send(self, status: int, body: bytes, content_type: str, extra=None):
        """``extra``: more headers, a dict or (name, value) pairs (a reply may set several cookies)."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if (self.headers.get("Connection") or "").lower() == "close":
            # Say so: a client that pools connections would otherwise send its next request on
            # this one after it is closed (and could not safely retry a POST).
            self.send_header("Connection", "close")
        pairs = list(extra.items() if isinstance(extra, dict) else extra or [])
        named = {name.lower() for name, _ in pairs}
        for name, value in [*((n, v) for n, v in self.security.items() if n.lower() not in named), *pairs]:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_handler(site_dir: Path, config: dict, api_origin: str, cognito_origin: str,
                 before_sign_up: Callable[[dict], str | None] | None = None) -> type[SiteHandler]:
    return type("ConfiguredSiteHandler", (SiteHandler,), {
        "root": site_dir.resolve(), "config_body": json.dumps(config).encode(),
        "api_origin": api_origin, "cognito_origin": cognito_origin,
        "security": security_headers(config.get("region", "eu-west-2"), (config.get("oauth") or {}).get("authority", "")),
        "before_sign_up": staticmethod(before_sign_up) if before_sign_up else None,
    })


def find_file(root: Path, url_path: str) -> Path | None:
    """The file for a clean URL (/sign-in -> sign-in/index.html), never outside the site folder."""
    relative = posixpath.normpath(unquote(url_path)).lstrip("/")
    if relative.startswith(".."):
        return None
    candidate = (root / relative).resolve()
    if root not in candidate.parents and candidate != root:
        return None
    for option in (candidate, candidate / "index.html", candidate.with_suffix(".html")):
        if option.is_file():
            return option
    return None


class SiteServer(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: more clients connecting at once than that were refused.
    request_queue_size = 128


def serve(site_dir: Path, port: int, config: dict, api_origin: str, cognito_origin: str,
          before_sign_up: Callable[[dict], str | None] | None = None) -> ThreadingHTTPServer:
    handler = make_handler(site_dir, config, api_origin, cognito_origin, before_sign_up)
    server = SiteServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server
