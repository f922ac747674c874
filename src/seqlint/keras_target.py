"""Which Keras the linted code runs on: "2" (tf.keras up to TensorFlow 2.15, tf_keras) or "3".

Set by ``target-keras`` / ``--target-keras``; otherwise read from the installed packages'
metadata (``importlib.metadata``: nothing is imported), once per run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

TENSORFLOW_DISTRIBUTIONS = ("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly")
_TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class KerasTarget:
    version: str  # "2" or "3" ("mixed" for a run whose files differ)
    reason: str  # why, in a few words

    def to_json(self) -> dict[str, str]:
        return {"version": self.version, "reason": self.reason}


def detect(
    version_of: Callable[[str], str | None] | None = None,
    environ: Mapping[str, str] | None = None,
) -> KerasTarget:
    """The Keras the installed packages give: keras >= 3, or tensorflow >= 2.16 without
    ``TF_USE_LEGACY_KERAS``, is Keras 3; keras 2, tensorflow < 2.16 or tf-keras with
    ``TF_USE_LEGACY_KERAS`` is Keras 2; with none of them, Keras 3."""
    version_of = version_of or installed_version
    environ = os.environ if environ is None else environ
    keras = version_of("keras")
    tf_keras = version_of("tf-keras")
    tensorflow = next(
        ((name, v) for name in TENSORFLOW_DISTRIBUTIONS if (v := version_of(name))), None
    )
    legacy = environ.get("TF_USE_LEGACY_KERAS", "").strip().lower() in _TRUE
    if legacy and tf_keras:
        return KerasTarget("2", f"TF_USE_LEGACY_KERAS is set and tf-keras {tf_keras} is installed")
    if keras and _major_minor(keras) >= (3, 0):
        return KerasTarget("3", f"keras {keras} is installed")
    if tensorflow:
        name, version = tensorflow
        if _major_minor(version) >= (2, 16):
            return KerasTarget("3", f"{name} {version} is installed (tf.keras is Keras 3)")
        return KerasTarget("2", f"{name} {version} is installed (tf.keras is Keras 2)")
    if keras:
        return KerasTarget("2", f"keras {keras} is installed")
    if tf_keras:
        return KerasTarget("2", f"tf-keras {tf_keras} is installed")
    return KerasTarget("3", "no keras or tensorflow installed: Keras 3 is the default")


def configured(version: str, source: str) -> KerasTarget:
    """A target stated by ``source`` (a configuration file, or the command line)."""
    if source == "the command line":
        return KerasTarget(version, f"--target-keras {version}")
    return KerasTarget(version, f'target-keras = "{version}" in {source}')


def installed_version(distribution: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - broken metadata must not stop a lint
        return None


def _major_minor(version: str) -> tuple[int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", version)[:2]]
    while len(numbers) < 2:
        numbers.append(0)
    return numbers[0], numbers[1]
