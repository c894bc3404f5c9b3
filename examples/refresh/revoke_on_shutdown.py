"""What a service does with its login when it is stopped. A restart (a deploy's SIGTERM) keeps the
login in the store, so the next process carries on without the password; a service without a
store, or one being retired, revokes it, so a leaked copy dies with the process.

See /guides/refresh-and-rotation/
"""

import logging
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Protocol


# #region revoke-on-shutdown
class Revocable(Protocol):
    """Anything whose login can be kept for a restart or revoked, like `TokenManager`."""

    def stop(self) -> None:
        """Stops handing out tokens and keeps the login in the store, for the next process."""
        ...

    def revoke(self) -> None:
        """Revokes the login (every pair rotated from it) and clears the store."""
        ...


def revoke_on_shutdown(tokens: Revocable, *, keep_login: bool) -> Callable[[], None]:
    """On SIGTERM or SIGINT, stops the tokens (`keep_login=True`, a service with a store that will
    start again) or revokes them (a service without a store, or one being retired), then exits.
    Returns a function that undoes this.

    Call it from the main thread: Python runs signal handlers there only.
    """

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        try:
            if keep_login:
                tokens.stop()
            else:
                tokens.revoke()
        except Exception:
            logging.exception("could not shut the tokens down")
        sys.exit(128 + signum)  # 143 for SIGTERM, 130 for SIGINT, as a shell reports them

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}

    def undo() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return undo
# #endregion revoke-on-shutdown
