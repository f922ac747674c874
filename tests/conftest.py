"""Every test gets its own result cache, so that no test sees another's results.

The test files whose Keras runs take minutes in one go (a Keras 2 subprocess, the oracle
sample and the repros in two Keras workers) run first: under ``pytest -n 2 --dist loadfile``
(pyproject's addopts) the many short files then fill the other core and end together, instead
of one of these starting last while the other core idles.

Before the first Keras-marked test of a process, TensorFlow and Keras are imported and every
object alive then is moved out of the garbage collector's reach (``gc.freeze``): they live as
long as the process anyway, and without this each full collection (``clear_session`` asks for
one, TensorFlow's tracing triggers many) walks their ~400,000 objects again. On the Keras tests
that is a third of the CPU time (docs/performance.md, "Test suite time").
"""

import gc
import os
from pathlib import Path

import pytest

# relative to this folder; pyproject's --no-loadscope-reorder keeps this order under xdist
LONG_FILES = (
    "oracle/test_oracle.py",
    "keras/test_keras2_verdicts_keras.py",
    "keras/test_api_rows_keras.py",
    "corpus/test_repros_keras.py",
    "corpus/test_repro_fixes.py",
    "apitable/test_regenerate.py",
)

_frozen = False


def freeze_tensorflow() -> None:
    """Import TensorFlow and Keras, then exempt everything alive from garbage collection."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    try:
        import keras  # noqa: F401
        import tensorflow  # noqa: F401
    except ImportError:  # the Keras tests skip themselves
        return
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent

    def rank(item: pytest.Item) -> int:
        path = item.path.relative_to(here).as_posix() if item.path.is_relative_to(here) else ""
        return LONG_FILES.index(path) if path in LONG_FILES else len(LONG_FILES)

    items.sort(key=rank)  # stable: the rest keep their order


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("keras") is not None:
        freeze_tensorflow()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("SEQLINT_CACHE_DIR", str(tmp_path_factory.mktemp("seqlint_cache")))
    # the text report wraps to COLUMNS when it is set: tests that want it set it themselves.
    # Under pytest COLUMNS=80 sits in the C environment only (not in os.environ), which
    # subprocesses inherit: unset it there too.
    monkeypatch.delenv("COLUMNS", raising=False)
    os.unsetenv("COLUMNS")
