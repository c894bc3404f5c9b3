"""pyright finds the examples' imports through `extraPaths`, which cannot glob: every topic folder
of examples/ that holds Python must be listed there, or pyright reports its imports as missing."""

import tomllib
from typing import Any

from mock_api import ROOT


def test_pyright_sees_every_topic_folder_that_holds_python() -> None:
    with open(ROOT / "pyproject.toml", "rb") as file:
        config: dict[str, Any] = tomllib.load(file)
    listed = set(config["tool"]["pyright"]["extraPaths"]) - {"tests/python"}
    folders = {
        f"examples/{topic.name}"
        for topic in (ROOT / "examples").iterdir()
        if topic.is_dir() and any(topic.glob("*.py"))
    }
    missing = sorted(folders - listed)
    assert missing == [], f"add {missing} to [tool.pyright] extraPaths in pyproject.toml"
    assert sorted(listed - folders) == []
