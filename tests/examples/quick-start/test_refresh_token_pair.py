import pytest

from mock_api import DEMO
from issue_token_pair import issue_token_pair
from refresh_token_pair import refresh_token_pair


def test_rotates_and_spends_the_old_refresh_token(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
    rotated = refresh_token_pair(base_url, pair["refresh_token"])
    assert rotated["id"] != pair["id"]
    assert rotated["refresh_token"] != pair["refresh_token"]
    with pytest.raises(RuntimeError, match=r"refresh failed: 401"):
        refresh_token_pair(base_url, pair["refresh_token"])
