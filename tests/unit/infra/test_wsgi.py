"""The local stack's WSGI adapter over chalice's LocalGateway (infra/local/wsgi.py)."""

from chalice import Chalice, Response

from infra.local.wsgi import ChaliceWSGI

app = Chalice(app_name="wsgi-test")


@app.route("/cookies", methods=["POST"])
def set_two_cookies() -> Response:
    return Response(body={"ok": True}, status_code=200,
                    headers={"Set-Cookie": ["a=1; HttpOnly", "b=2"], "Cache-Control": "no-store"})


def call(path: str) -> tuple[str, list[tuple[str, str]], bytes]:
    seen: dict = {}
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": path, "QUERY_STRING": "", "wsgi.input": None,
               "CONTENT_LENGTH": "0"}
    body = b"".join(ChaliceWSGI(app)(environ, lambda status, headers: seen.update(status=status, headers=headers)))
    return seen["status"], seen["headers"], body


def test_a_reply_setting_two_cookies_sends_two_set_cookie_lines():
    status, headers, body = call("/cookies")
    assert status == "200 OK" and body == b'{"ok":true}'
    assert [value for name, value in headers if name.lower() == "set-cookie"] == ["a=1; HttpOnly", "b=2"]
    assert ("Cache-Control", "no-store") in headers and ("Content-Length", "11") in headers


def test_an_unknown_path_gets_api_gateways_own_json_reply():
    status, headers, _ = call("/nowhere")
    assert status.startswith("403") and ("Content-Type", "application/json") in headers
