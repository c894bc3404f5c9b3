import pytest
import requests

from create_service_token import ApiError, create_service_token
from end_all_logins import AccountCredentials, change_password, end_all_logins
from issue_token_pair import issue_token_pair
from mock_api import DEMO
from refresh_token_pair import refresh_token_pair

NEW_PASSWORD = "a-new-long-password"


def works(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{base_url}/3rdparty/v1/messages/none"
    return requests.get(url, headers=headers, timeout=10).status_code == 404


@pytest.mark.parametrize(
    "policy",
    [
        pytest.param("reject", marks=pytest.mark.mock_settings(reusePolicy="reject")),
        pytest.param("revoke-family", marks=pytest.mark.mock_settings(reusePolicy="revoke-family")),
    ],
)
def test_changing_the_password_ends_every_login_the_thiefs_included(
    base_url: str, policy: str
) -> None:
    stored = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
    service = create_service_token(base_url, *DEMO, name="reports", scopes=["messages:read"])
    # The thief copies the stored pair and the password, and refreshes first.
    thief_chain = refresh_token_pair(base_url, stored["refresh_token"])
    thief_pair = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])

    change_password(AccountCredentials(base_url, *DEMO), NEW_PASSWORD)

    for token in (thief_chain["access_token"], thief_pair["access_token"], service["token"]):
        assert not works(base_url, token)
    with pytest.raises(RuntimeError, match="401"):
        refresh_token_pair(base_url, thief_pair["refresh_token"])
    with pytest.raises(RuntimeError, match="401"):
        issue_token_pair(base_url, *DEMO, scopes=["messages:read"])  # the stolen password
    ours = issue_token_pair(base_url, DEMO[0], NEW_PASSWORD, scopes=["messages:read"])
    assert works(base_url, ours["access_token"])


def test_a_wrong_current_password_or_an_unchanged_one_is_an_api_error(base_url: str) -> None:
    with pytest.raises(ApiError) as wrong:
        change_password(AccountCredentials(base_url, DEMO[0], "wrong"), NEW_PASSWORD)
    assert wrong.value.status == 401
    with pytest.raises(ApiError) as unchanged:
        change_password(AccountCredentials(base_url, *DEMO), DEMO[1])
    assert unchanged.value.status == 400
    assert unchanged.value.body.get("error") == "invalid_new_password"


def test_end_all_logins_keeps_the_password_and_running_it_twice_is_harmless(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
    service = create_service_token(base_url, *DEMO, name="reports", scopes=["messages:read"])
    account = AccountCredentials(base_url, *DEMO)
    end_all_logins(account)
    end_all_logins(account)
    assert not works(base_url, pair["access_token"])
    assert not works(base_url, service["token"])
    assert works(base_url, issue_token_pair(base_url, *DEMO, scopes=["messages:read"])["access_token"])


def test_end_all_logins_with_a_wrong_password_is_an_api_error(base_url: str) -> None:
    with pytest.raises(ApiError) as raised:
        end_all_logins(AccountCredentials(base_url, DEMO[0], "wrong"))
    assert raised.value.status == 401
