"""A one-shot renewal run for cron or CI: take the store's lock (one run at a time), list the
account's service tokens, revoke what earlier runs replaced, renew those due and hand each new
token to the secret store. A replaced token keeps working until the next run, so requests in flight
with it finish. Every step can be interrupted: the next run finishes what this one started.

Run it with `python3 examples/service-tokens/renew_due_tokens.py` and the settings `main` names.

See /guides/service-tokens/
"""

import json
import os
import socket
import time
from collections.abc import Callable, Generator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Protocol, TypedDict, cast
from urllib.parse import quote

import requests

from create_service_token import ServiceToken, basic_auth, create_service_token
from token_store import write_file_atomically
from with_retries import CredentialsRejected, with_retries


# #region secret-store
class SecretStore(Protocol):
    """Where the services read their token: a vault, a cloud secret manager, a CI secret."""

    def current_id(self, name: str) -> str | None:
        """The id of the token stored under `name`, read back from the store itself."""
        ...

    def put(self, token: ServiceToken) -> None:
        """Replaces the token stored under `token["name"]`; returns once the store has it."""
        ...

    def lock(self) -> Callable[[], None] | None:
        """Takes the renewal lock, so two runs never renew at once (a slow run overlapping the
        next cron tick). Returns a release function, or None while another run holds it."""
        ...


STALE_LOCK = timedelta(hours=1)
"""A lock older than this belongs to a run that died on another machine (on this one, a lock whose
process is gone is taken over at once). Far longer than a run lasts, far shorter than the time left
on a token that is due."""


class DirectorySecretStore:
    """A secret store in a directory, one file per name (e.g. a mounted secrets volume)."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def current_id(self, name: str) -> str | None:
        try:
            stored: ServiceToken = json.loads(self._file(name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return stored["id"]

    def put(self, token: ServiceToken) -> None:
        write_file_atomically(self._file(token["name"]), json.dumps(token))

    def lock(self) -> Callable[[], None] | None:
        """An exclusive create (`O_EXCL`): of two runs creating the lock file, exactly one succeeds."""
        path = self._directory / ".renewal.lock"
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        for _ in range(2):
            try:
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                if not _is_stale(path):
                    return None
                # Move the stale lock aside: a rename succeeds for one run only, the others fail.
                aside = path.with_name(f"{path.name}.stale.{os.getpid()}")
                try:
                    path.rename(aside)
                except FileNotFoundError:
                    pass
                aside.unlink(missing_ok=True)
                continue
            with os.fdopen(descriptor, "w") as file:
                json.dump(holder, file)
            return lambda: path.unlink(missing_ok=True)
        return None

    def _file(self, name: str) -> Path:
        return self._directory / f"{quote(name, safe='')}.json"


def _is_stale(path: Path) -> bool:
    """A lock whose run crashed: its process is gone (same host), or it is older than the limit."""
    try:
        holder = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # just created, not written yet: its run is alive
    if time.time() - holder.get("since", 0) > STALE_LOCK.total_seconds():
        return True
    if holder.get("host") != socket.gethostname() or not isinstance(holder.get("pid"), int):
        return False
    try:
        os.kill(holder["pid"], 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it exists, as another user's process
    return False
# #endregion secret-store


# #region options
class WantedToken(TypedDict):
    name: str
    scopes: list[str]
    """What a first token is minted with."""


@dataclass(frozen=True)
class RenewDueTokensOptions:
    base_url: str
    username: str
    """The account's credentials: only this job holds them, never the services."""
    password: str
    tokens: list[WantedToken]
    """The tokens this job looks after, by name."""
    renew_before: timedelta
    """Renew a token with less than this left. Longer than the time between two runs."""
    secrets: SecretStore


@dataclass
class RenewalReport:
    created: list[str] = field(default_factory=list[str])
    """Names that had no token in the secret store and got their first one."""
    renewed: list[str] = field(default_factory=list[str])
    revoked: list[str] = field(default_factory=list[str])
    """Ids of tokens revoked: replaced by an earlier run, or minted by a renewal whose answer was lost."""
    skipped: bool = False
    """True when another run held the lock: this one did nothing."""
# #endregion options


class _Listed(TypedDict):
    id: str
    name: str
    expires_at: str
    renewed_from: str | None
    """The token whose renewal minted this one; None for one minted afresh (or by a person)."""


# #region run
def renew_due_tokens(options: RenewDueTokensOptions) -> RenewalReport:
    """One run. Safe to run again at any time, after a crash at any step, and while another run is
    going (it then does nothing): what the store holds decides which token is current. Only tokens
    of that token's lineage (its predecessors and their other renewals) are revoked, never a token
    someone minted by hand under the same name."""
    report = RenewalReport()
    with _locked(options.secrets) as held:
        if not held:
            report.skipped = True
            return report
        _renew_under_lock(options, report)
    return report


@contextmanager
def _locked(secrets: SecretStore) -> Generator[bool, None, None]:
    release = secrets.lock()
    try:
        yield release is not None
    finally:
        if release:
            release()


def _renew_under_lock(options: RenewDueTokensOptions, report: RenewalReport) -> None:
    listed, now = _list_tokens(options)
    for wanted in options.tokens:
        name = wanted["name"]
        held_id = options.secrets.current_id(name)
        # What earlier runs replaced (kept until now for requests in flight) or lost: revoked first.
        for stale in _lineage(listed, held_id) if held_id else []:
            with_retries(lambda: _revoke(options, stale["id"]))
            report.revoked.append(stale["id"])
        held = next((t for t in listed if t["id"] == held_id and t["name"] == name), None)
        if not held:
            # First run, or the stored token was revoked: mint one (bootstrap).
            scopes = wanted["scopes"]
            created = with_retries(
                lambda: create_service_token(
                    options.base_url, options.username, options.password, name, scopes
                )
            )
            _hand_off(options, created)
            report.created.append(name)
        elif datetime.fromisoformat(held["expires_at"]) - now < options.renew_before:
            # Due, or even expired: an expired token can still be renewed.
            held_token_id = held["id"]
            _hand_off(options, with_retries(lambda: _renew(options, held_token_id)))
            report.renewed.append(name)


def _lineage(listed: list[_Listed], held_id: str) -> list[_Listed]:
    """The listed tokens of `held_id`'s lineage other than itself: its predecessors, and every
    token renewed from one of them (a replaced token, or one a lost answer minted). By lineage, not
    by name: names are not unique, and a token a person minted has no `renewed_from`."""
    by_id = {token["id"]: token for token in listed}
    ancestors: set[str] = set()
    current: str | None = held_id
    while current and current not in ancestors:
        ancestors.add(current)
        parent = by_id.get(current)
        current = parent["renewed_from"] if parent else None

    def descends(token: _Listed) -> bool:
        seen: set[str] = set()
        parent_id = token["renewed_from"]
        while parent_id and parent_id not in seen:
            if parent_id in ancestors:
                return True
            seen.add(parent_id)
            parent = by_id.get(parent_id)
            parent_id = parent["renewed_from"] if parent else None
        return False

    return [t for t in listed if t["id"] != held_id and (t["id"] in ancestors or descends(t))]
# #endregion run


# #region hand-off
def _hand_off(options: RenewDueTokensOptions, token: ServiceToken) -> None:
    """Stores the new token, then reads the store back: only a confirmed hand-off lets the old go."""
    options.secrets.put(token)
    stored = options.secrets.current_id(token["name"])
    if stored != token["id"]:
        raise RuntimeError(
            f"the secret store did not take the new {token['name']} token (it holds {stored})"
        )
# #endregion hand-off


# #region requests
TIMEOUT = 10
"""Seconds: no request may hang longer than this."""


def _request(
    options: RenewDueTokensOptions, method: str, path: str, body: dict[str, int] | None = None
) -> requests.Response:
    return requests.request(
        method,
        f"{options.base_url}{path}",
        auth=basic_auth(options.username, options.password),
        json=body,
        timeout=TIMEOUT,
    )


def _list_tokens(options: RenewDueTokensOptions) -> tuple[list[_Listed], datetime]:
    """The account's service tokens, and the server's "now" to judge them by (its `Date` header)."""

    def attempt() -> tuple[list[_Listed], datetime]:
        response = _request(options, "GET", "/3rdparty/v1/service-tokens")
        if not response.ok:
            raise CredentialsRejected.from_response(response)
        tokens = cast(list[_Listed], response.json())
        try:
            now = parsedate_to_datetime(response.headers["Date"])
        except (KeyError, TypeError, ValueError):
            now = datetime.now(timezone.utc)
        return tokens, now

    return with_retries(attempt)


def _renew(options: RenewDueTokensOptions, token_id: str) -> ServiceToken:
    # No ttl: the longest the token's scopes allow.
    response = _request(options, "POST", f"/3rdparty/v1/service-tokens/{token_id}/renew", {})
    if not response.ok:
        raise CredentialsRejected.from_response(response)
    renewed: ServiceToken = response.json()
    return renewed


def _revoke(options: RenewDueTokensOptions, token_id: str) -> None:
    response = _request(options, "DELETE", f"/3rdparty/v1/auth/token/{token_id}")
    if not response.ok:
        raise CredentialsRejected.from_response(response)
# #endregion requests


# #region main
def main(env: Mapping[str, str] = os.environ) -> RenewalReport:
    """The cron or CI entry point. The credentials come from the job's own secrets (a CI secret, a
    root-only environment file), never from the services that use the tokens."""
    names = ("API_BASE_URL", "API_USERNAME", "API_PASSWORD", "SECRETS_DIR", "SERVICE_TOKENS")
    if not all(env.get(name) for name in names):
        raise RuntimeError("set API_BASE_URL, API_USERNAME, API_PASSWORD, SECRETS_DIR and SERVICE_TOKENS")
    report = renew_due_tokens(
        RenewDueTokensOptions(
            base_url=env["API_BASE_URL"],
            username=env["API_USERNAME"],
            password=env["API_PASSWORD"],
            # e.g. [{"name":"billing-sync","scopes":["messages:send"]}]
            tokens=json.loads(env["SERVICE_TOKENS"]),
            renew_before=timedelta(seconds=float(env.get("RENEW_BEFORE_SECONDS", 2 * 86_400))),
            secrets=DirectorySecretStore(Path(env["SECRETS_DIR"])),
        )
    )
    # Names and ids only: a token never goes to a log. A skipped run is not a failure.
    print(json.dumps(report.__dict__))
    return report
# #endregion main


if __name__ == "__main__":
    main()
