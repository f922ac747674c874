"""Stubs for the analysis pipeline and helpers, so the command line is tested on its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from seqlint import engine
from seqlint.diagnostic import Diagnostic, Severity, TraceRow


class FakeParseFailure(Exception):
    """Same surface as ``seqlint.frontend.ParseFailure``."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def make_diagnostic(path: str, line: int = 3, **overrides: object) -> Diagnostic:
    fields: dict[str, object] = dict(
        path=path,
        line=line,
        column=5,
        end_line=line,
        end_column=30,
        code="SL101",
        name="rank-mismatch",
        severity=Severity.ERROR,
        message="TimeDistributed needs an input of rank >= 3, got (batch, 64)",
        hint="pass return_sequences=True to LSTM(64)",
        trace=(
            TraceRow("Input(shape=(20, 8))", 1, "(batch, 20, 8)"),
            TraceRow("LSTM(64)", 2, "(batch, 64)", note="return_sequences is False"),
            TraceRow(
                "TimeDistributed(Dense(1))", 3, "expects rank >= 3", note="gets rank 2", marked=True
            ),
        ),
    )
    fields.update(overrides)
    return Diagnostic(**fields)  # type: ignore[arg-type]


Behaviour = Callable[[str, str], list[Diagnostic]]


class StubPipeline:
    """Stands in for ``seqlint.analysis.lint_source``: by default a file whose text contains
    ``BUG`` gets one diagnostic per line holding it, and every other file is clean."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.sources: dict[str, str] = {}
        self.behaviour: dict[str, Behaviour] = {}

    def lint_source(self, source: str, path: str) -> list[Diagnostic]:
        self.calls.append(path)
        self.sources[path] = source
        for suffix, behaviour in self.behaviour.items():
            if path.endswith(suffix):
                return behaviour(source, path)
        return [
            make_diagnostic(path, line=number)
            for number, text in enumerate(source.splitlines(), start=1)
            if "BUG" in text
        ]

    def on(self, suffix: str, behaviour: Behaviour) -> None:
        self.behaviour[suffix] = behaviour

    def raise_on(self, suffix: str, exc: BaseException) -> None:
        def behaviour(source: str, path: str) -> list[Diagnostic]:
            raise exc

        self.on(suffix, behaviour)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubPipeline:
    pipeline = StubPipeline()
    monkeypatch.setattr(engine, "load_analysis", lambda: (pipeline.lint_source, FakeParseFailure))
    return pipeline


@pytest.fixture
def run() -> Callable[..., Result]:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(_main(), list(args), catch_exceptions=False)

    return invoke


def _main():  # imported late so that the import-cost test sees a fresh interpreter anyway
    from seqlint.cli import main

    return main


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


KERAS_CLEAN = "import keras\nmodel = keras.Sequential()\n"
KERAS_BUGGY = "import keras\nx = keras.Input(shape=(3,))\ny = 1  # BUG\n"
