"""The published contract: every route in app.routes has a documented operation, served at /openapi.json."""

from app import app
from chalicelib.web.openapi import openapi_document


def test_every_route_has_a_documented_operation():
    document = openapi_document(app.routes)
    undocumented = [f"{method} {path}" for path, methods in app.routes.items() for method in methods
                    if method.lower() not in document["paths"].get(path, {})]
    assert not undocumented, f"declare these routes' schemas with api_route(...): {undocumented}"


def test_the_document_is_openapi_3_1_and_served_publicly(api):
    reply = api.call("GET", "/openapi.json")
    assert reply.status == 200
    assert reply.body["openapi"] == "3.1.0"
    assert reply.body == openapi_document(app.routes)


def test_protected_operations_declare_bearer_security_and_their_error_replies():
    document = openapi_document(app.routes)
    profile = document["paths"]["/me/profile"]["put"]
    assert profile["security"] == [{"bearer": []}]
    assert {"200", "400", "401", "403", "409", "413", "415", "503"} <= set(profile["responses"])
    assert profile["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("ProfileInput")
    assert document["paths"]["/health"]["get"]["security"] == []


def test_replies_that_limit_say_when_to_try_again():
    document = openapi_document(app.routes)
    limited = document["paths"]["/mentorships/{mentorship_id}/messages"]["post"]["responses"]["429"]
    assert limited["headers"]["Retry-After"]["required"] is True


def test_links_let_a_client_follow_a_created_mentorship():
    document = openapi_document(app.routes)
    links = document["paths"]["/mentorships"]["post"]["responses"]["201"]["links"]
    assert links["GetMentorship"] == {"operationId": "get_my_mentorship",
                                      "parameters": {"mentorship_id": "$response.body#/mentorship_id"}}


def test_the_session_routes_document_their_body_cookie_and_refusals():
    paths = openapi_document(app.routes)["paths"]
    sign_in, refresh = paths["/session"]["post"], paths["/session/refresh"]["post"]
    assert sign_in["security"] == [] and sign_in["requestBody"]["content"]["application/json"]["schema"][
        "$ref"].endswith("PasswordSignIn")
    assert {"200", "400", "401", "403", "429"} <= set(sign_in["responses"])
    assert "Set-Cookie" in sign_in["responses"]["200"]["headers"]
    assert [(p["name"], p["in"]) for p in refresh["parameters"]] == [("mm_session", "cookie")]
    assert "Set-Cookie" in refresh["responses"]["401"]["headers"]
    assert "204" in paths["/session"]["delete"]["responses"]
