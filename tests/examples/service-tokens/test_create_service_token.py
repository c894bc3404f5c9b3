from datetime import datetime, timedelta

import pytest
import requests

from create_service_token import ApiError, create_service_token
from mock_api import DEMO, START

DAY = 86_400


def call(base_url: str, method: str, path: str, token: str, **kwargs: object) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.request(method, f"{base_url}{path}", headers=headers, timeout=10, **kwargs)  # type: ignore[arg-type]


def test_creates_a_named_token_that_works_for_its_scopes_only(base_url: str) -> None:
    created = create_service_token(
        base_url, *DEMO, name="nightly-report", scopes=["messages:read"], ttl=DAY
    )
    assert created["name"] == "nightly-report"
    assert created["scopes"] == ["messages:read"]
    assert datetime.fromisoformat(created["expires_at"]) - START == timedelta(days=1)
    assert call(base_url, "GET", "/3rdparty/v1/messages/none", created["token"]).status_code == 404
    sent = call(
        base_url,
        "POST",
        "/3rdparty/v1/messages",
        created["token"],
        json={"phoneNumbers": ["+15555550100"], "textMessage": {"text": "x"}},
    )
    assert sent.status_code == 403
    assert sent.json()["message"] == "scope required: messages:send"


def test_without_ttl_the_token_gets_the_longest_lifetime_its_scopes_allow(base_url: str) -> None:
    created = create_service_token(base_url, *DEMO, name="sender", scopes=["messages:send"])
    assert datetime.fromisoformat(created["expires_at"]) - START == timedelta(days=30)


def test_a_ttl_over_the_cap_is_an_api_error_carrying_max_ttl(base_url: str) -> None:
    with pytest.raises(ApiError) as raised:
        create_service_token(
            base_url, *DEMO, name="sender", scopes=["messages:send", "settings:write"], ttl=30 * DAY
        )
    assert raised.value.status == 400
    assert raised.value.body.get("error") == "ttl_too_long"
    assert raised.value.body.get("data") == {"field": "ttl", "max_ttl": 7 * DAY}
    assert str(raised.value) == "400 invalid params: ttl exceeds the maximum of 604800 seconds"


def test_a_wrong_password_is_a_401_api_error(base_url: str, sent: list[requests.PreparedRequest]) -> None:
    with pytest.raises(ApiError) as raised:
        create_service_token(base_url, DEMO[0], "wrong", name="sender", scopes=["messages:send"])
    assert raised.value.status == 401
    assert len(sent) == 1


def test_an_answer_that_is_not_json_still_becomes_an_api_error() -> None:
    response = requests.Response()
    response.status_code = 502
    response._content = b"<html>Bad Gateway</html>"  # pyright: ignore[reportPrivateUsage]
    error = ApiError.from_response(response)
    assert (error.status, error.body, str(error)) == (502, {}, "502 error")
