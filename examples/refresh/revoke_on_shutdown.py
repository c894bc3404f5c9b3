"""Revoke the service's tokens when it is stopped, so a leaked copy dies with the process.

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
    """Anything whose tokens can be revoked, like `TokenManager`."""

    def revoke(self) -> None: ...


def revoke_on_shutdown(tokens: Revocable) -> Callable[[], None]:
    """On SIGTERM or SIGINT, revokes the tokens, then exits. Returns a function that undoes this.

    Call it from the main thread: Python runs signal handlers there only.
    """

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        try:
            tokens.revoke()
        except Exception:
            logging.exception("could not revoke tokens on shutdown")
        sys.exit(128 + signum)  # 143 for SIGTERM, 130 for SIGINT, as a shell reports them

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}

    def undo() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return undo
# #endregion revoke-on-shutdown
