"""Step 3 of the quick start: spend the refresh token for a new pair.

See /start/quick-start/
"""

import requests

from issue_token_pair import TokenPairResponse


# #region refresh-token-pair
def refresh_token_pair(base_url: str, refresh_token: str) -> TokenPairResponse:
    # The refresh token goes in the Authorization header, and only ever to this endpoint.
    response = requests.post(
        f"{base_url}/3rdparty/v1/auth/token/refresh",
        headers={"Authorization": f"Bearer {refresh_token}"},
        timeout=10,
    )
    if not response.ok:
        raise RuntimeError(f"refresh failed: {response.status_code} {response.text}")
    # Rotation: this pair replaces the old one, and the old refresh token is now spent.
    pair: TokenPairResponse = response.json()
    return pair
# #endregion refresh-token-pair
