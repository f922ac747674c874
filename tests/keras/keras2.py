"""Run code under Keras 2 (tf-keras with TF_USE_LEGACY_KERAS=1) in a subprocess.

``TF_USE_LEGACY_KERAS`` must be set before TensorFlow is imported, so Keras 2 gets its own
interpreter; one subprocess runs every snippet of a test module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

RUNNER = r"""
import gc, json, sys
import tensorflow as tf
tf.keras.Sequential  # loads tf-keras
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
"""


def run_under_keras2(snippets: dict[str, str]) -> dict[str, str | None]:
    """Snippet name -> None if it ran, else ``"ExceptionType: message"``."""
    env = {**os.environ, "TF_USE_LEGACY_KERAS": "1", "TF_CPP_MIN_LOG_LEVEL": "3"}
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )
    assert "@@RESULTS@@" in proc.stdout, proc.stderr[-2000:]
    results = json.loads(proc.stdout.rsplit("@@RESULTS@@", 1)[1])
    assert results.pop("<keras module>").startswith("tf_keras."), "not running Keras 2"
    return results
