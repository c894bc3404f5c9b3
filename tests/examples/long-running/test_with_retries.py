import pytest
import requests

from create_service_token import ApiError
from with_retries import CredentialsRejected


def answer(status: int, body: bytes = b'{"message": "Unauthorized", "code": 401}') -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body  # pyright: ignore[reportPrivateUsage]
    return response


def test_a_401_on_the_login_is_credentials_rejected_naming_what_to_check(base_url: str) -> None:
    response = requests.post(
        f"{base_url}/3rdparty/v1/auth/token",
        auth=("demo", "wrong"),
        json={"scopes": ["messages:send"]},
        timeout=10,
    )
    error = CredentialsRejected.from_response(response)
    assert isinstance(error, CredentialsRejected)
    assert error.status == 401
    assert str(error) == (
        "the API refused the account credentials (401): check the username and password"
    )


@pytest.mark.parametrize("status", [400, 403, 500, 503])
def test_any_other_refusal_stays_an_api_error(status: int) -> None:
    error = CredentialsRejected.from_response(answer(status))
    assert type(error) is ApiError
    assert error.status == status
