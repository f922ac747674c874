"""Which Keras the linted code runs on: a major version ("2", "3") or a release ("2.12", "3.8.0").

Decided, for each file, in this order:

1. ``target-keras`` / ``--target-keras`` (configuration);
2. the installed packages' metadata (``importlib.metadata``: nothing is imported), for the way
   the file imports Keras: ``tensorflow.keras`` / ``tf.keras`` is what TensorFlow gives (tf-keras
   when ``TF_USE_LEGACY_KERAS`` is set and it is installed), ``import keras`` the installed
   ``keras`` package, ``import tf_keras`` the installed tf-keras;
3. the project's own pins (``requirements*.txt``, ``pyproject.toml``, ``setup.cfg``,
   ``environment.yml``) of ``tensorflow``, ``keras`` or ``tf-keras``; a range means the newest
   covered release it allows (what a fresh install gets), and the reason says which;
4. Keras 3.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

TENSORFLOW_DISTRIBUTIONS = ("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly")
_TRUE = ("1", "true", "yes", "on")
_VERSION = re.compile(r"^[23](?:\.\d+){0,2}$")

# How a file reaches Keras: ``import keras``, ``tensorflow.keras``, ``import tf_keras``.
KERAS, TF_KERAS, TF_KERAS_PACKAGE = "keras", "tf.keras", "tf_keras"
_SPELLINGS = {
    TF_KERAS: re.compile(
        r"\b(?:tensorflow|tf)\.keras\b|^[ \t]*from[ \t]+tensorflow[ \t]+import\b[^\n]*\bkeras\b",
        re.MULTILINE,
    ),
    KERAS: re.compile(r"^[ \t]*(?:import[ \t]+keras\b|from[ \t]+keras\b)", re.MULTILINE),
    TF_KERAS_PACKAGE: re.compile(r"^[ \t]*(?:import|from)[ \t]+tf_keras\b", re.MULTILINE),
}
_SURFACE_NAMES = {TF_KERAS: "tensorflow.keras", KERAS: "keras", TF_KERAS_PACKAGE: "tf_keras"}


@dataclass(frozen=True)
class KerasTarget:
    """A Keras version to lint against and why.

    ``surfaces`` holds, when they differ from ``version``, what each way of importing Keras
    gives (``tf.keras``, ``keras``, ``tf_keras``): :meth:`for_source` picks a file's.
    ``source`` says which step decided: configuration, installed, pins or default.
    """

    version: str  # "2", "3", a release ("2.12", "3.15.1"), or "mixed" for a run
    reason: str  # why, in a few words
    surfaces: tuple[tuple[str, KerasTarget], ...] = ()
    source: str = "installed"

    def to_json(self) -> dict[str, str]:
        return {"version": self.version, "reason": self.reason}

    @property
    def major(self) -> str:
        return major(self.version)

    def for_source(self, text: str) -> KerasTarget:
        """The target of a file that reads ``text``: the one of the way it imports Keras
        (``tensorflow.keras`` first when it spells several that differ)."""
        if not self.surfaces:
            return self
        by_surface = dict(self.surfaces)
        used = [s for s in (TF_KERAS, KERAS, TF_KERAS_PACKAGE) if _SPELLINGS[s].search(text)]
        found = [by_surface.get(s, self) for s in used]
        if not found:
            return self
        chosen = found[0]
        others = sorted({t.version for t in found[1:]} - {chosen.version})
        if others:
            also = ", ".join(
                f"{_SURFACE_NAMES[s]} is {by_surface.get(s, self).version}" for s in used[1:]
            )
            return replace(
                chosen, reason=f"{chosen.reason}; the file also imports Keras otherwise: {also}"
            )
        return chosen


def major(version: str) -> str:
    """ "2" or "3" for a target version ("2.12.0" -> "2"); the text itself otherwise."""
    return version.split(".", 1)[0]


def is_version(text: str) -> bool:
    """A target the configuration may give: ``2``, ``3`` or a release such as ``2.12``."""
    return bool(_VERSION.match(text.strip()))


# -- installed packages ---------------------------------------------------------------------


def detect(
    version_of: Callable[[str], str | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> KerasTarget:
    """The Keras the installed packages give, per way of importing it.

    ``tensorflow.keras``: tf-keras with ``TF_USE_LEGACY_KERAS``; else with TensorFlow >= 2.16
    the installed keras 3, with an older TensorFlow its own Keras 2 (the keras package's
    version, else TensorFlow's minor). ``import keras``: the installed keras package.
    ``import tf_keras``: tf-keras. The overall answer is the ``tensorflow.keras`` one (else
    the keras package's); with nothing installed, Keras 3 (``source == "default"``).
    """
    version_of = version_of or installed_version
    environ = os.environ if environ is None else environ
    keras = version_of("keras")
    tf_keras = version_of("tf-keras")
    tensorflow = next(
        ((name, v) for name in TENSORFLOW_DISTRIBUTIONS if (v := version_of(name))), None
    )
    legacy = environ.get("TF_USE_LEGACY_KERAS", "").strip().lower() in _TRUE
    surfaces: dict[str, KerasTarget] = {}
    if keras:
        surfaces[KERAS] = KerasTarget(keras, f"keras {keras} is installed")
    if tf_keras:
        surfaces[TF_KERAS_PACKAGE] = KerasTarget(tf_keras, f"tf-keras {tf_keras} is installed")
    through_tf = _tensorflow_keras(tensorflow, keras, tf_keras, legacy)
    if through_tf is not None:
        surfaces[TF_KERAS] = through_tf
    overall = surfaces.get(TF_KERAS) or surfaces.get(KERAS) or surfaces.get(TF_KERAS_PACKAGE)
    if overall is None:
        return KerasTarget(
            "3", "no keras or tensorflow installed: Keras 3 is the default", source="default"
        )
    return replace(overall, surfaces=tuple(surfaces.items()))


def _tensorflow_keras(
    tensorflow: tuple[str, str] | None, keras: str | None, tf_keras: str | None, legacy: bool
) -> KerasTarget | None:
    """What ``tensorflow.keras`` is, from the installed packages (None: nothing says)."""
    if legacy and tf_keras:
        return KerasTarget(
            tf_keras, f"TF_USE_LEGACY_KERAS is set and tf-keras {tf_keras} is installed"
        )
    if tensorflow is None:
        if keras:
            return KerasTarget(keras, f"keras {keras} is installed")
        if tf_keras:
            return KerasTarget(tf_keras, f"tf-keras {tf_keras} is installed")
        return None
    name, version = tensorflow
    if _major_minor(version) >= (2, 16):
        if keras and _major_minor(keras) >= (3, 0):
            return KerasTarget(keras, f"{name} {version} is installed (tf.keras is keras {keras})")
        return KerasTarget("3", f"{name} {version} is installed (tf.keras is Keras 3)")
    if keras and _major_minor(keras)[0] == 2:
        return KerasTarget(keras, f"{name} {version} is installed (tf.keras is keras {keras})")
    minor = ".".join(str(n) for n in _major_minor(version))
    return KerasTarget(minor, f"{name} {version} is installed (tf.keras is Keras {minor})")


def configured(version: str, source: str) -> KerasTarget:
    """A target stated by ``source`` (a configuration file, or the command line)."""
    if source == "the command line":
        return KerasTarget(version, f"--target-keras {version}", source="configuration")
    return KerasTarget(version, f'target-keras = "{version}" in {source}', source="configuration")


def installed_version(distribution: str) -> str | None:
    """The installed version of ``distribution``, as ``importlib.metadata.version`` says.

    The common case, a ``.dist-info`` directory on ``sys.path``, is read here: its
    ``METADATA`` headers only (importing ``importlib.metadata`` and parsing whole
    ``METADATA`` files, long descriptions included, cost a one-file check tens of
    milliseconds). Anything else asks ``importlib.metadata``.
    """
    found = _dist_info_version(distribution)
    if found is not _ASK_METADATA:
        return found  # type: ignore[return-value]
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - broken metadata must not stop a lint
        return None


_ASK_METADATA = object()


def _normalise(name: str) -> str:
    """A distribution's name as importlib.metadata compares it (``Prepared.normalize``)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _dist_info_version(distribution: str) -> str | None | object:
    """What ``importlib.metadata.version`` finds, when the answer is a plain ``.dist-info``
    directory on ``sys.path`` or no distribution at all; :data:`_ASK_METADATA` otherwise.

    The same search: the ``sys.path`` entries in order, in each the ``.dist-info`` and
    ``.egg-info`` entries in directory order, the first whose name (before the first ``-``)
    normalises to the distribution's.
    """
    import sys
    from importlib.machinery import PathFinder

    if any(
        finder is not PathFinder and hasattr(finder, "find_distributions")
        for finder in sys.meta_path
    ):
        return _ASK_METADATA  # another finder may know distributions
    wanted = _normalise(distribution)
    for entry in sys.path:
        root = entry or "."
        if root.lower().endswith(".egg") or os.path.isfile(root):
            return _ASK_METADATA  # an egg or a zip archive
        for child in _children(root):
            low = child.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            if _normalise(low.rpartition(".")[0].partition("-")[0]) != wanted:
                continue
            if not low.endswith(".dist-info"):
                return _ASK_METADATA
            return _metadata_version(os.path.join(root, child, "METADATA"))
    return None


@cache
def _children(root: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(root))
    except OSError:
        return ()


def _metadata_version(path: str) -> str | object:
    """The ``Version`` header of a ``METADATA`` file (the headers end at the first blank
    line); :data:`_ASK_METADATA` when it has none or cannot be read."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    break
                name, colon, value = line.partition(":")
                if colon and name.strip().lower() == "version" and value.strip():
                    return value.strip()
    except (OSError, UnicodeDecodeError):
        pass
    return _ASK_METADATA


def _major_minor(version: str) -> tuple[int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:2]]
    while len(numbers) < 2:
        numbers.append(0)
    return numbers[0], numbers[1]


# -- the project's pins ---------------------------------------------------------------------

PIN_FILES = ("pyproject.toml", "setup.cfg", "environment.yml", "environment.yaml")
_PINNED = (
    "tensorflow",
    "tensorflow-cpu",
    "tensorflow-gpu",
    "tensorflow-macos",
    "keras",
    "tf-keras",
)
_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?P<spec>[^;#]*)"
)


@dataclass(frozen=True)
class Pin:
    distribution: str  # normalised: tensorflow, keras, tf-keras
    spec: str  # "==2.12.0", ">=2.12,<2.16", "" (any)
    where: str  # the file that pins it


def pinned_target(directory: str) -> KerasTarget | None:
    """The target the closest project pins above ``directory`` give (None: no pin)."""
    pins = project_pins(os.path.abspath(directory))
    return target_from_pins(pins) if pins else None


@cache
def project_pins(directory: str) -> tuple[Pin, ...]:
    """The tensorflow/keras/tf-keras pins of the closest directory at or above ``directory``
    holding a requirements file, pyproject.toml, setup.cfg or environment.yml with one."""
    current = directory
    while True:
        found = _pins_in(current)
        if found:
            return found
        parent = os.path.dirname(current)
        if parent == current:
            return ()
        current = parent


def _pins_in(directory: str) -> tuple[Pin, ...]:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return ()
    pins: list[Pin] = []
    for name in names:
        path = os.path.join(directory, name)
        if name.startswith("requirements") and name.endswith(".txt"):
            pins.extend(_from_lines(_read(path).splitlines(), path))
        elif name == "pyproject.toml":
            pins.extend(_from_pyproject(path))
        elif name == "setup.cfg":
            pins.extend(_from_setup_cfg(path))
        elif name in ("environment.yml", "environment.yaml"):
            pins.extend(_from_environment(path))
    return tuple(pins)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def _from_lines(lines: Iterable[str], where: str) -> list[Pin]:
    pins = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        pin = _requirement(line, where)
        if pin is not None:
            pins.append(pin)
    return pins


def _requirement(text: str, where: str) -> Pin | None:
    match = _REQUIREMENT.match(text)
    if match is None:
        return None
    name = re.sub(r"[-_.]+", "-", match.group("name")).lower()
    if name not in _PINNED:
        return None
    if name.startswith("tensorflow"):
        name = "tensorflow"
    return Pin(name, match.group("spec").strip().replace(" ", ""), where)


def _from_pyproject(path: str) -> list[Pin]:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, ValueError):
        return []
    project = data.get("project", {}) if isinstance(data, dict) else {}
    lines: list[str] = []
    if isinstance(project, dict):
        lines.extend(_strings(project.get("dependencies")))
        extras = project.get("optional-dependencies")
        if isinstance(extras, dict):
            for group in extras.values():
                lines.extend(_strings(group))
    poetry = data.get("tool", {}).get("poetry", {}) if isinstance(data.get("tool"), dict) else {}
    if isinstance(poetry, dict):
        for table in (poetry.get("dependencies"), *_poetry_groups(poetry)):
            if isinstance(table, dict):
                for name, spec in table.items():
                    version = spec.get("version") if isinstance(spec, dict) else spec
                    if isinstance(version, str):
                        lines.append(f"{name}{_poetry_spec(version)}")
    return _from_lines(lines, path)


def _poetry_groups(poetry: dict) -> list[object]:
    groups = poetry.get("group")
    if not isinstance(groups, dict):
        return []
    return [g.get("dependencies") for g in groups.values() if isinstance(g, dict)]


def _poetry_spec(version: str) -> str:
    """Poetry's ``^2.12`` / ``~2.12`` / ``2.12.*`` as a PEP 440 specifier."""
    version = version.strip()
    if version.startswith("^") or (version.startswith("~") and not version.startswith("~=")):
        base = version.lstrip("^~")
        parts = [int(p) for p in re.findall(r"\d+", base)] or [0]
        if version.startswith("^"):
            upper = (
                f"{parts[0] + 1}" if parts[0] else f"0.{(parts[1] if len(parts) > 1 else 0) + 1}"
            )
        else:
            upper = f"{parts[0]}.{(parts[1] if len(parts) > 1 else 0) + 1}"
        return f">={base},<{upper}"
    if version in ("*", ""):
        return ""
    if version[0].isdigit():
        return f"=={version}"
    return version


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _from_setup_cfg(path: str) -> list[Pin]:
    import configparser

    parser = configparser.ConfigParser()
    try:
        parser.read_string(_read(path))
    except configparser.Error:
        return []
    lines: list[str] = []
    if parser.has_option("options", "install_requires"):
        lines.extend(parser.get("options", "install_requires").splitlines())
    if parser.has_section("options.extras_require"):
        for _key, value in parser.items("options.extras_require"):
            lines.extend(value.splitlines())
    return _from_lines(lines, path)


def _from_environment(path: str) -> list[Pin]:
    """``- tensorflow=2.12`` (conda) and ``- tensorflow==2.12.0`` (pip) list items."""
    lines = []
    for line in _read(path).splitlines():
        item = re.match(r"^\s*-\s*([^:#]+?)\s*(?:#.*)?$", line)
        if item is None:
            continue
        text = item.group(1)
        conda = re.match(r"^([A-Za-z0-9._-]+)\s*=(?!=)\s*([\w.*]+)", text)
        if conda is not None:  # conda's name=version[=build]
            text = f"{conda.group(1)}=={conda.group(2)}"
        lines.append(text)
    return _from_lines(lines, path)


# A pin gives the releases it allows; the newest covered one is linted against.
_TENSORFLOW_MINORS = tuple(f"2.{n}" for n in range(0, 22))


def target_from_pins(pins: Iterable[Pin]) -> KerasTarget | None:
    """The target pins give: ``tensorflow`` decides ``tensorflow.keras`` (its own Keras 2 up
    to 2.15, Keras 3 from 2.16 on), ``keras`` the ``import keras`` one, ``tf-keras`` the
    ``import tf_keras`` one (and ``tensorflow.keras`` with ``TF_USE_LEGACY_KERAS``)."""
    by_name: dict[str, Pin] = {}
    for pin in pins:
        by_name.setdefault(pin.distribution, pin)
    surfaces: dict[str, KerasTarget] = {}
    keras = by_name.get("keras")
    if keras is not None:
        found = _newest(keras.spec, _releases("keras"))
        if found is not None:
            surfaces[KERAS] = KerasTarget(
                found[0], _pin_reason(keras, found, "keras"), source="pins"
            )
    tf_keras = by_name.get("tf-keras")
    if tf_keras is not None:
        found = _newest(tf_keras.spec, _releases("tf-keras"))
        if found is not None:
            surfaces[TF_KERAS_PACKAGE] = KerasTarget(
                found[0], _pin_reason(tf_keras, found, "tf-keras"), source="pins"
            )
    tensorflow = by_name.get("tensorflow")
    legacy = os.environ.get("TF_USE_LEGACY_KERAS", "").strip().lower() in _TRUE
    if legacy and TF_KERAS_PACKAGE in surfaces:
        chosen = surfaces[TF_KERAS_PACKAGE]
        surfaces[TF_KERAS] = replace(chosen, reason=f"{chosen.reason}, TF_USE_LEGACY_KERAS is set")
    elif tensorflow is not None:
        found = _newest(tensorflow.spec, _TENSORFLOW_MINORS)
        if found is not None:
            minor = ".".join(str(n) for n in _major_minor(found[0]))
            if _major_minor(minor) >= (2, 16):
                keras3 = surfaces.get(KERAS)
                version = keras3.version if keras3 and major(keras3.version) == "3" else "3"
                text = (
                    _pin_reason(tensorflow, found, "tensorflow") + f": tf.keras is Keras {version}"
                )
            else:
                version = minor
                text = _pin_reason(tensorflow, found, "tensorflow") + f": tf.keras is Keras {minor}"
            surfaces[TF_KERAS] = KerasTarget(version, text, source="pins")
    overall = surfaces.get(TF_KERAS) or surfaces.get(KERAS) or surfaces.get(TF_KERAS_PACKAGE)
    if overall is None:
        return None
    return replace(overall, surfaces=tuple(surfaces.items()))


def _pin_reason(pin: Pin, found: tuple[str, bool], name: str) -> str:
    version, ranged = found
    spec = pin.spec or " (any version)"
    text = f"{name}{spec} pinned in {pin.where}"
    if ranged:
        text += f" (the newest release it allows: {version})"
    return text


def _releases(distribution: str) -> tuple[str, ...]:
    """The covered releases of ``keras`` or ``tf-keras`` (from the API table)."""
    from seqlint import keras_api_table as api

    return tuple(v for v in api.versions() if api.distribution(v) == distribution)


def _newest(spec: str, candidates: Iterable[str]) -> tuple[str, bool] | None:
    """The newest of ``candidates`` the PEP 440 ``spec`` allows, and whether it is a range
    (more than one candidate allowed); an exact ``==X.Y[.Z]`` pin gives X.Y[.Z] itself."""
    clauses = [c for c in spec.split(",") if c]
    exact = [c for c in clauses if c.startswith("==") and "*" not in c]
    if len(clauses) == 1 and exact:
        return exact[0][2:], False
    allowed = [v for v in candidates if _allowed(v, clauses)]
    if not allowed:
        return None
    allowed.sort(key=_numbers)
    return allowed[-1], len(allowed) > 1


def _allowed(version: str, clauses: list[str]) -> bool:
    """Whether ``version`` (a release, or a minor such as "2.12" standing for its patches)
    meets every clause."""
    if version.count(".") == 1:
        return any(all(_satisfies(f"{version}.{patch}", c) for c in clauses) for patch in (0, 999))
    return all(_satisfies(version, c) for c in clauses)


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version)[:3])


def _satisfies(version: str, clause: str) -> bool:
    match = re.match(r"^(==|!=|>=|<=|~=|>|<|===)?(.+)$", clause)
    if match is None:
        return False
    op, text = match.group(1) or "==", match.group(2)
    have = _numbers(version)
    if text.endswith(".*"):
        prefix = _numbers(text[:-2])
        inside = have[: len(prefix)] == prefix
        return inside if op == "==" else not inside if op == "!=" else False
    want = _numbers(text)
    if not want:
        return False
    if op in ("==", "==="):
        return _padded(have, want) == want
    if op == "!=":
        return _padded(have, want) != want
    if op == "~=":
        prefix = want[:-1] if len(want) > 1 else want
        return have[: len(prefix)] == prefix and _compare(have, want) >= 0
    comparison = _compare(have, want)
    return {">=": comparison >= 0, "<=": comparison <= 0, ">": comparison > 0, "<": comparison < 0}[
        op
    ]


def _padded(have: tuple[int, ...], want: tuple[int, ...]) -> tuple[int, ...]:
    """``have`` cut to ``want``'s length: a minor ("2.12") matches "2.12.0" and "2.12"."""
    return have[: len(want)] if len(have) >= len(want) else have + (0,) * (len(want) - len(have))


def _compare(have: tuple[int, ...], want: tuple[int, ...]) -> int:
    width = max(len(have), len(want))
    a = have + (0,) * (width - len(have))
    b = want + (0,) * (width - len(want))
    return (a > b) - (a < b)


# -- the API table's release ----------------------------------------------------------------


@cache
def api_release(version: str) -> str | None:
    """The covered release of the API table a target means: the release itself, the covered
    patch of its minor, the newest of its major for "2"/"3"; a release newer than every
    covered one of its major is taken as the newest covered (its API is assumed unchanged).
    None for what the table does not cover (Keras 2.4, 2.5, 1.x)."""
    from seqlint import keras_api_table as api

    found = api.resolve_version(version)
    if found is not None:
        return found
    wanted = _numbers(version)
    same_major = [v for v in api.versions() if _numbers(v)[:1] == wanted[:1]]
    if not same_major or not wanted:
        return None
    newest = max(same_major, key=_numbers)
    return newest if wanted[:2] > _numbers(newest)[:2] else None
