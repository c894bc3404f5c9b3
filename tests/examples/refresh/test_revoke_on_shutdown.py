import signal

import pytest
import requests

from issue_token_pair import issue_token_pair
from mock_api import DEMO
from revoke_on_shutdown import revoke_on_shutdown
from token_manager import TokenManager, TokenManagerOptions


class Login:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.pair = issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
        self.revoked = 0
        self.stopped = 0

    def stop(self) -> None:
        self.stopped += 1

    def revoke(self) -> None:
        self.revoked += 1
        requests.delete(
            f"{self.base_url}/3rdparty/v1/auth/token/{self.pair['id']}", auth=DEMO, timeout=10
        ).raise_for_status()


def read_with(base_url: str, access_token: str) -> int:
    return requests.get(
        f"{base_url}/3rdparty/v1/messages/x",
        headers={"Authorization": f"Bearer {access_token}"},
        timeout=10,
    ).status_code


def test_a_token_manager_is_revoked_on_sigterm(base_url: str) -> None:
    tokens = TokenManager(TokenManagerOptions(base_url, *DEMO, scopes=["messages:read"]))
    access_token = tokens.get_access_token()
    undo = revoke_on_shutdown(tokens, keep_login=False)
    try:
        with pytest.raises(SystemExit) as exited:
            signal.raise_signal(signal.SIGTERM)
    finally:
        undo()
    assert exited.value.code == 143
    assert read_with(base_url, access_token) == 401


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_on_a_signal_the_tokens_are_revoked_before_the_process_exits(
    base_url: str, signum: signal.Signals, code: int
) -> None:
    login = Login(base_url)
    undo = revoke_on_shutdown(login, keep_login=False)
    try:
        with pytest.raises(SystemExit) as exited:
            signal.raise_signal(signum)
    finally:
        undo()
    assert exited.value.code == code
    assert (login.revoked, login.stopped) == (1, 0)
    assert read_with(base_url, login.pair["access_token"]) == 401


def test_a_restart_keeps_the_login_for_the_next_process(base_url: str) -> None:
    login = Login(base_url)
    undo = revoke_on_shutdown(login, keep_login=True)
    try:
        with pytest.raises(SystemExit) as exited:
            signal.raise_signal(signal.SIGTERM)
    finally:
        undo()
    assert exited.value.code == 143
    assert (login.revoked, login.stopped) == (0, 1)
    assert read_with(base_url, login.pair["access_token"]) == 404


def test_a_failed_revocation_is_logged_and_the_process_still_exits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    class Broken:
        def stop(self) -> None:
            raise AssertionError("not this one")

        def revoke(self) -> None:
            raise ConnectionError("the API is unreachable")

    undo = revoke_on_shutdown(Broken(), keep_login=False)
    try:
        with pytest.raises(SystemExit) as exited:
            signal.raise_signal(signal.SIGTERM)
    finally:
        undo()
    assert exited.value.code == 143
    assert "could not shut the tokens down" in caplog.text


def test_the_returned_function_puts_the_previous_handlers_back() -> None:
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    undo = revoke_on_shutdown(Login.__new__(Login), keep_login=True)
    assert signal.getsignal(signal.SIGTERM) not in before
    undo()
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
