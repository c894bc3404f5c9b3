"""What the Python tests share: the mock's controls, the test clock, the demo account."""

import os
import sys
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
# Planted-defect tests point this at a planted copy of examples/ (see tests/drift/).
EXAMPLES = Path(os.environ.get("EXAMPLES_DIR", ROOT / "examples")).resolve()

START = datetime(2026, 3, 14, 1, 45, tzinfo=timezone.utc)
"""Where every test's time starts, as in tests/support/testClock.ts."""

DEMO = ("demo", "demo-password")
"""The demo account's Basic credentials."""


class MockApi:
    """The mock's URL and its controls."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()

    def begin(self, test: str, **settings: object) -> None:
        """A fresh mock (tokens, messages, clock) for `test`, in the mock settings given
        (`reusePolicy`, `overlapSeconds`); the Node side files the exchanges that follow under it."""
        self._control("test", json={"id": test, "settings": settings})

    def advance(self, seconds: float) -> None:
        self._control("clock", json={"advance": seconds})

    def _control(self, name: str, **kwargs: Any) -> None:
        response = self.session.post(f"{self.base_url}/__mock/{name}", timeout=10, **kwargs)
        response.raise_for_status()


class Clock:
    """The test's time, shared by the mock and the modules the test patches."""

    def __init__(self, api: MockApi, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = START
        self._api = api
        self._monkeypatch = monkeypatch

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
        self._api.advance(seconds)

    def patch(self, module: ModuleType) -> None:
        """Makes `module.datetime.now()` this clock, naive or aware exactly as the real one."""
        clock = self

        class FakeDatetime(datetime):
            @classmethod
            def now(cls, tz: tzinfo | None = None) -> "FakeDatetime":
                # Like datetime.now(): naive without a tz argument (this clock's UTC reading).
                value = clock.now.replace(tzinfo=None) if tz is None else clock.now.astimezone(tz)
                return cls.combine(value.date(), value.timetz())

        self._monkeypatch.setattr(module, "datetime", FakeDatetime)

    def patch_examples(self) -> None:
        """`patch` for every example module loaded that reads the time through `datetime`."""
        for module in list(sys.modules.values()):
            file = getattr(module, "__file__", None) or ""
            if Path(file).resolve().is_relative_to(EXAMPLES) and hasattr(module, "datetime"):
                self.patch(module)


