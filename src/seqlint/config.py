"""Configuration: ``[tool.seqlint]`` in pyproject.toml, or ``seqlint.toml`` / ``.seqlint.toml``.

For each linted file the closest configuration file above it applies (as in ruff); ``--config``
forces one file for every path and ``--isolated`` ignores them all. Command-line options are
layered on top of the file's settings. Stdlib only (plus ``tomli`` on Python 3.10).
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from seqlint.keras_target import is_version
from seqlint.suppress import UNUSED_CODE

CONFIG_NAMES = (".seqlint.toml", "seqlint.toml", "pyproject.toml")
"""Looked for in each directory, in this order (the first found wins)."""

TARGETS = ("2", "3")  # or a release: "2.12", "3.8.0" (keras_target.is_version)
FAIL_ON = ("error", "warning", "info")
ALWAYS_REPORTED = frozenset({"SL900", "SL901", "SL902"})  # syntax, internal, not analysed


class ConfigError(Exception):
    """A configuration mistake; ``str()`` is the one-line message (file and key)."""


@dataclass(frozen=True)
class Selection:
    """One layer of rule selection (a configuration file's, or the command line's)."""

    select: tuple[str, ...] | None = None  # None: keep what the layer below selected
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """Everything configurable, as one file (or the command line) states it.

    ``None`` means "not stated here": the layer below (or the default) applies.
    """

    selection: Selection = Selection()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    target_keras: str | None = None
    fail_on: str | None = None
    path: str | None = None  # the configuration file, if any
    root: str = "."  # the directory patterns are relative to


@dataclass(frozen=True)
class FileSettings:
    """The resolved settings for one linted file."""

    enabled: Codes  # codes reported (before inline suppressions)
    target_keras: str | None  # None: detect from the installed packages
    fail_on: str
    config_path: str | None
    target_source: str | None = None  # what set target_keras

    def fingerprint(self, target: str) -> str:
        """What the analysis result of a file depends on besides its text (for caches)."""
        return f"target={target};codes={self.enabled.key()}"


@dataclass
class Resolver:
    """Finds and caches the settings of each file: its configuration file, then the command
    line's ``overrides`` on top."""

    overrides: Settings = field(default_factory=Settings)
    config: str | None = None  # --config PATH
    isolated: bool = False  # --isolated
    forced: Settings | None = None  # settings given directly (the Python API)
    _by_dir: dict[str, Settings | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.config is not None and not self.isolated and self.forced is None:
            self.forced = load(self.config)

    def file_config(self, path: str) -> Settings | None:
        """The configuration file's settings for ``path`` (None: no configuration file)."""
        if self.isolated:
            return None
        if self.forced is not None:
            return self.forced
        return self._closest(os.path.dirname(os.path.abspath(path)))

    def settings(self, path: str) -> FileSettings:
        file = self.file_config(path)
        layers = [file, self.overrides] if file is not None else [self.overrides]
        relative = _relative(path, file.root if file is not None else os.getcwd())
        removed = tuple(
            code
            for layer in layers
            for pattern, codes in layer.per_file_ignores
            if matches(relative, pattern)
            for code in codes
        )
        enabled = enabled_codes([layer.selection for layer in layers], removed)
        target = next((layer for layer in reversed(layers) if layer.target_keras), None)
        return FileSettings(
            enabled=enabled,
            target_keras=target.target_keras if target is not None else None,
            fail_on=_last(layer.fail_on for layer in layers) or "warning",
            config_path=file.path if file is not None else None,
            target_source=(target.path or "the command line") if target is not None else None,
        )

    def excluded(self, path: str) -> bool:
        """Whether a file found by walking a directory is excluded (``exclude`` and
        ``extend-exclude``, of its configuration file and of the command line)."""
        file = self.file_config(path)
        root = file.root if file is not None else os.getcwd()
        base = file.exclude if file is not None else None
        if self.overrides.exclude is not None:
            base = self.overrides.exclude  # --exclude replaces the file's exclude
        patterns = [*(base or ()), *self.overrides.extend_exclude]
        if file is not None:
            patterns.extend(file.extend_exclude)
        if not patterns:
            return False
        relative = _relative(path, root)
        parts = relative.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(
            fnmatch.fnmatchcase(part, pattern) or fnmatch.fnmatchcase(prefix, pattern)
            for pattern in patterns
            for part, prefix in zip(parts, prefixes, strict=True)
        )

    def _closest(self, directory: str) -> Settings | None:
        visited: list[str] = []
        found: Settings | None = None
        current = directory
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            visited.append(current)
            found = _config_in(current)
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for seen in visited:
            self._by_dir[seen] = found
        return found


def _config_in(directory: str) -> Settings | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if not os.path.isfile(candidate):
            continue
        if name == "pyproject.toml":
            if not _mentions_seqlint(candidate):
                continue  # no [tool.seqlint] possible: not worth parsing the TOML
            table = _read_toml(candidate).get("tool", {})
            if not isinstance(table, dict) or "seqlint" not in table:
                continue  # a pyproject.toml without [tool.seqlint] is not seqlint's
        return load(candidate)
    return None


def _mentions_seqlint(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"seqlint" in fh.read()
    except OSError:
        return True  # let the TOML reader report it


def load(path: str) -> Settings:
    """The settings of one configuration file; raises :class:`ConfigError`."""
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("seqlint", {})
        where = "[tool.seqlint]"
    else:
        table, where = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where or 'seqlint'} must be a table")
    root = os.path.dirname(os.path.abspath(path))
    return parse(table, source=path, root=root, prefix=f"{where} " if where else "")


def parse(
    table: Mapping[str, object], *, source: str, root: str = ".", prefix: str = ""
) -> Settings:
    """Settings from a mapping of configuration keys (a TOML table, or an API caller's dict)."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: {prefix}{key}: {problem}")

    unknown = [key for key in table if key not in _KEYS]
    if unknown:
        raise fail(unknown[0], f"unknown key (known: {', '.join(_KEYS)})")

    def codes(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, 'expected a list of rule codes, e.g. ["SL101", "SL2"]')
        return check_codes(value, lambda problem: fail(key, problem))

    def patterns(key: str) -> tuple[str, ...]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "expected a list of glob patterns")
        return tuple(value)

    def choice(key: str, allowed: tuple[str, ...]) -> str:
        value = table[key]
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if text not in allowed:
            raise fail(key, f"expected one of {', '.join(map(repr, allowed))}, got {value!r}")
        return text  # type: ignore[return-value]

    def target() -> str:
        value = table["target-keras"]
        text = (
            str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        )
        if not isinstance(text, str) or not is_version(text):
            raise fail(
                "target-keras",
                f"expected one of '2', '3', got {value!r} (or a release: '2.12', '3.8.0')",
            )
        return text.strip()

    per_file: list[tuple[str, tuple[str, ...]]] = []
    if "per-file-ignores" in table:
        value = table["per-file-ignores"]
        if not isinstance(value, dict):
            raise fail("per-file-ignores", "expected a table of glob = [codes]")
        for pattern, listed in value.items():
            if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
                raise fail(f"per-file-ignores.{pattern!r}", "expected a list of rule codes")
            problem = lambda text, p=pattern: fail(f"per-file-ignores.{p!r}", text)  # noqa: E731
            per_file.append((pattern, check_codes(listed, problem)))

    return Settings(
        selection=Selection(
            select=codes("select") if "select" in table else None,
            ignore=codes("ignore") if "ignore" in table else (),
            extend_select=codes("extend-select") if "extend-select" in table else (),
        ),
        per_file_ignores=tuple(per_file),
        exclude=patterns("exclude") if "exclude" in table else None,
        extend_exclude=patterns("extend-exclude") if "extend-exclude" in table else (),
        target_keras=target() if "target-keras" in table else None,
        fail_on=choice("fail-on", FAIL_ON) if "fail-on" in table else None,
        path=source,
        root=root,
    )


_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "target-keras",
    "fail-on",
)


def _read_toml(path: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


# -- rule codes --------------------------------------------------------------------------------

OPT_IN = frozenset({UNUSED_CODE})
"""Rules off unless selected (a test keeps this in step with the rules' ``opt_in``)."""


KNOWN_CODES = frozenset(
    {
        "SL001",
        *(f"SL1{n:02d}" for n in range(1, 11)),
        *(f"SL2{n:02d}" for n in range(1, 29)),
        *(f"SL2{n:02d}" for n in range(30, 33)),
    }
)
"""Codes known without importing the rules (about 0.1 s): a code or prefix that matches none of
them is looked up in the rules themselves, so a rule missing here only costs that import."""


def check_codes(codes: Iterable[str], fail: Callable[[str], Exception]) -> tuple[str, ...]:
    """Normalised codes or prefixes (``SL2`` selects every SL2xx); ``fail(problem)`` builds the
    error raised for one that names no rule."""
    result = []
    for raw in codes:
        code = raw.strip().upper()
        if not code or not (
            _names_one(code, KNOWN_CODES | ALWAYS_REPORTED) or _names_one(code, _rule_codes())
        ):
            raise fail(f"unknown rule code {raw!r}")
        result.append(code)
    return tuple(result)


def _names_one(prefix: str, codes: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for code in codes)


def _rule_codes() -> frozenset[str]:
    from seqlint.rules import ALL_RULES

    return frozenset(rule.code for rule in ALL_RULES)


@dataclass(frozen=True)
class Codes:
    """The codes a file reports: the selection layers applied in turn, then the per-file
    ignores. Membership is decided per code, so no rule needs importing to decide it.

    Within a layer, the most specific matching entry wins between ``select``/``extend-select``
    and ``ignore`` (an equal match: ``ignore`` wins), as in ruff.
    """

    layers: tuple[Selection, ...] = ()
    removed: tuple[str, ...] = ()

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        if code in ALWAYS_REPORTED:
            return True
        enabled = code not in OPT_IN
        for layer in self.layers:
            selected = _longest(code, (*(layer.select or ()), *layer.extend_select))
            if layer.select is None and enabled:
                selected = max(selected, 0)
            enabled = selected >= 0 and selected > _longest(code, layer.ignore)
        return enabled and _longest(code, self.removed) < 0

    def key(self) -> str:
        """A canonical text of the selection (for cache fingerprints)."""
        layers = ";".join(
            f"{','.join(layer.select) if layer.select is not None else '*'}"
            f"+{','.join(layer.extend_select)}-{','.join(layer.ignore)}"
            for layer in self.layers
        )
        return f"{layers}|-{','.join(sorted(self.removed))}"


def enabled_codes(layers: Iterable[Selection], removed: Iterable[str] = ()) -> Codes:
    return Codes(tuple(layers), tuple(removed))


def _longest(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


# -- paths -------------------------------------------------------------------------------------


def matches(relative: str, pattern: str) -> bool:
    """A per-file-ignores glob against a file's path relative to its configuration file:
    the whole relative path, or the file name; ``**/`` also matches no directory."""
    pattern = pattern.replace(os.sep, "/").removeprefix("./")
    candidates = {pattern, pattern.replace("**/", "")}
    name = relative.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(relative, p)
        or fnmatch.fnmatchcase(name, p)
        or relative.startswith(p.rstrip("/") + "/")
        for p in candidates
    )


def _relative(path: str, root: str) -> str:
    relative = os.path.relpath(os.path.abspath(path), root)
    return relative.replace(os.sep, "/")


def _last(values: Iterable[str | None]) -> str | None:
    result = None
    for value in values:
        if value is not None:
            result = value
    return result
