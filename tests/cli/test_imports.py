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


def test_a_check_imports_the_shape_functions_of_the_layer_families_it_uses(tmp_path):
    """A check of a script whose model holds Input, Embedding, LSTM, Bidirectional and Dense
    layers imports those families' shape functions (and the helpers they share; wrappers
    and recurrent_cells hold constants the frontend reads), no other; it applies no tensor
    op, so no op family is declared (elementwise holds constants a rule reads)."""
    script = tmp_path / "train.py"
    script.write_text(
        "import tensorflow as tf\n"
        "from tensorflow import keras\n"
        "from tensorflow.keras import layers\n\n"
        "tf.random.set_seed(0)\n"
        "inputs = keras.Input(shape=(20,))\n"
        "x = layers.Embedding(100, 8)(inputs)\n"
        "x = layers.Bidirectional(layers.LSTM(4))(x)\n"
        "model = keras.Model(inputs, layers.Dense(1)(x))\n"
    )
    code = (
        "import sys\nfrom seqlint.engine import check_paths\n"
        f"r = check_paths([{str(script)!r}])\n"
        "assert r.files_checked == 1 and not r.diagnostics, r.diagnostics\n"
        "for package in ('seqlint.shapes.layers.', 'seqlint.shapes.ops.'):\n"
        "    print(' '.join(sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "                          if m.startswith(package))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    layers, ops = proc.stdout.splitlines()
    assert layers.split() == [
        "common",
        "core",
        "embedding",
        "inputs",
        "recurrent",
        "recurrent_cells",
        "spatial",
        "wrappers",
    ]
    assert ops.split() == ["aliases", "common", "elementwise", "nodes", "registry"]
