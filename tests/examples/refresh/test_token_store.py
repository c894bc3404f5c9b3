import os
import stat
from pathlib import Path

import pytest
import requests
import token_manager as manager_module
import token_store as module

from mock_api import DEMO, Clock, Wire
from token_manager import TokenManager, TokenManagerOptions
from token_store import FileTokenStore, StoredLogin, write_file_atomically

REFRESH = "/auth/token/refresh"
LOGIN = "/3rdparty/v1/auth/token"


class Crash(Exception):
    """The process dying at this very step."""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "login.json"


@pytest.fixture(autouse=True)
def frozen(clock: Clock) -> None:
    clock.patch(manager_module)


def manager_on(base_url: str, path: Path) -> TokenManager:
    return TokenManager(
        TokenManagerOptions(base_url, *DEMO, scopes=["messages:read"], store=FileTokenStore(path))
    )


def accepted(base_url: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{base_url}/3rdparty/v1/messages/none"
    return requests.get(url, headers=headers, timeout=10).status_code == 404


def statuses(wire: Wire, path: str) -> list[int]:
    return [response.status_code for _, response in wire.to(path, "POST")]


def crash_at(name: str) -> None:
    """Makes the next `os.<name>` call in the store die (and only that one)."""
    patch = pytest.MonkeyPatch()

    def dying(*args: object, **kwargs: object) -> None:
        patch.undo()
        raise Crash(name)

    patch.setattr(module.os, name, dying)


def test_a_saved_login_loads_back_and_clear_forgets_it(path: Path) -> None:
    store = FileTokenStore(path)
    assert store.load() is None
    store.save(StoredLogin("login-1", "refresh-1"))
    assert store.load() == StoredLogin("login-1", "refresh-1")
    store.clear()
    assert store.load() is None
    store.clear()  # clearing twice is fine


def test_the_file_is_readable_by_its_owner_only_and_no_temporary_file_is_left(path: Path) -> None:
    FileTokenStore(path).save(StoredLogin("a", "b"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == ["login.json"]


@pytest.mark.parametrize("content", ['{"refresh_token": "x"}', "[1, 2]"])
def test_a_file_someone_else_wrote_is_an_error_naming_it(path: Path, content: str) -> None:
    path.write_text(content)
    with pytest.raises(ValueError, match=f"{path} does not hold a stored login"):
        FileTokenStore(path).load()


def test_an_unreadable_path_is_an_error_not_nothing_stored(path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        FileTokenStore(path.parent).load()


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_crash_before_the_rename_leaves_the_old_content_complete(
    path: Path, step: str
) -> None:
    write_file_atomically(path, "old")
    crash_at(step)
    with pytest.raises(Crash):
        write_file_atomically(path, "new")
    assert path.read_text() == "old"
    write_file_atomically(path, "newer")  # and the next write is not hindered
    assert path.read_text() == "newer"


def test_a_crash_after_the_rename_before_the_directory_is_flushed_leaves_the_new_content(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_file_atomically(path, "old")
    real_open = os.open

    def open_file_only(file: str | Path, flags: int, mode: int = 0o777) -> int:
        if Path(file) == path.parent:
            raise Crash("open")
        return real_open(file, flags, mode)

    monkeypatch.setattr(module.os, "open", open_file_only)
    with pytest.raises(Crash):
        write_file_atomically(path, "new")
    assert path.read_text() == "new"


def test_a_clean_restart_carries_on_with_the_stored_login(
    base_url: str, path: Path, clock: Clock, wire: Wire
) -> None:
    before = manager_on(base_url, path)
    before.get_access_token()
    clock.advance(840)
    before.get_access_token()  # rotated once; the store has the newest refresh token
    after = manager_on(base_url, path)
    assert accepted(base_url, after.get_access_token())
    assert statuses(wire, LOGIN) == [201]
    assert statuses(wire, REFRESH) == [201, 201]


def test_revoke_clears_the_store_so_the_next_start_logs_in_afresh(
    base_url: str, path: Path, wire: Wire
) -> None:
    before = manager_on(base_url, path)
    before.get_access_token()
    before.revoke()
    assert FileTokenStore(path).load() is None
    manager_on(base_url, path).get_access_token()
    assert statuses(wire, LOGIN) == [201, 201]
    assert statuses(wire, REFRESH) == []


def test_a_failed_save_is_retried_before_the_new_token_is_handed_out(
    base_url: str, path: Path, clock: Clock, wire: Wire
) -> None:
    tokens = manager_on(base_url, path)
    tokens.get_access_token()
    clock.advance(840)
    crash_at("replace")
    with pytest.raises(Crash):
        tokens.get_access_token()
    # The rotated pair is only in memory: the next attempt, after the backoff, saves it first.
    clock.advance(5)
    token = tokens.get_access_token()
    assert accepted(base_url, token)
    stored = FileTokenStore(path).load()
    assert stored is not None
    assert statuses(wire, REFRESH) == [201]
    refreshed = manager_on(base_url, path)
    assert accepted(base_url, refreshed.get_access_token())
    assert statuses(wire, REFRESH) == [201, 201]
