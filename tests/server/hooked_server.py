"""``seqlint server`` with test hooks, started by the tests only (users cannot reach them).

A source holding ``CRASH_ANALYSIS`` makes the analysis raise, one holding ``SLOW_ANALYSIS``
makes it take a second; ``seqlint/test/state`` answers how many analyses ran and which of
TensorFlow, Keras, PyTorch or JAX the server process has imported.
"""

import sys
import time

import seqlint.analysis
from seqlint.server.app import serve, server

_analyse = seqlint.analysis.analyse
_ran: list[str] = []


def _hooked(source, path, *args, **kwargs):
    _ran.append(source)
    if "CRASH_ANALYSIS" in source:
        raise RuntimeError("simulated crash")
    if "SLOW_ANALYSIS" in source:
        time.sleep(1.0)
    return _analyse(source, path, *args, **kwargs)


seqlint.analysis.analyse = _hooked


@server.feature("seqlint/test/state")
def _state(ls, params):
    heavy = {"tensorflow", "keras", "torch", "jax", "tf_keras"}
    imported = sorted(name for name in sys.modules if name.split(".")[0] in heavy)
    return {"analyses": len(_ran), "imported": imported}


serve()
