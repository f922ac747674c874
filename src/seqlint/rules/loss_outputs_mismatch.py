"""SL206: per-output losses (or loss weights) that do not match the model's outputs."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import KerasName, KerasObject, UserFunction, Value
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.heads import CompiledHeads, compiled_heads
from seqlint.rulekit.training import MISSING

# What a single loss can be (a leaf of Keras's loss structure).
_LEAVES = (str, KerasObject, KerasName, UserFunction)


class LossOutputsMismatch(Rule):
    code = "SL206"
    name = "loss-outputs-mismatch"
    summary = "Losses or loss_weights that do not match a multi-output model's outputs."
    severity = Severity.ERROR
    explanation = """\
A model with several outputs takes one loss per output: a list in output
order or a dict keyed by output name (the keys of `Model(outputs={...})`,
else each output layer's `name=`). `compile` accepts anything; the first
`fit` (or `evaluate`) builds the losses and raises when they do not match:

- a dict of losses whose keys are not exactly the output names (a typo, a
  missing output): ``Expected keys ['price', 'churn'] in loss dict``; with
  dict outputs, a key that is not an output:
  ``The path: ('chrn',) in the `loss` argument, can't be found``;
- a list with more losses than outputs:
  ``The path: (2,) in the `loss` argument, can't be found`` (a list for dict
  outputs must have exactly one loss per output);
- `loss_weights` that do not match the losses: a list of the wrong length,
  or per-output weights for one shared loss (``loss="mse",
  loss_weights=[1.0, 0.5]``): `` `loss_weights` must match the number of
  losses ``; a dict of weights missing an output name: `KeyError`.

(A list with *fewer* losses than outputs does not raise: the outputs past
its end get no loss and never train, with only a warning about missing
gradients.)

Keras 2 (`target-keras = "2"`) is more lenient: a loss dict may leave
outputs out (they get no loss), and surplus losses or weights are dropped;
it raises only for a dict key that names no output (``Found unexpected
losses or metrics that do not correspond to any Model output``)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        price = np.random.rand(32, 1)
        churn = np.random.randint(0, 2, size=(32, 1))
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(16)(inputs)
        price_out = layers.Dense(1, name="price")(h)
        churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
        model = keras.Model(inputs, [price_out, churn_out])
        losses = {"price": "mse", "chrun": "binary_crossentropy"}
        model.compile(optimizer="adam", loss=losses)  # expect: SL206
        model.fit(X, [price, churn], epochs=1, verbose=0)
        """
    )
    keras_error = r"Expected keys \['price', 'churn'\] in loss dict"
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        price = np.random.rand(32, 1)
        churn = np.random.randint(0, 2, size=(32, 1))
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(16)(inputs)
        price_out = layers.Dense(1, name="price")(h)
        churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
        model = keras.Model(inputs, [price_out, churn_out])
        losses = {"price": "mse", "churn": "binary_crossentropy"}
        model.compile(optimizer="adam", loss=losses)
        model.fit(X, [price, churn], epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for compiled in compiled_heads(ctx):
            if len(compiled.heads) < 2 or compiled.call.model.kind != "functional":
                continue
            if ctx.major == "2":
                # Keras 2 leaves outputs without a loss, drops surplus list entries and
                # weights: it raises only for a dict key that names no output
                problem = _keras2_unknown_keys(compiled)
                if problem is not None:
                    yield Finding(compiled.call.loc, *problem)
                continue
            # in the order Keras's CompileLoss.build checks them
            problem = (
                _dict_keys_problem(compiled)
                or _weights_problem(compiled)
                or _structure_problem(compiled)
            )
            if problem is not None:
                message, hint = problem
                yield Finding(compiled.call.loc, message, hint)


def _outputs(compiled: CompiledHeads) -> str:
    count = len(compiled.heads)
    if compiled.names_known:
        names = ", ".join(repr(h.name) for h in compiled.heads)
        return f"the {count} outputs of the model [{names}]"
    return f"the {count} outputs of the model"


def _names_hint(compiled: CompiledHeads) -> str:
    if compiled.names_known:
        names = ", ".join(repr(h.name) for h in compiled.heads)
        return f"one loss per output, in output order, or a dict keyed by {names}"
    return "one loss per output, in output order"


def _dict_keys_problem(compiled: CompiledHeads) -> tuple[str, str] | None:
    """A loss dict for list outputs must name exactly the outputs."""
    loss = compiled.call.args.get("loss", MISSING)
    if not isinstance(loss, dict) or compiled.container is dict or not compiled.names_known:
        return None
    keys = list(loss)
    names = [h.name for h in compiled.heads]
    if not all(isinstance(k, str) for k in keys) or set(keys) == set(names):
        return None
    missing = [n for n in names if n not in keys]
    extra = [k for k in keys if k not in names]
    parts = []
    if extra:
        verb = "is not an output name" if len(extra) == 1 else "are not output names"
        parts.append(f"{_quoted(extra)} {verb}")
    if missing:
        parts.append(f"no loss for {_quoted(missing)}")
    return (
        f"loss dict does not match {_outputs(compiled)}: {' and '.join(parts)}; fit "
        f'raises ValueError ("Expected keys {names} in loss dict")',
        f"key the dict by the output names {names}",
    )


def _keras2_unknown_keys(compiled: CompiledHeads) -> tuple[str, str] | None:
    """Keras 2: a loss dict for list outputs whose keys are not all output names."""
    loss = compiled.call.args.get("loss", MISSING)
    if not isinstance(loss, dict) or compiled.container is dict or not compiled.names_known:
        return None
    names = [h.name for h in compiled.heads]
    extra = [k for k in loss if isinstance(k, str) and k not in names]
    if not extra or not all(isinstance(k, str) for k in loss):
        return None
    verb = "is not an output name" if len(extra) == 1 else "are not output names"
    return (
        f"loss dict does not match {_outputs(compiled)}: {_quoted(extra)} {verb}; Keras 2's "
        'fit raises ValueError ("Found unexpected losses or metrics that do not correspond '
        'to any Model output")',
        f"key the dict by the output names {names}",
    )


def _structure_problem(compiled: CompiledHeads) -> tuple[str, str] | None:
    """A loss dict naming no output of dict outputs; a list too long for the outputs."""
    loss = compiled.call.args.get("loss", MISSING)
    count = len(compiled.heads)
    outputs = _outputs(compiled)
    if isinstance(loss, dict) and compiled.container is dict:
        unknown = [k for k in loss if k not in [h.name for h in compiled.heads]]
        if not unknown or not isinstance(unknown[0], str):
            return None
        return (
            f"loss has key {unknown[0]!r}, which is not an output: {outputs}; fit raises "
            f"KeyError (\"The path: ('{unknown[0]}',) in the `loss` argument, can't be "
            'found")',
            _names_hint(compiled),
        )
    if isinstance(loss, (list, tuple)):
        if not all(_leaf(v) for v in loss):
            return None
        size = len(loss)
        if compiled.container is dict and size != count:
            return (
                f"loss gives {size} {_plural(loss, 'loss', 'losses')} for {outputs}; fit "
                'raises TypeError ("Expected any non-tensor type, but got a tensor '
                'instead")',
                _names_hint(compiled),
            )
        if compiled.container is type(loss) and size > count:
            return (
                f'loss gives {size} losses for {outputs}; fit raises KeyError ("The path: '
                f"({count},) in the `loss` argument, can't be found\")",
                _names_hint(compiled),
            )
    return None


def _loss_count(compiled: CompiledHeads) -> int | None:
    """How many losses Keras pairs ``loss_weights`` with; None when not known."""
    loss = compiled.call.args.get("loss", MISSING)
    if isinstance(loss, _LEAVES):
        return 1
    if isinstance(loss, (list, tuple)) and all(_leaf(v) for v in loss):
        return len(loss)
    if isinstance(loss, dict) and all(_leaf(v) for v in loss.values()):
        if compiled.container is dict:
            return len(loss)
        names = {h.name for h in compiled.heads}
        # list outputs: Keras turns the dict into a list, once its keys match the names
        return len(names) if compiled.names_known and set(loss) == names else None
    return None


def _weights_problem(compiled: CompiledHeads) -> tuple[str, str] | None:
    weights: Value = compiled.call.args.get("loss_weights", MISSING)
    if not isinstance(weights, (list, tuple, dict)):
        return None
    loss = compiled.call.args.get("loss", MISSING)
    count = _loss_count(compiled)
    if count is None:
        return None
    shared = isinstance(loss, _LEAVES)
    if isinstance(weights, dict):
        if isinstance(loss, dict) and compiled.container is not dict:
            names = [h.name for h in compiled.heads]
            missing = [n for n in names if n not in weights]
            if not missing or not all(isinstance(k, str) for k in weights):
                return None
            return (
                f"loss_weights has no weight for {_quoted(missing)}, one of {_outputs(compiled)}; "
                f"fit raises KeyError ({missing[0]!r})",
                f"give loss_weights one entry per output name {names}",
            )
        if isinstance(loss, dict) and set(weights) == set(loss):
            return None
    size = len(weights)
    if size == count:
        return None
    if shared:
        return (
            f"loss_weights gives {size} weights, but loss {_label(loss)} is one loss shared "
            f'by {_outputs(compiled)}; fit raises ValueError ("`loss_weights` must match '
            f'the number of losses, got 1 losses and {size} weights")',
            "to weight the outputs, give one loss per output: "
            f"loss=[{', '.join([_label(loss)] * len(compiled.heads))}], "
            f"loss_weights=[...] ({len(compiled.heads)} of each)",
        )
    return (
        f"loss_weights gives {size} weights for {count} losses; fit raises ValueError "
        f'("`loss_weights` must match the number of losses, got {count} losses and {size} '
        'weights")',
        f"give one weight per loss ({count})",
    )


def _leaf(value: Value) -> bool:
    return value is None or isinstance(value, _LEAVES)


def _label(loss: Value) -> str:
    if isinstance(loss, str):
        return repr(loss)
    if isinstance(loss, KerasObject):
        return loss.label
    if isinstance(loss, KerasName):
        return loss.name.rsplit(".", 1)[-1]
    if isinstance(loss, UserFunction):
        return loss.name
    return "the loss"


def _quoted(items: list) -> str:
    return ", ".join(repr(i) for i in items)


def _plural(items: object, word: str, plural: str | None = None) -> str:
    return word if len(items) == 1 else (plural or word + "s")  # type: ignore[arg-type]
