"""SL211: zero-padded sequences trained per step without a mask."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.dims import same
from seqlint.ir import Array, Layer, Node
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.rulekit.evidence import chain_to, is_recurrent, output_shape, trace, where
from seqlint.rulekit.feeding import data_name, model_node_ids, reached_through
from seqlint.rulekit.heads import LOSS_CALLS
from seqlint.rulekit.training import FitSite, fit_sites, target_verdicts
from seqlint.shapes.catalogue import Trait, has_trait
from seqlint.shapes.losses import Verdict


class PaddingWithoutMask(Rule):
    code = "SL211"
    name = "padding-without-mask"
    summary = "Zero-padded sequences train a per-step model without a mask."
    severity = Severity.WARNING
    explanation = """\
`pad_sequences` fills short sequences with index 0 up to a common length.
Unless the model masks those steps -- `Embedding(..., mask_zero=True)`, or a
`Masking` layer -- Keras treats the padding as real tokens: the recurrent
layers read it (a backward or post-padded LSTM reads mostly padding at the
end of short sentences), and in a per-step model (a tagger whose output keeps
the time axis, `(batch, steps, classes)`) every padded step is a target in
the loss. Nothing fails: the model learns to predict the padding label, the
loss and accuracy are dominated by it, and real tokens get a fraction of the
gradient.

With `mask_zero=True` the mask travels through the recurrent layers to the
output, and Keras leaves the padded steps out of the loss and the metrics.
Index 0 must then mean padding only (Tokenizer and TextVectorization
already start real tokens at 1)."""
    bad_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.preprocessing.sequence import pad_sequences

        tokens = np.random.randint(1, 100, size=(32, 12))
        X = pad_sequences(tokens, maxlen=20, padding="post")
        y = np.random.randint(0, 4, size=(32, 20))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(100, 16),  # expect: SL211
            layers.LSTM(16, return_sequences=True),
            layers.Dense(4, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    good_example = dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers
        from tensorflow.keras.preprocessing.sequence import pad_sequences

        tokens = np.random.randint(1, 100, size=(32, 12))
        X = pad_sequences(tokens, maxlen=20, padding="post")
        y = np.random.randint(0, 4, size=(32, 20))
        model = keras.Sequential([
            keras.Input(shape=(20,)),
            layers.Embedding(100, 16, mask_zero=True),
            layers.LSTM(16, return_sequences=True),
            layers.Dense(4, activation="softmax"),
        ])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for site, x, embedding, chain in unmasked_taggers(ctx):
            yield self._finding(site, x, embedding, chain, ctx)

    def _finding(
        self, site: FitSite, x: Array, embedding: Node, chain: list[Node], ctx: RuleContext
    ) -> Finding:
        after = chain[chain.index(embedding) + 1 :]
        recurrent = next((n for n in after if is_recurrent(n.layer)), None)
        reads = f"{where(recurrent)} reads the padding as tokens, and " if recurrent else ""
        output = site.outputs[0]
        message = (
            f"{data_name(x)} is zero-padded by pad_sequences, but {where(embedding)} does "
            f"not mask index 0 and no Masking layer follows: {reads}the per-step output "
            f"{output.shape} counts every padded step in the loss at {site.call.loc.place}"
        )
        hint = (
            f"set mask_zero=True on {embedding.layer.label} so that Keras skips the padded "
            f"steps in the recurrent layers and in the loss (index 0 must mean padding only)"
        )
        return Finding(embedding.loc, message, hint, trace(chain, ctx))


def unmasked_taggers(ctx: RuleContext) -> Iterator[tuple[FitSite, Array, Node, list[Node]]]:
    """(fit site, padded data, unmasked Embedding, chain to the output) for each Embedding
    SL211 reports, once each.  SL243 stays silent behind these Embeddings: the one fix
    (mask_zero=True on it) is SL211's."""
    reported: set[int] = set()
    raising = {  # Keras raises there first (SL201, SL202, SL203): nothing trains
        id(v.site.call) for v in target_verdicts(ctx) if v.check.verdict is Verdict.RAISES
    }
    for site in fit_sites(ctx):
        if site.call.method not in LOSS_CALLS or not _loss_counts_every_step(site):
            continue
        if id(site.call) in raising:
            continue
        x = site.call.args.get("x")
        inputs = site.call.model.inputs
        if not isinstance(x, Array) or not x.zero_padded or not hasattr(inputs, "node_id"):
            continue
        model_nodes = model_node_ids(site.call.model, ctx)
        if any(ctx.ir.nodes[i].layer.kind == "Masking" for i in model_nodes):
            continue
        output = site.outputs[0]
        for embedding in reached_through(ctx.ir.node(inputs), ctx):
            if embedding.id in reported or not _unmasked_embedding(embedding):
                continue
            chain = chain_to(output.node, ctx)
            if embedding not in chain or not _keeps_steps(chain, embedding, ctx):
                continue
            reported.add(embedding.id)
            yield site, x, embedding, chain


def _loss_counts_every_step(site: FitSite) -> bool:
    """One output, a known built-in loss that ignores no class, no per-step weights."""
    if len(site.outputs) != 1 or "sample_weight" in site.call.args:
        return False
    loss = site.outputs[0].loss
    if loss is None or not loss.valid or loss.ignore_class is not None:
        return False
    return site.outputs[0].shape.rank == 3


def _unmasked_embedding(node: Node) -> bool:
    return node.layer.kind == "Embedding" and node.layer.get("mask_zero", False) is False


def _stepwise(layer: Layer) -> bool:
    """A layer that keeps every step of a rank-3 input where it was."""
    return is_recurrent(layer) or any(
        has_trait(layer, trait) for trait in (Trait.PER_STEP, Trait.KEEPS_SHAPE)
    )


def _keeps_steps(chain: list[Node], embedding: Node, ctx: RuleContext) -> bool:
    """Every layer from the Embedding to the output keeps the input's time axis."""
    steps = output_shape(embedding, ctx)
    if steps.rank != 3:
        return False
    for node in chain[chain.index(embedding) + 1 :]:
        shape = output_shape(node, ctx)
        if shape.rank != 3:
            return False
        if not _stepwise(node.layer) and not same(shape[1], steps[1]):
            return False
    return True
