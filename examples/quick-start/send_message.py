"""Step 2 of the quick start: call the API with the access token.

See /start/quick-start/
"""

from typing import TypedDict

import requests


# #region send-message
class Message(TypedDict):
    id: str
    state: str


def send_message(base_url: str, access_token: str, phone_number: str, text: str) -> Message:
    response = requests.post(
        f"{base_url}/3rdparty/v1/messages",
        headers={"Authorization": f"Bearer {access_token}"},
        json={"phoneNumbers": [phone_number], "textMessage": {"text": text}},
        timeout=10,
    )
    if not response.ok:
        raise RuntimeError(f"sending failed: {response.status_code} {response.text}")
    message: Message = response.json()
    return message
# #endregion send-message
