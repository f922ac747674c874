"""Loss semantics: the static twin of what Keras 3 does with ``(loss, y_true, y_pred)``.

Pure: no TensorFlow, no libcst.  Three questions, each mirroring Keras 3.15
(TensorFlow backend) as proven by ``tests/keras/test_losses_keras.py``:

* :func:`resolve_loss`: which loss does ``compile(loss=...)`` get?  Strings go
  through ``keras.losses.get`` (a fixed, case-sensitive table; ``"huber_loss"``
  and ``"logcosh"`` are Keras 2 names that Keras 3 rejects) except
  ``"crossentropy"``/``"ce"`` (any case), which ``compile`` resolves to binary,
  sparse or categorical crossentropy from the shapes it sees at ``fit``.
* :func:`check_target`: given targets ``y`` of a shape (sample axis first) and
  the model output (BATCH first), does ``fit`` raise, silently broadcast, or
  line the two up one to one?
* :func:`check_labels` / :func:`class_count`: the same plus what the script
  says about the label values (dtype, range, one-hot).

What Keras does, in order (``LossFunctionWrapper.call`` then the loss function
then the backend op):

1. every built-in loss first runs ``squeeze_or_expand_to_same_rank(y, p)``:
   when the ranks differ by one and the longer one ends in a static 1, that
   axis is squeezed (or, when the shorter one has rank 1, the shorter one is
   expanded instead);
2. elementwise losses (mse, mae, huber, log_cosh, hinge, kld, poisson,
   cosine_similarity, dice, categorical_focal_crossentropy...) then just
   broadcast ``y`` against ``p``: no shape check at all;
3. ``binary_crossentropy``/``categorical_crossentropy`` (TF backend) demand the
   same rank and the same static shape;
4. ``sparse_categorical_crossentropy`` squeezes a trailing 1 of same-rank
   targets, then demands target rank = output rank - 1 and equal dims up to the
   class axis; labels outside ``[0, classes)`` raise at run time (CPU).

The batch axis of ``y`` in a ``fit`` step is the batch size: static when every
batch has the same size (N divisible by ``batch_size``, or N <= ``batch_size``),
dynamic otherwise.  It only matters when broadcasting lines it up against
another axis (targets of lower rank than the output).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from seqlint.dims import BATCH, UNKNOWN, Dim, Shape, Sym, is_known, product, same
from seqlint.ir import Array, KerasName, KerasObject, UserFunction

# -- loss identity ---------------------------------------------------------------------

# canonical function name -> (family, how Keras treats y against y_pred)
#   elementwise: broadcast y against p (after the rank adjustment)
#   onehot:      one_hot(y, classes) then broadcast (categorical_generalized_cross_entropy)
#   sparse:      sparse_categorical_crossentropy's checks
#   strict:      same rank, same static shape (TF binary/categorical crossentropy)
#   ctc:         y rank 2, p rank 3
#   opaque:      not modelled (circle: pairwise over the batch)
_LOSSES: dict[str, tuple[str, str]] = {
    "mean_squared_error": ("regression", "elementwise"),
    "mean_absolute_error": ("regression", "elementwise"),
    "mean_absolute_percentage_error": ("regression", "elementwise"),
    "mean_squared_logarithmic_error": ("regression", "elementwise"),
    "huber": ("regression", "elementwise"),
    "log_cosh": ("regression", "elementwise"),
    "poisson": ("regression", "elementwise"),
    "cosine_similarity": ("regression", "elementwise"),
    "kl_divergence": ("other", "elementwise"),
    "hinge": ("other", "elementwise"),
    "squared_hinge": ("other", "elementwise"),
    "dice": ("other", "elementwise"),
    "tversky": ("other", "elementwise"),
    "categorical_hinge": ("categorical", "elementwise"),
    "categorical_focal_crossentropy": ("categorical", "elementwise"),
    "categorical_crossentropy": ("categorical", "strict"),
    "binary_crossentropy": ("binary", "strict"),
    "binary_focal_crossentropy": ("binary", "strict"),
    "sparse_categorical_crossentropy": ("sparse_categorical", "sparse"),
    "categorical_generalized_cross_entropy": ("sparse_categorical", "onehot"),
    "ctc": ("other", "ctc"),
    "circle": ("other", "opaque"),
}

# Loss class -> the function it wraps.
CLASSES: dict[str, str] = {
    "MeanSquaredError": "mean_squared_error",
    "MeanAbsoluteError": "mean_absolute_error",
    "MeanAbsolutePercentageError": "mean_absolute_percentage_error",
    "MeanSquaredLogarithmicError": "mean_squared_logarithmic_error",
    "Huber": "huber",
    "LogCosh": "log_cosh",
    "Poisson": "poisson",
    "CosineSimilarity": "cosine_similarity",
    "KLDivergence": "kl_divergence",
    "Hinge": "hinge",
    "SquaredHinge": "squared_hinge",
    "CategoricalHinge": "categorical_hinge",
    "Dice": "dice",
    "Tversky": "tversky",
    "CategoricalFocalCrossentropy": "categorical_focal_crossentropy",
    "CategoricalCrossentropy": "categorical_crossentropy",
    "BinaryCrossentropy": "binary_crossentropy",
    "BinaryFocalCrossentropy": "binary_focal_crossentropy",
    "SparseCategoricalCrossentropy": "sparse_categorical_crossentropy",
    "CategoricalGeneralizedCrossEntropy": "categorical_generalized_cross_entropy",
    "CTC": "ctc",
    "Circle": "circle",
}

# Short names keras.losses.get accepts (keras/src/losses/__init__.py).
ALIASES: dict[str, str] = {
    "bce": "binary_crossentropy",
    "BCE": "binary_crossentropy",
    "kld": "kl_divergence",
    "KLD": "kl_divergence",
    "mae": "mean_absolute_error",
    "MAE": "mean_absolute_error",
    "mse": "mean_squared_error",
    "MSE": "mean_squared_error",
    "mape": "mean_absolute_percentage_error",
    "MAPE": "mean_absolute_percentage_error",
    "msle": "mean_squared_logarithmic_error",
    "MSLE": "mean_squared_logarithmic_error",
}

# Not registered with keras.losses.get: valid as objects, not as strings.
_NOT_BY_STRING = {"categorical_generalized_cross_entropy", "CategoricalGeneralizedCrossEntropy"}

# Keras 2 spellings that Keras 3's keras.losses.get rejects, with the Keras 3 name.
KERAS2_NAMES: dict[str, str] = {
    "huber_loss": "huber",
    "logcosh": "log_cosh",
    "kullback_leibler_divergence": "kl_divergence",
    "cosine_proximity": "cosine_similarity",
    "cosine": "cosine_similarity",
}

# Positional parameters of the loss classes whose arguments matter here, so that
# ``SparseCategoricalCrossentropy(True)`` means ``from_logits=True``.
POSITIONAL_PARAMS: dict[str, tuple[str, ...]] = {
    "BinaryCrossentropy": ("from_logits", "label_smoothing", "axis", "reduction", "name"),
    "CategoricalCrossentropy": ("from_logits", "label_smoothing", "axis", "reduction", "name"),
    "SparseCategoricalCrossentropy": ("from_logits", "ignore_class", "reduction", "axis", "name"),
    "BinaryFocalCrossentropy": (
        "apply_class_balancing",
        "alpha",
        "gamma",
        "from_logits",
        "label_smoothing",
        "axis",
    ),
    "CategoricalFocalCrossentropy": ("alpha", "gamma", "from_logits", "label_smoothing", "axis"),
    "CosineSimilarity": ("axis", "reduction", "name"),
    "Huber": ("delta", "reduction", "name"),
}

_AUTO = {"crossentropy", "ce"}  # compile picks the crossentropy from the shapes

# Loss functions that run squeeze_or_expand_to_same_rank themselves (keras/src/losses/losses.py),
# so that they fit the ranks even when called from a Loss subclass's call().
_FITS_RANKS_ITSELF = frozenset(
    {
        "mean_squared_error",
        "mean_absolute_error",
        "mean_absolute_percentage_error",
        "mean_squared_logarithmic_error",
        "cosine_similarity",
        "huber",
        "log_cosh",
    }
)


@dataclass(frozen=True)
class Loss:
    """A loss as ``compile`` resolves it.

    ``name`` is the canonical Keras function name (``"mean_squared_error"``),
    ``"crossentropy"`` for the shape-dependent ``"crossentropy"``/``"ce"``, or
    the string itself when Keras 3 does not know it (``family == "invalid"``).
    ``family``: ``"sparse_categorical" | "categorical" | "binary" |
    "regression" | "other" | "auto" | "invalid"``.  ``from_logits`` is None when
    the source passes something we cannot evaluate.  ``label`` is how the
    source wrote it.  ``axis``/``ignore_class`` are the constructor arguments
    that change what the loss accepts (sparse crossentropy only).  ``fitted``: Keras fits the
    targets' rank to the output's before the loss function runs (``LossFunctionWrapper``, which
    wraps every built-in loss and every loss function); False for the ``call()`` of a
    ``keras.losses.Loss`` subclass, which ``Loss.__call__`` runs on the targets as they are.
    """

    name: str
    family: str
    from_logits: bool | None
    label: str
    axis: Any = -1
    ignore_class: Any = None
    fitted: bool = True

    @property
    def valid(self) -> bool:
        return self.family != "invalid"

    @property
    def handling(self) -> str:
        """How Keras treats y against y_pred (see ``_LOSSES``); "auto"/"invalid" otherwise."""
        if self.family in ("auto", "invalid"):
            return self.family
        return _LOSSES[self.name][1]


def _canonical(name: str, *, by_string: bool) -> str | None:
    if by_string and name in _NOT_BY_STRING:
        return None
    if name in _LOSSES:
        return name
    if name in CLASSES:
        return CLASSES[name]
    return ALIASES.get(name)


def registered(identifier: str) -> str | None:
    """What ``keras.losses.get(identifier)`` returns for a string: the class name of a loss
    class (Keras makes an instance), the canonical name of a loss function; None for a
    string Keras does not register."""
    if identifier in CLASSES and identifier not in _NOT_BY_STRING:
        return identifier
    return _canonical(identifier, by_string=True)


def _flag(value: Any) -> bool | None:
    """A from_logits argument: Keras only tests its truth; None when not evaluated."""
    if value is None or isinstance(value, (bool, int, float)):
        return bool(value)
    return None


def _config(obj: KerasObject, kind: str) -> dict[str, Any]:
    """Keyword config, with positional arguments (int keys) mapped to their names."""
    config: dict[str, Any] = {}
    params = POSITIONAL_PARAMS.get(kind, ())
    for key, value in obj.config.items():
        if isinstance(key, int):
            if key < len(params):
                config.setdefault(params[key], value)
        else:
            config[key] = value
    return config


def resolve_loss(value: Any) -> Loss | None:
    """The loss ``compile(loss=value)`` ends up with; None when not known statically.

    ``value`` is one evaluated element of ``compile(loss=...)``: a string, a
    :class:`KerasObject` (a loss class instance), a :class:`KerasName` (a loss
    function or class named without calling it).  Anything else (a user
    function, an unknown value) yields None.
    """
    if isinstance(value, str):
        label = repr(value)
        if value.lower() in _AUTO:
            return Loss("crossentropy", "auto", False, label)
        name = _canonical(value, by_string=True)
        if name is None:
            if value in ("Loss", "LossFunctionWrapper"):
                return None
            return Loss(value, "invalid", None, label)
        return Loss(name, _LOSSES[name][0], False, label)
    if isinstance(value, UserFunction):
        return _wrapped(value)
    if isinstance(value, KerasName):
        short = value.name.rsplit(".", 1)[-1]
        name = _canonical(short, by_string=False)
        if name is None:
            return None
        return Loss(name, _LOSSES[name][0], False, short)
    if isinstance(value, KerasObject):
        kind = value.kind.rsplit(".", 1)[-1]
        if kind not in CLASSES:
            return None
        name = CLASSES[kind]
        config = _config(value, kind)
        return Loss(
            name,
            _LOSSES[name][0],
            _flag(config.get("from_logits", False)),
            value.label,
            axis=config.get("axis", -1),
            ignore_class=config.get("ignore_class"),
        )
    return None


def _wrapped(function: UserFunction) -> Loss | None:
    """A function of the script returning a Keras loss on its own arguments: that loss, with
    the keywords the function passes (``from_logits=True``), named after the function."""
    if function.wraps is None:
        return None
    inner = resolve_loss(function.wraps.loss)
    if inner is None:
        return None
    keywords = dict(function.wraps.keywords)
    label = f"{function.name} (returns {inner.label})"
    if isinstance(function.wraps.loss, KerasObject):  # its own wrapper fits the ranks
        return replace(inner, label=label)
    return replace(
        inner,
        label=label,
        fitted=function.wraps.fitted,
        from_logits=_flag(keywords.get("from_logits", False)),
        axis=keywords.get("axis", -1),
        ignore_class=keywords.get("ignore_class"),
    )


# -- verdicts --------------------------------------------------------------------------


class Verdict(Enum):
    OK = "ok"  # y and y_pred line up one to one (after Keras's legitimate adjustments)
    RAISES = "raises"  # fit raises
    BROADCASTS = "broadcasts"  # fit runs, but y and y_pred were broadcast against each other
    MEANINGLESS = "meaningless"  # fit runs, shapes line up, but the loss cannot measure the
    # labels: a one-unit softmax crossentropy (always 0), binary labels outside 0/1
    UNKNOWN = "unknown"  # a dim or rank that decides it is not known


@dataclass(frozen=True)
class TargetCheck:
    verdict: Verdict
    reason: str
    keras_says: str = ""  # the telling fragment of the Keras error (RAISES)
    exception: str = ""  # the exception class fit raises (RAISES), e.g. "ValueError"


def _fmt(dims: tuple[Dim, ...]) -> str:
    inner = ", ".join(str(d) for d in dims)
    return f"({inner},)" if len(dims) == 1 else f"({inner})"


def _is_one(d: Dim) -> bool | None:
    """Is ``d`` statically 1?  The batch axis is taken as never 1."""
    if d is BATCH:
        return False
    if is_known(d):
        return d == 1
    return None


def _unknown(why: str) -> TargetCheck:
    return TargetCheck(Verdict.UNKNOWN, why)


class _Undecided(Exception):
    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class _MaybeOne(_Undecided):
    """The rank adjustment depends on whether axis ``index`` of the targets (or of the
    output) is 1."""

    def __init__(self, why: str, in_targets: bool, index: int) -> None:
        super().__init__(why)
        self.in_targets = in_targets
        self.index = index


def _squeeze_or_expand(y: tuple[Dim, ...], p: tuple[Dim, ...]) -> tuple[tuple, tuple, str]:
    """keras.src.losses.loss.squeeze_or_expand_to_same_rank(y, p), with what it did."""
    ry, rp = len(y), len(p)
    if ry == rp + 1:
        one = _is_one(y[-1])
        if one is None:
            raise _MaybeOne(f"whether the last target axis ({y[-1]}) is 1", True, ry - 1)
        if one:
            if rp == 1:
                return y, (*p, 1), "expands the output to rank 2"
            return y[:-1], p, "squeezes the trailing 1 of the targets"
    if rp == ry + 1:
        one = _is_one(p[-1])
        if one is None:
            raise _MaybeOne(f"whether the last output axis ({p[-1]}) is 1", False, rp - 1)
        if one:
            if ry == 1:
                return (*y, 1), p, "expands the targets to rank 2"
            return y, p[:-1], "squeezes the trailing 1 of the output"
    return y, p, ""


def _batch_sizes(n: Dim, batch_size: Dim) -> tuple[list[int], bool] | None:
    """The batch sizes of a fit epoch over n samples in order, and whether they are static."""
    if not (is_known(n) and is_known(batch_size)) or batch_size <= 0:
        return None
    if n <= batch_size:
        return [n], True
    if n % batch_size:
        return [batch_size, n % batch_size], False
    return [batch_size], True


def check_target(
    loss: Loss,
    target: tuple[Dim, ...] | None,
    output: Shape,
    *,
    batch_size: Dim = 32,
    tf_keras2: bool = False,
    logits: bool | None = None,
) -> TargetCheck:
    """What ``model.fit(x, y)`` does with ``loss``, targets of shape ``target`` and outputs
    of shape ``output``.

    ``target`` includes the sample axis first (``(100, 20)``); ``output`` has
    BATCH first.  ``batch_size`` is fit's (32 when fit omits it; pass UNKNOWN
    for datasets and generators): it only matters when broadcasting lines the
    batch axis up against another axis. With ``tf_keras2`` (tf.keras 2, tf-keras), compile's
    loss container first expands rank-1 targets of a rank-2 output to ``(samples, 1)``
    (``match_dtype_and_rank``), so that they broadcast against ``(batch, k)``; ``logits`` says
    whether the output tensor is a sigmoid's or softmax's own (None: not known), which decides
    how tf.keras 2's crossentropies treat it (:func:`_judge_keras2`).
    """
    if loss.family == "invalid":
        hint = KERAS2_NAMES.get(loss.name)
        why = f"Keras 3 has no loss named {loss.label}"
        if hint:
            why += f" (a Keras 2 name; Keras 3 calls it '{hint}')"
        return TargetCheck(
            Verdict.RAISES,
            why,
            f"Could not interpret loss identifier: {loss.name}",
            "ValueError",
        )
    if target is None or output.dims is None or not target:
        return _unknown("the rank of the targets or of the output is not known")
    if not output.dims:
        return _unknown("the output has no axes")
    if tf_keras2 and not loss.fitted:
        return _unknown(f"{loss.label}: a Loss subclass under tf.keras 2 is not modelled")
    expanded = ""
    if tf_keras2 and len(target) == 1 and len(output.dims) == 2:
        expanded = f"tf.keras 2 expands targets {_fmt(target)} to {_fmt((target[0], 1))}, then "
        target = (target[0], 1)
    y = (BATCH, *target[1:])
    p = (BATCH, *output.dims[1:])
    try:
        check = _check(
            loss, target, output, y, p, batch_size, Keras2(logits) if tf_keras2 else None
        )
    except _Undecided as undecided:
        return _unknown(f"{loss.label}: it depends on {undecided.why}")
    if loss.family == "auto" and check.verdict is not Verdict.UNKNOWN:
        name = _effective(loss, y, p).name
        check = TargetCheck(
            check.verdict,
            f"{loss.label} resolves to {name} for these shapes; {check.reason}",
            check.keras_says,
            check.exception,
        )
    if not loss.fitted and check.verdict in (Verdict.RAISES, Verdict.BROADCASTS):
        check = TargetCheck(
            check.verdict,
            f"{loss.label} is a Loss subclass: Keras runs its call() on the targets as they "
            f"are, without fitting their rank to the output's; {check.reason}",
            check.keras_says,
            check.exception,
        )
    if expanded and check.verdict is not Verdict.UNKNOWN:
        check = TargetCheck(
            check.verdict, expanded + check.reason, check.keras_says, check.exception
        )
    return check


def _effective(loss: Loss, y: tuple[Dim, ...], p: tuple[Dim, ...]) -> Loss:
    """The crossentropy compile picks for "crossentropy"/"ce" (compile_utils.get_loss)."""
    if loss.family != "auto":
        return loss
    one = _is_one(p[-1])
    if one is None:
        raise _Undecided(f"the output's last axis ({p[-1]}), which picks the crossentropy")
    if one:
        name = "binary_crossentropy"
    elif len(y) < len(p):
        name = "sparse_categorical_crossentropy"
    else:
        y_one = _is_one(y[-1])
        if y_one is None:
            raise _Undecided(f"the targets' last axis ({y[-1]}), which picks the crossentropy")
        name = "sparse_categorical_crossentropy" if y_one else "categorical_crossentropy"
    return Loss(name, _LOSSES[name][0], loss.from_logits, f"{loss.label} (as {name})")


def effective_loss(loss: Loss, target: tuple[Dim, ...] | None, output: Shape) -> Loss | None:
    """The loss fit actually applies: "crossentropy"/"ce" becomes binary, sparse or
    categorical crossentropy depending on the shapes; None when that is not known."""
    if loss.family != "auto":
        return loss
    if not target or not output.dims:
        return None
    try:
        return _effective(loss, (BATCH, *target[1:]), (BATCH, *output.dims[1:]))
    except _Undecided:
        return None


def _check(
    loss: Loss,
    target: tuple[Dim, ...],
    output: Shape,
    y: tuple[Dim, ...],
    p: tuple[Dim, ...],
    batch_size: Dim,
    keras2: Keras2 | None,
) -> TargetCheck:
    loss = _effective(loss, y, p)
    if loss.handling == "opaque":
        return _unknown(f"{loss.name} pairs samples across the batch; not modelled")
    if not loss.fitted and loss.name not in _FITS_RANKS_ITSELF:
        return _judge(loss, target, output, y, p, "", batch_size, keras2)
    try:
        ya, pa, adjusted = _squeeze_or_expand(y, p)
    except _MaybeOne as maybe:
        return _either_way(maybe, loss, target, output, y, p, batch_size, keras2)
    return _judge(loss, target, output, ya, pa, adjusted, batch_size, keras2)


def _either_way(
    maybe: _MaybeOne,
    loss: Loss,
    target: tuple[Dim, ...],
    output: Shape,
    y: tuple,
    p: tuple,
    batch_size: Dim,
    keras2: Keras2 | None,
) -> TargetCheck:
    """The rank adjustment hinges on an axis of unknown size being 1: Keras raises if it
    raises both when that axis is 1 (squeezed) and when it is not (left as it is)."""
    axis = (y if maybe.in_targets else p)[maybe.index]

    def as_one(dims: tuple, own: bool) -> tuple:
        return tuple(
            1 if (d == axis and isinstance(d, Sym)) or (own and i == maybe.index) else d
            for i, d in enumerate(dims)
        )

    ys, ps, adjusted = _squeeze_or_expand(
        as_one(y, maybe.in_targets), as_one(p, not maybe.in_targets)
    )
    if_one = _judge(loss, target, output, ys, ps, adjusted, batch_size, keras2)
    otherwise = _judge(loss, target, output, y, p, "", batch_size, keras2)
    if if_one.verdict is Verdict.RAISES and otherwise.verdict is Verdict.RAISES:
        return otherwise
    raise maybe


def _judge(
    loss: Loss,
    target: tuple[Dim, ...],
    output: Shape,
    ya: tuple,
    pa: tuple,
    adjusted: str,
    batch_size: Dim,
    keras2: Keras2 | None,
) -> TargetCheck:
    """The verdict on targets ``ya`` against outputs ``pa`` after the rank adjustment."""
    handling = loss.handling
    t, o = _fmt(target), str(output)
    done = f"Keras {adjusted}, then " if adjusted else ""
    if keras2 is not None:
        found = _judge_keras2(loss, t, o, ya, pa, adjusted, keras2, target[0], batch_size)
        if found is not None:
            return found
    if handling == "sparse":
        return _check_sparse(loss, t, o, ya, pa, done, len(target))
    if handling == "strict":
        return _check_strict(loss, t, o, ya, pa, done)
    if handling == "ctc":
        if len(ya) != 2:
            return TargetCheck(
                Verdict.RAISES,
                f"ctc needs targets of rank 2 (samples, label length), got {t}",
                "Targets `y_true` are expected to be a tensor of shape `(batch_size, max_length)`",
                "ValueError",
            )
        if len(pa) != 3:
            return TargetCheck(
                Verdict.RAISES,
                f"ctc needs outputs of rank 3 (batch, time, classes), got {o}",
                "Logits `y_pred` are expected to be a tensor of shape",
                "ValueError",
            )
        return TargetCheck(Verdict.OK, "ctc aligns label sequences with output steps itself")
    if handling == "onehot":
        ya = (*ya, pa[-1])
        done += "one-hot encodes the class indices, then "
    return _check_broadcast(loss, t, o, ya, pa, done, target[0], batch_size)


@dataclass(frozen=True)
class Keras2:
    """tf.keras 2's loss code (tf-keras) instead of Keras 3's; ``logits``: the output tensor is
    a sigmoid's or softmax's own (None: not known)."""

    logits: bool | None


_SQUEEZED_OUTPUT = "squeezes the trailing 1 of the output"


def _judge_keras2(
    loss: Loss,
    t: str,
    o: str,
    ya: tuple,
    pa: tuple,
    adjusted: str,
    keras2: Keras2,
    n: Dim,
    batch_size: Dim,
) -> TargetCheck | None:
    """Where tf.keras 2's crossentropies (``tf_keras/src/backend.py``) treat the shapes
    otherwise than Keras 3's; None where they agree.

    * ``binary_crossentropy`` (and the binary focal loss) reads the logits behind an output
      that is a sigmoid's or softmax's own tensor (``_keras_logits``, or a ``Sigmoid`` op),
      or takes the output as logits (``from_logits=True``), and then wants equal shapes
      (``sigmoid_cross_entropy_with_logits``); on any other output, a squeezed one too, it
      computes elementwise and broadcasts the targets against the output.
    * ``categorical_focal_crossentropy`` asserts compatible shapes, like the categorical one.
    * ``sparse_categorical_crossentropy`` flattens targets whose rank is not the output's
      rank - 1, and the output to one row per position: only their counts must agree.
    """
    done = f"Keras {adjusted}, then " if adjusted else ""
    if loss.handling == "sparse":
        if loss.axis in (-1, len(pa) - 1) and len(ya) != len(pa) - 1:
            return _check_flattened(loss, t, o, ya, pa, done)
        return None
    if loss.name == "categorical_focal_crossentropy":
        return _check_strict(loss, t, o, ya, pa, done)
    if loss.family != "binary":
        return None
    reads_logits = [loss.from_logits, False if adjusted == _SQUEEZED_OUTPUT else keras2.logits]
    if True in reads_logits:
        return _keras2_strict(_check_strict(loss, t, o, ya, pa, done))
    elementwise = _check_broadcast(loss, t, o, ya, pa, done, n, batch_size)
    elementwise = replace(
        elementwise,
        reason=elementwise.reason + " (tf.keras 2 reads no logits behind this output, so it "
        "computes the crossentropy elementwise)",
    )
    if None not in reads_logits:
        return elementwise
    if _check_strict(loss, t, o, ya, pa, done).verdict is elementwise.verdict:
        return elementwise
    raise _Undecided(
        "whether the output is a sigmoid's own tensor (tf.keras 2 then wants equal shapes, "
        "else it broadcasts)"
    )


def _keras2_strict(check: TargetCheck) -> TargetCheck:
    """A strict binary check as tf.keras 2 words its failure."""
    if check.verdict is not Verdict.RAISES:
        return check
    return replace(check, keras_says="`logits` and `labels` must have the same shape")


def _check_flattened(loss: Loss, t: str, o: str, ya: tuple, pa: tuple, done: str) -> TargetCheck:
    """tf.keras 2's sparse crossentropy on targets of a rank other than output rank - 1."""
    per_target, per_output = product(ya[1:]), product(pa[1:-1])
    agree = same(per_target, per_output)
    if agree is None:
        raise _Undecided(f"whether {per_target} targets per sample match {per_output} outputs")
    if not agree:
        return TargetCheck(
            Verdict.RAISES,
            f"{loss.name} (tf.keras 2) flattens targets {t}, whose rank is not the output's "
            f"rank - 1, to {per_target} class indices per sample, but outputs {o} hold "
            f"{per_output} predictions per sample",
            "`labels.shape` must equal `logits.shape` except for the last dimension",
            "ValueError",
        )
    if _is_one(pa[-1]):
        return _one_class(loss, o)
    return TargetCheck(
        Verdict.OK,
        f"{done}{loss.name} (tf.keras 2) flattens targets {t} to one class index per "
        f"prediction of {o}",
    )


def _one_class(loss: Loss, o: str) -> TargetCheck:
    """A sparse crossentropy over one unit: any label but 0 is out of range."""
    return TargetCheck(
        Verdict.MEANINGLESS,
        f"{loss.name} over an output of 1 unit {o}: the only valid label is 0 and the loss is "
        "always 0",
    )


def _check_sparse(
    loss: Loss, t: str, o: str, ya: tuple, pa: tuple, done: str, given_rank: int
) -> TargetCheck:
    if loss.axis not in (-1, len(pa) - 1):
        return _unknown(f"sparse_categorical_crossentropy with axis={loss.axis}: not modelled")
    for _ in range(2):  # the loss function, then the TF backend, each squeeze a trailing 1
        if len(ya) == len(pa):
            one = _is_one(ya[-1])
            if one is None:
                raise _Undecided(f"whether the last target axis ({ya[-1]}) is 1")
            if one:
                ya = ya[:-1]
                done = done or "Keras squeezes the trailing 1 of the targets, then "
    want = len(pa) - 1
    per = {1: "sample", 2: "sample and step"}.get(want, "position of " + _fmt(pa[:-1]))
    if len(ya) != want:
        got = f"rank {given_rank} {t}"
        if len(ya) != given_rank:
            got += f" (rank {len(ya)} once Keras squeezes its trailing 1)"
        return TargetCheck(
            Verdict.RAISES,
            f"{loss.name} needs targets of rank output rank - 1 = {want} (one class index "
            f"per {per}), got {got} against outputs {o}",
            "Argument `output` must have rank (ndim) `target.ndim - 1`",
            "ValueError",
        )
    for a, c in zip(ya[1:], pa[1:-1], strict=True):
        verdict = same(a, c)
        if verdict is False:
            return TargetCheck(
                Verdict.RAISES,
                f"{loss.name} needs targets shaped like the output without its class axis, "
                f"(samples, {', '.join(str(d) for d in pa[1:-1])}); got {t}",
                "Arguments `target` and `output` must have the same shape up until the "
                "last dimension",
                "ValueError",
            )
    for a, c in zip(ya[1:], pa[1:-1], strict=True):
        if same(a, c) is None:
            raise _Undecided(f"whether target axis {a} equals output axis {c}")
    classes = pa[-1]
    if _is_one(classes):
        return _one_class(loss, o)
    return TargetCheck(
        Verdict.OK,
        f"{done}{loss.name} reads one class index per {per} from {t} for the "
        f"{classes} classes of {o}",
    )


def _check_strict(loss: Loss, t: str, o: str, ya: tuple, pa: tuple, done: str) -> TargetCheck:
    what = "one probability per output unit" if loss.family == "binary" else "one-hot"
    if len(ya) != len(pa):
        return TargetCheck(
            Verdict.RAISES,
            f"{loss.name} needs targets of the same rank as the output {o} ({what}), got {t}",
            "Arguments `target` and `output` must have the same rank (ndim)",
            "ValueError",
        )
    for i, (a, c) in enumerate(zip(ya, pa, strict=True)):
        if same(a, c) is False:
            return TargetCheck(
                Verdict.RAISES,
                f"{loss.name} needs targets shaped like the output {o} ({what}), got {t}"
                + (f" ({done.removesuffix(', then ')})" if done else "")
                + f": axis {i} is {a} in the targets and {c} in the output",
                "Arguments `target` and `output` must have the same shape",
                "ValueError",
            )
    for a, c in zip(ya, pa, strict=True):
        if same(a, c) is None:
            raise _Undecided(f"whether target axis {a} equals output axis {c}")
    if loss.family == "categorical" and _is_one(pa[-1]):
        return TargetCheck(
            Verdict.MEANINGLESS,
            f"{loss.name} over an output of 1 unit {o}: a softmax over one class is always "
            "1, so the loss is always 0 and nothing trains (use binary_crossentropy)",
        )
    return TargetCheck(Verdict.OK, f"{done}{loss.name} lines up targets {t} with outputs {o}")


_CLASH = object()  # a result axis where the batch met another axis


def _check_broadcast(
    loss: Loss,
    t: str,
    o: str,
    ya: tuple,
    pa: tuple,
    done: str,
    n: Dim,
    batch_size: Dim,
) -> TargetCheck:
    """numpy-style broadcasting of ya against pa; the batch axes are the batch size."""
    rank = max(len(ya), len(pa))
    yy = (None,) * (rank - len(ya)) + ya
    pp = (None,) * (rank - len(pa)) + pa
    result: list[Dim] = []
    broadcast = False
    undecided: str | None = None
    batch_clash: list[Dim] = []
    coincidence = ""
    for a, c in zip(yy, pp, strict=True):
        if a is None or c is None:
            broadcast = True
            result.append(c if a is None else a)
            continue
        if a is BATCH and c is BATCH:
            result.append(BATCH)
            continue
        if a is BATCH or c is BATCH:
            other = c if a is BATCH else a
            if _is_one(other):
                broadcast = True
                result.append(BATCH)
            elif is_known(other):
                batch_clash.append(other)
                result.append(_CLASH)
            else:
                undecided = undecided or f"how the batch axis meets axis {other}"
                result.append(UNKNOWN)
            continue
        verdict = same(a, c)
        if verdict:
            result.append(a)
        elif verdict is False:
            if _is_one(a) or _is_one(c):
                broadcast = True
                result.append(c if _is_one(a) else a)
            else:
                return TargetCheck(
                    Verdict.RAISES,
                    f"{loss.name} cannot line up targets {t} with outputs {o}: {done}"
                    f"broadcasting {_fmt(ya)} against {_fmt(pa)} meets sizes {a} and {c}",
                    "Dimensions must be equal, but are",
                    "ValueError",
                )
        else:
            undecided = undecided or f"whether target axis {a} equals output axis {c}"
            result.append(UNKNOWN)
    if batch_clash:
        batches = _batch_sizes(n, batch_size)
        if batches is None:
            undecided = undecided or "the batch size, which broadcasting lines up with " + (
                f"output axis {batch_clash[0]}"
            )
        else:
            sizes, static = batches
            bad = [s for s in sizes if s != 1 and any(s != d for d in batch_clash)]
            if bad:
                return TargetCheck(
                    Verdict.RAISES,
                    f"{loss.name} cannot line up targets {t} with outputs {o}: {done}"
                    f"the targets {_fmt(ya)} have fewer axes than the outputs {_fmt(pa)}, so "
                    f"broadcasting lines the batch axis (size {bad[0]}) up with an axis of "
                    f"size {batch_clash[0]}",
                    "Dimensions must be equal, but are" if static else "Incompatible shapes",
                    "ValueError" if static else "InvalidArgumentError",
                )
            broadcast = True
            clash = iter(batch_clash)
            result = [next(clash) if d is _CLASH else d for d in result]
            coincidence = (
                f" (it runs only because the batch size equals {batch_clash[0]})"
                if any(s != 1 for s in sizes)
                else ""
            )
    if undecided:
        raise _Undecided(undecided)
    if broadcast:
        return TargetCheck(
            Verdict.BROADCASTS,
            f"{loss.name} does not line up targets {t} with outputs {o}: {done}"
            f"it broadcasts {_fmt(ya)} against {_fmt(pa)} to {_fmt(tuple(result))}, "
            "comparing each prediction with targets of other steps or samples "
            f"(no error, wrong loss){coincidence}",
        )
    if loss.name == "categorical_focal_crossentropy" and _is_one(pa[-1]):
        return TargetCheck(
            Verdict.MEANINGLESS,
            f"{loss.name} over an output of 1 unit {o}: the class probabilities are "
            "normalised over one class, so the loss is always 0 and nothing trains",
        )
    return TargetCheck(Verdict.OK, f"{done}{loss.name} lines up targets {t} with outputs {o}")


# -- what the labels say ---------------------------------------------------------------


@dataclass(frozen=True)
class ClassCount:
    """Classes the labels imply (``labels``) and classes the output has (``units``).

    ``indices``: the labels are class indices (sparse crossentropy), which fit any output with
    at least that many units; one-hot labels need exactly as many.
    """

    labels: Dim
    units: Dim
    indices: bool = False

    @property
    def disagree(self) -> bool:
        """Known counts the output cannot train on."""
        if not (is_known(self.labels) and is_known(self.units)):
            return False
        return self.labels > self.units if self.indices else self.labels != self.units


def class_count(loss: Loss, target: Array, output: Shape) -> ClassCount | None:
    """For classification losses: classes implied by the labels vs output units.

    Sparse crossentropy: ``value_range`` high (labels are ``[low, high)``);
    categorical/binary with one-hot targets: the one-hot depth.  None when the
    loss is not a classification loss or nothing is known.
    """
    eff = effective_loss(loss, target.shape, output)
    if eff is None or not output.dims or not target.shape:
        return None
    loss, units = eff, output.dims[-1]
    if loss.family == "sparse_categorical":
        if target.value_range is None:
            return None
        return ClassCount(target.value_range[1], units, indices=True)
    if loss.family in ("categorical", "binary") and target.one_hot and target.shape:
        return ClassCount(target.shape[-1], units)
    return None


def check_labels(
    loss: Loss,
    target: Array,
    output: Shape,
    *,
    batch_size: Dim = 32,
    tf_keras2: bool = False,
    logits: bool | None = None,
) -> TargetCheck:
    """:func:`check_target` on ``target.shape``, then what the label values imply.

    Sparse crossentropy with labels outside ``[0, units)`` raises at run time
    (``InvalidArgumentError: Received a label value of 9 which is outside the
    valid range of [0, 5)``).  Binary crossentropy with labels beyond 0/1 runs
    and computes nonsense (MEANINGLESS).  Where the shape check raises, the
    reason says what the labels look like (class indices, one-hot).
    """
    shape = check_target(
        loss, target.shape, output, batch_size=batch_size, tf_keras2=tf_keras2, logits=logits
    )
    eff = effective_loss(loss, target.shape, output)
    if eff is None or not eff.valid or not output.dims:
        return shape
    if shape.verdict is Verdict.RAISES:
        hint = _label_hint(eff, target)
        if hint:
            return TargetCheck(
                shape.verdict, f"{shape.reason}; {hint}", shape.keras_says, shape.exception
            )
        return shape
    if shape.verdict not in (Verdict.OK, Verdict.MEANINGLESS) or target.value_range is None:
        return shape
    low, high = target.value_range
    units = output.dims[-1]
    if not (is_known(low) and is_known(high)):
        return shape  # ids of a vocabulary of symbolic size: not judged as labels
    if eff.handling == "sparse" and eff.ignore_class is None:
        if low < 0:
            return TargetCheck(
                Verdict.RAISES,
                f"{eff.name} labels start at {low}; class indices must be >= 0",
                f"Received a label value of {low} which is outside the valid range",
                "InvalidArgumentError",
            )
        if not is_known(units):
            return _unknown(f"the number of output units ({units}) is not known")
        if high > units:
            return TargetCheck(
                Verdict.RAISES,
                f"{eff.name} labels run up to {high - 1} ({high} classes) but the output "
                f"{output} has {units} units",
                f"which is outside the valid range of [0, {units})",
                "InvalidArgumentError",
            )
    if eff.family == "binary" and (low < 0 or high > 2):
        return TargetCheck(
            Verdict.MEANINGLESS,
            f"{eff.name} reads each target as the probability of class 1, but the labels run "
            f"from {low} to {high - 1}: fit runs and the loss is meaningless (for {high} "
            f"classes use Dense({high}, softmax) with sparse_categorical_crossentropy)",
        )
    return shape


def _label_hint(loss: Loss, target: Array) -> str:
    if loss.family == "categorical" and not target.one_hot and target.dtype == "int":
        return (
            "the targets are class indices: use sparse_categorical_crossentropy, or one-hot "
            "encode them (keras.utils.to_categorical)"
        )
    if loss.handling == "sparse" and target.one_hot:
        return "the targets are one-hot: use categorical_crossentropy, or pass class indices"
    if loss.family == "binary" and target.one_hot and target.shape:
        depth = target.shape[-1]
        return (
            f"the targets are one-hot over {depth} classes: binary_crossentropy wants one "
            f"probability per output unit (use Dense({depth}, softmax) with "
            "categorical_crossentropy)"
        )
    return ""


__all__ = [
    "ALIASES",
    "CLASSES",
    "KERAS2_NAMES",
    "POSITIONAL_PARAMS",
    "ClassCount",
    "Loss",
    "TargetCheck",
    "Verdict",
    "check_labels",
    "check_target",
    "class_count",
    "effective_loss",
    "registered",
    "resolve_loss",
]
