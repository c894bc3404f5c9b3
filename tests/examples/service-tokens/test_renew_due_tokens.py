import json
import os
import runpy
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests
import with_retries

from create_service_token import ServiceToken, create_service_token
from mock_api import DEMO, EXAMPLES, START, Clock, Wire
from renew_due_tokens import (
    DirectorySecretStore,
    RenewDueTokensOptions,
    main,
    renew_due_tokens,
)
from with_retries import CredentialsRejected

DAY = 86_400
LIST = "/3rdparty/v1/service-tokens"


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_wait(delay: timedelta, stop: object = None) -> None:
        pass

    monkeypatch.setattr(with_retries, "sleep", no_wait)


@pytest.fixture
def secrets(tmp_path: Path) -> DirectorySecretStore:
    return DirectorySecretStore(tmp_path)


def options(base_url: str, secrets: DirectorySecretStore, password: str = DEMO[1]) -> RenewDueTokensOptions:
    wanted = [{"name": "billing-sync", "scopes": ["messages:read"]}]
    return RenewDueTokensOptions(base_url, DEMO[0], password, wanted, timedelta(days=2), secrets)  # type: ignore[arg-type]


def listed(base_url: str) -> list[dict[str, str]]:
    tokens: list[dict[str, str]] = requests.get(f"{base_url}{LIST}", auth=DEMO, timeout=10).json()
    return tokens


def works(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(f"{base_url}/3rdparty/v1/messages/none", headers=headers, timeout=10).status_code == 404


def seconds_left(token: ServiceToken) -> float:
    return (datetime.fromisoformat(token["expires_at"]) - START).total_seconds()


def stored(tmp_path: Path) -> ServiceToken:
    token: ServiceToken = json.loads((tmp_path / "billing-sync.json").read_text())
    return token


def test_bootstrap_mints_the_first_token_then_the_next_run_does_nothing(
    base_url: str, secrets: DirectorySecretStore, tmp_path: Path
) -> None:
    first = renew_due_tokens(options(base_url, secrets))
    assert (first.created, first.renewed, first.revoked, first.skipped) == (["billing-sync"], [], [], False)
    assert works(base_url, stored(tmp_path)["token"])
    second = renew_due_tokens(options(base_url, secrets))
    assert (second.created, second.renewed, second.revoked) == ([], [], [])


def test_a_due_token_is_renewed_and_the_one_it_replaced_is_revoked_on_the_next_run(
    base_url: str, secrets: DirectorySecretStore, tmp_path: Path, clock: Clock
) -> None:
    renew_due_tokens(options(base_url, secrets))
    old = stored(tmp_path)
    clock.advance(seconds_left(old) - DAY)
    report = renew_due_tokens(options(base_url, secrets))
    assert report.renewed == ["billing-sync"]
    new = stored(tmp_path)
    assert new["id"] != old["id"]
    assert works(base_url, old["token"])  # requests in flight with it finish
    assert renew_due_tokens(options(base_url, secrets)).revoked == [old["id"]]
    assert not works(base_url, old["token"]) and works(base_url, new["token"])


def test_an_expired_token_is_still_renewed(
    base_url: str, secrets: DirectorySecretStore, tmp_path: Path, clock: Clock
) -> None:
    renew_due_tokens(options(base_url, secrets))
    clock.advance(seconds_left(stored(tmp_path)) + DAY)
    assert renew_due_tokens(options(base_url, secrets)).renewed == ["billing-sync"]


def test_a_token_revoked_by_hand_is_replaced_and_a_persons_token_of_that_name_is_left_alone(
    base_url: str, secrets: DirectorySecretStore, tmp_path: Path
) -> None:
    renew_due_tokens(options(base_url, secrets))
    requests.delete(f"{base_url}/3rdparty/v1/auth/token/{stored(tmp_path)['id']}", auth=DEMO, timeout=10)
    by_hand = create_service_token(base_url, *DEMO, name="billing-sync", scopes=["messages:read"])
    report = renew_due_tokens(options(base_url, secrets))
    assert report.created == ["billing-sync"] and report.revoked == []
    assert works(base_url, by_hand["token"])


def test_a_wrong_password_is_terminal_after_one_request(
    base_url: str, secrets: DirectorySecretStore, wire: Wire
) -> None:
    with pytest.raises(CredentialsRejected):
        renew_due_tokens(options(base_url, secrets, password="wrong"))
    assert len(wire.exchanges) == 1


def test_a_503_on_the_list_is_retried_then_the_run_goes_on(
    base_url: str, secrets: DirectorySecretStore, wire: Wire
) -> None:
    wire.answer("GET", LIST, 503, times=2)
    assert renew_due_tokens(options(base_url, secrets)).created == ["billing-sync"]
    assert [response.status_code for _, response in wire.to(LIST, "GET")] == [503, 503, 200]


def test_a_store_that_does_not_keep_what_it_was_given_stops_the_run(
    base_url: str, secrets: DirectorySecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def forgetful(token: ServiceToken) -> None:
        pass

    monkeypatch.setattr(secrets, "put", forgetful)
    with pytest.raises(RuntimeError, match="did not take the new billing-sync token"):
        renew_due_tokens(options(base_url, secrets))


def test_an_overlapping_run_does_nothing_and_a_dead_runs_lock_is_taken_over(
    base_url: str, secrets: DirectorySecretStore, tmp_path: Path, wire: Wire
) -> None:
    release = secrets.lock()
    assert release is not None
    assert renew_due_tokens(options(base_url, secrets)).skipped
    assert wire.exchanges == []
    release()
    lock = tmp_path / ".renewal.lock"
    dead = {"pid": 2**22 + 12345, "host": os.uname().nodename, "since": 0}
    lock.write_text(json.dumps({**dead, "since": __import__("time").time()}))
    assert not renew_due_tokens(options(base_url, secrets)).skipped  # its process is gone
    lock.write_text(json.dumps({"pid": os.getpid(), "host": "elsewhere", "since": 0}))
    assert not renew_due_tokens(options(base_url, secrets)).skipped  # older than an hour
    lock.write_text(json.dumps({"pid": os.getpid(), "host": os.uname().nodename, "since": __import__("time").time()}))
    assert renew_due_tokens(options(base_url, secrets)).skipped  # a live run
    lock.write_text("")
    assert renew_due_tokens(options(base_url, secrets)).skipped  # being written: alive


def test_reads_its_settings_from_the_environment_and_prints_names_and_ids_never_a_token(
    base_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "API_BASE_URL": base_url,
        "API_USERNAME": DEMO[0],
        "API_PASSWORD": DEMO[1],
        "SECRETS_DIR": str(tmp_path),
        "SERVICE_TOKENS": json.dumps([{"name": "billing-sync", "scopes": ["messages:read"]}]),
    }
    assert main(env).created == ["billing-sync"]
    out = capsys.readouterr().out
    assert json.loads(out)["created"] == ["billing-sync"]
    assert stored(tmp_path)["token"] not in out
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    runpy.run_path(str(EXAMPLES / "service-tokens" / "renew_due_tokens.py"), run_name="__main__")
    assert json.loads(capsys.readouterr().out)["created"] == []


def test_refuses_to_start_without_its_settings(base_url: str) -> None:
    with pytest.raises(RuntimeError, match="SERVICE_TOKENS"):
        main({"API_BASE_URL": base_url})


def test_nothing_stored_yet_is_none(secrets: DirectorySecretStore) -> None:
    assert secrets.current_id("nothing") is None
    assert listed  # the helper stays in use for readers of this file
