"""The scenarios both languages implement, in Python: the same steps, under the same names, as
tests/python/scenarios.ts. tests/python/pythonExamples.test.ts compares the exchanges the mock saw
of each; here a scenario only has to run to its end."""

import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
import requests

import after
import main
from authorized_fetch import authorized_request
from before import SenderConfig, create_message_sender
from create_service_token import ApiError, create_service_token
from end_all_logins import AccountCredentials, change_password, end_all_logins
from issue_token_pair import issue_token_pair
from mock_api import DEMO, Clock
from refresh_token_pair import refresh_token_pair
from renew_due_tokens import DirectorySecretStore, RenewDueTokensOptions, renew_due_tokens
from renewal_job import RenewalJob, RenewalJobOptions
from reuse_policy import probe_reuse_policy
from send_message import send_message
from token_daemon import TokenDaemon, TokenDaemonOptions
from token_manager import TokenManager, TokenManagerOptions

scenarios: dict[str, Callable[[str], object]] = {}


def scenario(name: str) -> Callable[[Callable[[str], object]], Callable[[str], object]]:
    def register(run: Callable[[str], object]) -> Callable[[str], object]:
        scenarios[name] = run
        return run

    return register


@scenario("quick-start")
def quick_start(base_url: str) -> None:
    pair = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
    send_message(base_url, pair["access_token"], "+15555550100", "hi")
    refresh_token_pair(base_url, pair["refresh_token"])
    with pytest.raises(RuntimeError):
        refresh_token_pair(base_url, pair["refresh_token"])
    with pytest.raises(RuntimeError):
        issue_token_pair(base_url, DEMO[0], "wrong", scopes=["messages:send"])


@scenario("quick-start main")
def quick_start_main(base_url: str) -> None:
    main.main({"API_BASE_URL": base_url, "API_USERNAME": DEMO[0], "API_PASSWORD": DEMO[1]})


@scenario("create service token")
def create(base_url: str) -> None:
    create_service_token(base_url, *DEMO, name="nightly-report", scopes=["messages:read"], ttl=86_400)
    create_service_token(base_url, *DEMO, name="nightly-report", scopes=["messages:read"])
    with pytest.raises(ApiError):
        create_service_token(
            base_url, *DEMO, name="nightly-report", scopes=["settings:write"], ttl=30 * 86_400
        )


@scenario("migration before")
def migration_before(base_url: str) -> None:
    send = create_message_sender(SenderConfig(base_url, *DEMO))
    send("+15555550100", "one")
    send("+15555550100", "two")
    with pytest.raises(RuntimeError):
        send("", "no number")


@scenario("authorized fetch")
def authorized_fetch(base_url: str) -> None:
    # A token source whose first token the API refuses: one refresh, one retry.
    class Source:
        pair = issue_token_pair(base_url, *DEMO, scopes=["messages:send"])
        access_token = "not-a-token"

        def get_access_token(self) -> str:
            if self.access_token == "":
                self.pair = refresh_token_pair(base_url, self.pair["refresh_token"])
                self.access_token = self.pair["access_token"]
            return self.access_token

        def invalidate(self, access_token: str) -> None:
            self.access_token = ""

    with requests.Session() as session:
        authorized_request(
            Source(),
            session,
            "POST",
            f"{base_url}/3rdparty/v1/messages",
            json={"phoneNumbers": ["+15555550100"], "textMessage": {"text": "hi"}},
        )


@scenario("migration after")
def migration_after(base_url: str) -> None:
    send = after.create_message_sender(SenderConfig(base_url, *DEMO))
    send("+15555550100", "one")
    send("+15555550100", "two")
    with pytest.raises(RuntimeError):
        send("", "no number")


@scenario("token manager")
def token_manager_scenario(base_url: str) -> None:
    tokens = TokenManager(TokenManagerOptions(base_url, *DEMO, scopes=["messages:send"]))
    first = tokens.get_access_token()
    tokens.invalidate(first)
    tokens.get_access_token()
    tokens.revoke()


@scenario("token daemon")
def token_daemon_scenario(base_url: str) -> None:
    daemon = TokenDaemon(TokenDaemonOptions(base_url, *DEMO, scopes=["messages:send"]))
    daemon.start()
    daemon.invalidate(daemon.access_token)
    daemon.revoke()


@scenario("end all logins")
def end_all_logins_scenario(base_url: str) -> None:
    issue_token_pair(base_url, *DEMO, scopes=["messages:read"])
    account = AccountCredentials(base_url, *DEMO)
    end_all_logins(account)
    change_password(account, "a-new-long-password")
    with pytest.raises(ApiError):
        change_password(account, "another-long-one")  # the old password no longer works


@scenario("renewal job")
def renewal_job_scenario(base_url: str) -> None:
    first = create_service_token(base_url, *DEMO, name="reports", scopes=["messages:read"], ttl=86_400)
    options = RenewalJobOptions(base_url, *DEMO, timedelta(days=30), lambda token: None)
    job = RenewalJob(options, first)
    job.renew_now()
    job.renew_now()


@scenario("cron run")
def cron_run(base_url: str) -> None:
    with tempfile.TemporaryDirectory(prefix="cron-run-") as directory:
        options = RenewDueTokensOptions(
            base_url,
            *DEMO,
            tokens=[{"name": "billing-sync", "scopes": ["messages:read"]}],
            renew_before=timedelta(days=100),  # everything is due: the run renews
            secrets=DirectorySecretStore(Path(directory)),
        )
        renew_due_tokens(options)
        renew_due_tokens(options)
        renew_due_tokens(options)


@scenario("reuse-policy probe")
def reuse_policy_probe(base_url: str) -> None:
    probe_reuse_policy(base_url, *DEMO)


@pytest.mark.parametrize("name", sorted(scenarios))
def test_scenario(name: str, base_url: str, clock: Clock, capsys: pytest.CaptureFixture[str]) -> None:
    # The examples' clock is the mock's, standing at START, as the TypeScript side fakes `Date`.
    clock.patch_examples()
    scenarios[name](base_url)
