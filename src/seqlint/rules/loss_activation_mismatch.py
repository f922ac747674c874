"""SL205: the loss does not fit the activation of the output it trains."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import made, where
from seqlint.rulekit.heads import CompiledHeads, Head, compiled_heads
from seqlint.rulekit.training import fit_sites, loss_swaps, target_verdicts
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.losses import Loss, Verdict

CROSSENTROPIES = frozenset(
    {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}
)
CATEGORICAL = frozenset({"categorical_crossentropy", "sparse_categorical_crossentropy"})
# Activations whose values go below 0, where a binary crossentropy clips them to 1e-7.
BELOW_ZERO = frozenset({"tanh"})


@dataclass(frozen=True)
class Mismatch:
    head: Head
    message: str
    hint: str


def mismatches(compiled: CompiledHeads) -> Iterator[Mismatch]:
    """Every head of a compile call whose loss does not fit its activation."""
    for head in compiled.heads:
        found = _mismatch(head)
        if found is not None:
            yield found


def _mismatch(head: Head) -> Mismatch | None:
    if head.activation == "softmax" and is_known(head.units) and head.units == 1:
        return Mismatch(
            head,
            f"{head.where} is a softmax over a single unit: it always outputs 1.0, "
            "whatever the input",
            f'for one probability use activation="sigmoid" on {made(head.node)}; '
            "for N classes use N units with softmax",
        )
    loss = head.loss
    if loss is None or not loss.valid:
        return None
    if head.keeps_logits:
        found = _read_from_logits(head, loss)
        if found is not None:
            return found
    return _linear_without_logits(head, loss)


def _read_from_logits(head: Head, loss: Loss) -> Mismatch | None:
    """A crossentropy of the other family reads the logits behind a sigmoid/softmax."""
    units, layer = head.units, made(head.node)
    if head.activation == "softmax" and loss.name == "binary_crossentropy" and is_known(units):
        return Mismatch(
            head,
            f"{loss.label} on the softmax of {head.where} ({units} units): Keras computes "
            "the loss on independent sigmoids of the softmax's logits, not on the "
            "distribution the model predicts",
            "one class per sample: categorical_crossentropy (one-hot targets) or "
            "sparse_categorical_crossentropy (class indices); several labels per sample: "
            f'activation="sigmoid" on {layer}',
        )
    several = is_known(units) and units > 1  # "crossentropy" is categorical then
    categorical = loss.name in CATEGORICAL or (loss.family == "auto" and several)
    if head.activation == "sigmoid" and categorical:
        return Mismatch(
            head,
            f"{loss.label} on the sigmoid of {head.where}: Keras trains a softmax over its "
            "logits, but the model predicts independent sigmoids that do not sum to 1",
            f'one class per sample: activation="softmax" on {layer}; several labels per '
            "sample: binary_crossentropy",
        )
    return None


def _linear_without_logits(head: Head, loss: Loss) -> Mismatch | None:
    crossentropy = loss.name in CROSSENTROPIES or loss.family == "auto"
    if not crossentropy or loss.from_logits is not False:
        return None
    activation = head.value_activation
    recurrent = head.activation is None  # the values are a recurrent layer's states
    if activation in BELOW_ZERO and loss.name == "binary_crossentropy":
        hint = f'use activation="sigmoid" on {made(head.node)} for probabilities'
        return Mismatch(
            head,
            f"{loss.label} expects probabilities, but {head.where} outputs {activation} "
            "values, which can be negative: Keras clips them to [1e-7, 1 - 1e-7], so every "
            "negative output counts as 1e-7 (a loss of 16.1 on a target of 1) and gets no "
            "gradient",
            _after_states(head, loss) if recurrent else hint,
        )
    if activation != "linear":
        return None
    hint = (
        f"add a sigmoid/softmax activation to {made(head.node)}, or keep the logits "
        f"and pass from_logits=True ({_logits_loss(loss.name)})"
    )
    return Mismatch(
        head,
        f"{loss.label} expects probabilities, but {head.where} has no activation: "
        "Keras treats its raw outputs as probabilities and clips them to [1e-7, 1 - 1e-7], "
        "so outputs outside that range get no gradient",
        _after_states(head, loss) if recurrent else hint,
    )


def _after_states(head: Head, loss: Loss) -> str:
    units = head.units if is_known(head.units) else "units"
    activation = "softmax" if loss.name in CATEGORICAL else "sigmoid"
    return (
        f'add Dense({units}, activation="{activation}") after {where(head.node)}: a '
        "recurrent layer outputs its states, not probabilities"
    )


def _logits_loss(name: str) -> str:
    return {
        "binary_crossentropy": "keras.losses.BinaryCrossentropy(from_logits=True)",
        "categorical_crossentropy": "keras.losses.CategoricalCrossentropy(from_logits=True)",
        "sparse_categorical_crossentropy": (
            "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"
        ),
    }.get(name, "e.g. keras.losses.BinaryCrossentropy(from_logits=True)")


class LossActivationMismatch(Rule):
    code = "SL205"
    name = "loss-activation-mismatch"
    summary = "The loss does not fit the output's activation (softmax/sigmoid/linear/tanh)."
    severity = Severity.WARNING
    explanation = """\
A loss assumes what the output layer produces; Keras does not check it, and
with the TensorFlow backend a crossentropy even reads the *logits* hidden
behind a sigmoid or softmax output. None of these raises:

- **softmax over a single unit** (`Dense(1, activation="softmax")`): the
  softmax of one number is 1.0, so the model always predicts 1.0. With
  `binary_crossentropy` the reported loss still goes down (Keras trains the
  logit behind the softmax), which makes the bug hard to see.
- **binary crossentropy on a softmax of several units**: Keras computes the
  loss on independent sigmoids of the softmax's logits, not on the
  distribution the model predicts; the loss you watch is not the loss of
  the predictions.
- **categorical (or sparse) crossentropy on a sigmoid output**: Keras
  trains a softmax over the logits, while `predict` returns independent
  sigmoids that do not sum to 1.
- **a crossentropy on a linear output** (`Dense` without activation) without
  `from_logits=True`: Keras takes the raw outputs for probabilities and clips
  them to `[1e-7, 1 - 1e-7]`; every output outside that range gets a zero
  gradient and stops learning. The same holds for a recurrent output layer
  with `activation=None`.
- **binary crossentropy on tanh values** (`Dense(1, activation="tanh")`, or a
  recurrent layer as the output, `LSTM(1)`, whose states pass through tanh):
  every negative output is clipped to `1e-7`, costs 16.1 on a target of 1
  and gets no gradient; a model whose outputs all start negative never moves.

The two logit cases apply when the activation is the output layer's own
(`Dense`, `Conv1D`, `Activation`); a `TimeDistributed` wrapper restacks the
steps into a new tensor, the logits are lost and they are not reported.
`from_logits=True` on a sigmoid/softmax output is not reported either: Keras
3 (TensorFlow backend) notices the activation, warns, and uses its logits."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(16),
            layers.Dense(1, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: SL205
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(32, 10, 3)
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        reported = _one_unit_crossentropies(ctx) | _swapped(ctx)
        for compiled in compiled_heads(ctx):
            key = id(compiled.call)
            found = [m for m in mismatches(compiled) if (key, m.head.node.id) not in reported]
            if found:
                message = "; ".join(m.message for m in found)
                hint = "; ".join(dict.fromkeys(m.hint for m in found))
                yield Finding(compiled.call.loc, message, hint)


def _swapped(ctx: RuleContext) -> set[tuple[int, int]]:
    """(compile, output node) pairs whose loss SL229 reports as swapped with another's."""
    keras2 = tf_keras2(ctx.target)
    return {
        (id(site.compile), use.node.id)
        for site in fit_sites(ctx)
        for swap in loss_swaps(site, keras2)
        for use in swap.uses
    }


def _one_unit_crossentropies(ctx: RuleContext) -> set[tuple[int, int]]:
    """(compile, output node) pairs SL204 reports at the fit call: a categorical
    crossentropy over one unit, whose loss is always 0."""
    found = set()
    for verdict in target_verdicts(ctx):
        use, compiled = verdict.use, verdict.site.compile
        if verdict.check.verdict is not Verdict.MEANINGLESS:
            continue
        dims = use.shape.dims
        one_unit = bool(dims) and is_known(dims[-1]) and dims[-1] == 1
        if one_unit and use.loss is not None and use.loss.name in CATEGORICAL:
            found.add((id(compiled), use.node.id))
    return found
