"""SL212: a recurrent layer that only ever sees one time step."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known
from seqlint.ir import Batches, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import (
    chain_to,
    inner_layer,
    input_shape,
    is_recurrent,
    output_shape,
    primary_input,
    trace,
    where,
)
from seqlint.rulekit.feeding import model_node_ids

# Methods that hand a generator's windows to the model (fit_generator included: the
# window is as degenerate there, whatever else goes wrong).
WINDOW_CALLS = frozenset(
    {"fit", "evaluate", "predict", "fit_generator", "evaluate_generator", "predict_generator"}
)


class DegenerateWindow(Rule):
    code = "SL212"
    name = "degenerate-window"
    summary = "A recurrent layer sees sequences of a single time step."
    severity = Severity.WARNING
    explanation = """\
An LSTM, GRU or SimpleRNN carries a state from one step to the next; with
one step per sequence there is no next step. It starts from a zero state,
reads the single step and stops: the recurrent weights are never used, and
the layer is a feed-forward layer with extra gates. Nothing fails -- the
model trains like a Dense network, which is why "an LSTM does no better
than a DNN".

The usual causes: `TimeseriesGenerator(data, targets, length=1)` or
`timeseries_dataset_from_array(..., sequence_length=1)` cutting windows of
one step, or `X.reshape((samples, 1, features))` to satisfy the LSTM's rank.
Give the windows several steps (the look-back you want the model to use);
for a stateful model that carries its state across batches, one step per
batch is legitimate (`stateful=True` is not reported)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        series = np.random.rand(200, 2)
        windows = keras.utils.timeseries_dataset_from_array(  # expect: SL212
            series[:-1], series[1:, 0], sequence_length=1, batch_size=16
        )
        model = keras.Sequential([
            keras.Input(shape=(1, 2)),
            layers.LSTM(16),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(windows, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        series = np.random.rand(200, 2)
        windows = keras.utils.timeseries_dataset_from_array(
            series, series[10:, 0], sequence_length=10, batch_size=16
        )
        model = keras.Sequential([
            keras.Input(shape=(10, 2)),
            layers.LSTM(16),
            layers.Dense(1),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(windows, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        covered: set[int] = set()  # recurrent nodes whose single step a generator explains
        reported: set[int] = set()
        for batches, recurrent in degenerate_windows(ctx):
            covered.update(n.id for n in recurrent)
            if id(batches) not in reported:
                reported.add(id(batches))
                yield self._window_finding(batches, recurrent[0], ctx)
        yield from self._unfed_windows(ctx)
        causes: dict[int, list[Node]] = {}  # where the single step comes from -> its readers
        for node in ctx.ir.nodes:
            if node.id in covered or not _reads_steps(node) or not _one_step(node, ctx):
                continue
            causes.setdefault(_one_step_origin(node, ctx).id, []).append(node)
        for readers in causes.values():
            yield self._layer_finding(readers[0], readers[1:], ctx)

    def _unfed_windows(self, ctx: RuleContext) -> Iterator[Finding]:
        """One-step generators no data call takes as ``x``.  Not one without targets of its
        own while the file feeds a model other data: it may be the targets half of a pair
        (``fit(tf.data.Dataset.zip((inputs, targets)))``), where one step is no window."""
        fed = {id(call.args.get("x")) for call in ctx.ir.training}
        feeding = any(call.method in WINDOW_CALLS for call in ctx.ir.training)
        for batches in ctx.ir.windows:
            if id(batches) in fed:
                continue
            if not is_known(batches.window) or batches.window != 1:
                continue
            if batches.y is None and feeding:
                continue
            yield self._window_finding(batches, None, ctx)

    def _window_finding(self, batches: Batches, layer: Node | None, ctx: RuleContext) -> Finding:
        """``layer`` is the recurrent layer fed, None when no model in the file takes them."""
        keyword = "length" if batches.maker == "TimeseriesGenerator" else "sequence_length"
        reader = "a recurrent layer given them" if layer is None else where(layer)
        message = (
            f"{batches.maker}({keyword}=1) cuts windows of a single step: {reader} "
            f"reads one step from a zero state, so its recurrent weights are never used and "
            f"it works as a feed-forward layer"
        )
        hint = f"give the windows the look-back the model should use, e.g. {keyword}=10"
        if batches.maker == "TimeseriesGenerator":
            hint += (
                "; in Keras 3 prefer keras.utils.timeseries_dataset_from_array "
                "(its targets are not shifted: pass targets=data[length:])"
            )
        rows = () if layer is None else trace(chain_to(layer, ctx), ctx)
        return Finding(batches.loc, message, hint, rows)

    def _layer_finding(self, node: Node, others: list[Node], ctx: RuleContext) -> Finding:
        """``node`` is the first recurrent layer of one step; ``others`` read the same step."""
        message = (
            f"{where(node)} gets sequences of one time step {input_shape(node, ctx)}: it reads "
            f"one step from a zero state, so its recurrent weights are never used and it "
            f"works as a feed-forward layer"
        )
        if others:
            names = ", ".join(where(n) for n in others)
            message += f"; the same single step reaches {names}"
        hint = (
            "feed windows of several steps, (samples, timesteps, features); with one step "
            "per sample a Dense layer does the same"
        )
        return Finding(node.loc, message, hint, trace(chain_to(node, ctx), ctx))


def degenerate_windows(ctx: RuleContext) -> Iterator[tuple[Batches, list[Node]]]:
    """Every generator of one-step windows feeding a model, with its recurrent layers."""
    for call in ctx.ir.training:
        batches = call.args.get("x")
        if call.method not in WINDOW_CALLS or not isinstance(batches, Batches):
            continue
        if not is_known(batches.window) or batches.window != 1:
            continue
        layers = [ctx.ir.nodes[i] for i in sorted(model_node_ids(call.model, ctx))]
        recurrent = [n for n in layers if _reads_steps(n) and _may_see_one_step(n, ctx)]
        if recurrent:
            yield batches, recurrent


def _one_step(node: Node, ctx: RuleContext) -> bool:
    """The layer's input provably has a time axis of one step."""
    seen = input_shape(node, ctx).dims
    return seen is not None and len(seen) == 3 and is_known(seen[1]) and seen[1] == 1


def _one_step_origin(node: Node, ctx: RuleContext) -> Node:
    """The first node upstream of ``node`` whose output already has the single step: the
    Input that declares it, or the layer (a pooling, a reshape...) that made it."""
    origin = primary_input(node, ctx)
    while origin is not None:
        parent = primary_input(origin, ctx)
        dims = None if parent is None else output_shape(parent, ctx).dims
        if dims is None or len(dims) != 3 or not is_known(dims[1]) or dims[1] != 1:
            return origin
        origin = parent
    return node


def _may_see_one_step(node: Node, ctx: RuleContext) -> bool:
    """The layer's time axis is 1 or not known (not a RepeatVector(10) in between)."""
    seen = input_shape(node, ctx).dims
    if seen is None or len(seen) != 3:
        return seen is None
    return not is_known(seen[1]) or seen[1] == 1


def _reads_steps(node: Node) -> bool:
    """A recurrent layer that starts every sequence from a zero state."""
    if not is_recurrent(node.layer) or node.state_inputs:
        return False
    inner = inner_layer(node.layer)
    for layer in (node.layer, inner):
        if layer.get("stateful", False) is not False:
            return False
        if layer.get("return_state", False) is not False:
            return False
    return True
