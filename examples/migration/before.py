"""Before the migration: an access token alone, so the service sends its password again each time
the access token expires. Kept to show what changes; do not start new code from it.

See /help/migration/
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TypedDict

import requests

from create_service_token import basic_auth


# #region before
@dataclass(frozen=True)
class SenderConfig:
    base_url: str
    username: str
    password: str


class Message(TypedDict):
    id: str
    state: str


class AccessOnlyClient:
    def __init__(self, config: SenderConfig) -> None:
        self._config = config
        self._token: tuple[str, datetime] | None = None

    def get_access_token(self) -> str:
        now = datetime.now(timezone.utc)
        if self._token and now < self._token[1] - timedelta(seconds=60):
            return self._token[0]
        # Every time the access token expires, the credentials cross the network again.
        config = self._config
        response = requests.post(
            f"{config.base_url}/3rdparty/v1/auth/token",
            auth=basic_auth(config.username, config.password),
            json={"scopes": ["messages:send"]},
            timeout=10,
        )
        if not response.ok:
            raise RuntimeError(f"authentication failed: {response.status_code}")
        body = response.json()
        access_token: str = body["access_token"]
        self._token = (access_token, datetime.fromisoformat(body["expires_at"]))
        return access_token


def create_message_sender(config: SenderConfig) -> Callable[[str, str], Message]:
    tokens = AccessOnlyClient(config)

    def send(phone_number: str, text: str) -> Message:
        response = requests.post(
            f"{config.base_url}/3rdparty/v1/messages",
            headers={"Authorization": f"Bearer {tokens.get_access_token()}"},
            json={"phoneNumbers": [phone_number], "textMessage": {"text": text}},
            timeout=10,
        )
        if not response.ok:
            raise RuntimeError(f"sending failed: {response.status_code}")
        message: Message = response.json()
        return message

    return send
# #endregion before
