"""Run code under Keras 2 (tf-keras with TF_USE_LEGACY_KERAS=1) in a subprocess.

``TF_USE_LEGACY_KERAS`` must be set before TensorFlow is imported, so Keras 2 gets its own
interpreter; one subprocess runs every snippet of a test module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

KERAS2_NAMES = r"""
# Under Keras 2, ``import keras`` is Keras 2 too (keras 2.15 is what tf-keras continues): the
# name ``keras`` and its submodules resolve to tf_keras's.
import importlib, importlib.abc, importlib.util, os, sys
class _Keras2(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name == "keras" or name.startswith("keras."):
            return importlib.util.spec_from_loader(name, self)
    def create_module(self, spec):
        return importlib.import_module("tf_keras" + spec.name[len("keras"):])
    def exec_module(self, module):
        pass
if os.environ.get("TF_USE_LEGACY_KERAS") == "1":
    for _name in [n for n in sys.modules if n == "keras" or n.startswith("keras.")]:
        del sys.modules[_name]
    sys.meta_path.insert(0, _Keras2())
"""

RUNNER = r"""
import gc, json, sys
import tensorflow as tf
tf.keras.Sequential  # loads tf-keras
KERAS2_NAMES
gc.collect()
gc.freeze()  # TensorFlow's objects outlive every snippet: no full collection walks them again
snippets = json.load(sys.stdin)
results = {}
for name, source in snippets.items():
    try:
        exec(compile(source, name, "exec"), {"__name__": "__main__"})
        results[name] = None
    except Exception as exc:
        results[name] = f"{type(exc).__name__}: {' '.join(str(exc).split())}"
results["<keras module>"] = tf.keras.Sequential.__module__
print("\n@@RESULTS@@" + json.dumps(results))
""".replace("KERAS2_NAMES", KERAS2_NAMES)


SCRIPTS_RUNNER = r"""
import gc, json, os, sys, tempfile
os.chdir(tempfile.mkdtemp())
import tensorflow as tf
tf.keras.Sequential  # loads the Keras tf.keras is
KERAS2_NAMES
gc.collect()
gc.freeze()
work = json.load(sys.stdin)
results = {}
for name, job in work.items():
    namespace = {"__name__": name}
    outcome = {}
    try:
        exec(compile(job["source"], name, "exec"), namespace)
        exec(compile(job.get("prepare", ""), name + ":prepare", "exec"), namespace)
    except Exception as exc:
        results[name] = {"<setup>": f"{type(exc).__name__}: {' '.join(str(exc).split())}"}
        continue
    for function in job["call"]:
        try:
            namespace[function]()
            outcome[function] = None
        except Exception as exc:
            outcome[function] = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    results[name] = outcome
results["<keras module>"] = tf.keras.Sequential.__module__
print("\n@@RESULTS@@" + json.dumps(results))
""".replace("KERAS2_NAMES", KERAS2_NAMES)


def _absolute_path(env: dict[str, str]) -> dict[str, str]:
    """``env`` with its PYTHONPATH entries made absolute, for a subprocess run elsewhere."""
    entries = [os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**env, "PYTHONPATH": os.pathsep.join(entries)} if entries else env


def run_scripts(scripts: dict[str, dict], keras2: bool) -> dict[str, dict[str, str | None]]:
    """In one subprocess of Keras 3 (or Keras 2: tf-keras with TF_USE_LEGACY_KERAS=1), run
    each script (``{"source": ..., "prepare": ..., "call": [function names]}``) and call its
    functions: script -> function -> None if it returned, else ``"ExceptionType: message"``
    (``"<setup>"`` when the script itself failed)."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    if keras2:
        env["TF_USE_LEGACY_KERAS"] = "1"
    else:
        env.pop("TF_USE_LEGACY_KERAS", None)
    with tempfile.TemporaryDirectory() as scratch:  # what the scripts save goes there
        proc = subprocess.run(
            [sys.executable, "-c", SCRIPTS_RUNNER],
            input=json.dumps(scripts),
            capture_output=True,
            text=True,
            env=_absolute_path(env),
            cwd=scratch,
            timeout=1200,
        )
    assert "@@RESULTS@@" in proc.stdout, proc.stderr[-2000:]
    results = json.loads(proc.stdout.rsplit("@@RESULTS@@", 1)[1])
    module = results.pop("<keras module>")
    assert module.startswith("tf_keras." if keras2 else "keras."), module
    return results


def run_under_keras2(snippets: dict[str, str]) -> dict[str, str | None]:
    """Snippet name -> None if it ran, else ``"ExceptionType: message"``."""
    env = {**os.environ, "TF_USE_LEGACY_KERAS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"}
    with tempfile.TemporaryDirectory() as scratch:
        proc = subprocess.run(
            [sys.executable, "-c", RUNNER],
            input=json.dumps(snippets),
            capture_output=True,
            text=True,
            env=_absolute_path(env),
            cwd=scratch,
            timeout=1200,
        )
    assert "@@RESULTS@@" in proc.stdout, proc.stderr[-2000:]
    results = json.loads(proc.stdout.rsplit("@@RESULTS@@", 1)[1])
    assert results.pop("<keras module>").startswith("tf_keras."), "not running Keras 2"
    return results
