"""Fixtures for the command-line tests; the helpers live in ``support``."""

from tests.cli.support import run, run_with_input, stub  # noqa: F401 - fixtures
