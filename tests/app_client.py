"""The app called in process through Chalice's test client, the way API Gateway would call it."""

import json
from dataclasses import dataclass

from chalice.test import Client


@dataclass
class Reply:
    status: int
    body: object
    headers: dict


@dataclass
class AppClient:
    client: Client

    def call(self, method: str, path: str, token: str | None = None, json_body=None, body=None,
             headers: dict | None = None) -> Reply:
        sent = dict(headers or {})
        if token is not None:
            sent.setdefault("Authorization", f"Bearer {token}")
        if json_body is not None:
            body = json.dumps(json_body)
            sent.setdefault("Content-Type", "application/json")
        reply = getattr(self.client.http, method.lower())(path, headers=sent, body=body)
        parsed = json.loads(reply.body) if reply.body else None
        return Reply(reply.status_code, parsed, dict(reply.headers))
