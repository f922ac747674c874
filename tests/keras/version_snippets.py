"""Scripts that show, in Keras 3.15 and tf-keras 2.21, what the rules not fed by the API table
claim (SL222-SL226), the fixes of the table-fed ones, and the shape semantics that differ
between Keras 2 and 3 (SL203, SL209, SL102 under ``target-keras = "2"``).

Each case is a whole script: ``raises3``/``raises2`` say whether Keras 3 / Keras 2 must raise
running it, ``codes3``/``codes2`` what seqlint must report for it (Keras 3.15 / tf-keras 2.21).
SL222's cases for each op spelling (:func:`generated_tf_candidates`) are rendered from the
generated op calls of tests/catalogue/op_cases, not written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from seqlint.analysis import lint_source
from seqlint.shapes.ops.aliases import ALIASES, Alias, resolve
from tests.catalogue.op_cases import op_cases_for
from tests.catalogue.ops_harness import BATCH_SIZE, T, call_arguments, seqlint_outcome

TF = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
"""


@dataclass(frozen=True)
class Case:
    source: str
    raises3: bool
    raises2: bool
    codes3: frozenset[str]
    codes2: frozenset[str] = frozenset()
    keras3_error: str = ""  # a fragment of what Keras 3 raises
    fixed_runs: bool = False  # seqlint's fix (Keras 3.15) gives a script both Kerases run
    # When set, the only line seqlint reports (codes3 under Keras 3.15; nothing at all under
    # tf-keras 2.21), and ``eager`` the same call on real tensors, which Keras 3 runs.
    line: int = 0
    eager: str = ""


def case(source, raises3, raises2, codes3=(), codes2=(), error="", fixed_runs=False) -> Case:
    return Case(source, raises3, raises2, frozenset(codes3), frozenset(codes2), error, fixed_runs)


# -- SL222: TensorFlow functions on the symbolic tensors of a functional model ---------------

_GRAPH = (
    TF
    + """\
from tensorflow.keras import backend as K
inputs = keras.Input((5, 4))
h = layers.Dense(4)(inputs)
w = keras.Input((4, 2))
s = layers.Reshape((5, 4, 1))(h)
ids = keras.Input((5,), dtype="int32")
"""
)
# TensorFlow functions that are not ops of seqlint's vocabulary, as the issue met them.
OTHER_TF_CALLS = {
    "one_hot": "tf.one_hot(ids, 10)",
    "shape": "tf.shape(h)[0]",
    "cast": 'tf.cast(h, "float16")',
    "sequence_mask": "tf.sequence_mask(ids)",
    "not_equal": "tf.not_equal(ids, 0)",
    "gather": "tf.gather(h, [0], axis=1)",
    "tile": "tf.tile(h, (1, 2, 1))",
    "stack": "tf.stack([h, h], 1)",
    "split": "tf.split(h, 2, axis=-1)",
    "nn.relu": "tf.nn.relu(h)",
    "matmul(transpose_b)": "tf.matmul(h, h, transpose_b=True)",
    "reduce_mean(input_tensor)": "tf.reduce_mean(input_tensor=h, axis=1)",
}
# tf.keras's legacy backend functions, which run TensorFlow on their arguments under Keras 3.
BACKEND_CALLS = {
    "K.sum": "K.sum(h, axis=1)",
    "K.mean": "K.mean(h, axis=1)",
    "K.concatenate": "K.concatenate([h, h])",
    "K.expand_dims": "K.expand_dims(h, 1)",
    "K.dot": "K.dot(h, K.ones((4, 2)))",
    "K.shape": "K.shape(h)",
    "K.softmax": "K.softmax(h)",
}


# -- SL222 on every spelling of the op vocabulary, from the generated op calls --------------

GENERATED_CALLS = 30  # per op, from SEED: the calls tests/catalogue/test_ops_keras.py compares
SEED = 0
_TENSOR_ERROR = "A KerasTensor cannot be used as input to a TensorFlow function"
# Spellings SL222 claims (sl222_spellings) without a generated case, and why.
_MADE_FROM_VALUES = (
    "makes a tensor from Python values (a shape, a size): its generated calls take no tensor, "
    "so there is no KerasTensor for SL222 to report"
)
NO_CASE: dict[str, str] = dict.fromkeys(
    (
        *("backend.arange", "backend.eye", "backend.ones", "backend.zeros"),
        *("tensorflow.eye", "tensorflow.fill", "tensorflow.ones", "tensorflow.range"),
        "tensorflow.zeros",
    ),
    _MADE_FROM_VALUES,
)


def sl222_spellings() -> list[str]:
    """The op spellings SL222 reports on KerasTensors: every TensorFlow function of the
    vocabulary, and tf.keras's backend functions (``backend.X`` is ``tf.keras.backend.X``)."""
    return sorted(name for name in ALIASES if name.startswith(("tensorflow.", "backend.")))


def _spelled(spelling: str) -> str:
    root, _, path = spelling.partition(".")
    return f"{'K' if root == 'backend' else 'tf'}.{path}"


def _tensors(value: Any) -> list[T]:
    if isinstance(value, T):
        return [value]
    if isinstance(value, (list, tuple, dict)):
        items = value.values() if isinstance(value, dict) else value
        return [t for item in items for t in _tensors(item)]
    return []


def _uses_batch_size(value: Any) -> bool:
    """A non-tensor argument holding the batch size (``tf.shape(x)[0]``: a TensorFlow call)."""
    if isinstance(value, (list, tuple)):
        return BATCH_SIZE in value or any(_uses_batch_size(v) for v in value)
    if isinstance(value, dict):
        return any(_uses_batch_size(v) for v in value.values())
    return False


@cache
def _op_cases(op: str) -> list:
    return op_cases_for(op, GENERATED_CALLS, SEED)


def _generated_arguments(alias: Alias) -> list[tuple[list, dict]]:
    """The spelling's arguments for each of its op's generated calls (GENERATED_CALLS from
    SEED) it can express, that takes a tensor and that seqlint finds valid (so does
    TensorFlow's static shape inference: tests/catalogue/test_ops_keras.py compares them on
    these very calls), a tensor first, sizes known and no scalar operand first."""
    ranked = []
    for index, op_case in enumerate(_op_cases(alias.op.name)):
        arguments = call_arguments(alias, op_case.args)
        if arguments is None:
            continue
        tensors = _tensors(arguments)
        if not tensors or _uses_batch_size(arguments):
            continue
        if seqlint_outcome(alias, *arguments).stage != "ok":
            continue
        positional = arguments[0]
        rank = (
            not (positional and isinstance(positional[0], (T, list))),
            any(d is None or d == BATCH_SIZE for t in tensors for d in t.shape),
            any(not t.shape for t in tensors),
            index,
        )
        ranked.append((rank, arguments))
    return [arguments for _, arguments in sorted(ranked, key=lambda item: item[0])]


def _symbolic(tensor: T) -> str:
    shape = tuple(None if d == BATCH_SIZE else d for d in tensor.shape)
    return f"keras.Input(batch_shape={shape!r}, dtype={tensor.dtype!r})"


def _eager(tensor: T) -> str:
    shape = tuple(2 if d is None or d == BATCH_SIZE else d for d in tensor.shape)
    return f"tf.ones({shape!r}, {tensor.dtype!r})"


def render_call(spelling: str, positional: list, keywords: dict, tensor: Any) -> str:
    """A script's lines calling ``spelling`` with these arguments: each tensor operand a
    variable ``t<i> = tensor(T)`` made first, the rest literals; the call on the last line."""
    lines: list[str] = []

    def text(value: Any) -> str:
        if isinstance(value, T):
            lines.append(f"t{len(lines)} = {tensor(value)}\n")
            return f"t{len(lines) - 1}"
        if isinstance(value, list):
            return "[" + ", ".join(text(v) for v in value) + "]"
        if isinstance(value, tuple):
            items = [text(v) for v in value]
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        return repr(value)

    given = [text(v) for v in positional] + [f"{k}={text(v)}" for k, v in keywords.items()]
    return "".join(lines) + f"out = {_spelled(spelling)}({', '.join(given)})\n"


_HEADER = TF + "from tensorflow.keras import backend as K\n"


def generated_tf_candidates(spelling: str) -> list[Case]:
    """The cases of a spelling SL222 claims, from its op's generated calls, best first: the
    call on ``keras.Input``s (Keras 3 raises for the KerasTensors, Keras 2 runs it) on the
    last line, and ``eager`` the same call on real tensors, which Keras 3 must run (the
    KerasTensor is then the only reason it raises: the proof takes the first candidate that
    runs). Whether seqlint offers a fix (``fixed_runs``) is left for the proof to ask."""
    alias = resolve(spelling)
    assert alias is not None
    error = _TENSOR_ERROR if spelling.startswith("tensorflow.") else ""
    candidates = []
    for arguments in _generated_arguments(alias):
        source = _HEADER + render_call(spelling, *arguments, _symbolic)
        eager = _HEADER + render_call(spelling, *arguments, _eager)
        made = case(source, True, False, ["SL222"], error=error)
        candidates.append(replace(made, line=source.count("\n"), eager=eager))
    return candidates


def tf_op_cases() -> dict[str, Case]:
    cases = {}
    for name, call in OTHER_TF_CALLS.items():
        cases[f"SL222 tf.{name}"] = case(
            _GRAPH + f"out = {call}\n",
            True,
            False,
            ["SL222"],
            error="A KerasTensor cannot be used as input to a TensorFlow function",
        )
    for name, call in BACKEND_CALLS.items():
        found = lint_source(_GRAPH + f"out = {call}\n", "<case>", target="3.15.1")
        offered = any(d.fix is not None for d in found if d.code == "SL222")
        cases[f"SL222 {name}"] = case(
            _GRAPH + f"out = {call}\n", True, False, ["SL222"], fixed_runs=offered
        )
    inside = {
        "K.int_shape": "n = K.int_shape(h)[-1]\n",
        "in a Lambda": "out = layers.Lambda(lambda t: tf.reduce_mean(t, axis=1))(h)\n",
        "in a custom layer": (
            "class Pool(layers.Layer):\n    def call(self, x):\n"
            "        return tf.reduce_mean(x, axis=1)\n\n\nout = Pool()(h)\n"
        ),
        "operators": "out = h * 2.0 + h[:, -1:, :]\n",
        "in a subclassed model": (
            "class Net(keras.Model):\n    def __init__(self):\n        super().__init__()\n"
            "        self.d = layers.Dense(2)\n\n    def call(self, x):\n"
            "        return tf.reduce_mean(self.d(x), axis=1)\n\n\n"
            "net = Net()\nnet.compile(optimizer='adam', loss='mse')\n"
            "net.fit(np.zeros((4, 5, 4)), np.zeros((4, 2)), verbose=0)\n"
        ),
    }
    for name, code in inside.items():
        cases[f"SL222 clean {name}"] = case(_GRAPH + code, False, False)
    return cases


# -- SL223: save paths -------------------------------------------------------------------------

_MODEL = (
    TF
    + """\
model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
"""
)
_FIT = "model.fit(np.zeros((4, 3)), np.zeros((4, 1)), callbacks=[checkpoint], verbose=0)\n"


def save_path_cases() -> dict[str, Case]:
    calls = {
        'model.save_weights("weights.h5")': True,
        'model.save_weights("weights.weights.h5")': False,
        'model.save_weights("ckpt")': True,
        'model.save("saved_model_dir")': True,
        'model.save("model.h5")': False,
        'model.save("model.keras")': False,
        'model.save("model", save_format="tf")': True,
        'keras.models.save_model(model, "export_dir")': True,
        'keras.models.save_model(model, "model.keras")': False,
        'model.save(f"run_{1}.keras")': False,
        'model.save(f"{1}_model")': True,
    }
    cases = {}
    for call, raises in calls.items():
        literal = raises and 'f"' not in call  # a fix rewrites string literals only
        cases[f"SL223 {call}"] = case(
            _MODEL + call + "\n", raises, False, ["SL223"] if raises else [], fixed_runs=literal
        )
    checkpoints = {
        'keras.callbacks.ModelCheckpoint("best.h5", save_weights_only=True)': True,
        'keras.callbacks.ModelCheckpoint("best.weights.h5", save_weights_only=True)': False,
        'keras.callbacks.ModelCheckpoint("best_dir")': True,
        'keras.callbacks.ModelCheckpoint("best.h5")': False,
        'keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)': False,
        'keras.callbacks.ModelCheckpoint("epoch_{epoch:02d}.h5", monitor="loss")': False,
    }
    for call, raises in checkpoints.items():
        cases[f"SL223 {call}"] = case(
            _MODEL + f"checkpoint = {call}\n" + _FIT,
            raises,
            False,
            ["SL223"] if raises else [],
            fixed_runs=raises,
        )
    return cases


# -- SL224, SL225, SL226 ------------------------------------------------------------------------


def class_cases() -> dict[str, Case]:
    model_class = """\
class Net(keras.Model):
    def __init__(self, units=2, **kwargs):
        {init}
        self.d = layers.Dense(units)

    def call(self, x):
        return self.d(x)


net = Net()
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0)
"""
    layer_class = """\
class Scale(layers.Layer):
    def __init__(self, **kwargs):
        {init}

    def build(self, input_shape):
        self.w = {weight}

    def call(self, x):
        return x * self.w


out = Scale()(np.ones((2, 3), "float32"))
"""
    cases = {}
    for init, raises in {
        "super().__init__(self)": True,
        "super(Net, self).__init__(self, **kwargs)": True,
        "super().__init__(**kwargs)": False,
    }.items():
        cases[f"SL224 model {init}"] = case(
            TF + model_class.format(init=init),
            raises,
            False,
            ["SL224"] if raises else [],
            error="takes 1 positional argument but 2 were given",
            fixed_runs=raises,
        )
    init_ok = "super().__init__(**kwargs)"
    for weight, raises in {
        'self.add_weight("w", (input_shape[-1],))': True,
        'self.add_weight("w", shape=(input_shape[-1],), initializer="ones")': True,
        'self.add_weight("w", (input_shape[-1],), "float32")': True,
        'self.add_weight(name="w", shape=(input_shape[-1],))': False,
        "self.add_weight(shape=(input_shape[-1],))": False,
    }.items():
        cases[f"SL225 {weight}"] = case(
            TF + layer_class.format(init=init_ok, weight=weight),
            raises,
            False,
            ["SL225"] if raises else [],
            error="must be passed as a keyword argument",
            fixed_runs=raises,
        )
    cases["SL224 layer super().__init__(self)"] = case(
        TF + layer_class.format(init="super().__init__(self)", weight="1.0"),
        True,
        True,
        ["SL224"],
        error="takes 1 positional argument but 2 were given",
        fixed_runs=True,
    )
    for layer, given in {
        "layers.LSTM(4)": "inputs",
        "layers.GRU(4)": "inputs",
        "layers.SimpleRNN(4)": "inputs",
        "layers.RNN(layers.LSTMCell(4))": "inputs",
    }.items():
        source = TF + (
            "inputs = keras.Input((5, 3))\n"
            f"rnn = {layer}\n"
            f"states = rnn.get_initial_state({given})\n"
            "out = rnn(inputs, initial_state=states)\n"
        )
        cases[f"SL226 {layer}"] = case(source, True, False, ["SL226"])
    return cases


# -- the table-fed rules' fixes ---------------------------------------------------------------


def fix_cases() -> dict[str, Case]:
    """Scripts whose fixes (Keras 3.15) give code that runs under Keras 3 (and Keras 2)."""
    body = "model = keras.Sequential([keras.Input((5, 3)), layers.Dense(1)])\n"
    scripts = {
        "SL221 module": (
            "from tensorflow import keras\n"
            "from tensorflow.keras.layers.core import Dense, Dropout\n"
            "layers = keras.layers\nd = Dense(2)\n",
            True,
        ),
        "SL221 experimental": (
            TF + 'v = layers.experimental.preprocessing.TextVectorization(output_mode="int")\n',
            False,
        ),
        "SL221 np_utils module": (
            "from tensorflow.keras.utils.np_utils import to_categorical\n"
            "y = to_categorical([0, 1, 2], 3)\n",
            True,
        ),
        "SL217 optimizer lr": (
            TF
            + "from tensorflow.keras import backend as K\n"
            + body
            + 'model.compile(optimizer="adam", loss="mse")\n'
            + "K.set_value(model.optimizer.lr, 0.01)\nrate = K.get_value(model.optimizer.lr)\n",
            False,
        ),
        "SL216 CuDNNLSTM": (
            TF + "from tensorflow.keras.layers import CuDNNLSTM\nrnn = CuDNNLSTM(4)\n",
            True,
        ),
    }
    return {
        f"fix {name}": case(
            source,
            True,
            raises2,
            [name.split()[0]],
            [name.split()[0]] if raises2 else [],
            fixed_runs=True,
        )
        for name, (source, raises2) in scripts.items()
    }


# -- Keras 2 and Keras 3 shape semantics ---------------------------------------------------------


def semantics_cases() -> dict[str, Case]:
    cases = {}
    for loss in ("mse", "mae", "huber", "msle", "log_cosh", "mape"):
        source = TF + (
            "X = np.random.rand(32, 10, 4)\ny = np.random.rand(32)\n"
            "model = keras.Sequential([keras.Input((10, 4)), layers.LSTM(4), layers.Dense(3)])\n"
            f'model.compile(optimizer="adam", loss="{loss}")\n'
            "model.fit(X, y, epochs=1, verbose=0)\n"
        )
        cases[f"SL203 {loss} (N,) vs (N, 3)"] = case(
            source, True, False, ["SL203"], ["SL204"], error="Dimensions must be equal"
        )
    cases["SL203 mse (N, 2) vs (N, 3)"] = case(
        TF
        + (
            "X = np.random.rand(32, 10, 4)\ny = np.random.rand(32, 2)\n"
            "model = keras.Sequential([keras.Input((10, 4)), layers.LSTM(4), layers.Dense(3)])\n"
            'model.compile(optimizer="adam", loss="mse")\n'
            "model.fit(X, y, epochs=1, verbose=0)\n"
        ),
        True,
        True,
        ["SL203"],
        ["SL203"],
    )
    convolutions = {  # (input shape, tf.keras 2's output, what seqlint reports under Keras 3)
        "Conv1D(4, 3)": ("(10, 6, 3)", "(None, 10, 4, 4)", ["SL102"]),
        "Conv1D(4, 3, padding='same', strides=2)": ("(10, 6, 3)", "(None, 10, 3, 4)", ["SL102"]),
        "Conv2D(4, 3)": ("(2, 10, 6, 3)", "(None, 2, 8, 4, 4)", ["SL102"]),
    }
    for layer, (shape, keras2_shape, codes) in convolutions.items():
        declared = TF + (
            f"inputs = keras.Input({shape})\nout = layers.{layer}(inputs)\n"
            f"assert tuple(out.shape) == {keras2_shape}, out.shape\n"
        )
        cases[f"SL102 Input{shape} into {layer}"] = case(
            declared, True, False, codes, error="Kernel shape must have the same length"
        )
    data = TF + (
        "X = np.random.rand(8, 10, 6, 3)\ny = np.random.rand(8, 1)\n"
        "model = keras.Sequential([layers.Conv1D(4, 3), layers.Flatten(), layers.Dense(1)])\n"
        'model.compile(optimizer="adam", loss="mse")\nmodel.fit(X, y, epochs=1, verbose=0)\n'
    )
    cases["SL209 rank-4 data into Conv1D"] = case(data, True, False, ["SL209"])
    decay = TF + (
        "model = keras.Sequential([keras.Input((5, 3)), layers.LSTM(2), layers.Dense(1)])\n"
        "model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01, decay=1e-6), "
        'loss="mse")\n'
    )
    cases["decay= accepted by Keras 3, refused by tf-keras"] = case(
        decay, False, True, [], ["SL221"]
    )
    return cases


def all_cases() -> dict[str, Case]:
    return {
        **tf_op_cases(),
        **save_path_cases(),
        **class_cases(),
        **fix_cases(),
        **semantics_cases(),
    }
