"""After the migration: the same sender on a token pair. The credentials are used once at start
and again only if the refresh token is refused; everything else is a refresh.

See /help/migration/
"""

from collections.abc import Callable

import requests

from authorized_fetch import authorized_request
from before import Message, SenderConfig
from token_manager import TokenManager, TokenManagerOptions


# #region after
def create_message_sender(config: SenderConfig) -> Callable[[str, str], Message]:
    tokens = TokenManager(
        TokenManagerOptions(config.base_url, config.username, config.password, ["messages:send"])
    )
    session = requests.Session()

    def send(phone_number: str, text: str) -> Message:
        response = authorized_request(
            tokens,
            session,
            "POST",
            f"{config.base_url}/3rdparty/v1/messages",
            json={"phoneNumbers": [phone_number], "textMessage": {"text": text}},
        )
        if not response.ok:
            raise RuntimeError(f"sending failed: {response.status_code}")
        message: Message = response.json()
        return message

    return send
# #endregion after
