"""One layer configuration, answered by seqlint's catalogue and by real Keras, and compared.

A :class:`Case` is a layer class, its constructor arguments and the shapes it is applied to
(without the batch axis; ``None`` is a size Keras does not know). :func:`seqlint_outcome`
asks the catalogue (shape function and parameter count, no TensorFlow), :func:`keras_outcome`
builds the real layer and calls it on symbolic inputs (``keras.Input``), which runs its
``build`` and ``compute_output_spec`` as a functional model does, then reads
``count_params``. :func:`compare` says how the two answers relate (:data:`VERDICTS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from seqlint.dims import BATCH, NONE, Shape, is_known
from seqlint.ir import Layer, Loc, Span
from seqlint.shapes.catalogue import Call, count_params, output_shapes, spec
from seqlint.shapes.problems import ShapeProblem

SPAN = Loc.fixed(Span(1, 1, 1, 1))

# How seqlint's answer relates to Keras's. The first two are agreement; "construction" means
# Keras refused the arguments before any input was seen (not a shape question).
AGREE, AGREE_ERROR, CONSTRUCTION = "agree", "agree-error", "construction"
FALSE_ERROR, MISSED_ERROR = "false-error", "missed-error"
WRONG_SHAPE, IMPRECISE, UNMODELLED = "wrong-shape", "imprecise", "unmodelled"
VERDICTS = (
    AGREE,
    AGREE_ERROR,
    CONSTRUCTION,
    FALSE_ERROR,
    MISSED_ERROR,
    WRONG_SHAPE,
    IMPRECISE,
    UNMODELLED,
)
PARAMS_AGREE, PARAMS_WRONG, PARAMS_UNKNOWN = "agree", "wrong", "unknown"
# A Keras output that is itself a list of tensors (the states of one cell of a stacked RNN):
# seqlint holds one shape per output, so its answer there is the unknown shape.
NESTED = "nested"


@dataclass(frozen=True)
class Nest:
    """A layer given as a constructor argument (Bidirectional's ``layer``, RNN's ``cell``...)."""

    kind: str
    config: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    kind: str
    config: dict[str, Any]
    inputs: tuple[tuple[Any, ...], ...]  # shapes without the batch axis
    as_list: bool = False  # the inputs are passed as one list (merges, Attention)
    # initial_state shapes; a list of shapes is one nested state (a stacked cell's [h, c]),
    # which seqlint sees as one tensor of unknown shape, as the frontend does
    states: tuple[Any, ...] = ()
    states_as: str = "initial_state"  # the call keyword of the states ("states" for a cell)
    call: dict[str, Any] = field(default_factory=dict)  # call keywords (return_attention_scores)
    dtypes: tuple[str, ...] = ()  # per input; default float32
    batch: int | None = None  # a fixed batch size
    runtime: bool = False  # Keras's symbolic shapes are wrong here: compare with a real run
    # inputs that carry a Keras mask (of their shape without the last axis: a Masking layer)
    masked: tuple[bool, ...] = ()
    # tensors given by keyword (``attention_mask``): their shapes without the batch axis
    keywords: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    run_batch: int | None = None  # the batch of a real run (default: ``batch``, else 2)

    def __str__(self) -> str:
        cfg = ",".join(f"{k}={_short(v)}" for k, v in self.config.items())
        extra = f"+{self.call}" if self.call else ""
        states = f"|states={list(self.states)}" if self.states else ""
        masks = f"|masked={list(self.masked)}" if any(self.masked) else ""
        keywords = f"|{self.keywords}" if self.keywords else ""
        return f"{self.kind}({cfg}){extra}{list(self.inputs)}{states}{masks}{keywords}"

    def mask_keywords(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        """The keyword tensors and the Keras masks the layer gets, as the frontend names them
        (``query_mask``... for the masked inputs, in order), shapes without the batch axis."""
        names = ("query_mask", "value_mask", "key_mask")
        masks = tuple(
            (name, shape[:-1])
            for name, shape, masked in zip(names, self.inputs, self.masked, strict=False)
            if masked
        )
        return (*self.keywords.items(), *masks)


def _short(value: Any) -> str:
    if isinstance(value, Nest):
        return f"{value.kind}({','.join(f'{k}={_short(v)}' for k, v in value.config.items())})"
    if isinstance(value, (list, tuple)) and any(isinstance(v, Nest) for v in value):
        return "[" + ",".join(_short(v) for v in value) + "]"
    return repr(value)


@dataclass(frozen=True)
class Outcome:
    """One side's answer: output shapes (batch and unknown sizes as None) and the parameter
    count, or the error (``stage`` "build"; "init" when Keras refused the constructor)."""

    shapes: tuple[tuple[Any, ...] | None, ...] | None = None
    params: int | None = None
    error: str = ""
    stage: str = "ok"  # ok | init | build | unmodelled


# -- seqlint ---------------------------------------------------------------------------------


def to_ir(value: Any) -> Any:
    if isinstance(value, Nest):
        return Layer(value.kind, {k: to_ir(v) for k, v in value.config.items()}, SPAN, value.kind)
    if isinstance(value, list):
        return [to_ir(v) for v in value]
    if isinstance(value, tuple):
        return tuple(to_ir(v) for v in value)
    return value


def _ir_shape(dims: tuple[Any, ...], batch: int | None) -> Shape:
    return Shape((BATCH if batch is None else batch, *(NONE if d is None else d for d in dims)))


def seqlint_outcome(case: Case) -> Outcome:
    entry = spec(case.kind)
    if entry is None or entry.shape is None:
        return Outcome(stage="unmodelled")
    layer = to_ir(Nest(case.kind, {**case.config, **case.call}))
    inputs = tuple(_ir_shape(s, case.batch) for s in case.inputs)
    call = Call(
        layer,
        inputs,
        as_list=case.as_list,
        states=tuple(
            Shape.unknown() if isinstance(s, list) else _ir_shape(s, case.batch)
            for s in case.states
        ),
        keywords=tuple((n, _ir_shape(s, case.batch)) for n, s in case.mask_keywords()),
    )
    try:
        result = output_shapes(call)
    except ShapeProblem as problem:
        return Outcome(error=f"{problem.kind.value}: {problem.message}", stage="build")
    assert result is not None
    shapes = tuple(
        None
        if s.dims is None
        else tuple(d if is_known(d) else None if d in (BATCH, NONE) else "?" for d in s.dims)
        for s in result
    )
    return Outcome(shapes=shapes, params=count_params(layer, inputs))


# -- Keras -----------------------------------------------------------------------------------


def to_keras(value: Any) -> Any:
    import keras

    if isinstance(value, Nest):
        cls = getattr(keras.layers, value.kind)
        return cls(**{k: to_keras(v) for k, v in value.config.items()})
    if isinstance(value, list):
        return [to_keras(v) for v in value]
    return value


def _flat(y: Any) -> list[Any]:
    if isinstance(y, dict):
        return list(y.values())
    return list(y) if isinstance(y, (list, tuple)) else [y]


def _shape_of(output: Any) -> tuple[Any, ...] | str:
    """An output's shape; :data:`NESTED` for an output that is a list of tensors."""
    return NESTED if isinstance(output, (list, tuple)) else tuple(output.shape)


def _state_inputs(case: Case) -> list[Any]:
    """The initial states as ``keras.Input``s, nested as the case gives them."""
    import keras

    def make(state: Any) -> Any:
        if isinstance(state, list):
            return [make(s) for s in state]
        return keras.Input(batch_shape=(case.batch, *state))

    return [make(s) for s in case.states]


def keras_outcome(case: Case) -> Outcome:
    import keras

    try:
        layer = to_keras(Nest(case.kind, case.config))
    except Exception as error:  # noqa: BLE001  (Keras refused the arguments)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="init")
    if case.kind == "InputLayer":  # applied to nothing: its output is the declared input
        return Outcome(shapes=(tuple(layer.output.shape),), params=layer.count_params())
    dtypes = case.dtypes or ("float32",) * len(case.inputs)
    try:
        xs = [
            keras.Input(batch_shape=(case.batch, *s), dtype=dtype)
            for s, dtype in zip(case.inputs, dtypes, strict=True)
        ]
        kwargs = dict(case.call)
        if case.states:
            kwargs[case.states_as] = _state_inputs(case)
        extra = {n: keras.Input(batch_shape=(case.batch, *s)) for n, s in case.keywords.items()}
        kwargs.update(extra)
        given = [
            keras.layers.Masking()(x) if masked else x
            for x, masked in zip(xs, (*case.masked, *[False] * len(xs)), strict=False)
        ]
        if case.as_list:
            y = layer(given, **kwargs)
        elif len(given) == 1:
            y = layer(given[0], **kwargs)
        else:
            y = layer(*given, **kwargs)
    except Exception as error:  # noqa: BLE001  (Keras raised when it met the inputs)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    params = layer.count_params() if layer.built else None
    if case.runtime:
        states = [*keras.tree.flatten(kwargs.get(case.states_as, [])), *extra.values()]
        return _run(case, xs, states, y, params)
    shapes = tuple(_shape_of(t) for t in _flat(y))
    return Outcome(shapes=shapes, params=params)


def _run(case: Case, xs: list, states: list, y: Any, params: int | None) -> Outcome:
    """The shapes of the outputs of two real ``predict`` runs on zeros (of the case's batch
    size, else 2), the unknown sizes filled with 3 and then 5: an output size that changes
    with them is undefined (None). ``states`` are the other inputs (initial states, keyword
    tensors), flat."""
    import keras

    model = keras.Model([*xs, *states], y)
    try:
        first, second = (_predict(model, case, fill) for fill in (3, 5))
    except Exception as error:  # noqa: BLE001  (Keras raised when it ran the model)
        return Outcome(error=f"{type(error).__name__}: {error}", stage="build")
    shapes = tuple(
        a
        if a == NESTED
        else (case.batch, *(d if d == e else None for d, e in zip(a[1:], b[1:], strict=True)))
        for a, b in zip(first, second, strict=True)
    )
    return Outcome(shapes=shapes, params=params)


def _predict(model: Any, case: Case, fill: int) -> list[tuple[int, ...] | str]:
    import numpy as np

    states = [s for group in case.states for s in (group if isinstance(group, list) else [group])]
    states += list(case.keywords.values())
    dtypes = (*(case.dtypes or ("float32",) * len(case.inputs)), *("float32",) * len(states))
    batch = case.batch or case.run_batch or 2
    data = [
        _zeros(np, (batch, *(fill if d is None else d for d in s)), dtype, fill)
        for s, dtype in zip((*case.inputs, *states), dtypes, strict=True)
    ]
    return [_shape_of(a) for a in _flat(model.predict(data, verbose=0))]


def _zeros(np: Any, shape: tuple[int, ...], dtype: str, fill: int) -> Any:
    """Zeros of ``dtype``. Strings have no zero: each is ``fill`` words (``"a a a"``), so a
    size that depends on the text (the tokens TextVectorization splits it into) changes
    between the runs like the undefined ones; a TensorFlow tensor, as ``predict`` refuses
    NumPy string arrays."""
    if dtype == "string":
        import tensorflow as tf

        return tf.constant(np.full(shape, " ".join(["a"] * fill)))
    return np.zeros(shape, dtype)


# -- comparison ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    case: Case
    ours: Outcome
    keras: Outcome
    verdict: str
    params: str  # agree | wrong | unknown ("" when not compared)

    @property
    def agrees(self) -> bool:
        return self.verdict in (AGREE, AGREE_ERROR, CONSTRUCTION) and self.params in ("", "agree")

    def __str__(self) -> str:
        return (
            f"{self.case}: {self.verdict}/{self.params or '-'}; seqlint {self.ours.shapes} "
            f"{self.ours.params} {self.ours.error[:200]} | keras {self.keras.shapes} "
            f"{self.keras.params} {self.keras.error[:300]}"
        )


def compare(case: Case) -> Comparison:
    keras = keras_outcome(case)
    ours = seqlint_outcome(case)
    params = ""
    if keras.stage == "init":
        verdict = CONSTRUCTION
    elif ours.stage == "unmodelled":
        verdict = UNMODELLED
    elif keras.stage == "build":
        verdict = AGREE_ERROR if ours.stage == "build" else MISSED_ERROR
    elif ours.stage == "build":
        # Keras builds it; whether it fails when it runs (sizes that can never broadcast
        # once the undefined ones are known) is what a real run says
        ran = keras_outcome(replace(case, runtime=True))
        verdict = AGREE_ERROR if ran.stage == "build" else FALSE_ERROR
    else:
        verdict = _shape_verdict(ours.shapes or (), keras.shapes or ())
        if keras.params is not None:
            if ours.params is None:
                params = PARAMS_UNKNOWN
            else:
                params = PARAMS_AGREE if ours.params == keras.params else PARAMS_WRONG
    return Comparison(case, ours, keras, verdict, params)


def _shape_verdict(ours: tuple, theirs: tuple) -> str:
    if len(ours) != len(theirs):
        return WRONG_SHAPE
    imprecise = False
    for mine, real in zip(ours, theirs, strict=True):
        if real == NESTED:  # a list of tensors: one output seqlint must leave unknown
            if mine is not None:
                return WRONG_SHAPE
            continue
        if mine is None:
            imprecise = True
            continue
        if len(mine) != len(real):
            return WRONG_SHAPE
        for a, b in zip(mine, real, strict=True):
            if a == b:
                continue
            if b is None:  # Keras does not know the size: seqlint must not claim one
                if a is not None and a != "?":
                    return WRONG_SHAPE
                continue
            if a is None or a == "?":
                imprecise = True
                continue
            return WRONG_SHAPE
    return IMPRECISE if imprecise else AGREE
