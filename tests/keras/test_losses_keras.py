"""Loss semantics against real Keras 3: every verdict of ``check_labels`` proven by ``fit``.

Each row is one (loss, targets, model output) case.  The same row drives
seqlint (``resolve_loss`` + ``check_labels``) and a real model, so the table
cannot drift.  Per verdict, the proof is:

* RAISES: ``fit`` raises the exception class seqlint names, with its
  ``keras_says`` fragment in the message;
* OK: ``fit`` runs, and the loss of ``y`` as given equals the loss of ``y``
  reshaped to the canonical shape (the output shape, or the output shape
  without its class axis for sparse labels), with as many elements: Keras paired
  targets and predictions one to one;
* BROADCASTS: ``fit`` runs, and the loss equals the loss of the explicitly
  broadcast (materialised, equal-shape) targets and predictions, where the
  broadcast stretched at least one of them: targets were compared with
  predictions of other steps or samples;
* MEANINGLESS: ``fit`` runs and the loss is degenerate: always 0 for a one-unit
  softmax crossentropy, below 0 for binary crossentropy over labels beyond 1.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from typing import Any

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")
np = pytest.importorskip("numpy")

from seqlint.dims import Shape  # noqa: E402
from seqlint.ir import Array, KerasName, KerasObject, Loc, Span  # noqa: E402
from seqlint.shapes.losses import (  # noqa: E402
    Verdict,
    check_labels,
    effective_loss,
    resolve_loss,
)

pytestmark = [
    pytest.mark.keras,
    pytest.mark.filterwarnings("ignore::SyntaxWarning"),  # categorical CE over one unit
    pytest.mark.filterwarnings("ignore::UserWarning"),
]

OK, RAISES, BROADCASTS, MEANINGLESS = (
    Verdict.OK,
    Verdict.RAISES,
    Verdict.BROADCASTS,
    Verdict.MEANINGLESS,
)
SPAN = Loc.fixed(Span(1, 1, 1, 1))


@dataclass(frozen=True)
class Obj:
    """A loss class instance: ``keras.losses.<kind>(**config)``."""

    kind: str
    config: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return f"{self.kind}({','.join(f'{k}={v}' for k, v in self.config)})"


@dataclass(frozen=True)
class Fn:
    """A loss function or class named without calling it: ``keras.losses.<name>``."""

    name: str

    def __str__(self) -> str:
        return f"losses.{self.name}"


@dataclass(frozen=True)
class Row:
    loss: str | Obj | Fn
    y: tuple[int, ...]  # target shape, samples first
    out: tuple[int, ...]  # model output shape without the batch axis
    verdict: Verdict
    labels: str = "float"  # "float" | "int:K" (class indices in [0, K)) | "onehot" | "ctc"
    model: str = "dense"  # "dense": Dense on the last axis | "lstm": LSTM -> Dense
    batch_size: int = 4

    def __str__(self) -> str:
        return f"{self.loss}|y{self.y}|out{self.out}|{self.labels}|{self.model}"


ROWS = [
    # -- regression: broadcasting, never a shape check --------------------------------
    Row("mse", (4, 5, 1), (1,), BROADCASTS, model="lstm"),  # the headline silent bug
    Row("mae", (4, 5, 1), (1,), BROADCASTS),
    Row("huber", (4, 5, 1), (1,), BROADCASTS),
    Row(Obj("MeanSquaredError"), (4, 5, 1), (1,), BROADCASTS),
    Row("MSE", (4, 5), (1,), BROADCASTS),
    Row("log_cosh", (4, 1), (5,), BROADCASTS),
    Row("mse", (4,), (5, 1), BROADCASTS),  # rank 1 vs rank 3: (batch, 5, batch)
    Row("mse", (8,), (4,), BROADCASTS, batch_size=4),  # batch 4 meets 4 units
    Row("hinge", (4, 5, 1), (1,), BROADCASTS),
    Row("kld", (4, 5, 1), (1,), BROADCASTS),
    Row("cosine_similarity", (4, 5), (1,), BROADCASTS),
    Row("dice", (4, 5, 1), (1,), BROADCASTS),
    Row("msle", (4, 5, 1), (1,), BROADCASTS),
    Row(Obj("Huber", (("delta", 0.5),)), (4, 1), (5,), BROADCASTS),
    Row("mape", (4, 5, 1), (5,), OK),  # the trailing 1 squeezed: (batch, 5) against (batch, 5)
    Row("mse", (4, 5), (5, 1), OK, model="lstm"),
    Row(Fn("mean_squared_error"), (4, 5), (5, 1), OK),
    Row("mse", (4, 5, 1), (5, 1), OK),
    Row("mse", (4, 1), (1,), OK),
    Row("mse", (4,), (1,), OK),
    Row("mse", (4, 3), (2,), RAISES),
    Row("categorical_hinge", (4, 3), (2,), RAISES),
    Row("squared_hinge", (4, 5, 2), (5, 3), RAISES),
    Row("mse", (4, 5, 2), (5, 3), RAISES),
    Row("mae", (4, 5, 2), (5, 3), RAISES),
    Row("mse", (4,), (3,), RAISES),  # static batch 4 meets 3 units
    Row("mse", (6,), (3,), RAISES, batch_size=4),  # dynamic batch: run-time error
    Row("mse", (6,), (4,), RAISES, batch_size=4),  # the last batch (2) fails
    Row("mse", (4,), (4,), BROADCASTS, batch_size=32),  # one batch of all 4 samples
    Row("mse", (96,), (20,), RAISES, batch_size=32),
    Row("mse", (100,), (20,), RAISES, batch_size=32),
    Row("huber_loss", (4, 1), (1,), RAISES),  # a Keras 2 name
    Row("logcosh", (4, 1), (1,), RAISES),
    # -- sparse categorical crossentropy ------------------------------------------------
    Row("sparse_categorical_crossentropy", (4, 5), (3,), RAISES, "int:3"),  # seed
    Row("sparse_categorical_crossentropy", (4,), (3,), OK, "int:3"),
    Row("sparse_categorical_crossentropy", (4, 1), (3,), OK, "int:3"),
    Row(
        Obj("SparseCategoricalCrossentropy", (("from_logits", True),)),
        (4, 5),
        (5, 3),
        OK,
        "int:3",
        model="lstm",
    ),
    Row("sparse_categorical_crossentropy", (4, 5, 1), (5, 3), OK, "int:3"),
    Row("sparse_categorical_crossentropy", (4, 3), (3,), RAISES, "onehot"),
    Row("sparse_categorical_crossentropy", (4,), (5,), RAISES, "int:9"),
    Row("sparse_categorical_crossentropy", (4, 5), (5, 5), RAISES, "int:9"),
    Row("sparse_categorical_crossentropy", (4, 5), (5, 1), RAISES, "int:1"),
    Row("sparse_categorical_crossentropy", (4, 6), (5, 3), RAISES, "int:3"),
    Row("sparse_categorical_crossentropy", (4,), (5, 3), RAISES, "int:3"),
    Row("sparse_categorical_crossentropy", (4, 5, 1), (3,), RAISES, "int:3"),
    Row("sparse_categorical_crossentropy", (4,), (1,), MEANINGLESS, "int:1"),
    Row("sparse_categorical_crossentropy", (4,), (1,), RAISES, "int:5"),  # label 4 of 1 class
    Row(Obj("SparseCategoricalCrossentropy", ((0, True),)), (4,), (3,), OK, "int:3"),
    # -- categorical crossentropy -------------------------------------------------------
    Row("categorical_crossentropy", (4,), (3,), RAISES, "int:3"),
    Row("categorical_crossentropy", (4, 1), (3,), RAISES, "int:3"),
    Row("categorical_crossentropy", (4, 4), (3,), RAISES, "onehot"),  # depth 4 vs 3 units
    Row("categorical_crossentropy", (4, 5), (5, 3), RAISES, "int:3"),
    Row("categorical_crossentropy", (4, 5, 3), (5, 3), OK, "onehot"),
    Row(Obj("CategoricalCrossentropy", (("from_logits", True),)), (4, 3), (3,), OK, "onehot"),
    Row("categorical_crossentropy", (4,), (1,), MEANINGLESS, "int:2"),
    Row("categorical_focal_crossentropy", (4, 1), (3,), BROADCASTS, "int:3"),
    Row("categorical_focal_crossentropy", (4, 4), (3,), RAISES, "onehot"),
    Row("categorical_focal_crossentropy", (4, 1), (1,), MEANINGLESS, "int:2"),
    # -- binary crossentropy ------------------------------------------------------------
    Row("binary_crossentropy", (4,), (1,), OK, "int:2"),
    Row("binary_crossentropy", (4, 1), (1,), OK, "int:2"),
    Row("binary_crossentropy", (4, 5), (5, 1), OK, "int:2"),
    Row(Obj("BinaryCrossentropy", (("from_logits", True),)), (4,), (1,), OK, "int:2"),
    Row("binary_crossentropy", (4, 10), (1,), RAISES, "onehot"),
    Row("binary_crossentropy", (4, 5, 1), (1,), RAISES, "int:2"),
    Row("binary_focal_crossentropy", (4, 10), (1,), RAISES, "onehot"),
    Row("binary_crossentropy", (4,), (5, 1), RAISES, "int:2"),
    Row("binary_crossentropy", (4,), (1,), MEANINGLESS, "int:5"),
    # -- shape-dependent and other losses -----------------------------------------------
    Row("crossentropy", (4,), (3,), OK, "int:3"),
    Row("ce", (4, 5), (3,), RAISES, "int:3"),
    Row("CE", (4,), (1,), OK, "int:2"),
    Row("ce", (4, 1), (3,), OK, "int:3"),  # picks sparse
    Row(Obj("CategoricalGeneralizedCrossEntropy"), (4,), (3,), OK, "int:3"),
    Row(Obj("CategoricalGeneralizedCrossEntropy"), (4, 1), (3,), BROADCASTS, "int:3"),
    Row("ctc", (4, 5), (3,), RAISES, "int:3"),
    Row("ctc", (4, 5), (7, 3), OK, "ctc"),
]


# -- the two sides of a row -----------------------------------------------------------


def ir_value(loss: str | Obj | Fn) -> Any:
    if isinstance(loss, Obj):
        return KerasObject(loss.kind, dict(loss.config), SPAN, str(loss))
    if isinstance(loss, Fn):
        return KerasName(loss.name)
    return loss


def keras_loss(loss: str | Obj | Fn) -> Any:
    if isinstance(loss, Obj):
        args = [v for k, v in sorted((k, v) for k, v in loss.config if isinstance(k, int))]
        kwargs = {k: v for k, v in loss.config if isinstance(k, str)}
        return getattr(keras.losses, loss.kind)(*args, **kwargs)
    if isinstance(loss, Fn):
        return getattr(keras.losses, loss.name)
    return loss


def ir_array(row: Row) -> Array:
    if row.labels == "onehot":
        return Array(row.y, dtype="float", value_range=(0, 2), one_hot=True)
    if row.labels == "ctc":
        return Array(row.y, dtype="int", value_range=(1, 3))
    if row.labels.startswith("int:"):
        return Array(row.y, dtype="int", value_range=(0, int(row.labels[4:])))
    return Array(row.y, dtype="float")


def make_y(row: Row) -> Any:
    rng = np.random.default_rng(1)
    if row.labels == "onehot":
        depth = row.y[-1]
        return np.eye(depth, dtype="float32")[rng.integers(0, depth, row.y[:-1])]
    if row.labels == "ctc":  # label sequences without the blank (0), shorter than the steps
        return (np.arange(int(np.prod(row.y))) % 2 + 1).reshape(row.y).astype("int32")
    if row.labels.startswith("int:"):
        k = int(row.labels[4:])
        # every label from k - 1 down, so the largest one is always present
        flat = (k - 1 - np.arange(int(np.prod(row.y)))) % k
        return flat.reshape(row.y).astype("int32")
    return rng.random(row.y).astype("float32")


def activation(row: Row) -> str | None:
    loss = resolve_loss(ir_value(row.loss))
    if loss is None or loss.from_logits:
        return None
    loss = effective_loss(loss, row.y, Shape.batched(*row.out)) or loss
    if loss.family == "binary":
        return "sigmoid"
    if loss.family in ("categorical", "sparse_categorical"):
        return "softmax"
    return None


def make_model(row: Row) -> Any:
    layers = keras.layers
    units = row.out[-1]
    if row.model == "lstm":
        steps = row.out[0] if len(row.out) == 2 else 5
        inputs = keras.Input((steps, 3))
        hidden = layers.LSTM(4, return_sequences=len(row.out) == 2)(inputs)
    else:
        inputs = keras.Input((*row.out[:-1], 3))
        hidden = inputs
    outputs = layers.Dense(units, activation=activation(row))(hidden)
    model = keras.Model(inputs, outputs)
    assert model.output_shape == (None, *row.out)
    model.compile(optimizer="sgd", loss=keras_loss(row.loss))
    return model


def make_x(row: Row, model: Any) -> Any:
    rng = np.random.default_rng(2)
    return rng.random((row.y[0], *model.input_shape[1:])).astype("float32")


def evaluate(model: Any, x: Any, y: Any, row: Row) -> float:
    return float(model.evaluate(x, y, batch_size=row.batch_size, verbose=0))


# -- the proofs -----------------------------------------------------------------------


def prove_ok(model: Any, x: Any, y: Any, row: Row) -> None:
    loss = resolve_loss(ir_value(row.loss))
    loss = effective_loss(loss, row.y, Shape.batched(*row.out))
    if loss.handling == "ctc":  # ctc aligns label sequences itself: it just has to run
        assert np.isfinite(evaluate(model, x, y, row))
        return
    by_index = loss.handling in ("sparse", "onehot")
    canonical = (row.y[0], *(row.out[:-1] if by_index else row.out))
    assert y.size == int(np.prod(canonical)), "not one target per prediction"
    # a twin with the same weights: one model retraced on another target rank breaks
    twin = make_model(row)
    twin.set_weights(model.get_weights())
    assert evaluate(model, x, y, row) == pytest.approx(
        evaluate(twin, x, y.reshape(canonical), row), rel=1e-5, abs=1e-6
    )


def squeeze_or_expand(y: Any, p: Any) -> tuple[Any, Any]:
    from keras.src.losses.loss import squeeze_or_expand_to_same_rank

    a, b = squeeze_or_expand_to_same_rank(y.astype("float32"), p)
    return np.asarray(a), np.asarray(b)


def _normalize(a: Any) -> Any:
    return a / np.maximum(np.sqrt(np.sum(a * a, axis=-1, keepdims=True)), 1e-12)


# Losses that reduce y or y_pred on their own before (or besides) broadcasting them:
# numpy replicas, broadcasting the numpy way.
NUMPY_LOSSES = {
    "cosine_similarity": lambda y, p: np.mean(-np.sum(_normalize(y) * _normalize(p), axis=-1)),
    "dice": lambda y, p: 1 - 2 * np.sum(y * p) / (np.sum(y) + np.sum(p) + 1e-7),
    # one-hot encode the class indices, then (1 - p**q) / q for the true class, q = 0.5
    "categorical_generalized_cross_entropy": lambda y, p: np.mean(
        (1 - np.sum(np.eye(p.shape[-1])[y.astype(int)] * p, axis=-1) ** 0.5) / 0.5
    ),
}


def prove_broadcasts(model: Any, x: Any, y: Any, row: Row) -> None:
    name = resolve_loss(ir_value(row.loss)).name
    loss_obj = keras.losses.get(keras_loss(row.loss))  # a Loss instance or a function
    pred = model.predict(x, batch_size=row.batch_size, verbose=0)
    total, stretched = 0.0, False
    for start in range(0, len(y), row.batch_size):
        yb, pb = y[start : start + row.batch_size], pred[start : start + row.batch_size]
        ya, pa = squeeze_or_expand(yb, pb)
        if name == "categorical_generalized_cross_entropy":
            big_y = np.broadcast_shapes((*ya.shape, pa.shape[-1]), pa.shape)
            stretched |= big_y != pa.shape
            value = NUMPY_LOSSES[name](ya, pa)
        else:
            big_y, big_p = np.broadcast_arrays(ya, pa)
            stretched |= big_y.shape != ya.shape or big_p.shape != pa.shape
            if name in NUMPY_LOSSES:
                value = NUMPY_LOSSES[name](ya, pa)
            else:  # equal shapes: nothing left to broadcast; mean of the per-sample values
                value = float(np.mean(np.asarray(loss_obj(big_y, big_p))))
        total += value * len(yb)
    assert stretched, "nothing was broadcast"
    assert evaluate(model, x, y, row) == pytest.approx(total / len(y), rel=1e-4, abs=1e-5)


def prove_meaningless(model: Any, x: Any, y: Any, row: Row) -> None:
    loss = resolve_loss(ir_value(row.loss))
    if loss.family == "binary":
        # predict 0.95 everywhere: a crossentropy below 0 reads labels as probabilities > 1
        dense = model.layers[-1]
        kernel, bias = dense.get_weights()
        dense.set_weights([np.zeros_like(kernel), np.full_like(bias, 3.0)])
        assert evaluate(model, x, y, row) < 0
    else:
        assert evaluate(model, x, y, row) == pytest.approx(0.0, abs=1e-6)
        assert evaluate(model, x * 7 - 3, y, row) == pytest.approx(0.0, abs=1e-6)


PROOFS = {OK: prove_ok, BROADCASTS: prove_broadcasts, MEANINGLESS: prove_meaningless}


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_loss_verdict_matches_keras(row: Row) -> None:
    loss = resolve_loss(ir_value(row.loss))
    assert loss is not None
    check = check_labels(loss, ir_array(row), Shape.batched(*row.out), batch_size=row.batch_size)
    assert check.verdict is row.verdict, check.reason

    keras.backend.clear_session()
    model = make_model(row)
    x, y = make_x(row, model), make_y(row)
    if row.verdict is RAISES:
        assert check.keras_says and check.exception
        with pytest.raises(Exception) as info, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(x, y, batch_size=row.batch_size, epochs=1, verbose=0)
        assert type(info.value).__name__ == check.exception
        assert check.keras_says in str(info.value)
        return
    model.fit(x, y, batch_size=row.batch_size, epochs=1, verbose=0)
    PROOFS[row.verdict](model, x, y, row)


SIZE_FREE = [  # "V" is a size known only by name, e.g. len(chars)
    ("categorical_crossentropy", (4, 5, "V"), ("V",)),
    ("binary_crossentropy", (4, 5, "V"), ("V",)),
    ("categorical_crossentropy", (4, "V"), (5, "V")),
]


@pytest.mark.parametrize(("loss", "target", "out"), SIZE_FREE, ids=str)
def test_a_rank_verdict_needs_no_size(loss: str, target: tuple, out: tuple) -> None:
    """seqlint raises with the size unknown; Keras raises whatever the size, 1 included."""
    from seqlint.dims import Sym
    from seqlint.shapes.losses import check_target

    def sized(dims: tuple, size: object) -> tuple:
        return tuple(size if d == "V" else d for d in dims)

    symbol = Sym("len(chars)")
    check = check_target(
        resolve_loss(loss), sized(target, symbol), Shape.batched(*sized(out, symbol))
    )
    assert check.verdict is RAISES, check.reason
    for size in (1, 3):
        test_loss_verdict_matches_keras(Row(loss, sized(target, size), sized(out, size), RAISES))
