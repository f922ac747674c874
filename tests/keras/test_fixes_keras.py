"""``--fix`` is proven in real Keras 3: every bad example and rule example that has a fix is
fixed (safe fixes, then safe and unsafe), the result no longer has the finding, and it runs:
it builds its model and trains on its data where it has some.

The fixed scripts run in-process with ``runpy``, as the examples do.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source
from seqlint.rules import ALL_RULES
from tests.fixes.test_fix_encoder_decoder import ENCODER_DECODERS, TAGGER
from tests.helpers import expected_markers
from tests.rules.test_hint_at_creation import CASES as CREATED_APART

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]

ROOT = Path(__file__).resolve().parents[2]
BAD = {path.name: path.read_text() for path in sorted((ROOT / "examples").glob("*_bad.py"))}
BAD.update({f"{rule.code}.bad_example": rule.bad_example for rule in ALL_RULES})
# the loss swaps, which no example needs
_LABELS = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(32, 10, 4)
y = LABELS
model = keras.Sequential([keras.Input(shape=(10, 4)), layers.LSTM(8),
                          layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="LOSS")
model.fit(X, y, epochs=1, verbose=0)  # expect: SL201
"""
BAD["integer_labels_categorical_loss"] = _LABELS.replace(
    "LABELS", "np.random.randint(0, 5, size=(32,))"
).replace("LOSS", "categorical_crossentropy")
BAD["one_hot_labels_sparse_loss"] = _LABELS.replace(
    "LABELS", "keras.utils.to_categorical(np.random.randint(0, 5, size=(32,)), 5)"
).replace("LOSS", "sparse_categorical_crossentropy")
BAD.update({f"encoder_decoder_{name}": source for name, source in ENCODER_DECODERS.items()})
BAD["stacked_tagger"] = TAGGER
BAD.update({f"created apart: {name}": case[0] for name, case in CREATED_APART.items()})
BAD["predict_classes_one_unit"] = """\
import numpy as np
from tensorflow import keras

X = np.random.rand(16, 10, 3)
model = keras.Sequential([keras.Input(shape=(10, 3)), keras.layers.LSTM(4),
                          keras.layers.Dense(1, activation="sigmoid")])
flags = model.predict_classes(X, verbose=0)  # expect: SL219
assert set(np.unique(flags)) <= {0, 1} and flags.shape == (16, 1)
"""


def fixed_cases(unsafe: bool) -> list[tuple[str, str, str]]:
    """(name, source, fixed source) for every bad source the fixes change."""
    cases = []
    for name, source in BAD.items():
        fixed = fix_source(source, name, unsafe=unsafe)
        if fixed.fixed:
            cases.append((name, source, fixed.source))
    return cases


SAFE = fixed_cases(unsafe=False)
UNSAFE = [case for case in fixed_cases(unsafe=True) if case not in SAFE]


def test_the_fixes_cover_the_fixable_rules():
    fixed = {code for name, source, _ in SAFE + UNSAFE for code, _ in expected_markers(source)}
    assert {"SL101", "SL102", "SL103", "SL104", "SL201", "SL214"} <= fixed
    assert {"integer_labels_categorical_loss", "one_hot_labels_sparse_loss"} <= {
        name for name, _, _ in SAFE
    }
    assert any(name.startswith("SL104") or "concatenate" in name for name, _, _ in UNSAFE)
    unsafe = {name: fixed for name, _, fixed in UNSAFE}
    for name in (
        "encoder_decoder_missing_repeat_vector_bad.py",
        *map("encoder_decoder_{}".format, ENCODER_DECODERS),
    ):
        assert "RepeatVector(" in unsafe[name], name
    assert ".argmax(axis=-1)" in unsafe["SL219.bad_example"]
    assert '> 0.5).astype("int32")' in unsafe["predict_classes_one_unit"]


@pytest.mark.parametrize(("name", "source", "fixed"), SAFE + UNSAFE, ids=lambda v: v[:40])
def test_fixed_source_is_clean_and_runs_in_keras(name, source, fixed, tmp_path):
    codes = {code for code, _ in expected_markers(source)}
    left = [d for d in lint_source(fixed, name) if d.code in codes]
    assert not left, "\n".join(f"{d.line}: {d.code} {d.message}" for d in left)
    assert fix_source(fixed, name, unsafe=True).source == fixed  # a second --fix changes nothing
    script = tmp_path / "fixed.py"
    script.write_text(fixed)
    runpy.run_path(str(script), run_name="__main__")


def test_fixed_notebook_runs_in_keras(tmp_path, monkeypatch):
    """A notebook with SL101 in one cell and SL217 in another, fixed by ``--fix``: its joined
    code cells (magics blanked) are clean, then build and fit one step."""
    from click.testing import CliRunner

    from seqlint.cli import main
    from seqlint.notebooks import read_notebook
    from tests.fixes.test_fix_notebooks import nbformat_text, notebook

    monkeypatch.chdir(tmp_path)
    Path("nb.ipynb").write_text(nbformat_text(notebook("lines")), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--no-color", "nb.ipynb"])
    assert result.exit_code == 0, result.output
    assert "Fixed 2 problems, 0 remaining." in result.stderr
    fixed = read_notebook(Path("nb.ipynb").read_text(encoding="utf-8")).text
    assert lint_source(fixed, "nb.ipynb") == []
    script = tmp_path / "fixed.py"
    script.write_text(fixed)
    namespace = runpy.run_path(str(script), run_name="__main__")
    assert namespace["model"].output_shape == (None, 12, 3)
    assert namespace["model"].optimizer.iterations.numpy() == 1  # one step of fit
