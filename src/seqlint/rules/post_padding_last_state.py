"""SL243: post-padded sequences read to their last step by an unmasked recurrent layer."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import is_known
from seqlint.ir import Array, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import (
    chain_to,
    inner_layer,
    input_shape,
    is_recurrent,
    made,
    output_shape,
    trace,
    where,
)
from seqlint.rulekit.feeding import Feed, consumers, data_name, feeds, model_node_ids
from seqlint.rules.padding_without_mask import unmasked_taggers
from seqlint.shapes.catalogue import Trait, has_trait

# Layers that keep every step where it was: the padding stays at the end.
STEPWISE = (Trait.PER_STEP, Trait.KEEPS_SHAPE, Trait.KEEPS_STEPS)


class PostPaddingLastState(Rule):
    code = "SL243"
    name = "post-padding-last-state"
    summary = "A recurrent layer returns its last state after the padding of post-padded data."
    severity = Severity.WARNING
    explanation = """\
`pad_sequences(..., padding="post")` puts the padding *after* the tokens, and
so does a `TextVectorization` layer called on texts (it has no other side). A
recurrent layer that returns one vector per sequence (`return_sequences=False`,
the default) returns its state after the last step -- and without a mask the
last steps of every short sequence are padding: the state has read the
tokens, then a run of padding vectors that washes them out. Nothing fails; the
output for a sentence depends on how much padding follows it (the same
sentence padded to 20 or to 50 steps gets another prediction), and the longer
the padding the less the tokens count: after 200 padding steps two different
sentences get the same output to 1e-3 of what tells them apart with a mask
(tests/keras/test_data_rules_keras.py).

With `Embedding(..., mask_zero=True)` (or a `Masking` layer) Keras skips the
padded steps and the last state is the last real token's; with
`padding="pre"` (the default) the padding comes first and the last steps are
the tokens. A `Bidirectional` layer is reported for its forward half; its fix
is the mask, since pre-padding puts the padding last in its backward half
(which SL243 leaves alone, like a `go_backwards=True` layer). A per-step
model, where the padded steps enter the loss, is SL211's: where SL211
reports the Embedding, SL243 stays silent on the layers behind it (one
cause, one fix: `mask_zero=True` on that Embedding)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.preprocessing.sequence import pad_sequences

        tokens = [np.random.randint(1, 100, size=n) for n in np.random.randint(3, 20, size=32)]
        X = pad_sequences(tokens, maxlen=20, padding="post")
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(100, 16),
            layers.LSTM(16),  # expect: SL243
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.preprocessing.sequence import pad_sequences

        tokens = [np.random.randint(1, 100, size=n) for n in np.random.randint(3, 20, size=32)]
        X = pad_sequences(tokens, maxlen=20, padding="post")
        y = np.random.randint(0, 2, size=(32, 1))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(100, 16, mask_zero=True),
            layers.LSTM(16),
            layers.Dense(1, activation="sigmoid"),
        ])
        model.compile(optimizer="adam", loss="binary_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        # An Embedding SL211 reports is one cause with one fix (mask_zero=True on it):
        # SL211 names it, and SL243 stays silent on the recurrent layers behind it.
        tagged = {embedding.id for _, _, embedding, _ in unmasked_taggers(ctx)}
        reported: set[int] = set()
        for feed in feeds(ctx):
            x = feed.data
            if not isinstance(x, Array) or not x.zero_padded or x.padded_at != "post":
                continue
            graph = model_node_ids(feed.call.model, ctx)
            if any(ctx.ir.nodes[i].layer.kind == "Masking" for i in graph):
                continue
            for reader, embedding in _last_state_readers(feed.input, graph, ctx):
                if embedding is not None and embedding.id in tagged:
                    continue
                if reader.id not in reported:
                    reported.add(reader.id)
                    yield self._finding(feed, x, reader, embedding, ctx)

    def _finding(
        self, feed: Feed, x: Array, reader: Node, embedding: Node | None, ctx: RuleContext
    ) -> Finding:
        dims = input_shape(reader, ctx).dims
        known = dims is not None and len(dims) == 3 and is_known(dims[1])
        last = f"the last of its {dims[1]} steps" if known else "the last step"
        shorter = f"every sequence shorter than {dims[1]}" if known else "every shorter sequence"
        bidirectional = reader.layer.kind == "Bidirectional"
        returns = (
            "returns, in its forward half, the state" if bidirectional else "returns its state"
        )
        unmasked = f"{made(embedding)} has no mask_zero=True" if embedding else "no layer masks it"
        by = x.padded_by
        name = (x.name or "x") if by is not None and x.loc == by else data_name(x)
        line = f" at line {by.line}" if by is not None else ""
        vectorized = x.padder == "TextVectorization"
        padder = "a TextVectorization layer" if vectorized else 'pad_sequences(..., padding="post")'
        padded = f"{name} is padded after the tokens by {padder}{line}"
        message = (
            f"{padded} and {unmasked}: "
            f"{where(reader)} {returns} after {last}, and for {shorter} that step is padding "
            f"({feed.call.method} at line {feed.call.loc.line}); nothing fails, but the "
            "output depends on how much padding follows the tokens and forgets them"
        )
        fix = (
            f"set mask_zero=True on {embedding.layer.label}"
            if embedding
            else f"add layers.Masking(mask_value=0.0) before {reader.layer.label}"
        )
        if bidirectional:  # pre-padding would put the padding last in the backward half
            hint = f"{fix}: both directions then skip the padded steps"
        elif vectorized:  # TextVectorization has no padding side to choose
            hint = f"{fix} (the last state is then the last real step's)"
        else:
            hint = (
                f"{fix} (the last state is then the last real step's), "
                'or pad with padding="pre" so that the tokens are the last steps'
            )
        return Finding(reader.loc, message, hint, trace(chain_to(reader, ctx), ctx))


def _last_state_readers(
    start: Node, graph: set[int], ctx: RuleContext
) -> Iterator[tuple[Node, Node | None]]:
    """The recurrent layers returning one state per sequence that the data reaches with its
    steps in place and unmasked, each with the unmasked Embedding on the way (if any)."""
    users = consumers(ctx)
    frontier: list[tuple[Node, Node | None]] = [(start, None)]
    seen = {start.id}
    while frontier:
        current, embedding = frontier.pop()
        for user in users.get(current.id, []):
            if user.id in seen or user.id not in graph or len(user.inputs) != 1:
                continue
            seen.add(user.id)
            step = _step(user, embedding, ctx)
            if step is None:
                continue
            if step == "reader":
                yield user, embedding
            else:
                frontier.append((user, user if user.layer.kind == "Embedding" else embedding))


def _step(node: Node, embedding: Node | None, ctx: RuleContext) -> str | None:
    """ "reader" for a last-state recurrent layer, "on" for a layer the padding passes
    through unmasked and in place, None where the walk stops."""
    layer = node.layer
    if layer.kind == "Embedding":
        return "on" if embedding is None and layer.get("mask_zero", False) is False else None
    if is_recurrent(layer):
        inner = inner_layer(layer)
        if inner.get("go_backwards", False) is not False:
            return None
        sequences = inner.get("return_sequences", False)
        if sequences is False:
            return "reader"
        return "on" if sequences is True else None
    if has_trait(layer, Trait.PASSES_VALUES):
        return "on"
    stepwise = any(has_trait(layer, trait) for trait in STEPWISE)
    return "on" if stepwise and output_shape(node, ctx).rank == 3 else None
