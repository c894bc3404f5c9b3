"""Fixtures of the Python example tests (tests/examples/**/test_*.py, tests/python/).

The tests run against the mock API over HTTP: tests/python/pythonExamples.test.ts starts one mock
for the whole session and hands its URL over in MOCK_API_URL; every test gets it reset (tokens,
messages, clock) through the mock's `/__mock/*` controls. The mock's clock stands still at START
until a test moves it (`clock.advance`), and `clock.patch(module)` makes the module's
`datetime.now` read the same clock, so nothing here reads the wall clock or sleeps.

Line coverage of examples/ is recorded from here on (before any example is imported) and written,
with every test's outcome, to the JSON file named by PYTEST_REPORT_FILE.
"""

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
import requests

from line_coverage import LineCoverage
from mock_api import EXAMPLES, ROOT, Clock, MockApi, Wire

# The examples import each other by module name: every topic folder goes on the path, as pyright's
# extraPaths (pyproject.toml) has them. A planted copy's folders replace the repository's.
for topic in sorted(EXAMPLES.iterdir(), reverse=True):
    if topic.is_dir() and topic.name != "__pycache__":
        sys.path.insert(0, str(topic))

coverage = LineCoverage(EXAMPLES)
coverage.start()

_mock_url = os.environ.get("MOCK_API_URL")


@pytest.fixture(scope="session")
def mock_api() -> Iterator[MockApi]:
    if not _mock_url:
        pytest.exit("MOCK_API_URL is not set: run the Python tests with npm test", returncode=2)
    api = MockApi(_mock_url.rstrip("/"))
    yield api
    api.session.close()


@pytest.fixture(autouse=True)
def api(mock_api: MockApi, request: pytest.FixtureRequest) -> MockApi:
    """The mock, fresh for every test, so each test's exchanges are its own."""
    node = cast(pytest.Item, request.node)  # pyright: ignore[reportUnknownMemberType]
    marker = node.get_closest_marker("mock_settings")
    settings: dict[str, object] = dict(marker.kwargs) if marker else {}
    mock_api.begin(node.nodeid, **settings)
    return mock_api


@pytest.fixture
def base_url(api: MockApi) -> str:
    return api.base_url


@pytest.fixture
def clock(api: MockApi, monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(api, monkeypatch)


@pytest.fixture
def wire(monkeypatch: pytest.MonkeyPatch) -> Wire:
    """Every request `requests` sends during the test, with its answer, and faults to inject."""
    wire = Wire()
    monkeypatch.setattr(requests.Session, "send", wire.wrap(requests.Session.send))
    return wire


@pytest.fixture
def sent(wire: Wire) -> list[requests.PreparedRequest]:
    """Every request sent through `requests` during the test, in order, as it went out."""
    return wire.requests


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "mock_settings(reusePolicy=..., overlapSeconds=...): the mock's settings for a test"
    )


_outcomes: list[dict[str, Any]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call" and report.passed:
        return
    if report.when != "call" and report.skipped:
        _outcomes.append({"nodeid": report.nodeid, "outcome": "skipped", "message": str(report.longrepr)})
        return
    entry: dict[str, Any] = {"nodeid": report.nodeid, "when": report.when, "outcome": report.outcome}
    if report.failed:
        entry["message"] = report.longreprtext
        entry["locations"] = _locations(report)
    _outcomes.append(entry)


def pytest_collectreport(report: pytest.CollectReport) -> None:
    # A test file that cannot even be imported (a syntax error, a missing name) fails here.
    if report.failed:
        _outcomes.append(
            {
                "nodeid": report.nodeid,
                "when": "collect",
                "outcome": "failed",
                "message": report.longreprtext,
                "locations": _locations(report),
            }
        )


def _locations(report: pytest.TestReport | pytest.CollectReport) -> list[str]:
    """`path:line: message` for every frame of the failure that is in this repository."""
    longrepr: Any = report.longrepr
    entries: list[Any] = getattr(getattr(longrepr, "reprtraceback", None), "reprentries", [])
    locations: list[str] = []
    for entry in entries:
        where = getattr(entry, "reprfileloc", None)
        if where is None:
            continue
        # pytest prints a path relative to its working directory (the repository) whenever that is
        # shorter, `../planted-examples-…/x.py` included: resolve it before comparing.
        path = (ROOT / where.path).resolve()
        for base, shown in ((EXAMPLES, "examples"), (ROOT, "")):
            if path.is_relative_to(base):
                relative = path.relative_to(base).as_posix()
                locations.append(f"{shown + '/' if shown else ''}{relative}:{where.lineno}: {where.message}")
                break
    return locations


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    coverage.stop()
    report_file = os.environ.get("PYTEST_REPORT_FILE")
    if not report_file:
        return
    files = [path for path in EXAMPLES.rglob("*.py") if "__pycache__" not in path.parts]
    lines = coverage.report(files)
    report = {
        "exitstatus": int(exitstatus),
        "tests": _outcomes,
        "coverage": {Path(path).relative_to(EXAMPLES).as_posix(): value for path, value in lines.items()},
    }
    Path(report_file).write_text(json.dumps(report), encoding="utf-8")
