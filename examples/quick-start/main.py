"""The quick start in one run: issue a pair, call the API, refresh, call again.

Run it against the local mock with `npm run mock-api` and, in another terminal,
`API_BASE_URL=http://127.0.0.1:8787 API_USERNAME=demo API_PASSWORD=demo-password python3 examples/quick-start/main.py`.

See /start/quick-start/
"""

import os
from collections.abc import Mapping

from issue_token_pair import TokenPairResponse, issue_token_pair
from refresh_token_pair import refresh_token_pair
from send_message import send_message


# #region main
def main(env: Mapping[str, str] = os.environ) -> TokenPairResponse:
    base_url = env.get("API_BASE_URL")
    username = env.get("API_USERNAME")
    password = env.get("API_PASSWORD")
    if not base_url or not username or not password:
        raise RuntimeError("set API_BASE_URL, API_USERNAME and API_PASSWORD")

    pair = issue_token_pair(base_url, username, password, scopes=["messages:send"])
    print(f"pair {pair['id']} issued; access token expires at {pair['expires_at']}")

    message = send_message(
        base_url, pair["access_token"], phone_number="+15555550100", text="Hello from the quick start"
    )
    print(f"message {message['id']} is {message['state']}")

    rotated = refresh_token_pair(base_url, pair["refresh_token"])
    print(f"rotated to pair {rotated['id']}; keep its refresh token, the old one is spent")
    return rotated
# #endregion main


if __name__ == "__main__":
    main()
