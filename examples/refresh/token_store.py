"""Keeps a login's refresh token on disk so a restarted service carries on with it instead of
sending its password again. Every write is atomic: the file holds the old login or the new one,
never half of either, whenever the process dies.

See /guides/refresh-and-rotation/
"""

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, cast


# #region stored-login
@dataclass(frozen=True)
class StoredLogin:
    """What survives a restart: enough to refresh, and to revoke the whole login on the way out."""

    login_id: str
    """The first pair's `id`: revoking it revokes every pair rotated from it."""
    refresh_token: str
    """The newest refresh token. The access token is not kept: a restart refreshes first."""


class TokenStore(Protocol):
    def load(self) -> StoredLogin | None: ...

    def save(self, login: StoredLogin) -> None: ...

    def clear(self) -> None: ...
# #endregion stored-login


# #region write-atomically
def write_file_atomically(path: Path, text: str) -> None:
    """Replaces `path` with `text` so that a crash at any moment leaves the old content or the new,
    complete: write a temporary file beside it, flush it to disk, then rename it over the old one
    (a rename within one directory is atomic), then flush the directory so the rename survives a
    power cut too. Readable by the owner only."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
# #endregion write-atomically


# #region file-token-store
class FileTokenStore:
    def __init__(self, path: Path) -> None:
        self._path = path

    def load(self) -> StoredLogin | None:
        """The stored login, or None when there is none yet (or it was cleared)."""
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        data: object = json.loads(text)
        fields = cast(dict[str, object], data) if isinstance(data, dict) else {}
        login_id, refresh_token = fields.get("login_id"), fields.get("refresh_token")
        # Atomic writes mean a malformed file is not a crash: someone else wrote it. Say so.
        if not isinstance(login_id, str) or not isinstance(refresh_token, str):
            raise ValueError(f"{self._path} does not hold a stored login")
        return StoredLogin(login_id, refresh_token)

    def save(self, login: StoredLogin) -> None:
        write_file_atomically(self._path, json.dumps(asdict(login)))

    def clear(self) -> None:
        self._path.unlink(missing_ok=True)
# #endregion file-token-store
