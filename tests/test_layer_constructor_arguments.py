"""SL117 (layer-constructor-arguments): the Keras 1 renames table and the old-target rule."""

from __future__ import annotations

from seqlint import keras_api_table as api
from seqlint.analysis import lint_source
from seqlint.rulekit.legacy import _renames, keras1_renames

SOURCE = """\
from keras import layers
layers.LSTM(8, dropout_W=0.2)
layers.Dense(output_dim=3, init="uniform")
layers.Dropout(p=0.5)
layers.LSTM(8, return_sequence=True)
layers.Bidirectional(cell_fw=layers.LSTMCell(4))
layers.Dense(**{"units": 3, "zzz": 1})
layers.LSTM(8, **options)
"""


def _codes(target: str) -> dict[int, str]:
    found = lint_source(SOURCE, "x.py", target=target)
    return {d.line: d.message for d in found if d.code == "SL117"}


def test_renames_agree_with_the_api_table():
    """Keras 2.3.1 takes the new names (but SimpleRNN's recurrent_activation: its decorator
    is the recurrent layers' one, and SL117's hint names only a name the class takes); Keras 3
    and tf-keras 2.21 refuse every old one (tools/keras1_renames.py read them from Keras
    2.3.1's keras/legacy/interfaces.py)."""
    refused = []
    for layer, renames in _renames().items():
        if layer == "values":
            continue
        old_keras = api.signature(f"layers.{layer}", "2.3.1")
        assert old_keras is not None, layer
        for old, new in renames.items():
            if not old_keras.accepts(new):
                refused.append((layer, new))
            for release in ("3.15.1", "2.21.0"):
                found = api.signature(f"layers.{layer}", release)
                if found is not None:
                    assert found.accepts(old) is False, (layer, old, release)
    assert refused == [("SimpleRNN", "recurrent_activation")]


def test_keras3_and_tf_keras_report_every_call():
    for target in ("3", "2.21", "2.6"):
        assert sorted(_codes(target)) == [2, 3, 4, 5, 6], target


def test_old_keras2_renamed_keras1_names():
    """Keras 2.2/2.3 converted dropout_W, output_dim, init, p with a warning."""
    assert sorted(_codes("2.3.1")) == [5, 6]
    assert keras1_renames("LSTM", "2.3.1")["dropout_W"] == "dropout"
    assert keras1_renames("LSTM", "2.6") == {}


def test_fix_renames_one_to_one():
    found = [d for d in lint_source(SOURCE, "x.py") if d.code == "SL117"]
    fixed = {d.line for d in found if d.fix is not None}
    assert fixed == {2, 3, 4}
    assert "units" in found[1].hint
