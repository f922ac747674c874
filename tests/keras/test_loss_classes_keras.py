"""A Keras loss wrapped in a ``keras.losses.Loss`` subclass or in a plain function, against
real Keras 3: generated cases, every verdict of ``check_target`` proven by ``evaluate``.

Keras wraps a loss function in ``LossFunctionWrapper``, which fits the targets' rank to the
output's before the function runs; a ``Loss`` subclass's ``call()`` gets the targets as they
are. Each case is (wrapper, loss, target shape, output shape), drawn with a fixed seed from
the full grid; seqlint's verdict (``fitted`` False for the class) must be what Keras does:

* RAISES: ``evaluate`` raises the exception class seqlint names, with its ``keras_says``;
* OK: it runs, the targets meet the predictions one to one once Keras adjusted them (the
  class axis aside for sparse labels), and the loss is the loss function on those pairs;
* BROADCASTS: it runs, the adjusted targets and predictions differ in shape but broadcast,
  and the loss is the loss function on them;
* MEANINGLESS (a softmax crossentropy over one unit): it runs and the loss is 0.

What Keras adjusts is read off Keras itself: ``LossFunctionWrapper`` fits the ranks for a
plain function; for a Loss subclass, only a loss function whose own source calls
``squeeze_or_expand_to_same_rank`` does.
"""

from __future__ import annotations

import inspect
import itertools
import os
import random
import warnings
from dataclasses import dataclass
from typing import Any

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
keras = pytest.importorskip("keras")
np = pytest.importorskip("numpy")

from keras.src.losses.loss import squeeze_or_expand_to_same_rank  # noqa: E402

from seqlint.dims import Shape  # noqa: E402
from seqlint.ir import KerasName, UserFunction, WrappedLoss  # noqa: E402
from seqlint.shapes.losses import Verdict, check_target, resolve_loss  # noqa: E402
from tests.keras.test_losses_keras import SPAN  # noqa: E402

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]

N, T, K = 6, 5, 3  # samples (one batch), steps, classes: no two alike, none 1
LOSSES = (
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "sparse_categorical_crossentropy",
    "mean_squared_error",
    "mean_absolute_error",
    "huber",
    "log_cosh",
    "hinge",
    "kl_divergence",
    "poisson",
)
TARGETS = ((N,), (N, 1), (N, T), (N, T, 1))
OUTPUTS = ((1,), (K,), (T, 1), (T, K))
WRAPPERS = ("class", "function")
SAMPLE = 40


@dataclass(frozen=True)
class Case:
    wrapper: str
    loss: str
    y: tuple[int, ...]
    out: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.wrapper}|{self.loss}|y{self.y}|out{self.out}"


def cases() -> list[Case]:
    grid = [Case(*c) for c in itertools.product(WRAPPERS, LOSSES, TARGETS, OUTPUTS)]
    return random.Random(14).sample(grid, SAMPLE)


def seqlint_check(case: Case) -> Any:
    wraps = WrappedLoss(KerasName(f"losses.{case.loss}"), fitted=case.wrapper == "function")
    user = UserFunction("wrapped", ("y_true", "y_pred"), (), SPAN, wraps)
    loss = resolve_loss(user)
    assert loss is not None
    return check_target(loss, case.y, Shape.batched(*case.out), batch_size=N)


class Wrapped(keras.losses.Loss):
    """The report's loss: a Loss subclass whose call() returns the Keras loss."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.fn = fn

    def call(self, y_true: Any, y_pred: Any) -> Any:
        return self.fn(y_true, y_pred)


def keras_loss(case: Case) -> Any:
    fn = getattr(keras.losses, case.loss)
    if case.wrapper == "class":
        return Wrapped(fn)

    def wrapped(y_true: Any, y_pred: Any) -> Any:
        return fn(y_true, y_pred)

    return wrapped


def activation(loss: str) -> str | None:
    if loss.startswith("binary") or loss in ("poisson", "kl_divergence"):  # logs of y_pred
        return "sigmoid"
    if "categorical" in loss:
        return "softmax"
    return None


def make_model(case: Case) -> Any:
    inputs = keras.Input((*case.out[:-1], 3))
    outputs = keras.layers.Dense(case.out[-1], activation=activation(case.loss))(inputs)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss=keras_loss(case))
    return model


def make_y(case: Case) -> Any:
    rng = np.random.default_rng(3)
    if case.loss.startswith("sparse"):
        return rng.integers(0, min(case.out[-1], 2), case.y).astype("float32")
    return rng.random(case.y).astype("float32")


def as_keras_sees(case: Case, y: Any, pred: Any) -> tuple[Any, Any]:
    """Targets and predictions as the loss function meets them: ``LossFunctionWrapper``
    fits the ranks (``squeeze_or_expand_to_same_rank``) before a plain function, and so do
    the loss functions whose own source calls it; a Loss subclass hands them on as they are."""
    fn = getattr(keras.losses, case.loss)
    if case.wrapper == "class" and "squeeze_or_expand_to_same_rank" not in inspect.getsource(fn):
        return y, pred
    a, b = squeeze_or_expand_to_same_rank(y, pred)
    return np.asarray(a), np.asarray(b)


def direct_loss(case: Case, y: Any, pred: Any) -> float:
    """The mean of the loss function on ``y`` and ``pred`` as given, computed eagerly."""
    return float(np.mean(np.asarray(getattr(keras.losses, case.loss)(y, pred))))


@pytest.mark.parametrize("case", cases(), ids=str)
def test_wrapped_loss_verdict_matches_keras(case: Case) -> None:
    """RAISES: fit's exception and message. OK: the targets meet the predictions one to one
    (same shape; without the class axis for sparse labels) once Keras adjusted them, and
    fit's loss is the loss function on them. BROADCASTS: they differ in shape but broadcast,
    and fit's loss is the loss function on them. MEANINGLESS: the loss is 0."""
    check = seqlint_check(case)
    assert check.verdict is not Verdict.UNKNOWN, check.reason
    keras.backend.clear_session()
    model = make_model(case)
    x = np.random.default_rng(2).random((N, *model.input_shape[1:])).astype("float32")
    y = make_y(case)
    if check.verdict is Verdict.RAISES:
        with pytest.raises(Exception) as info, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loss_of(model, x, y)
        assert type(info.value).__name__ == check.exception
        assert check.keras_says in str(info.value)
        return
    given = loss_of(model, x, y)
    if check.verdict is Verdict.MEANINGLESS:
        assert given == pytest.approx(0.0, abs=1e-6)
        return
    ya, pa = as_keras_sees(case, y, model.predict(x, batch_size=N, verbose=0))
    sparse = case.loss.startswith("sparse")
    if check.verdict is Verdict.OK:
        paired = ya.size == pa.size // pa.shape[-1] if sparse else ya.shape == pa.shape
        assert paired, (ya.shape, pa.shape)
        assert direct_loss(case, ya, pa) == pytest.approx(given, rel=1e-4, abs=1e-6)
        return
    assert ya.shape != pa.shape, "nothing is broadcast"
    np.broadcast_shapes(ya.shape, pa.shape)  # they do broadcast
    assert direct_loss(case, ya, pa) == pytest.approx(given, rel=1e-4, abs=1e-6)


def loss_of(model: Any, x: Any, y: Any) -> float:
    return float(model.evaluate(x, y, batch_size=N, verbose=0))


def test_the_sample_holds_every_verdict_and_both_wrappers() -> None:
    """The sample is no easy subset: both wrappers, raising and running cases of each."""
    seen = {(case.wrapper, seqlint_check(case).verdict) for case in cases()}
    for wrapper in WRAPPERS:
        assert {(wrapper, Verdict.RAISES), (wrapper, Verdict.OK)} <= seen
    assert any(verdict is Verdict.BROADCASTS for _, verdict in seen)


def test_the_class_changes_verdicts_of_the_grid() -> None:
    """Without the squeeze or expand, the class and the function disagree on some cases, so
    the comparison tests the difference and not only the shared verdicts."""
    differ = [
        (loss, y, out)
        for loss, y, out in itertools.product(LOSSES, TARGETS, OUTPUTS)
        if seqlint_check(Case("class", loss, y, out)).verdict
        is not seqlint_check(Case("function", loss, y, out)).verdict
    ]
    assert differ
    assert any(
        seqlint_check(Case("class", *c)).verdict is not seqlint_check(Case("function", *c)).verdict
        for c in ((case.loss, case.y, case.out) for case in cases())
    )
