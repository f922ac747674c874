"""seqlint: static shape checking for Keras sequence models.

The Python API (see docs/api.md)::

    import seqlint

    for d in seqlint.check_source(code, path="train.py"):
        print(d.line, d.code, d.message)

Importing seqlint is cheap: the analysis (libcst) is imported on the first check.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from seqlint.config import ConfigError, Resolver
    from seqlint.diagnostic import Diagnostic, Severity
    from seqlint.engine import CheckResult

__version__ = "0.1.0"
__all__ = ["ConfigError", "Diagnostic", "Severity", "check_paths", "check_source"]

Config = Union[Mapping[str, object], str, "os.PathLike[str]", None]


def check_source(source: str, path: str = "<string>", config: Config = None) -> list[Diagnostic]:
    """The diagnostics of one source text, as ``seqlint check`` reports them for a file
    named ``path`` (its configuration, per-file-ignores and inline suppressions apply).

    ``config``: None finds the configuration file closest to ``path`` as the command line
    does; a mapping gives the settings directly, with the keys of ``[tool.seqlint]``
    (``{}``: the defaults); a path names a configuration file. A wrong configuration
    raises :class:`ConfigError`.
    """
    from seqlint.engine import check_paths as run

    result = run(["-"], resolver=_resolver(config), stdin_filename=path, stdin=source.encode())
    return _diagnostics(result)


def check_paths(paths: Iterable[str | os.PathLike[str]], config: Config = None) -> list[Diagnostic]:
    """The diagnostics of files and directories (walked for ``*.py``), as ``seqlint check``
    reports them; ``config`` as for :func:`check_source`. A path that does not exist raises
    FileNotFoundError; a wrong configuration :class:`ConfigError`."""
    from seqlint.engine import check_paths as run

    result = run([os.fspath(p) for p in paths], resolver=_resolver(config))
    if result.missing:
        raise FileNotFoundError(f"path not found: {', '.join(result.missing)}")
    return _diagnostics(result)


def _resolver(config: Config) -> Resolver:
    from seqlint.config import Resolver, parse

    if config is None:
        return Resolver()
    if isinstance(config, Mapping):
        return Resolver(forced=parse(config, source="<config>", root=os.getcwd()))
    return Resolver(config=os.fspath(config))


def _diagnostics(result: CheckResult) -> list[Diagnostic]:
    from seqlint.config import ConfigError

    if result.config_error:
        raise ConfigError(result.errors[-1].removeprefix("seqlint: error: "))
    return list(result.diagnostics)


def __getattr__(name: str) -> object:
    if name in ("Diagnostic", "Severity"):
        from seqlint import diagnostic

        return getattr(diagnostic, name)
    if name == "ConfigError":
        from seqlint.config import ConfigError

        return ConfigError
    raise AttributeError(f"module 'seqlint' has no attribute {name!r}")
