"""Across files, proven in Keras: the multi-file projects of the cross-file tests, run as
``python train.py`` runs them (the script's directory first on ``sys.path``), raise where
seqlint reports a problem in the imported code, and their fixed twins train."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from seqlint.analysis import analyse
from tests.crossfile_projects import (
    ATTENTION_BUGGY,
    ATTENTION_FIXED,
    BUILDER_BUGGY,
    BUILDER_FIXED,
    package,
    write,
)

pytestmark = pytest.mark.keras

PROJECTS = {
    "builder-buggy": (BUILDER_BUGGY, ("SL103", 7)),
    "builder-fixed": (BUILDER_FIXED, None),
    "attention-buggy": (ATTENTION_BUGGY, ("SL111", 9)),
    "attention-fixed": (ATTENTION_FIXED, None),
    "package-buggy": (package(64), ("SL111", 7)),
    "package-fixed": (package(32), None),
}

# Runs each project's train.py in turn, in one process (TensorFlow is imported once): its
# directory first on sys.path, the modules of the previous project forgotten.
RUNNER = textwrap.dedent(
    """\
    import json, os, runpy, sys
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    import keras
    outcomes = {}
    for name, directory in json.loads(sys.argv[1]).items():
        before = set(sys.modules)
        sys.path.insert(0, directory)
        try:
            runpy.run_path(os.path.join(directory, "train.py"), run_name="__main__")
            outcomes[name] = None
        except Exception as exc:
            outcomes[name] = f"{type(exc).__name__}: {exc}"
        finally:
            sys.path.remove(directory)
            for module in set(sys.modules) - before:
                if not module.startswith(("keras", "tensorflow", "numpy", "absl", "google")):
                    del sys.modules[module]
        keras.backend.clear_session()
    print(json.dumps(outcomes))
    """
)


def test_the_problems_reported_in_imported_code_are_real(tmp_path):
    pytest.importorskip("keras")
    directories = {}
    for name, (files, expected) in PROJECTS.items():
        script = write(tmp_path / name, files)
        found = [(d.code, d.line) for d in analyse(script.read_text(), str(script)).diagnostics]
        assert found == ([] if expected is None else [expected]), name
        directories[name] = str(tmp_path / name)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(directories)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcomes = json.loads(done.stdout.strip().splitlines()[-1])
    for name, (_, expected) in PROJECTS.items():
        assert (outcomes[name] is None) == (expected is None), (name, outcomes[name])
    assert outcomes["builder-buggy"].startswith(
        "ValueError: `TimeDistributed` Layer should be passed an `input_shape` with at least 3"
    )
    # the attention's matmul fails on the first batch (8 samples of 10 steps, 32 features)
    assert "Matrix size-incompatible: In[0]: [80,32], In[1]: [64,1]" in outcomes["attention-buggy"]
    assert "Dimensions must be equal, but are 32 and 64" in outcomes["package-buggy"]
