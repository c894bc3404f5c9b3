import pytest
import requests

from mock_api import DEMO
from reuse_policy import ReusePolicy, probe_reuse_policy
from with_retries import CredentialsRejected


def handed_out(sent: list[requests.PreparedRequest], base_url: str) -> list[str]:
    """Every refresh token the probe sent: none may still work afterwards."""
    return [
        str(request.headers["Authorization"]).removeprefix("Bearer ")
        for request in sent
        if request.url == f"{base_url}/3rdparty/v1/auth/token/refresh"
    ]


def case(policy: str, overlap: int, overlap_window: bool) -> object:
    expected = ReusePolicy(policy, overlap_window)  # type: ignore[arg-type]
    settings = pytest.mark.mock_settings(reusePolicy=policy, overlapSeconds=overlap)
    return pytest.param(expected, marks=settings, id=f"{policy}, overlap {overlap} s")


@pytest.mark.parametrize(
    "expected",
    [
        case("reject", 0, overlap_window=False),
        case("revoke-family", 0, overlap_window=False),
        case("reject", 30, overlap_window=True),
        case("revoke-family", 30, overlap_window=True),
    ],
)
def test_tells_the_policy_and_leaves_nothing_working_behind(
    base_url: str, sent: list[requests.PreparedRequest], expected: ReusePolicy
) -> None:
    assert probe_reuse_policy(base_url, *DEMO) == expected
    deletes = [sent_request for sent_request in sent if sent_request.method == "DELETE"]
    assert len(deletes) == 1
    for token in handed_out(sent, base_url):
        refreshed = requests.post(
            f"{base_url}/3rdparty/v1/auth/token/refresh",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert refreshed.status_code == 401


def test_a_wrong_password_is_credentials_rejected_and_nothing_else_is_sent(
    base_url: str, sent: list[requests.PreparedRequest]
) -> None:
    with pytest.raises(CredentialsRejected):
        probe_reuse_policy(base_url, DEMO[0], "wrong")
    assert len(sent) == 1
