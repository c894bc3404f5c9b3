"""Line coverage of the examples without the `coverage` package (not installed here): a
`sys.settrace` tracer that records only frames whose code lives under the examples folder, and
the executable lines of each file read from its compiled code objects, as `trace` does."""

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import CodeType, FrameType
from typing import Any


class LineCoverage:
    def __init__(self, folder: Path) -> None:
        self._prefix = str(folder.resolve()) + "/"
        self._hits: dict[str, set[int]] = {}

    def start(self) -> None:
        sys.settrace(self._on_call)
        threading.settrace(self._on_call)

    def stop(self) -> None:
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]

    def _on_call(self, frame: FrameType, event: str, arg: Any) -> Any:
        filename = frame.f_code.co_filename
        if not filename.startswith(self._prefix):
            return None  # no line events for code outside the examples: the tracer stays cheap
        lines = self._hits.setdefault(filename, set())
        lines.add(frame.f_lineno)

        def on_line(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "line":
                lines.add(frame.f_lineno)
            return on_line

        return on_line

    def report(self, files: list[Path]) -> dict[str, dict[str, list[int]]]:
        """For every file given: its executable lines and those that ran (none if never imported)."""
        report: dict[str, dict[str, list[int]]] = {}
        for path in sorted(files):
            hits = self._hits.get(str(path.resolve()), set())
            report[str(path)] = {"executable": sorted(executable_lines(path)), "hit": sorted(hits)}
        return report


def executable_lines(path: Path) -> set[int]:
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    return {line for co in _code_objects(code) for _, _, line in co.co_lines() if line}


def _code_objects(code: CodeType) -> Iterator[CodeType]:
    yield code
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            yield from _code_objects(constant)
