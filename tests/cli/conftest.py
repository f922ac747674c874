"""Fixtures for the command-line tests; the helpers live in ``support``."""

from tests.cli.support import run, stub  # noqa: F401 - fixtures
