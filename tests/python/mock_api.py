"""What the Python tests share: the mock's controls, the test clock, the demo account."""

import json
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

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

    def fault(self, method: str, path: str, fault: dict[str, object], times: int = 1) -> None:
        """Arms one of the mock's faults (src/mock/faults) for the next `times` matching requests:
        `{"kind": "lost"}`, `{"kind": "html", "status": 502}`, `{"kind": "rateLimited",
        "retryAfter": "30"}`, `{"kind": "truncated"}`, `{"kind": "rewrite", "set": {...}}`…"""
        self._control("fault", json={"method": method, "path": path, "times": times, "fault": fault})

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




Send = Callable[..., requests.Response]


@dataclass
class Fault:
    method: str
    path: str
    """The end of the URL's path it applies to."""
    answer: Callable[[requests.PreparedRequest], requests.Response]
    times: int | None
    """How many requests it answers; None for every one."""


class Wire:
    """What went over the wire: requests as sent, their answers, and faults answering in the
    mock's place (a 503, a malformed 201, a dropped connection) for the requests they match."""

    def __init__(self) -> None:
        self.requests: list[requests.PreparedRequest] = []
        self.exchanges: list[tuple[requests.PreparedRequest, requests.Response]] = []
        self._faults: list[Fault] = []

    def answer(
        self,
        method: str,
        path: str,
        status: int,
        body: bytes | str | Mapping[str, object] | None = None,
        times: int | None = 1,
    ) -> None:
        """Answers matching requests with `status` and `body` instead of the mock."""

        def respond(request: requests.PreparedRequest) -> requests.Response:
            response = requests.Response()
            response.status_code = status
            response.request = request
            response.url = request.url or ""
            if isinstance(body, Mapping):
                response._content = json.dumps(body).encode()  # pyright: ignore[reportPrivateUsage]
                response.headers["Content-Type"] = "application/json"
            else:
                content = body.encode() if isinstance(body, str) else body or b""
                response._content = content  # pyright: ignore[reportPrivateUsage]
            return response

        self._faults.append(Fault(method, path, respond, times))

    def fail(self, method: str, path: str, error: Exception, times: int | None = 1) -> None:
        """Raises `error` (a `requests.ConnectionError`, a `requests.Timeout`) for matching requests."""

        def raise_error(request: requests.PreparedRequest) -> requests.Response:
            raise error

        self._faults.append(Fault(method, path, raise_error, times))

    def to(self, path: str, method: str | None = None) -> list[tuple[requests.PreparedRequest, requests.Response]]:
        """The exchanges whose URL path ends with `path` (and method, if given)."""
        return [
            (request, response)
            for request, response in self.exchanges
            if urlsplit(request.url or "").path.endswith(path)
            and (method is None or request.method == method)
        ]

    def wrap(self, send: Send) -> Send:
        def sending(session: requests.Session, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
            self.requests.append(request)
            response = self._faulted(request)  # not `or`: a Response is falsy when not ok
            if response is None:
                response = send(session, request, **kwargs)
            self.exchanges.append((request, response))
            return response

        return sending

    def _faulted(self, request: requests.PreparedRequest) -> requests.Response | None:
        path = urlsplit(request.url or "").path
        for fault in self._faults:
            if fault.method == request.method and path.endswith(fault.path) and fault.times != 0:
                if fault.times is not None:
                    fault.times -= 1
                return fault.answer(request)
        return None


class FakeTimer:
    """One `threading.Timer`, armed on the test's clock."""

    def __init__(self, timers: "FakeTimers", interval: float, function: Callable[[], None]) -> None:
        self.timers, self.function, self.daemon = timers, function, False
        self.due = timers.clock.now + timedelta(seconds=interval)

    def start(self) -> None:
        self.timers.armed.append(self)

    def cancel(self) -> None:
        if self in self.timers.armed:
            self.timers.armed.remove(self)


class FakeTimers:
    """`threading.Timer` as the test's: a timer fires when the test says, on the test's clock."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.armed: list[FakeTimer] = []

    def timer(self, interval: float, function: Callable[[], None]) -> FakeTimer:
        return FakeTimer(self, interval, function)

    @property
    def next_delay(self) -> timedelta:
        (timer,) = self.armed  # the daemon never has two timers armed
        return timer.due - self.clock.now

    def fire(self) -> None:
        """Moves the clock to the armed timer and runs it, as the timer thread would."""
        (timer,) = self.armed
        self.armed.remove(timer)
        self.clock.advance((timer.due - self.clock.now).total_seconds())
        timer.function()
