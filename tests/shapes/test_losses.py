"""Loss semantics without TensorFlow: resolving losses, and the verdict table.

Every verdict here is one of the rows proven against real Keras in
``tests/keras/test_losses_keras.py``, or follows from a decided one by
replacing a deciding dim with a symbol or an unknown (which must give UNKNOWN).
"""

from __future__ import annotations

import pytest

from seqlint.dims import BATCH, UNKNOWN, Shape, Sym
from seqlint.ir import Array, KerasName, KerasObject, Loc, Span, UserFunction
from seqlint.shapes.losses import (
    ClassCount,
    Loss,
    Verdict,
    check_labels,
    check_target,
    class_count,
    effective_loss,
    resolve_loss,
)

SPAN = Loc.fixed(Span(1, 1, 1, 1))
OK, RAISES, BROADCASTS, MEANINGLESS, UNK = (
    Verdict.OK,
    Verdict.RAISES,
    Verdict.BROADCASTS,
    Verdict.MEANINGLESS,
    Verdict.UNKNOWN,
)


def obj(kind: str, label: str = "", **config: object) -> KerasObject:
    return KerasObject(kind, dict(config), SPAN, label or f"{kind}(...)")


def out(*dims: object) -> Shape:
    return Shape.batched(*dims)


# -- resolve_loss ---------------------------------------------------------------------

# Every string keras.losses.get accepts in Keras 3.15 (keras/src/losses/__init__.py).
STRINGS = {
    "mse": ("mean_squared_error", "regression"),
    "MSE": ("mean_squared_error", "regression"),
    "mean_squared_error": ("mean_squared_error", "regression"),
    "MeanSquaredError": ("mean_squared_error", "regression"),
    "mae": ("mean_absolute_error", "regression"),
    "MAE": ("mean_absolute_error", "regression"),
    "mean_absolute_error": ("mean_absolute_error", "regression"),
    "MeanAbsoluteError": ("mean_absolute_error", "regression"),
    "mape": ("mean_absolute_percentage_error", "regression"),
    "MAPE": ("mean_absolute_percentage_error", "regression"),
    "mean_absolute_percentage_error": ("mean_absolute_percentage_error", "regression"),
    "MeanAbsolutePercentageError": ("mean_absolute_percentage_error", "regression"),
    "msle": ("mean_squared_logarithmic_error", "regression"),
    "MSLE": ("mean_squared_logarithmic_error", "regression"),
    "mean_squared_logarithmic_error": ("mean_squared_logarithmic_error", "regression"),
    "MeanSquaredLogarithmicError": ("mean_squared_logarithmic_error", "regression"),
    "huber": ("huber", "regression"),
    "Huber": ("huber", "regression"),
    "log_cosh": ("log_cosh", "regression"),
    "LogCosh": ("log_cosh", "regression"),
    "poisson": ("poisson", "regression"),
    "Poisson": ("poisson", "regression"),
    "cosine_similarity": ("cosine_similarity", "regression"),
    "CosineSimilarity": ("cosine_similarity", "regression"),
    "kld": ("kl_divergence", "other"),
    "KLD": ("kl_divergence", "other"),
    "kl_divergence": ("kl_divergence", "other"),
    "KLDivergence": ("kl_divergence", "other"),
    "hinge": ("hinge", "other"),
    "Hinge": ("hinge", "other"),
    "squared_hinge": ("squared_hinge", "other"),
    "SquaredHinge": ("squared_hinge", "other"),
    "categorical_hinge": ("categorical_hinge", "categorical"),
    "CategoricalHinge": ("categorical_hinge", "categorical"),
    "dice": ("dice", "other"),
    "Dice": ("dice", "other"),
    "tversky": ("tversky", "other"),
    "Tversky": ("tversky", "other"),
    "circle": ("circle", "other"),
    "Circle": ("circle", "other"),
    "ctc": ("ctc", "other"),
    "CTC": ("ctc", "other"),
    "bce": ("binary_crossentropy", "binary"),
    "BCE": ("binary_crossentropy", "binary"),
    "binary_crossentropy": ("binary_crossentropy", "binary"),
    "BinaryCrossentropy": ("binary_crossentropy", "binary"),
    "binary_focal_crossentropy": ("binary_focal_crossentropy", "binary"),
    "BinaryFocalCrossentropy": ("binary_focal_crossentropy", "binary"),
    "categorical_crossentropy": ("categorical_crossentropy", "categorical"),
    "CategoricalCrossentropy": ("categorical_crossentropy", "categorical"),
    "categorical_focal_crossentropy": ("categorical_focal_crossentropy", "categorical"),
    "CategoricalFocalCrossentropy": ("categorical_focal_crossentropy", "categorical"),
    "sparse_categorical_crossentropy": ("sparse_categorical_crossentropy", "sparse_categorical"),
    "SparseCategoricalCrossentropy": ("sparse_categorical_crossentropy", "sparse_categorical"),
}


@pytest.mark.parametrize(("text", "expected"), STRINGS.items())
def test_every_keras_string(text: str, expected: tuple[str, str]) -> None:
    loss = resolve_loss(text)
    assert loss is not None
    assert (loss.name, loss.family) == expected
    assert loss.from_logits is False
    assert loss.label == repr(text)
    assert loss.valid


@pytest.mark.parametrize("text", ["crossentropy", "ce", "CE", "Crossentropy", "CrossEntropy"])
def test_shape_dependent_crossentropy(text: str) -> None:
    loss = resolve_loss(text)
    assert loss is not None and loss.family == "auto" and loss.valid


@pytest.mark.parametrize(
    ("text", "keras3"),
    [
        ("huber_loss", "huber"),
        ("logcosh", "log_cosh"),
        ("kullback_leibler_divergence", "kl_divergence"),
        ("Mse", None),  # the table is case-sensitive
        ("sparse_categorical_cross_entropy", None),
        ("categorical_generalized_cross_entropy", None),  # an object, not a string
    ],
)
def test_strings_keras3_rejects(text: str, keras3: str | None) -> None:
    loss = resolve_loss(text)
    assert loss is not None and loss.family == "invalid" and not loss.valid
    check = check_target(loss, (4, 1), out(1))
    assert check.verdict is RAISES
    assert check.exception == "ValueError"
    assert check.keras_says == f"Could not interpret loss identifier: {text}"
    if keras3:
        assert f"'{keras3}'" in check.reason


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("mean_squared_error", "mean_squared_error"),
        ("keras.losses.mean_squared_error", "mean_squared_error"),
        ("MeanSquaredError", "mean_squared_error"),
        ("mse", "mean_squared_error"),
        ("SparseCategoricalCrossentropy", "sparse_categorical_crossentropy"),
        ("categorical_generalized_cross_entropy", "categorical_generalized_cross_entropy"),
        ("CategoricalGeneralizedCrossEntropy", "categorical_generalized_cross_entropy"),
        ("huber", "huber"),
    ],
)
def test_named_function_or_class(name: str, expected: str) -> None:
    loss = resolve_loss(KerasName(name))
    assert loss is not None and loss.name == expected and loss.from_logits is False


@pytest.mark.parametrize("name", ["huber_loss", "Loss", "LossFunctionWrapper", "Adam", "relu"])
def test_named_non_losses(name: str) -> None:
    assert resolve_loss(KerasName(name)) is None


@pytest.mark.parametrize(
    ("config", "from_logits"),
    [
        ({}, False),
        ({"from_logits": True}, True),
        ({"from_logits": False}, False),
        ({0: True}, True),  # positional: SparseCategoricalCrossentropy(True)
        ({"from_logits": Sym("flag")}, None),
        ({"from_logits": UNKNOWN}, None),
    ],
)
def test_loss_object_from_logits(config: dict, from_logits: bool | None) -> None:
    loss = resolve_loss(KerasObject("SparseCategoricalCrossentropy", config, SPAN, "SCCE(...)"))
    assert loss == Loss(
        "sparse_categorical_crossentropy", "sparse_categorical", from_logits, "SCCE(...)"
    )


def test_positional_arguments_follow_each_signature() -> None:
    focal = KerasObject("BinaryFocalCrossentropy", {0: True}, SPAN, "f")
    assert resolve_loss(focal).from_logits is False  # the first one is apply_class_balancing
    focal = KerasObject("BinaryFocalCrossentropy", {3: True}, SPAN, "f")
    assert resolve_loss(focal).from_logits is True


def test_loss_object_arguments() -> None:
    loss = resolve_loss(obj("SparseCategoricalCrossentropy", ignore_class=-1, axis=1))
    assert (loss.ignore_class, loss.axis) == (-1, 1)
    assert resolve_loss(obj("keras.losses.Huber", delta=0.5)).name == "huber"
    assert resolve_loss(obj("CategoricalGeneralizedCrossEntropy")).family == "sparse_categorical"


@pytest.mark.parametrize(
    "value",
    [
        None,
        UNKNOWN,
        Sym("loss_name"),
        3,
        ["mse"],
        UserFunction("my_loss", ("y_true", "y_pred"), (), SPAN),
        obj("Adam"),
        obj("Loss"),
        "Loss",
        "LossFunctionWrapper",
    ],
)
def test_unknown_losses(value: object) -> None:
    assert resolve_loss(value) is None


# -- check_target: the table ----------------------------------------------------------

# (loss, target shape with samples first, output dims after the batch axis, verdict,
#  the Keras exception and message fragment for RAISES), batch_size 4 unless given.
MSE, SCCE, CCE, BCE = (
    "mse",
    "sparse_categorical_crossentropy",
    "categorical_crossentropy",
    "binary_crossentropy",
)
SAME_SHAPE = ("ValueError", "Arguments `target` and `output` must have the same shape")
SAME_RANK = ("ValueError", "Arguments `target` and `output` must have the same rank (ndim)")
SPARSE_RANK = ("ValueError", "Argument `output` must have rank (ndim) `target.ndim - 1`")
SPARSE_DIMS = (
    "ValueError",
    "Arguments `target` and `output` must have the same shape up until the last dimension",
)
DIMS = ("ValueError", "Dimensions must be equal, but are")
RUNTIME = ("InvalidArgumentError", "Incompatible shapes")

TABLE = [
    # regression: broadcasting, never a shape check
    (MSE, (4, 5, 1), (1,), BROADCASTS, None),
    ("mae", (100, 20, 1), (1,), BROADCASTS, None),
    ("huber", (4, 5, 1), (1,), BROADCASTS, None),
    (MSE, (4, 5), (1,), BROADCASTS, None),
    (MSE, (4, 1), (5,), BROADCASTS, None),
    (MSE, (4,), (5, 1), BROADCASTS, None),
    ("hinge", (4, 5, 1), (1,), BROADCASTS, None),
    ("dice", (4, 5, 1), (1,), BROADCASTS, None),
    (MSE, (4, 5), (5, 1), OK, None),
    (MSE, (4, 5, 1), (5,), OK, None),
    (MSE, (4, 5, 1), (5, 1), OK, None),
    (MSE, (4, 1), (1,), OK, None),
    (MSE, (4,), (1,), OK, None),
    (MSE, (4, 3), (2,), RAISES, DIMS),
    (MSE, (4, 5, 2), (5, 3), RAISES, DIMS),
    ("categorical_hinge", (4, 3), (2,), RAISES, DIMS),
    (MSE, (4,), (3,), RAISES, DIMS),  # the static batch 4 meets 3 units
    # sparse categorical crossentropy
    (SCCE, (100, 20), (5,), RAISES, SPARSE_RANK),  # seed 000
    (SCCE, (4,), (3,), OK, None),
    (SCCE, (4, 1), (3,), OK, None),
    (SCCE, (4, 5), (5, 3), OK, None),
    (SCCE, (4, 5, 1), (5, 3), OK, None),
    (SCCE, (4, 3), (3,), RAISES, SPARSE_RANK),  # one-hot targets
    (SCCE, (4, 5), (5, 1), RAISES, SPARSE_RANK),  # the output's trailing 1 is squeezed
    (SCCE, (4, 6), (5, 3), RAISES, SPARSE_DIMS),
    (SCCE, (4,), (5, 3), RAISES, SPARSE_RANK),
    (SCCE, (4, 5, 1), (3,), RAISES, SPARSE_RANK),
    (SCCE, (4,), (1,), MEANINGLESS, None),
    # categorical crossentropy
    (CCE, (4,), (3,), RAISES, SAME_RANK),
    (CCE, (4, 1), (3,), RAISES, SAME_SHAPE),
    (CCE, (4, 4), (3,), RAISES, SAME_SHAPE),
    (CCE, (4, 5), (5, 3), RAISES, SAME_RANK),
    (CCE, (4, 5, 3), (5, 3), OK, None),
    (CCE, (4, 3), (3,), OK, None),
    (CCE, (4,), (1,), MEANINGLESS, None),
    ("categorical_focal_crossentropy", (4, 1), (3,), BROADCASTS, None),
    ("categorical_focal_crossentropy", (4, 4), (3,), RAISES, DIMS),
    ("categorical_focal_crossentropy", (4, 1), (1,), MEANINGLESS, None),
    # binary crossentropy
    (BCE, (4,), (1,), OK, None),
    (BCE, (4, 1), (1,), OK, None),
    (BCE, (4, 5), (5, 1), OK, None),
    (BCE, (4, 10), (1,), RAISES, SAME_SHAPE),
    (BCE, (4, 5, 1), (1,), RAISES, SAME_SHAPE),
    (BCE, (4,), (5, 1), RAISES, SAME_RANK),
    ("binary_focal_crossentropy", (4, 10), (1,), RAISES, SAME_SHAPE),
    # picked from the shapes
    ("crossentropy", (4,), (3,), OK, None),
    ("ce", (4, 5), (3,), RAISES, SAME_SHAPE),
    ("CE", (4,), (1,), OK, None),
    ("ce", (4, 1), (3,), OK, None),  # sparse
    # others
    (
        "ctc",
        (4, 5),
        (3,),
        RAISES,
        ("ValueError", "Logits `y_pred` are expected to be a tensor of shape"),
    ),
    ("ctc", (4, 5), (7, 3), OK, None),
    ("circle", (4,), (8,), UNK, None),
]


@pytest.mark.parametrize(("loss", "target", "output", "verdict", "raised"), TABLE, ids=str)
def test_check_target(
    loss: str, target: tuple, output: tuple, verdict: Verdict, raised: tuple | None
) -> None:
    check = check_target(resolve_loss(loss), target, out(*output), batch_size=4)
    assert check.verdict is verdict, check.reason
    assert check.reason
    if raised:
        assert (check.exception, check.keras_says) == raised
    else:
        assert not check.keras_says and not check.exception


def test_the_headline_reason() -> None:
    check = check_target(resolve_loss("mse"), (100, 20, 1), out(1))
    assert check.verdict is BROADCASTS
    assert "(batch, 20) against (batch, 1)" in check.reason
    assert "squeezes the trailing 1 of the targets" in check.reason


def test_the_seed_reason() -> None:
    check = check_target(resolve_loss(SCCE), (100, 20), out(5))
    assert check.reason.startswith(
        "sparse_categorical_crossentropy needs targets of rank output rank - 1 = 1 "
        "(one class index per sample), got rank 2 (100, 20)"
    )


def test_class_object_and_name_behave_like_the_string() -> None:
    for value in (obj("MeanSquaredError"), KerasName("mean_squared_error")):
        assert check_target(resolve_loss(value), (4, 5, 1), out(1)).verdict is BROADCASTS
    logits = resolve_loss(obj("SparseCategoricalCrossentropy", from_logits=True))
    assert check_target(logits, (4, 5), out(3)).verdict is RAISES


# -- the batch axis meeting another axis ----------------------------------------------


@pytest.mark.parametrize(
    ("n", "batch_size", "units", "verdict", "raised"),
    [
        (8, 4, 4, BROADCASTS, None),  # every batch has 4 samples: (4,) against (4, 4)
        (4, 32, 4, BROADCASTS, None),  # one batch of all 4 samples
        (4, 4, 3, RAISES, DIMS),  # static batch: caught when tracing
        (6, 4, 3, RAISES, RUNTIME),  # a partial last batch: dynamic batch, run-time error
        (6, 4, 4, RAISES, RUNTIME),  # first batch fits by chance, the last one (2) fails
        (100, 32, 20, RAISES, RUNTIME),
        (96, 32, 20, RAISES, DIMS),
        (100, UNKNOWN, 20, UNK, None),  # a dataset: the batch size is not known
        (Sym("n"), 32, 20, UNK, None),
    ],
)
def test_rank_one_targets_against_units(
    n: object, batch_size: object, units: int, verdict: Verdict, raised: tuple | None
) -> None:
    check = check_target(resolve_loss("mse"), (n,), out(units), batch_size=batch_size)
    assert check.verdict is verdict, check.reason
    if raised:
        assert (check.exception, check.keras_says) == raised


def test_batch_coincidence_is_named() -> None:
    check = check_target(resolve_loss("mse"), (8,), out(4), batch_size=4)
    assert "batch size equals 4" in check.reason


# -- unknowns never give a verdict they do not decide ---------------------------------

T, C = Sym("timesteps"), Sym("classes")

UNKNOWNS = [
    (MSE, (4, T, 1), (1,), UNK),  # is T 1?
    (MSE, (4, T, 1), (T, 1), OK),  # same symbol
    (MSE, (4, T), (UNKNOWN, 1), UNK),
    (MSE, (4, 3), (UNKNOWN,), UNK),
    (MSE, (4, 5, 2), (UNKNOWN, 3), RAISES),  # a known clash wins over an unknown axis
    (MSE, (4, UNKNOWN), (1,), UNK),
    (MSE, (4, 5), (T,), UNK),
    (SCCE, (4, T), (5,), UNK),  # is T 1 (squeezed)?
    (SCCE, (4, T), (T, 5), OK),
    (SCCE, (4, T), (T, C), UNK),  # were C 1, Keras would squeeze the output first
    (SCCE, (4, 20), (T, 5), UNK),
    (SCCE, (4,), (C,), UNK),  # OK, or MEANINGLESS for one class
    (SCCE, (4, 5), (UNKNOWN,), RAISES),  # rank 2 against rank 2, whatever the classes
    (SCCE, (4, 1), (UNKNOWN,), OK),
    (CCE, (4, 20, 5), (UNKNOWN, 5), UNK),  # seed 000 fixed: an Embedding of unknown length
    (CCE, (4, 20, 4), (UNKNOWN, 5), RAISES),
    (CCE, (4, C), (C,), OK),
    (BCE, (4, T), (T, 1), OK),
    (BCE, (4, T, 1), (1,), UNK),
    ("crossentropy", (4,), (C,), UNK),  # binary or sparse?
]


@pytest.mark.parametrize(("loss", "target", "output", "verdict"), UNKNOWNS, ids=str)
def test_symbols_and_unknowns(loss: str, target: tuple, output: tuple, verdict: Verdict) -> None:
    check = check_target(resolve_loss(loss), target, out(*output))
    assert check.verdict is verdict, check.reason


@pytest.mark.parametrize("loss", [MSE, SCCE, CCE, BCE, "ce"])
def test_unknown_ranks(loss: str) -> None:
    assert check_target(resolve_loss(loss), None, out(3)).verdict is UNK
    assert check_target(resolve_loss(loss), (4,), Shape.unknown()).verdict is UNK
    assert check_target(resolve_loss(loss), (), out(3)).verdict is UNK


def test_unmodelled_arguments() -> None:
    axis = resolve_loss(obj("SparseCategoricalCrossentropy", axis=1))
    assert check_target(axis, (4, 3), out(5, 3)).verdict is UNK
    last = resolve_loss(obj("SparseCategoricalCrossentropy", axis=2))
    assert check_target(last, (4, 5), out(5, 3)).verdict is OK


def test_output_batch_axis_is_taken_as_the_batch() -> None:
    loss = resolve_loss("mse")
    assert check_target(loss, (4, 5), Shape((UNKNOWN, 5))).verdict is OK
    assert check_target(loss, (4, 5), Shape((BATCH, 5))).verdict is OK


# -- labels ---------------------------------------------------------------------------


def ints(shape: tuple, high: int, low: int = 0) -> Array:
    return Array(shape, dtype="int", value_range=(low, high))


def onehot(shape: tuple) -> Array:
    return Array(shape, dtype="float", value_range=(0, 2), one_hot=True)


LABELS = [
    (SCCE, ints((4,), 5), (5,), OK, ""),
    (SCCE, ints((4,), 9), (5,), RAISES, "which is outside the valid range of [0, 5)"),
    (SCCE, ints((4, 20), 9), (20, 5), RAISES, "which is outside the valid range of [0, 5)"),
    (SCCE, ints((4,), 3, low=-1), (5,), RAISES, "Received a label value of -1"),
    (SCCE, ints((4,), 5), (1,), RAISES, "which is outside the valid range of [0, 1)"),
    (SCCE, ints((4,), 1), (1,), MEANINGLESS, ""),
    (SCCE, ints((4,), 9), (C,), UNK, ""),
    (SCCE, Array((4,), dtype="int"), (5,), OK, ""),  # nothing known of the values
    (BCE, ints((4,), 2), (1,), OK, ""),
    (BCE, ints((4,), 5), (1,), MEANINGLESS, ""),
    (BCE, ints((4,), 2, low=-1), (1,), MEANINGLESS, ""),
    (CCE, onehot((4, 5)), (5,), OK, ""),
]


@pytest.mark.parametrize(("loss", "array", "output", "verdict", "says"), LABELS, ids=str)
def test_check_labels(loss: str, array: Array, output: tuple, verdict: Verdict, says: str) -> None:
    check = check_labels(resolve_loss(loss), array, out(*output), batch_size=4)
    assert check.verdict is verdict, check.reason
    if verdict is RAISES:
        assert check.exception == "InvalidArgumentError"
        assert says in check.keras_says


def test_label_range_ignored_with_ignore_class() -> None:
    loss = resolve_loss(obj("SparseCategoricalCrossentropy", ignore_class=-1))
    assert check_labels(loss, ints((4,), 5, low=-1), out(5)).verdict is OK


@pytest.mark.parametrize(
    ("loss", "array", "output", "hint"),
    [
        (CCE, ints((4,), 5), (5,), "class indices: use sparse_categorical_crossentropy"),
        (CCE, ints((4, 1), 5), (5,), "class indices"),
        (SCCE, onehot((4, 5)), (5,), "the targets are one-hot"),
        (BCE, onehot((4, 10)), (1,), "one-hot over 10 classes"),
    ],
)
def test_label_hints_on_shape_errors(loss: str, array: Array, output: tuple, hint: str) -> None:
    check = check_labels(resolve_loss(loss), array, out(*output))
    assert check.verdict is RAISES
    assert hint in check.reason
    assert check.keras_says  # the shape error still says what Keras says


def test_shape_errors_come_first() -> None:
    check = check_labels(resolve_loss(SCCE), ints((4, 20), 9), out(5))
    assert check.keras_says == SPARSE_RANK[1]


def test_class_count() -> None:
    assert class_count(resolve_loss(SCCE), ints((4,), 9), out(5)) == ClassCount(9, 5, indices=True)
    assert class_count(resolve_loss(CCE), onehot((4, 10)), out(5)) == ClassCount(10, 5)
    assert class_count(resolve_loss(BCE), onehot((4, 10)), out(1)) == ClassCount(10, 1)
    assert class_count(resolve_loss("ce"), ints((4,), 9), out(5)) == ClassCount(9, 5, indices=True)
    assert class_count(resolve_loss("mse"), ints((4,), 9), out(5)) is None
    assert class_count(resolve_loss(SCCE), Array((4,)), out(5)) is None
    assert class_count(resolve_loss(SCCE), ints((4,), 9), Shape.unknown()) is None


def test_effective_loss() -> None:
    ce = resolve_loss("ce")
    assert effective_loss(ce, (4,), out(1)).name == BCE
    assert effective_loss(ce, (4,), out(3)).name == SCCE
    assert effective_loss(ce, (4, 1), out(3)).name == SCCE
    assert effective_loss(ce, (4, 3), out(3)).name == CCE
    assert effective_loss(ce, (4,), out(C)) is None
    mse = resolve_loss("mse")
    assert effective_loss(mse, None, Shape.unknown()) is mse


V = Sym("len(chars)")


@pytest.mark.parametrize(
    ("loss", "target", "output", "verdict"),
    [
        # raises whether or not the vocabulary size is 1: a rank verdict needs no size
        ("categorical_crossentropy", (100, 40, V), (V,), RAISES),
        (BCE, (100, 40, V), (V,), RAISES),
        ("categorical_crossentropy", (100, V), (40, V), RAISES),
        # unknown sizes that are not the same symbol decide nothing
        ("categorical_crossentropy", (100, 40, UNKNOWN), (UNKNOWN,), UNK),
        # with a size of 1 mse would broadcast instead: undecided
        ("mse", (100, 40, V), (V,), UNK),
        ("categorical_crossentropy", (100, 40, V), (40, V), OK),
    ],
    ids=str,
)
def test_rank_verdicts_need_no_unknown_size(loss, target, output, verdict) -> None:
    check = check_target(resolve_loss(loss), target, out(*output))
    assert check.verdict is verdict, check.reason
    if verdict is RAISES:
        assert check.exception == "ValueError"
        assert str(V) in check.reason and "?" not in check.reason


# -- tf.keras 2's crossentropies ---------------------------------------------------------

BCE_LOGITS = obj("BinaryCrossentropy", from_logits=True)


@pytest.mark.parametrize(
    ("loss", "target", "output", "logits", "keras2", "keras3"),
    [
        # binary: equal shapes only when it reads logits, else elementwise (seed 721)
        ("binary_crossentropy", (4, 16, 3), (16, 1), False, BROADCASTS, RAISES),
        ("binary_crossentropy", (4, 16, 3), (16, 1), True, RAISES, RAISES),
        ("binary_crossentropy", (4, 16, 3), (16, 1), None, UNK, RAISES),
        (BCE_LOGITS, (4, 16, 3), (16, 1), False, RAISES, RAISES),
        ("binary_focal_crossentropy", (4, 16, 3), (16, 1), False, BROADCASTS, RAISES),
        ("binary_crossentropy", (4, 16, 5), (16, 3), None, RAISES, RAISES),
        ("binary_crossentropy", (4, 16, 3), (16, 3), None, OK, OK),
        # squeezing the output's trailing 1 makes a new tensor: no logits behind it
        ("binary_crossentropy", (4, 1), (16, 1), True, BROADCASTS, RAISES),
        # categorical focal: compatible shapes, like categorical
        ("categorical_focal_crossentropy", (4, 6, 1), (6, 3), None, RAISES, BROADCASTS),
        # sparse: targets of another rank than output rank - 1 are flattened
        ("sparse_categorical_crossentropy", (4, 3, 2), (6, 4), None, OK, RAISES),
        ("sparse_categorical_crossentropy", (4, 6, 4), (6, 4), None, RAISES, RAISES),
        ("sparse_categorical_crossentropy", (4,), (6, 4), None, RAISES, RAISES),
        ("sparse_categorical_crossentropy", (4, 6), (6, 4), None, OK, OK),
        ("sparse_categorical_crossentropy", (4, Sym("n")), (6, 4), None, UNK, UNK),
    ],
)
def test_keras2_crossentropies(loss, target, output, logits, keras2, keras3):
    """Rows of the family proven in tf-keras 2.21 and Keras 3.15
    (tests/keras/test_keras2_crossentropy_keras.py, test_losses_keras.py)."""
    resolved = resolve_loss(loss)
    check = check_target(
        resolved, target, out(*output), batch_size=4, tf_keras2=True, logits=logits
    )
    assert check.verdict is keras2, check.reason
    assert check_target(resolved, target, out(*output), batch_size=4).verdict is keras3
