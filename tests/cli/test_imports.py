"""``import seqlint.cli`` must stay light: no TensorFlow, Keras, libcst, or rich."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("tensorflow", "keras", "libcst", "rich", "seqlint.analysis", "seqlint.frontend")


def _loaded_after(statement: str) -> list[str]:
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_import_cli_is_light():
    assert _loaded_after("import seqlint.cli") == []


def test_import_engine_is_light():
    assert _loaded_after("import seqlint.engine, seqlint.report.json") == []
