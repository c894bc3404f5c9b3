import runpy
from pathlib import Path

import pytest

from mock_api import DEMO, EXAMPLES
from main import main


def test_issues_sends_refreshes_reading_the_settings_from_the_environment(
    base_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rotated = main({"API_BASE_URL": base_url, "API_USERNAME": DEMO[0], "API_PASSWORD": DEMO[1]})
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[1].endswith("is Pending")
    assert rotated["id"] in lines[2]


def test_refuses_to_start_without_its_settings(base_url: str) -> None:
    with pytest.raises(RuntimeError, match="API_USERNAME"):
        main({"API_BASE_URL": base_url})


def test_a_wrong_password_stops_main_at_the_first_request(base_url: str) -> None:
    with pytest.raises(RuntimeError, match="401"):
        main({"API_BASE_URL": base_url, "API_USERNAME": DEMO[0], "API_PASSWORD": "wrong"})


def test_runs_as_a_script_with_the_environment(
    base_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("API_BASE_URL", base_url)
    monkeypatch.setenv("API_USERNAME", DEMO[0])
    monkeypatch.setenv("API_PASSWORD", DEMO[1])
    runpy.run_path(str(Path(EXAMPLES, "quick-start", "main.py")), run_name="__main__")
    assert "rotated to pair" in capsys.readouterr().out
