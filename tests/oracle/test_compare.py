"""The oracle's own logic, without Keras: the generator, broadcast detection, line agreement."""

from __future__ import annotations

import ast

import pytest

from tests.oracle.compare import Row, analyse, statement_range
from tests.oracle.generate import CATEGORIES, generate
from tests.oracle.keras_runner import _broadcast

SCRIPT = """\
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.LSTM(8),
    layers.LSTM(4),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=4, verbose=0)
"""


@pytest.mark.parametrize("seed", range(0, 400, 7))
def test_generated_scripts_parse_and_say_where_their_bug_is(seed):
    script = generate(seed)
    ast.parse(script.text)
    m = script.meta
    assert generate(seed).text == script.text
    assert m.bug is None or m.bug in CATEGORIES
    if m.bug is not None:
        n = len(script.text.splitlines())
        assert m.bug_line is not None and 1 <= m.bug_line <= n
        assert m.bug_line in m.bug_lines


@pytest.mark.parametrize(
    ("y", "out", "expected"),
    [
        ((4, 1), (None, 1), False),
        ((4,), (None, 1), False),  # expanded by Keras
        ((4, 10), (None, 10, 1), False),  # output squeezed
        ((4, 10, 1), (None, 1), True),  # the classic silent bug
        ((4, 10), (None, 1), True),
        ((4, 1, 3), (None, 5, 3), True),
    ],
)
def test_broadcast_mirrors_keras_squeeze_or_expand(y, out, expected):
    assert _broadcast(y, out) is expected


@pytest.mark.parametrize(
    ("y", "out", "expected"),
    [
        ((4, 1), (None, 1), False),
        ((4,), (None, 1), False),  # expanded to (4, 1)
        ((4,), (None, 3), True),  # expanded to (4, 1), then broadcast against 3 units
        ((4, 10), (None, 10, 1), False),  # output squeezed
        ((4, 10, 1), (None, 1), True),  # targets squeezed to (4, 10), against (None, 1)
        ((4, 10, 1), (None, 10), False),
        ((4, 3), (None, 1), True),
    ],
)
def test_broadcast_mirrors_keras2_match_rank_and_squeeze(y, out, expected):
    assert _broadcast(y, out, keras="2") is expected


@pytest.mark.parametrize("seed", range(0, 400, 3))
def test_keras2_scripts_use_keras2_api(seed):
    """The Keras 2 arm's scripts: no keras.ops, InputLayer(input_shape=); otherwise the same
    draws as the Keras 3 script of the seed."""
    script = generate(seed, keras="2")
    ast.parse(script.text)
    assert "ops." not in script.text
    assert "InputLayer(shape=" not in script.text
    three = generate(seed)
    assert (script.meta.bug, script.meta.style) == (three.meta.bug, three.meta.style)
    if "ops." not in three.text and "InputLayer(" not in three.text:
        assert script.text == three.text


def test_statement_range_is_the_innermost_simple_statement():
    assert statement_range(SCRIPT, 6) == (4, 8)
    assert statement_range(SCRIPT, 10) == (10, 10)


def _row(verdict, diagnostics, **meta):
    base = {"bug": "missing-return-sequences", "bug_line": 7, "bug_lines": [6, 7]}
    base.update(meta)
    row = Row("t", "t.py", SCRIPT, base, verdict, diagnostics)
    return analyse(row, {"SL101"})


def test_line_agreement_inside_the_statement_keras_points_at():
    row = _row(
        {"status": "error", "exc_type": "ValueError", "line": 4, "message": "ndim"},
        [{"code": "SL101", "severity": "error", "line": 7}],
    )
    assert row.flagged and row.raised and row.modelled
    assert row.line_agree and row.line_strict
    assert row.klass is None


def test_line_agreement_at_fit_uses_the_planted_line():
    row = _row(
        {"status": "error", "exc_type": "ValueError", "line": 10, "message": "x"},
        [{"code": "SL101", "severity": "error", "line": 7}],
    )
    assert row.line_agree and not row.line_strict


def test_false_error_and_miss_classes():
    false = _row({"status": "ok"}, [{"code": "SL101", "severity": "error", "line": 7}], bug=None)
    assert false.klass == "false-error"
    missed = _row({"status": "error", "exc_type": "ValueError", "line": 4, "message": "x"}, [])
    assert missed.klass == "missed-modelled"
    warned = _row({"status": "ok"}, [{"code": "SL201", "severity": "warning", "line": 7}])
    assert warned.klass == "broadcast-false" and not warned.flagged


def test_a_miss_on_a_layer_seqlint_does_not_know_yet_is_unmodelled_not_dropped():
    raised = {"status": "error", "exc_type": "ValueError", "line": 4, "message": "x"}
    row = _row(raised, [], needs=["layer:NoSuchLayerYet", "op:ops.matmul"])
    assert row.unmet == ["layer:NoSuchLayerYet"]
    assert not row.modelled and row.klass == "missed-unmodelled"
    known = _row(raised, [], needs=["layer:LSTM", "op:ops.matmul"])
    assert known.unmet == [] and known.klass == "missed-modelled"


def test_a_silent_declared_output_is_agreed_on_by_sl113_only():
    declared = [{"layer": "Attention", "declared": [None, 4], "actual": [None, 9, 4]}]
    sl113 = [{"code": "SL113", "severity": "warning", "line": 7}]
    both = _row({"status": "ok", "declared": declared}, sl113, bug="declared-output")
    assert both.keras_declared and both.seqlint_declared and both.klass is None
    assert not both.flagged  # a warning: never counted as an error
    missed = _row({"status": "ok", "declared": declared}, [], bug="declared-output")
    assert missed.klass == "declared-missed"
    false = _row({"status": "ok", "declared": []}, sl113, bug=None)
    assert false.klass == "declared-false"


@pytest.mark.parametrize("kind", ["custom", "layers"])
@pytest.mark.parametrize("seed", range(0, 120, 5))
def test_new_kinds_parse_and_say_where_their_bug_is(kind, seed):
    script = generate(seed, kind)
    ast.parse(script.text)
    m = script.meta
    assert m.kind == kind and generate(seed, kind).text == script.text
    assert m.bug is None or m.bug in CATEGORIES
    assert m.fit or m.predict  # op failures often only show when the model runs
    if m.bug is not None:
        assert m.bug_line is not None and m.bug_line in m.bug_lines


def test_the_kind_of_a_seed_does_not_change_classic_scripts():
    from tests.oracle.generate import _Builder, script_kind

    kinds = [script_kind(s) for s in range(400)]
    assert 0.1 < kinds.count("custom") / 400 < 0.3 and 0.05 < kinds.count("layers") / 400 < 0.25
    seed = kinds.index("classic")
    assert generate(seed).text == _Builder(seed).build().text


def test_minimize_lints_each_arm_for_its_keras(tmp_path):
    """The minimizer's seqlint runs for the arm's Keras: tf.keras 2 builds what follows a
    custom layer from its call, so its compute_output_shape draws no SL113/SL118 there."""
    from tests.keras.test_keras2_verdicts_keras import DECLARED_OUTPUT
    from tests.oracle.minimize import lint_file

    path = tmp_path / "declared.py"
    path.write_text(DECLARED_OUTPUT)
    assert sorted(d["code"] for d in lint_file(str(path))) == ["SL113", "SL118"]
    assert lint_file(str(path), keras="2") == []


BCE_BROADCAST = """\
import numpy as np
import tensorflow as tf

X = np.random.randint(1, 49, size=(4, 9))
y = np.random.randint(0, 2, size=(4, 16, 3))
model = tf.keras.Sequential()
model.add(tf.keras.layers.Embedding(49, 16, input_shape=X.shape[1:]))
model.add(tf.keras.layers.MaxPooling1D(2))
model.add(tf.keras.layers.AveragePooling1D(2))
model.add(tf.keras.layers.Permute((2, 1)))
model.add(tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(1, activation="sigmoid")))
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit(X, y, epochs=1, batch_size=4, verbose=0)
"""


def test_keras2_binary_crossentropy_broadcast_is_no_error():
    """Seed 721 of the Keras 2 arm: a TimeDistributed output is no sigmoid's own tensor, so
    tf.keras 2's binary crossentropy broadcasts the (4, 16, 3) targets (a silent bug, SL204);
    Keras 3's raises (SL201). Proven in tests/keras/test_keras2_crossentropy_keras.py."""
    from tests.helpers import lint

    found = {target: lint(BCE_BROADCAST, target=target) for target in ("2", "3")}
    assert [(d.code, d.severity.value, d.line) for d in found["2"]] == [("SL204", "warning", 13)]
    assert "broadcasts (batch, 16, 3) against (batch, 16, 1)" in found["2"][0].message
    assert [(d.code, d.severity.value, d.line) for d in found["3"]] == [("SL201", "error", 13)]
