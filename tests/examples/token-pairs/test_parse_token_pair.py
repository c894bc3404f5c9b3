from datetime import datetime, timezone
from typing import Any

import pytest

from mock_api import DEMO
from issue_token_pair import issue_token_pair
from parse_token_pair import TokenPair, parse_token_pair


def test_reads_a_real_pair_with_an_aware_expiry(base_url: str) -> None:
    body = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
    pair = parse_token_pair(body)
    assert pair == TokenPair(
        body["id"],
        body["access_token"],
        body["refresh_token"],
        datetime(2026, 3, 14, 2, 0, tzinfo=timezone.utc),
    )


VALID: dict[str, Any] = {
    "id": "a",
    "token_type": "Bearer",
    "access_token": "x",
    "refresh_token": "y",
    "expires_at": "2026-03-14T02:00:00Z",
}


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {**VALID, "id": 1},
        {**VALID, "token_type": "bearer"},
        {**VALID, "access_token": None},
        {key: value for key, value in VALID.items() if key != "refresh_token"},
        {**VALID, "expires_at": 1773453600},
        {**VALID, "expires_at": "soon"},
        {**VALID, "expires_at": "2026-03-14T02:00:00"},
    ],
)
def test_refuses_anything_but_a_complete_pair(body: object) -> None:
    with pytest.raises(ValueError, match="without a complete token pair"):
        parse_token_pair(body)
