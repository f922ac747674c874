"""A seeded generator of random but realistic Keras sequence-model scripts.

``generate(seed)`` is pure: the same seed gives the same script text and metadata.  About
half of the scripts carry one shape bug planted by construction (its category and line
are recorded in the metadata), the rest are meant to be correct.  Whether a script really
fails is for real Keras to say (see ``keras_runner``); the plan here only has to be
plausible.

Sizes stay tiny (units 2-16, timesteps 2-12, features 1-8, vocabularies 20-50, 4-8
samples) so that running a script costs one training step.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field

# -- bug categories ---------------------------------------------------------------------------

CATEGORIES = (
    "missing-return-sequences",  # an RNN collapses the time axis a later layer needs
    "missing-repeat-vector",  # encoder-decoder without RepeatVector between them
    "flatten-then-sequence",  # Flatten / global pooling before a layer that needs time steps
    "timedistributed-rank",  # TimeDistributed after the time axis is gone
    "input-rank",  # input declared without the time axis, or with the batch axis
    "merge-single-tensor",  # a merge layer given one tensor (Sequential)
    "merge-dims",  # merge inputs disagree (axes, ranks, concat axis)
    "reshape-size",  # Reshape target with the wrong number of elements
    "state-size",  # initial_state from an encoder of different units
    "state-count",  # wrong number of initial states
    "conv-length",  # kernel / pool window longer than the sequence
    "input-data",  # fit/predict data whose shape contradicts the declared input
    "embedding-index",  # token ids beyond the Embedding's input_dim
    "loss-target",  # targets the loss cannot compare with the output
    "target-broadcast",  # targets that broadcast silently against the output (no error)
    # custom layers and Lambdas whose call() uses tensor ops (generate_custom.py)
    "op-matmul",  # a weight sized from the wrong axis: matmul inner sizes differ
    "op-broadcast",  # an elementwise op (residual, gate, bias) of shapes that cannot broadcast
    "op-concat",  # concatenation on an axis where the other sizes differ
    "op-reshape",  # an ops reshape whose target cannot hold the tensor
    "weight-batch-axis",  # add_weight(shape=input_shape): the batch axis in a weight
    "declared-output",  # compute_output_shape disagrees with what call returns
    # convolutional and other new layer families (generate_layers.py)
    "conv-window",  # a 2D kernel or pooling window larger than the feature map
    "conv-rank",  # a conv / ConvLSTM / recurrent layer given a tensor of the wrong rank
)

FAMILIES = (
    "recurrent",
    "bidirectional",
    "timedistributed",
    "dense",
    "conv-pool",
    "reshaping",
    "merge",
    "embedding",
    "regularization",
    "state",
    "attention",
    "custom-layer",  # a Layer subclass of the script
    "lambda",
    "ops",  # tensor ops in a call() or a Lambda
    "conv2d",  # 2D/3D convolution and pooling
    "conv-recurrent",  # ConvLSTM
    "rnn-cell",  # RNN(cell)
)

KIND_FAMILY = {
    "LSTM": "recurrent",
    "GRU": "recurrent",
    "SimpleRNN": "recurrent",
    "Bidirectional": "bidirectional",
    "TimeDistributed": "timedistributed",
    "Dense": "dense",
    "Conv1D": "conv-pool",
    "MaxPooling1D": "conv-pool",
    "AveragePooling1D": "conv-pool",
    "GlobalMaxPooling1D": "conv-pool",
    "GlobalAveragePooling1D": "conv-pool",
    "Flatten": "reshaping",
    "Reshape": "reshaping",
    "RepeatVector": "reshaping",
    "Permute": "reshaping",
    "Concatenate": "merge",
    "Add": "merge",
    "Subtract": "merge",
    "Multiply": "merge",
    "Average": "merge",
    "Maximum": "merge",
    "Minimum": "merge",
    "Embedding": "embedding",
    "Attention": "attention",
    "Dropout": "regularization",
    "SpatialDropout1D": "regularization",
    "Masking": "regularization",
    "LayerNormalization": "regularization",
    "BatchNormalization": "regularization",
    "Lambda": "lambda",
    "MultiHeadAttention": "attention",
    "EinsumDense": "dense",
    "Conv2D": "conv2d",
    "Conv3D": "conv2d",
    "MaxPooling2D": "conv2d",
    "AveragePooling2D": "conv2d",
    "GlobalAveragePooling2D": "conv2d",
    "GlobalMaxPooling2D": "conv2d",
    "ConvLSTM2D": "conv-recurrent",
    "RNN": "rnn-cell",
    "LSTMCell": "rnn-cell",
    "GRUCell": "rnn-cell",
    "SimpleRNNCell": "rnn-cell",
    "StackedRNNCells": "rnn-cell",
}

# Layers of the families landing after the custom-layer work: a script that uses one records
# it in Meta.needs ("layer:Conv2D"), and a bug in it counts as modelled only once the
# installed seqlint's catalogue knows every layer (and op, "op:ops.matmul") the script needs.
NEW_LAYER_KINDS = frozenset(
    {
        "Conv2D",
        "Conv3D",
        "MaxPooling2D",
        "AveragePooling2D",
        "GlobalAveragePooling2D",
        "GlobalMaxPooling2D",
        "ConvLSTM2D",
        "RNN",
        "LSTMCell",
        "GRUCell",
        "SimpleRNNCell",
        "StackedRNNCells",
        "EinsumDense",
        "MultiHeadAttention",
    }
)

RNN_KINDS = ("LSTM", "GRU", "SimpleRNN")


def STEP_AGNOSTIC(spec) -> bool:  # noqa: N802 - reads like a constant predicate
    """Whether a layer works on any number of time steps (same weights, steps carried through)."""
    kinds = {
        "Embedding",
        "LSTM",
        "GRU",
        "SimpleRNN",
        "Bidirectional",
        "Dense",
        "TimeDistributed",
        "Dropout",
        "SpatialDropout1D",
        "LayerNormalization",
        "BatchNormalization",
        "Masking",
        "GlobalMaxPooling1D",
        "GlobalAveragePooling1D",
    }
    if spec.kind == "Conv1D":
        return "padding" in spec.kwargs and "valid" not in spec.kwargs["padding"]
    if spec.kind == "TimeDistributed":
        return spec.inner is not None and spec.inner.kind == "Dense"
    return spec.kind in kinds and (spec.inner is None or STEP_AGNOSTIC(spec.inner))


EXTRA_BUG_TAGS = {
    # lines that belong to a planted bug besides where it shows (see Meta.bug_lines)
    "input-rank": ("first-layer", "input"),
    "input-data": ("x-data", "input", "fit"),
    "embedding-index": ("x-data", "fit", "first-layer"),
    "loss-target": ("y-data", "compile", "head", "fit"),
    "target-broadcast": ("y-data", "compile", "head", "fit"),
    "state-size": ("bug", "root"),
    "state-count": ("bug", "root"),
}
N_STATES = {"LSTM": 2, "GRU": 1, "SimpleRNN": 1}
NEEDS_TIME = (
    "LSTM",
    "GRU",
    "SimpleRNN",
    "Bidirectional",
    "Conv1D",
    "MaxPooling1D",
    "AveragePooling1D",
    "GlobalMaxPooling1D",
    "GlobalAveragePooling1D",
    "SpatialDropout1D",
)
PASSTHROUGH = ("Dropout", "LayerNormalization", "BatchNormalization")


@dataclass
class Meta:
    """What the generator knows about a script it wrote."""

    seed: int
    style: str  # sequential-list | sequential-add | functional
    imports: str
    archetype: str
    bug: str | None = None  # planted category, None for a script meant to be correct
    bug_line: int | None = None  # where the planted bug shows (the offending layer / fit)
    bug_lines: list[int] = field(default_factory=list)  # every line that is part of the bug
    bug_note: str = ""
    input_decl: str = ""  # Input | input_shape | InputLayer | build | none
    shape_style: str = ""  # literal | const | param | xshape
    in_function: bool = False
    has_data: bool = False
    compile: bool = False
    fit: bool = False
    predict: bool = False
    loss: str | None = None
    families: list[str] = field(default_factory=list)
    fit_line: int | None = None
    compile_line: int | None = None
    model_line: int | None = None  # the statement that creates the model (first line)
    kind: str = "classic"  # classic | custom (custom layers, Lambdas, ops) | layers (new families)
    needs: list[str] = field(default_factory=list)  # "layer:Conv2D", "op:ops.matmul"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Script:
    text: str
    meta: Meta

    @property
    def name(self) -> str:
        tag = self.meta.bug or "ok"
        return f"s{self.meta.seed:06d}_{self.meta.style.replace('-', '_')}_{tag.replace('-', '_')}"


# -- import styles ----------------------------------------------------------------------------

IMPORT_STYLES = (
    "tensorflow.keras",  # from tensorflow import keras; from tensorflow.keras import layers
    "tf.keras",  # import tensorflow as tf; tf.keras.layers.X
    "keras",  # import keras; keras.layers.X
    "from keras import layers",  # import keras; from keras import layers
    "from tensorflow.keras.layers import",  # names (some aliased: LSTM as L)
    "import tensorflow.keras.layers as kl",
    "from keras.layers import",
)

ALIASES = {"LSTM": "L", "Bidirectional": "Bi", "TimeDistributed": "TD", "GRU": "G"}


class Namer:
    """Spells layer, Input, Sequential and Model references in one import style."""

    def __init__(self, style: str, rng: random.Random) -> None:
        self.style = style
        self.used: set[str] = set()
        self.aliased = {k for k in ALIASES if rng.random() < 0.5}
        if style == "from tensorflow.keras.layers import" and not self.aliased:
            self.aliased = {"LSTM"}
        self.model_import = rng.choice(("models", "top"))

    def layer(self, kind: str) -> str:
        s = self.style
        if s in ("tensorflow.keras", "from keras import layers"):
            return f"layers.{kind}"
        if s == "tf.keras":
            return f"tf.keras.layers.{kind}"
        if s == "keras":
            return f"keras.layers.{kind}"
        if s == "import tensorflow.keras.layers as kl":
            return f"kl.{kind}"
        self.used.add(kind)
        if s == "from tensorflow.keras.layers import" and kind in self.aliased:
            return ALIASES[kind]
        return kind

    def input(self) -> str:
        s = self.style
        if s in ("tensorflow.keras", "keras", "from keras import layers"):
            return "keras.Input"
        if s == "tf.keras":
            return "tf.keras.Input"
        if s == "import tensorflow.keras.layers as kl":
            return "kl.Input"
        self.used.add("Input")
        return "Input"

    def toplevel(self, name: str) -> str:  # Sequential / Model
        s = self.style
        if s in ("tensorflow.keras", "keras", "from keras import layers"):
            return f"keras.{name}" if self.model_import == "top" else f"keras.models.{name}"
        if s == "tf.keras":
            return f"tf.keras.{name}" if self.model_import == "top" else f"tf.keras.models.{name}"
        if s == "import tensorflow.keras.layers as kl":
            return f"keras.{name}"
        self.used.add("@" + name)
        return name

    def header(self, numpy: bool) -> list[str]:
        lines = ["import numpy as np"] if numpy else []
        s = self.style
        if s == "tensorflow.keras":
            lines += ["from tensorflow import keras", "from tensorflow.keras import layers"]
        elif s == "tf.keras":
            lines += ["import tensorflow as tf"]
        elif s == "keras":
            lines += ["import keras"]
        elif s == "from keras import layers":
            lines += ["import keras", "from keras import layers"]
        elif s == "import tensorflow.keras.layers as kl":
            lines += ["import tensorflow.keras.layers as kl", "from tensorflow import keras"]
        else:
            pkg = "tensorflow.keras" if s.startswith("from tensorflow") else "keras"
            names = sorted(k for k in self.used if not k.startswith("@"))
            parts = [f"{k} as {ALIASES[k]}" if self._aliased(k) else k for k in names]
            lines += _wrap_import(f"from {pkg}.layers import ", parts)
            tops = sorted(k[1:] for k in self.used if k.startswith("@"))
            if tops:
                lines.append(f"from {pkg}.models import {', '.join(tops)}")
        return lines

    def _aliased(self, kind: str) -> bool:
        return self.style == "from tensorflow.keras.layers import" and kind in self.aliased


def _wrap_import(prefix: str, parts: list[str]) -> list[str]:
    one = prefix + ", ".join(parts)
    if len(one) <= 95:
        return [one]
    return [prefix + "("] + [f"    {p}," for p in parts] + [")"]


# -- layer specs ------------------------------------------------------------------------------


@dataclass
class Spec:
    """A layer constructor call: ``kind(*args, **kwargs)``; ``inner`` is a wrapped layer."""

    kind: str
    args: list[str] = field(default_factory=list)
    kwargs: dict[str, str] = field(default_factory=dict)
    inner: Spec | None = None

    def render(self, ns: Namer) -> str:
        parts = []
        if self.inner is not None:
            parts.append(self.inner.render(ns))
        parts += self.args
        parts += [f"{k}={v}" for k, v in self.kwargs.items()]
        return f"{ns.layer(self.kind)}({', '.join(parts)})"

    def kinds(self) -> list[str]:
        return [self.kind] + (self.inner.kinds() if self.inner else [])


@dataclass
class Step:
    spec: Spec
    out: tuple | None  # output shape without batch (None: the step is where it breaks)
    tag: str = ""  # role, e.g. "rnn-seq", "repeat", "head"
    root: bool = False  # part of the planted bug without being where Keras notices it


# -- the generator ----------------------------------------------------------------------------


class Gen:
    def __init__(self, seed: int, keras: str = "3") -> None:
        self.seed = seed
        self.keras = keras  # the Keras the script is written for: "3", or "2" (tf-keras)
        self.rng = random.Random(seed)
        r = self.rng
        self.ns = Namer(r.choice(IMPORT_STYLES), r)
        self.consts: dict[str, int] = {}
        self.lines: list[str] = []  # body lines (after the header)
        self.marks: dict[str, list[int]] = {}  # tag -> body line indices
        self.shape_style = r.choice(("literal", "literal", "const", "const", "xshape"))
        self.in_function = False
        self.params: dict[str, int] = {}  # function parameters (name -> value at call site)
        self.kinds: set[str] = set()
        self.meta = Meta(seed=seed, style="", imports=self.ns.style, archetype="")

    # -- small helpers ------------------------------------------------------------------------

    def emit(self, line: str, *tags: str) -> int:
        self.lines.append(line)
        i = len(self.lines) - 1
        for t in tags:
            self.marks.setdefault(t, []).append(i)
        return i

    def dim(self, value: int, name: str) -> str:
        """Spell a size: a literal, a module constant, or a function parameter."""
        if value is None:
            return "None"
        style = self.shape_style
        if self.in_function and name in self.params and self.params[name] == value:
            return name
        if style in ("const", "xshape", "param") and name and self.rng.random() < 0.8:
            cname = name.upper()
            if self.consts.get(cname, value) == value:
                self.consts[cname] = value
                return cname
        return str(value)

    def tup(self, items: list[str]) -> str:
        if len(items) == 1:
            return f"({items[0]},)"
        return "(" + ", ".join(items) + ")"

    def units(self) -> int:
        return self.rng.choice((2, 3, 4, 4, 6, 8, 8, 12, 16))

    def note_kinds(self, spec: Spec) -> None:
        self.kinds.update(spec.kinds())

    def rnn_spec(self, kind: str, units: int, seq: bool, state: bool = False) -> Spec:
        kw: dict[str, str] = {}
        if seq:
            kw["return_sequences"] = "True"
        if state:
            kw["return_state"] = "True"
        r = self.rng
        if r.random() < 0.15:
            kw["dropout"] = r.choice(("0.1", "0.2"))
        if r.random() < 0.1 and kind != "SimpleRNN":
            kw["activation"] = '"tanh"'
        return Spec(kind, [str(units)], kw)

    def bi_spec(self, inner: Spec, mode: str | None) -> Spec:
        kw = {}
        if mode != "concat" or self.rng.random() < 0.3:
            kw["merge_mode"] = "None" if mode is None else f'"{mode}"'
        return Spec("Bidirectional", [], kw, inner=inner)

    # -- linear chains ------------------------------------------------------------------------

    def chain(self, start: tuple, tokens: bool, per_step: bool, none_time: bool) -> list[Step]:
        """A correct chain of layers from an input of shape ``start`` to a head-ready shape."""
        r = self.rng
        steps: list[Step] = []
        shape = start
        if tokens:
            vocab = self.vocab
            edim = r.choice((4, 8, 8, 16))
            kw = {}
            if r.random() < 0.3:
                kw["mask_zero"] = "True"
            if r.random() < 0.15 and shape[0] is not None:
                kw["input_length"] = self.dim(shape[0], "timesteps")  # deprecated, ignored
            spec = Spec("Embedding", [self.dim(vocab, "vocab_size"), str(edim)], kw)
            shape = (shape[0], edim)
            steps.append(Step(spec, shape, "embedding"))
        elif r.random() < 0.15:
            steps.append(Step(Spec("Masking", [], {"mask_value": "0.0"}), shape, "masking"))
        if per_step and not tokens and r.random() < 0.4:
            # encoder-decoder: summarise, repeat over the output steps, decode
            kind = r.choice(RNN_KINDS)
            u = self.units()
            if r.random() < 0.3:
                steps.append(
                    Step(
                        self.bi_spec(self.rnn_spec(kind, u, False), "concat"), (2 * u,), "rnn-last"
                    )
                )
                u = 2 * u
            else:
                steps.append(Step(self.rnn_spec(kind, u, False), (u,), "rnn-last"))
            h = r.randint(2, 8)
            steps.append(
                Step(
                    Spec(
                        "RepeatVector",
                        [self.dim(h, "n_out" if h != self.timesteps else "timesteps")],
                    ),
                    (h, u),
                    "repeat",
                )
            )
            u2 = self.units()
            steps.append(Step(self.rnn_spec(r.choice(RNN_KINDS), u2, True), (h, u2), "rnn-seq"))
            return steps
        n = r.choice((1, 2, 2, 3, 3, 4))
        for _ in range(n):
            step = self.move(shape, none_time, last=False)
            if step is None:
                break
            steps.append(step)
            shape = step.out
        # finish: per-step heads need (T, F); per-sequence heads need (F,)
        if per_step and len(shape) == 1:
            t = self.timesteps if self.timesteps else 4
            steps.append(
                Step(Spec("RepeatVector", [self.dim(t, "timesteps")]), (t, shape[0]), "repeat")
            )
            kind = r.choice(RNN_KINDS)
            u = self.units()
            steps.append(Step(self.rnn_spec(kind, u, True), (t, u), "rnn-seq"))
            shape = (t, u)
        elif per_step and len(shape) == 3:
            steps.append(
                Step(
                    Spec("TimeDistributed", [], {}, inner=Spec("Flatten")),
                    (shape[0], shape[1] * shape[2]),
                    "td-flatten",
                )
            )
            shape = (shape[0], shape[1] * shape[2])
        elif not per_step and len(shape) >= 2:
            if len(shape) == 3:
                steps.append(
                    Step(
                        Spec("Reshape", [self.tup([str(shape[0]), str(shape[1] * shape[2])])]),
                        (shape[0], shape[1] * shape[2]),
                        "reshape",
                    )
                )
                shape = (shape[0], shape[1] * shape[2])
            c = r.random()
            if c < 0.6 or none_time:
                kind = r.choice(RNN_KINDS)
                u = self.units()
                if r.random() < 0.3:
                    mode = r.choice(("concat", "sum", "ave", "mul"))
                    spec = self.bi_spec(self.rnn_spec(kind, u, False), mode)
                    shape = (2 * u if mode == "concat" else u,)
                else:
                    spec = self.rnn_spec(kind, u, False)
                    shape = (u,)
                steps.append(Step(spec, shape, "rnn-last"))
            elif c < 0.8:
                kind = r.choice(("GlobalMaxPooling1D", "GlobalAveragePooling1D"))
                shape = (shape[1],)
                steps.append(Step(Spec(kind), shape, "gpool"))
            else:
                shape = (shape[0] * shape[1],)
                steps.append(Step(Spec("Flatten"), shape, "flatten"))
            if r.random() < 0.4:
                k = r.choice((4, 8, 16))
                steps.append(Step(Spec("Dense", [str(k)], {"activation": '"relu"'}), (k,), "dense"))
                shape = (k,)
                if r.random() < 0.3:
                    steps.append(Step(Spec("Dropout", ["0.2"]), shape, "dropout"))
        return steps

    def move(self, shape: tuple, none_time: bool, last: bool) -> Step | None:
        r = self.rng
        if len(shape) == 2:
            t, f = shape
            opts = ["rnn-seq"] * 5 + ["bi-seq"] * 3 + ["dropout"] * 2 + ["dense-seq", "td-dense"]
            opts += ["conv"] * 2 + ["pool", "norm", "spatial"]
            if not none_time:
                opts += ["permute", "reshape3", "flatten-dense-reshape", "rnn-last-repeat"]
            c = r.choice(opts)
            if c == "rnn-seq":
                u = self.units()
                return Step(self.rnn_spec(r.choice(RNN_KINDS), u, True), (t, u), "rnn-seq")
            if c == "bi-seq":
                u = self.units()
                mode = r.choice(("concat", "concat", "sum", "ave", "mul"))
                spec = self.bi_spec(self.rnn_spec(r.choice(RNN_KINDS), u, True), mode)
                return Step(spec, (t, 2 * u if mode == "concat" else u), "bi-seq")
            if c == "dropout":
                return Step(Spec("Dropout", [r.choice(("0.1", "0.2", "0.3"))]), shape, "dropout")
            if c == "norm":
                return Step(Spec(r.choice(PASSTHROUGH[1:])), shape, "norm")
            if c == "spatial":
                return Step(Spec("SpatialDropout1D", ["0.1"]), shape, "spatial")
            if c == "dense-seq":
                k = r.choice((4, 8, 16))
                return Step(Spec("Dense", [str(k)], {"activation": '"relu"'}), (t, k), "dense-seq")
            if c == "td-dense":
                k = r.choice((4, 8))
                return Step(
                    Spec("TimeDistributed", [], {}, inner=Spec("Dense", [str(k)])),
                    (t, k),
                    "td-dense",
                )
            if c == "conv":
                k = r.choice((2, 3, 3, 5))
                filters = r.choice((4, 8, 16))
                pad = r.choice(("same", "same", "valid", "causal"))
                if pad == "valid" and (t is None or k > t - 1):
                    pad = "same"
                kw = {"padding": f'"{pad}"'} if pad != "valid" or r.random() < 0.5 else {}
                kw["activation"] = '"relu"'
                args = [str(filters), str(k)]
                if r.random() < 0.3:
                    args = [str(filters)]
                    kw = {"kernel_size": str(k), **kw}
                out_t = t if pad != "valid" else t - k + 1
                return Step(Spec("Conv1D", args, kw), (out_t, filters), "conv")
            if c == "pool":
                if t is None or t < 4:  # pooling an unknown length: targets could not follow
                    return None
                kind = r.choice(("MaxPooling1D", "AveragePooling1D"))
                return Step(Spec(kind, ["2"]), (None if t is None else t // 2, f), "pool")
            if c == "permute":
                return Step(Spec("Permute", ["(2, 1)"]), (f, t), "permute")
            if c == "reshape3":
                divs = [d for d in range(2, f + 1) if f % d == 0 and d < f]
                if divs:
                    d = r.choice(divs)
                    return Step(
                        Spec("Reshape", [self.tup([str(t), str(d), str(f // d)])]),
                        (t, d, f // d),
                        "reshape",
                    )
                return Step(
                    Spec(
                        "Reshape",
                        [self.tup([str(t * f)]) if r.random() < 0.5 else self.tup(["-1"])],
                    ),
                    (t * f,),
                    "reshape",
                )
            if c == "flatten-dense-reshape":
                return Step(Spec("Flatten"), (t * f,), "flatten")
            if c == "rnn-last-repeat":
                u = self.units()
                return Step(self.rnn_spec(r.choice(RNN_KINDS), u, False), (u,), "rnn-last")
        if len(shape) == 1:
            (k,) = shape
            c = r.choice(("dense", "dense", "repeat", "reshape2", "dropout"))
            if c == "dense":
                k2 = r.choice((4, 8, 12, 16))
                return Step(Spec("Dense", [str(k2)], {"activation": '"relu"'}), (k2,), "dense")
            if c == "dropout":
                return Step(Spec("Dropout", ["0.2"]), shape, "dropout")
            if c == "repeat":
                n = self.timesteps or r.randint(2, 6)
                return Step(Spec("RepeatVector", [self.dim(n, "timesteps")]), (n, k), "repeat")
            if c == "reshape2":
                divs = [d for d in range(2, k) if k % d == 0]
                if not divs:
                    return None
                d = r.choice(divs)
                return Step(
                    Spec("Reshape", [self.tup([str(d), str(k // d)])]), (d, k // d), "reshape"
                )
        if len(shape) == 3:
            t, a, b = shape
            if r.random() < 0.5:
                return Step(
                    Spec("TimeDistributed", [], {}, inner=Spec("Flatten")), (t, a * b), "td-flatten"
                )
            return Step(Spec("Reshape", [self.tup([str(t), str(a * b)])]), (t, a * b), "reshape")
        return None

    # -- bug planting on a linear chain ------------------------------------------------------

    def consumer(self, steps: list[Step], i: int) -> int | None:
        """Index of the first step after ``i`` that is not a pass-through layer."""
        for j in range(i + 1, len(steps)):
            if steps[j].spec.kind not in PASSTHROUGH:
                return j
        return None

    def plant_chain(self, steps: list[Step], bug: str, start: tuple) -> int | None:
        """Mutate ``steps`` to carry ``bug``; returns the index of the offending step."""
        r = self.rng
        if bug == "missing-return-sequences":
            cands = []
            for i, s in enumerate(steps):
                if s.tag in ("rnn-seq", "bi-seq"):
                    j = self.consumer(steps, i)
                    if j is not None and steps[j].spec.kind in NEEDS_TIME:
                        cands.append((i, j))
            if cands:
                i, j = r.choice(cands)
                target = steps[i].spec.inner or steps[i].spec
                target.kwargs.pop("return_sequences", None)
                steps[i].root = True
                return j
            # stack a second RNN after a collapsing one
            for i, s in enumerate(steps):
                if s.tag == "rnn-last":
                    spec = self.rnn_spec(r.choice(RNN_KINDS), self.units(), False)
                    steps.insert(i + 1, Step(spec, None, "bug"))
                    s.root = True
                    return i + 1
            return None
        if bug == "missing-repeat-vector":
            for i, s in enumerate(steps):
                nxt = steps[i + 1].spec.kind if i + 1 < len(steps) else None
                if s.tag == "repeat" and nxt in NEEDS_TIME:
                    del steps[i]
                    if i > 0:
                        steps[i - 1].root = True
                    return i
            return None
        if bug == "flatten-then-sequence":
            cands = [
                i
                for i, s in enumerate(steps)
                if s.spec.kind in NEEDS_TIME
                and s.tag != "gpool"
                and i > 0
                and steps[i - 1].out is not None
                and len(steps[i - 1].out) == 2
            ]
            if not cands:
                return None
            i = r.choice(cands)
            kind = r.choice(("Flatten", "Flatten", "GlobalMaxPooling1D", "GlobalAveragePooling1D"))
            steps.insert(i, Step(Spec(kind), None, "bug-collapse", root=True))
            return i + 1
        if bug == "timedistributed-rank":
            for i, s in enumerate(steps):
                if (
                    s.out is not None
                    and len(s.out) == 1
                    and s.tag in ("rnn-last", "flatten", "gpool")
                ):
                    k = r.choice((4, 8))
                    spec = Spec("TimeDistributed", [], {}, inner=Spec("Dense", [str(k)]))
                    steps.insert(i + 1, Step(spec, None, "bug"))
                    s.root = True
                    return i + 1
            return None
        if bug == "reshape-size":
            cands = [i for i, s in enumerate(steps) if s.spec.kind == "Reshape"]
            if cands:
                i = r.choice(cands)
                prev = steps[i - 1].out if i > 0 else start
                spec = steps[i].spec
                dims = [int(x) for x in spec.args[0].strip("()").split(",") if x.strip()]
                if -1 in dims or prev is None:
                    return None
                total = 1
                for d in prev:
                    total *= d
                j = r.randrange(len(dims))
                dims[j] += r.choice((1, -1)) if dims[j] > 1 else 1
                prod = 1
                for d in dims:
                    prod *= d
                if prod == total:
                    dims[j] += 1
                spec.args[0] = self.tup([str(d) for d in dims])
                if i > 0:
                    steps[i - 1].root = True
                return i
            # after a concat Bidirectional, forget that it doubles the features
            for i, s in enumerate(steps):
                if s.tag == "bi-seq" and "merge_mode" not in s.spec.kwargs and None not in s.out:
                    t, f2 = s.out
                    u = f2 // 2
                    spec = Spec("Reshape", [self.tup([str(t), str(u), "1"])])
                    steps.insert(i + 1, Step(spec, None, "bug"))
                    s.root = True
                    return i + 1
            # a Reshape whose target is off by one step
            for i, s in enumerate(steps):
                if s.out is not None and len(s.out) == 2 and None not in s.out and i > 0:
                    t, f2 = s.out
                    dims = [t + 1, f2] if r.random() < 0.5 else [t, f2, 2]
                    spec = Spec("Reshape", [self.tup([str(d) for d in dims])])
                    steps.insert(i + 1, Step(spec, None, "bug"))
                    s.root = True
                    return i + 1
            return None
        if bug == "merge-single-tensor":
            cands = [i for i, s in enumerate(steps) if s.out is not None and len(s.out) >= 2]
            if not cands:
                return None
            i = r.choice(cands)
            kind = r.choice(("Concatenate", "Concatenate", "Add", "Average"))
            kw = {}
            if kind == "Concatenate" and r.random() < 0.5:
                kw = {"axis": r.choice(("1", "-1"))}
            steps.insert(i + 1, Step(Spec(kind, [], kw), None, "bug"))
            return i + 1
        if bug == "conv-length":
            t = start[0]
            if t is None or t > 8:
                return None
            for i, s in enumerate(steps):
                if s.tag == "conv" and i <= 1:
                    k = t + r.randint(1, 3)
                    spec = s.spec
                    if spec.args and len(spec.args) == 2:
                        spec.args[1] = str(k)
                    else:
                        spec.kwargs["kernel_size"] = str(k)
                    spec.kwargs.pop("padding", None)
                    return i
            return None
        return None

    # -- data, compile, fit ------------------------------------------------------------------

    def data_lines(self, name: str, shape: tuple, tokens: bool, n: int) -> str:
        names = self.dim_names(shape)
        dims = ", ".join([str(n)] + [self.dim(d, nm) for d, nm in zip(shape, names, strict=True)])
        if tokens:
            vocab = self.dim(self.vocab, "vocab_size")
            if self.vocab_high:
                vocab = str(self.vocab_high)
            return f"{name} = np.random.randint(1, {vocab}, size=({dims}))"
        if self.rng.random() < 0.5:
            return f'{name} = np.random.rand({dims}).astype("float32")'
        return f'{name} = np.random.normal(size=({dims})).astype("float32")'

    def dim_names(self, shape: tuple) -> list[str]:
        names = []
        for i, d in enumerate(shape):
            if i == 0 and len(shape) >= 2 and d == self.timesteps:
                names.append("timesteps")
            elif i == 0 and len(shape) == 1 and d == self.timesteps and self.tokens:
                names.append("maxlen" if "MAXLEN" in self.consts else "timesteps")
            elif i == len(shape) - 1 and d == self.features:
                names.append("n_features")
            else:
                names.append("")
        return names

    def head(self, shape: tuple) -> tuple[Spec, tuple, str]:
        """The output layer and the task it implies: regression | binary | multiclass."""
        r = self.rng
        task = r.choice(("regression", "regression", "binary", "multiclass", "multiclass"))
        if task == "regression":
            k = r.choice((1, 1, 1, 2, 3))
            spec = Spec("Dense", [str(k)])
            if r.random() < 0.2:
                spec.kwargs["activation"] = '"linear"'
            return spec, shape[:-1] + (k,), task
        if task == "binary":
            return Spec("Dense", ["1"], {"activation": '"sigmoid"'}), shape[:-1] + (1,), task
        c = r.choice((3, 4, 5, 6))
        return (
            Spec("Dense", [self.dim(c, "n_classes")], {"activation": '"softmax"'}),
            shape[:-1] + (c,),
            task,
        )

    def targets(self, out: tuple, task: str, n: int, bug: str | None) -> tuple[str, str, str]:
        """(loss, y expression, planted category or "") for an output of shape ``out``."""
        r = self.rng
        out = tuple(self.timesteps if d is None else d for d in out)
        if task == "regression":
            loss = r.choice(('"mse"', '"mse"', '"mae"', '"mean_squared_error"', '"huber"'))
        elif task == "binary":
            loss = '"binary_crossentropy"'
        else:
            loss = r.choice(('"sparse_categorical_crossentropy"', '"categorical_crossentropy"'))
        planted = ""
        shape = list(out)
        ints = None  # (low, high) for integer labels
        onehot_classes = out[-1]
        if task == "binary":
            ints = (0, 2)
        if loss == '"sparse_categorical_crossentropy"':
            c = shape[-1]
            shape = shape[:-1]
            if r.random() < 0.25:
                shape = shape + [1]
            ints = (0, c)
        elif loss == '"categorical_crossentropy"':
            pass  # one-hot below
        elif task != "multiclass" and shape[-1] == 1 and r.random() < 0.3:
            shape = shape[:-1]  # (N,) against (N, 1): Keras expands, fine
        if bug == "loss-target":
            planted = "loss-target"
            more_classes = r.random() < 0.4  # the labels know more classes than the output
            if loss == '"sparse_categorical_crossentropy"' and more_classes:
                ints = (0, out[-1] + r.randint(2, 6))
                loss_note = "classes"
            elif loss == '"sparse_categorical_crossentropy"':
                shape = list(out)  # one-hot style targets with a sparse loss
                ints = None
                loss_note = "onehot"
            elif loss == '"categorical_crossentropy"' and more_classes:
                onehot_classes = out[-1] + r.randint(2, 6)
                loss_note = "classes"
            elif loss == '"categorical_crossentropy"':
                shape = list(out[:-1])  # integer labels with the one-hot loss
                ints = (0, out[-1])
                loss_note = "int"
            else:
                # a last axis that cannot broadcast against the output
                shape = list(out)
                shape[-1] = shape[-1] + r.choice((1, 2)) if shape[-1] != 1 else r.choice((2, 3))
                if len(out) >= 2 and r.random() < 0.5:
                    shape = list(out)
                    shape[0] = shape[0] + 1 if shape[0] != 1 else 2
                loss_note = "size"
            self.meta.bug_note = f"targets {tuple(shape)} vs output {out} ({loss_note})"
        elif bug == "target-broadcast":
            planted = "target-broadcast"
            if task == "regression" or task == "binary":
                if len(out) == 1 and self.timesteps:
                    shape = [self.timesteps, out[0]] if r.random() < 0.5 else [self.timesteps]
                    if shape == [self.timesteps] and out[0] == 1:
                        shape = [self.timesteps, 1]
                elif len(out) == 2:
                    shape = [1, out[1]]
                else:
                    planted = ""
            else:
                planted = ""
            self.meta.bug_note = f"targets {tuple(shape)} vs output {out}"
        dims = ", ".join([str(n)] + [str(d) for d in shape])
        if loss == '"categorical_crossentropy"' and ints is None:
            c = onehot_classes
            idx = ", ".join([str(n)] + [str(d) for d in out[:-1]])
            y = f"np.eye({c})[np.random.randint(0, {c}, size=({idx}))]"
            if not out[:-1]:
                y = f"np.eye({c})[np.random.randint(0, {c}, size={n})]"
        elif ints is not None:
            y = f"np.random.randint({ints[0]}, {ints[1]}, size=({dims}{',' if not shape else ''}))"
        else:
            y = f'np.random.rand({dims}).astype("float32")'
        return loss, y, planted


# -- scripts ----------------------------------------------------------------------------------


SCRIPT_KINDS = ("classic", "custom", "layers")


def script_kind(seed: int) -> str:
    """Which kind of script ``seed`` makes: custom layers and Lambdas with tensor ops (20%),
    the new layer families (15%), else the classic sequence models.  Drawn from its own
    stream, so a classic script's text does not depend on the new kinds."""
    x = random.Random(f"oracle-kind:{seed}").random()
    return "custom" if x < 0.20 else "layers" if x < 0.35 else "classic"


def generate(seed: int, kind: str | None = None, keras: str = "3") -> Script:
    """The script for ``seed``: realistic, tiny, and with about one chance in two of a bug.

    ``kind`` forces one of ``SCRIPT_KINDS`` (the benchmark's ``--kind``); by default the seed
    decides (:func:`script_kind`).  ``keras="2"`` writes the script for Keras 2 (tf-keras):
    the same draws, spelled with Keras 2's API where Keras 3's differs (no ``keras.ops``,
    ``InputLayer(input_shape=)``), so most seeds give the same text for both."""
    kind = kind or script_kind(seed)
    if kind == "custom":
        from tests.oracle.generate_custom import CustomBuilder

        return CustomBuilder(seed, keras).build()
    if kind == "layers":
        from tests.oracle.generate_layers import LayersBuilder

        return LayersBuilder(seed, keras).build()
    return _Builder(seed, keras).build()


class _Builder(Gen):
    def build(self) -> Script:
        r = self.rng
        self.timesteps = r.randint(2, 12)
        self.features = r.randint(1, 8)
        self.vocab = r.randint(20, 50)
        self.tokens = False
        want_bug = r.random() < 0.5
        style = r.choice(
            (
                "sequential-list",
                "sequential-list",
                "sequential-add",
                "functional",
                "functional",
                "graph",
            )
        )
        if style == "graph":
            self.graph(want_bug)
        else:
            self.linear(style, want_bug)
        return self.finish()

    # -- linear models (Sequential list / add, or a functional chain) ------------------------

    def linear(self, style: str, want_bug: bool) -> None:
        r = self.rng
        self.meta.style = style
        self.tokens = r.random() < 0.35
        per_step = r.random() < 0.3
        none_time = not self.tokens and r.random() < 0.1
        t, f = self.timesteps, self.features
        start = (t,) if self.tokens else (None if none_time else t, f)
        self.meta.archetype = (
            ("tagger" if per_step else "classifier")
            if self.tokens
            else ("seq2seq-dense" if per_step else "forecaster")
        )
        steps = self.chain(start, self.tokens, per_step, none_time)
        head, out, task = self.head(steps[-1].out if steps else start)
        if (not steps or len(steps[-1].out) != len(out)) and len(start) == 1:
            steps = steps  # an Embedding-only tagger is fine
        steps.append(Step(head, out, "head"))
        if per_step and r.random() < 0.3:
            steps[-1] = Step(Spec("TimeDistributed", [], {}, inner=head), out, "head")

        bug_options = [
            "missing-return-sequences",
            "missing-return-sequences",
            "missing-repeat-vector",
            "missing-repeat-vector",
            "flatten-then-sequence",
            "timedistributed-rank",
            "reshape-size",
            "reshape-size",
            "conv-length",
        ]
        if style != "functional":
            bug_options.append("merge-single-tensor")
        if not self.tokens:
            bug_options += ["input-rank"]
        bug_options += ["loss-target", "target-broadcast", "input-data"]
        if self.tokens:
            bug_options.append("embedding-index")
        bug = None
        bug_step = None
        if want_bug:
            r.shuffle(bug_options)
            for cand in bug_options:
                if cand in (
                    "input-rank",
                    "loss-target",
                    "target-broadcast",
                    "input-data",
                    "embedding-index",
                ):
                    bug = cand
                    break
                k = self.plant_chain(steps, cand, start)
                if k is not None:
                    bug, bug_step = cand, k
                    break
        for s in steps:
            self.note_kinds(s.spec)

        # data
        has_data = bug in ("loss-target", "target-broadcast", "input-data", "embedding-index")
        has_data = has_data or r.random() < 0.5
        if none_time:
            has_data = has_data or r.random() < 0.5
        n = r.choice((4, 4, 8))
        decl = r.choice(
            (
                "Input",
                "Input",
                "input_shape",
                "input_shape",
                "none",
                "InputLayer",
                "Input",
                "input_shape",
                "none",
                "build",
            )
        )
        if decl == "build" and style == "functional":
            decl = "Input"
        if style == "functional":
            decl = "Input"
        if decl == "none" and (not has_data or bug == "input-data"):
            decl = "Input"  # an undeclared Sequential builds from the data it gets
        if self.shape_style == "xshape" and (not has_data or bug == "input-data"):
            self.shape_style = "const"  # X.shape[1:] cannot disagree with X
        if self.shape_style == "xshape" and decl == "none":
            decl = "input_shape"
        input_rank_mode = None
        if bug == "input-rank":
            first = next(
                (i for i, st in enumerate(steps) if st.spec.kind not in ("Masking", *PASSTHROUGH)),
                0,
            )
            needs_time = steps[first].spec.kind in (*NEEDS_TIME, "TimeDistributed")
            modes = ["features-only"] if needs_time else []
            if has_data and decl != "build":
                modes += ["x-shape", "x-shape"]
            if not modes:
                decl = "Input" if decl == "build" else decl
                has_data = True
                modes = ["x-shape"]
            input_rank_mode = r.choice(modes)
            bug_step = first
            if input_rank_mode == "x-shape":  # rank 4: the first layer that checks the rank
                checks = (*NEEDS_TIME, "TimeDistributed", "Reshape", "Permute")
                if self.keras == "2":  # tf.keras 2's Conv1D takes extra leading batch axes
                    checks = tuple(k for k in checks if k != "Conv1D")
                bug_step = next((i for i, st in enumerate(steps) if st.spec.kind in checks), first)
            if decl == "none":
                decl = "input_shape"
        if decl == "input_shape" and steps[0].spec.kind == "SpatialDropout1D":
            decl = "Input"  # its constructor takes no input_shape
        self.meta.has_data = has_data
        self.meta.input_decl = decl
        self.meta.shape_style = self.shape_style
        x_shape = start if not none_time else (t, f)
        if bug == "input-data":
            x_shape = self.wrong_data_shape(start, none_time)
        head_out = out
        if (
            bug is None
            and has_data
            and style != "functional"
            and decl in ("Input", "input_shape", "InputLayer")
            and not none_time
            and self.shape_style != "xshape"
            and all(STEP_AGNOSTIC(st.spec) for st in steps)
            and r.random() < 0.6
        ):
            # Keras 3 runs a Sequential model on data longer than declared (it only warns):
            # per-step targets follow the data, and nothing fails.
            k = r.randint(1, 3)
            x_shape = (t + k,) + tuple(start[1:])
            if len(out) == 2 and out[0] == t:
                head_out = (t + k, out[1])
            self.meta.bug_note = f"data has {t + k} steps, the input declares {t} (tolerated)"
        want_function = r.random() < 0.15

        # body
        if has_data:
            self.tokens_x = self.tokens
            if bug == "embedding-index":  # ids beyond the Embedding's input_dim
                self.vocab_high = self.vocab + r.randint(5, 30)
            self.emit(self.data_lines("X", x_shape, self.tokens, n), "x-data")
            self.vocab_high = None
            loss, y, planted = self.targets(head_out, task, n, bug)
            if bug in ("loss-target", "target-broadcast") and not planted:
                bug = None
                self.meta.bug_note = ""
            self.emit(f"y = {y}", "y-data")
        else:
            loss, _, _ = self.targets(out, task, n, None)
        self.emit("")

        if want_function:
            self.in_function = True
            self.meta.in_function = True
            if self.shape_style != "xshape":
                self.shape_style = "param"
            self.params = {"maxlen": t} if self.tokens else {"timesteps": t, "n_features": f}
        shape_code = self.input_code(start, none_time, decl, input_rank_mode)
        indent = ""
        if self.in_function:
            params = ", ".join(self.params)
            if self.lines and self.lines[-1] == "":
                self.emit("")
            self.emit(f"def build_model({params}):")
            indent = "    "
        if style == "functional":
            self.emit_functional_chain(steps, shape_code, bug_step, indent)
        else:
            self.emit_sequential(style, steps, shape_code, decl, bug_step, indent, bug)
        compile_here = has_data and r.random() < 0.85 or (not has_data and r.random() < 0.5)
        do_fit = has_data and compile_here and r.random() < 0.85
        if has_data and not do_fit and bug in ("loss-target", "target-broadcast"):
            compile_here, do_fit = True, True
        if compile_here:
            opt = r.choice(('"adam"', '"adam"', '"rmsprop"', '"sgd"'))
            metrics = ""
            if loss and "entropy" in loss and r.random() < 0.4:
                metrics = ', metrics=["accuracy"]'
            self.emit(f"{indent}model.compile(optimizer={opt}, loss={loss}{metrics})", "compile")
            self.meta.compile = True
            self.meta.loss = loss.strip('"')
        if self.in_function:
            self.emit(f"{indent}return model")
            self.emit("")
            self.emit("")
            args = []
            keyword = False
            for p, v in self.params.items():
                val = p.upper() if p.upper() in self.consts else str(v)
                keyword = keyword or r.random() < 0.5
                if keyword:
                    args.append(f"{p}={val}")
                else:
                    args.append(val)
            self.emit(f"model = build_model({', '.join(args)})", "model-call")
            self.in_function = False
        if has_data:
            if do_fit:
                bs = r.choice((n, n, 2, 4))
                self.emit(f"model.fit(X, y, epochs=1, batch_size={bs}, verbose=0)", "fit")
                self.meta.fit = True
            else:
                self.emit("model.predict(X, verbose=0)", "fit")
                self.meta.predict = True
                if bug in ("loss-target", "target-broadcast"):
                    bug = None
        if bug in ("input-data", "embedding-index") and not (self.meta.fit or self.meta.predict):
            bug = None
        self.meta.bug = bug
        if bug in ("loss-target", "target-broadcast", "input-data", "embedding-index"):
            self.bug_tag = "fit"
        elif bug is not None:
            self.bug_tag = "bug"
        self.meta.bug_note = self.meta.bug_note or (input_rank_mode or "")

    def wrong_data_shape(self, start: tuple, none_time: bool) -> tuple:
        r = self.rng
        t, f = self.timesteps, self.features
        if self.tokens:
            return (t + r.randint(1, 3),) if r.random() < 0.5 else (t, 3)
        if none_time:
            return (t, f + r.randint(1, 3))
        c = r.choice(("features", "time", "rank"))
        if c == "features":
            return (t, f + r.randint(1, 3))
        if c == "time":
            return (t + r.randint(1, 3), f)
        return (t, f, 2)

    def input_code(self, start: tuple, none_time: bool, decl: str, mode: str | None) -> str:
        if mode == "x-shape":
            return "X.shape"
        if mode == "features-only":
            return self.tup([self.dim(self.features, "n_features")])
        if self.shape_style == "xshape" and not none_time:
            return "X.shape[1:]"
        names = ["maxlen" if self.in_function and self.tokens else "timesteps", "n_features"]
        items = []
        for d, nm in zip(start, names[: len(start)], strict=True):
            items.append(self.dim(d, nm))
        return self.tup(items)

    def emit_sequential(
        self,
        style: str,
        steps: list[Step],
        shape_code: str,
        decl: str,
        bug_step: int | None,
        ind: str,
        bug: str | None,
    ) -> None:
        ns = self.ns
        seq = ns.toplevel("Sequential")
        rendered = []
        for i, s in enumerate(steps):
            code = s.spec.render(ns)
            if i == 0 and decl == "input_shape":
                code = code[:-1] + (", " if code[-2] != "(" else "") + f"input_shape={shape_code})"
            tags = []
            if i == bug_step:
                tags.append("bug")
            if i == 0:
                tags.append("first-layer")
            if s.root:
                tags.append("root")
            if i == len(steps) - 1:
                tags.append("head")
            rendered.append((code, tags))
        input_line = None
        if decl == "Input":
            input_line = f"{ns.input()}(shape={shape_code})"
        elif decl == "InputLayer":
            keyword = "input_shape" if self.keras == "2" else "shape"
            input_line = f"{ns.layer('InputLayer')}({keyword}={shape_code})"
        if style == "sequential-list":
            self.emit(f"{ind}model = {seq}([", "model")
            if input_line:
                self.emit(f"{ind}    {input_line},", "input", "first-layer")
            for code, tags in rendered:
                self.emit(f"{ind}    {code},", *tags)
            self.emit(f"{ind}])")
        else:
            self.emit(f"{ind}model = {seq}()", "model")
            if input_line:
                self.emit(f"{ind}model.add({input_line})", "input", "first-layer")
            for code, tags in rendered:
                self.emit(f"{ind}model.add({code})", *tags)
        if decl == "build":
            if shape_code.startswith("X.shape"):
                full = "(None, *" + shape_code + ")"
            else:
                full = "(None, " + shape_code[1:].rstrip(",)").rstrip(",") + ")"
            kw = "input_shape=" if self.rng.random() < 0.5 else ""
            self.emit(f"{ind}model.build({kw}{full})", "input", "build")

    def emit_functional_chain(
        self, steps: list[Step], shape_code: str, bug_step: int | None, ind: str
    ) -> None:
        ns = self.ns
        r = self.rng
        var = r.choice(("x", "x", "h", "z"))
        in_name = r.choice(("inputs", "inp", "seq_in"))
        self.emit(f"{ind}{in_name} = {ns.input()}(shape={shape_code})", "input", "first-layer")
        prev = in_name
        for i, s in enumerate(steps):
            tags = ["bug"] if i == bug_step else []
            if i == 0:
                tags.append("first-layer")
            if s.root:
                tags.append("root")
            if i == len(steps) - 1:
                tags.append("head")
            target = "outputs" if i == len(steps) - 1 else var
            self.emit(f"{ind}{target} = {s.spec.render(ns)}({prev})", *tags)
            prev = target
        model = ns.toplevel("Model")
        if r.random() < 0.5:
            self.emit(f"{ind}model = {model}({in_name}, outputs)", "model")
        else:
            self.emit(f"{ind}model = {model}(inputs={in_name}, outputs=outputs)", "model")

    # -- graph models (functional only) -------------------------------------------------------

    def graph(self, want_bug: bool) -> None:
        r = self.rng
        self.meta.style = "functional"
        kind = r.choice(("merge", "merge", "seq2seq", "seq2seq", "bi-states", "mixed-inputs"))
        self.meta.archetype = kind
        getattr(self, "graph_" + kind.replace("-", "_"))(want_bug)

    def finish_graph(
        self,
        inputs: list[str],
        xs: list[tuple[str, tuple, bool]],
        out_var: str,
        out: tuple,
        task: str,
        bug: str | None,
        force_data: bool = False,
    ) -> None:
        """Model, data, compile and fit for a functional graph with inputs ``xs``."""
        r = self.rng
        ns = self.ns
        model = ns.toplevel("Model")
        ins = inputs[0] if len(inputs) == 1 else "[" + ", ".join(inputs) + "]"
        self.emit(f"model = {model}({ins}, {out_var})", "model")
        has_data = force_data or bug in ("loss-target", "target-broadcast") or r.random() < 0.5
        self.meta.has_data = has_data
        self.meta.input_decl = "Input"
        self.meta.shape_style = self.shape_style
        n = r.choice((4, 8))
        if has_data:
            data = []
            for name, shape, tokens in xs:
                data.append(self.data_lines(name, shape, tokens, n))
            loss, y, planted = self.targets(out, task, n, bug)
            if bug in ("loss-target", "target-broadcast") and not planted:
                bug = None
            data.append(f"y = {y}")
            # data goes before the model, after the constants
            at = self.marks["graph-start"][0]
            self.lines[at:at] = data + [""]
            self._shift(at, len(data) + 1)
            self.marks.setdefault("x-data", []).extend(range(at, at + len(data) - 1))
            self.marks.setdefault("y-data", []).append(at + len(data) - 1)
            self.emit(f'model.compile(optimizer="adam", loss={loss})', "compile")
            self.meta.compile = True
            self.meta.loss = loss.strip('"')
            names = [x[0] for x in xs]
            xarg = names[0] if len(names) == 1 else "[" + ", ".join(names) + "]"
            if r.random() < 0.8 or bug in ("loss-target", "target-broadcast"):
                self.emit(f"model.fit({xarg}, y, epochs=1, batch_size={n}, verbose=0)", "fit")
                self.meta.fit = True
            else:
                self.emit(f"model.predict({xarg}, verbose=0)", "fit")
                self.meta.predict = True
        else:
            if bug in ("loss-target", "target-broadcast"):
                bug = None
            loss, _, _ = self.targets(out, task, n, None)
            if r.random() < 0.5:
                self.emit(f'model.compile(optimizer="adam", loss={loss})', "compile")
                self.meta.compile = True
                self.meta.loss = loss.strip('"')
        self.meta.bug = bug

    def _shift(self, at: int, by: int) -> None:
        for tag, idxs in self.marks.items():
            self.marks[tag] = [i + by if i >= at else i for i in idxs]

    def seq_input(self, name: str, t: int, f: int | None) -> str:
        """Emit ``name = Input(shape=...)``; f None means token ids."""
        shape = [self.dim(t, "timesteps" if name != "dec_in" else "")]
        if f is not None:
            shape.append(self.dim(f, "n_features" if f == self.features else ""))
        self.emit(f"{name} = {self.ns.input()}(shape={self.tup(shape)})", "input")
        return name

    def graph_merge(self, want_bug: bool) -> None:
        r = self.rng
        ns = self.ns
        self.marks["graph-start"] = [len(self.lines)]
        t, f = self.timesteps, self.features
        variant = r.choice(("two-inputs", "shared", "seq-vector", "bi-none", "three", "attention"))
        bug = "merge-dims" if want_bug and r.random() < 0.75 and variant != "attention" else None
        xs = []
        u1, u2 = self.units(), self.units()
        k1, k2 = r.choice(RNN_KINDS), r.choice(RNN_KINDS)
        merge = "Concatenate"
        axis = None
        note = ""
        if variant == "two-inputs":
            t2, f2 = t, r.randint(1, 8)
            axis = r.choice((-1, -1, 1, 2))
            if axis == 1:
                u2 = u1  # joining along time needs equal features
                t2 = r.randint(2, 12)
            if bug:
                if axis == 1:
                    u2 = u1 + r.randint(1, 4)
                    note = "feature sizes differ on a time-axis concat"
                else:
                    t2 = t + r.randint(1, 3)
                    note = "sequence lengths differ on a feature-axis concat"
            a = self.seq_input("in_a", t, f)
            b = self.seq_input("in_b", t2, f2)
            xs = [("xa", (t, f), False), ("xb", (t2, f2), False)]
            self.kinds.update((k1, k2, "Concatenate"))
            self.emit(f"a = {self.rnn_spec(k1, u1, True).render(ns)}({a})", "root")
            self.emit(f"b = {self.rnn_spec(k2, u2, True).render(ns)}({b})", "root")
            ins = [a, b]
            merged_shape = (t + t2, u1) if axis == 1 else (t, u1 + u2)
            parts = ["a", "b"]
        elif variant == "shared":
            merge = r.choice(("Add", "Average", "Multiply", "Maximum", "Subtract", "Concatenate"))
            if merge == "Concatenate":
                axis = r.choice((-1, 1))
            if bug and merge != "Concatenate":
                u2 = u1 + r.randint(1, 3)
                note = "elementwise merge of different sizes"
            elif bug:
                axis = 3 if r.random() < 0.5 else axis
                if axis == 3:
                    note = "concat axis out of range"
                else:
                    u2 = u1 + r.randint(1, 3) if axis == 1 else u1
                    if axis == -1:
                        bug = None
                    note = "feature sizes differ on a time-axis concat"
            else:
                u2 = u1 if merge != "Concatenate" or axis == 1 else u2
            a = self.seq_input("inputs", t, f)
            xs = [("X", (t, f), False)]
            self.kinds.update((k1, k2, merge))
            self.emit(f"a = {self.rnn_spec(k1, u1, True).render(ns)}({a})", "root")
            self.emit(f"b = {self.rnn_spec(k2, u2, True).render(ns)}({a})", "root")
            ins = [a]
            merged_shape = (
                (t, u1 + u2)
                if merge == "Concatenate" and axis != 1
                else ((2 * t, u1) if merge == "Concatenate" else (t, u1))
            )
            parts = ["a", "b"]
        elif variant == "seq-vector":
            a = self.seq_input("inputs", t, f)
            xs = [("X", (t, f), False)]
            self.kinds.update((k1, k2, "Concatenate", "RepeatVector"))
            self.emit(f"seq = {self.rnn_spec(k1, u1, True).render(ns)}({a})", "root")
            self.emit(f"vec = {self.rnn_spec(k2, u2, False).render(ns)}({a})", "root")
            if not bug:
                self.emit(f"vec = {ns.layer('RepeatVector')}({self.dim(t, 'timesteps')})(vec)")
            else:
                note = "sequence joined with a vector"
            ins = [a]
            merged_shape = (t, u1 + u2)
            parts = ["seq", "vec"]
        elif variant == "attention":
            a = self.seq_input("inputs", t, f)
            xs = [("X", (t, f), False)]
            self.kinds.update((k1, k2, "Attention", "Concatenate"))
            self.emit(f"q = {self.rnn_spec(k1, u1, True).render(ns)}({a})", "root")
            self.emit(f"v = {self.rnn_spec(k2, u1, True).render(ns)}({a})", "root")
            self.emit(f"att = {ns.layer('Attention')}()([q, v])")
            parts = ["q", "att"]
            merged_shape = (t, 2 * u1)
            ins = [a]
        elif variant == "bi-none":
            a = self.seq_input("inputs", t, f)
            xs = [("X", (t, f), False)]
            merge = r.choice(("Concatenate", "Add", "Average"))
            self.kinds.update((k1, "Bidirectional", merge))
            inner = self.rnn_spec(k1, u1, True)
            bi = self.bi_spec(inner, None)
            self.emit(f"fwd, bwd = {bi.render(ns)}({a})")
            parts = ["fwd", "bwd"]
            merged_shape = (t, 2 * u1) if merge == "Concatenate" else (t, u1)
            if bug:
                u3 = u1 + r.randint(1, 3)
                self.kinds.add("Dense")
                self.emit(f"bwd = {ns.layer('Dense')}({u3})(bwd)", "root")
                note = "forward and backward sizes differ after a Dense"
                if merge == "Concatenate":
                    axis = 1
            elif merge == "Concatenate" and r.random() < 0.3:
                axis = 1
                merged_shape = (2 * t, u1)
            ins = [a]
        else:  # three inputs: tokens + two feature streams
            bf = r.randint(1, 8)
            a = self.seq_input("in_a", t, f)
            b = self.seq_input("in_b", t, bf)
            c_f = r.randint(1, 8)
            t3 = t + r.randint(1, 3) if bug else t
            note = "one of three inputs has another length" if bug else ""
            c = self.seq_input("in_c", t3, c_f)
            xs = [("xa", (t, f), False), ("xb", (t, bf), False), ("xc", (t3, c_f), False)]
            self.kinds.add("Concatenate")
            ins = [a, b, c]
            parts = [a, b, c]
            merged_shape = (t, f + bf + c_f)
        if merge == "Concatenate" and axis not in (None, -1):
            mspec = Spec(merge, [], {"axis": str(axis)})
        elif merge == "Concatenate" and r.random() < 0.3:
            mspec = Spec(merge, [], {"axis": "-1"})
        else:
            mspec = Spec(merge)
        self.kinds.add(merge)
        self.emit(f"merged = {mspec.render(ns)}([{', '.join(parts)}])", "bug" if bug else "merge")
        # head
        x = "merged"
        per_step = r.random() < 0.35
        shape = merged_shape
        if not per_step:
            kind = r.choice(RNN_KINDS)
            u = self.units()
            self.kinds.add(kind)
            self.emit(f"x = {self.rnn_spec(kind, u, False).render(ns)}({x})")
            x, shape = "x", (u,)
        head, out, task = self.head(shape)
        self.kinds.add("Dense")
        self.emit(f"outputs = {head.render(ns)}({x})", "head")
        if bug:
            self.bug_tag = "bug"
        self.meta.bug_note = note
        plant = bug
        if not bug and want_bug:
            plant = self.rng.choice(("loss-target", "target-broadcast"))
        self.finish_graph(ins, xs, "outputs", out, task, plant)
        if self.meta.bug in ("loss-target", "target-broadcast"):
            self.bug_tag = "fit"

    def graph_seq2seq(self, want_bug: bool) -> None:
        r = self.rng
        ns = self.ns
        self.marks["graph-start"] = [len(self.lines)]
        t, f = self.timesteps, self.features
        t2 = r.randint(2, 12)
        f2 = r.randint(1, 8)
        enc_kind = r.choice(RNN_KINDS)
        dec_kind = enc_kind if r.random() < 0.8 else r.choice(RNN_KINDS)
        u = self.units()
        bug = None
        if want_bug:
            bug = r.choice(
                (
                    "state-size",
                    "state-size",
                    "state-count",
                    "missing-return-sequences",
                    "loss-target",
                )
            )
        du = u
        if bug == "state-size":
            du = u + r.choice((-1, 1, 2, 4)) if u > 2 else u + 2
        tokens = r.random() < 0.4
        enc_in = self.seq_input("enc_in", t, None if tokens else f)
        self.kinds.update((enc_kind, dec_kind, "Dense"))
        if tokens:
            self.kinds.add("Embedding")
            e = r.choice((4, 8))
            self.emit(
                f"enc = {ns.layer('Embedding')}({self.dim(self.vocab, 'vocab_size')}, {e})"
                f"({enc_in})"
            )
            src = "enc"
        else:
            src = enc_in
        n = N_STATES[enc_kind]
        states = ["state_h", "state_c"][:n]
        encoder = self.rnn_spec(enc_kind, u, False, state=True)
        self.emit(f"enc_out, {', '.join(states)} = {encoder.render(ns)}({src})", "root")
        dec_in = self.seq_input("dec_in", t2, f2)
        given = list(states)
        need = N_STATES[dec_kind]
        if bug == "state-count":
            if need == 2:
                given = given[:1]
            elif len(given) == 1:
                # GRU ignores extra states; SimpleRNN does not
                if dec_kind == "SimpleRNN":
                    given = given + ["enc_out"]
                else:
                    bug = None
            else:
                if dec_kind == "SimpleRNN":
                    pass  # SimpleRNN with [h, c]
                else:
                    bug = None
        elif need != len(given):
            if need == 2:
                dec_kind = enc_kind  # keep the correct script correct
            else:
                given = given[:1] if dec_kind != "GRU" else given[:1]
        seq = bug != "missing-return-sequences"
        dec = self.rnn_spec(dec_kind, du, seq)
        self.emit(
            f"dec = {dec.render(ns)}({dec_in}, initial_state=[{', '.join(given)}])",
            "bug" if bug in ("state-size", "state-count") else "decoder",
        )
        head, out, task = self.head((t2, du))
        if bug == "missing-return-sequences":
            # the decoder collapses, a TimeDistributed head needs the steps
            self.kinds.add("TimeDistributed")
            self.emit(f"outputs = {ns.layer('TimeDistributed')}({head.render(ns)})(dec)", "bug")
            bug = "timedistributed-rank"
        else:
            self.emit(f"outputs = {head.render(ns)}(dec)", "head")
        if bug in ("state-size", "state-count", "timedistributed-rank"):
            self.bug_tag = "bug"
        xs = [("enc_x", (t,) if tokens else (t, f), tokens), ("dec_x", (t2, f2), False)]
        self.tokens = tokens
        self.finish_graph(
            [enc_in, dec_in], xs, "outputs", out, task, bug if bug else None, force_data=True
        )
        if self.meta.bug in ("loss-target",):
            self.bug_tag = "fit"

    def graph_bi_states(self, want_bug: bool) -> None:
        r = self.rng
        ns = self.ns
        self.marks["graph-start"] = [len(self.lines)]
        t, f = self.timesteps, self.features
        t2 = r.randint(2, 12)
        f2 = r.randint(1, 8)
        kind = r.choice(("LSTM", "LSTM", "GRU"))
        u = self.units()
        bug = r.choice(("state-size", "state-count", "reshape-size")) if want_bug else None
        enc_in = self.seq_input("enc_in", t, f)
        self.kinds.update((kind, "Bidirectional", "Concatenate", "Dense"))
        bi = self.bi_spec(self.rnn_spec(kind, u, False, state=True), "concat")
        if kind == "LSTM":
            self.emit(f"enc_out, fh, fc, bh, bc = {bi.render(ns)}({enc_in})", "root")
            self.emit(f"state_h = {ns.layer('Concatenate')}()([fh, bh])")
            self.emit(f"state_c = {ns.layer('Concatenate')}()([fc, bc])")
            states = ["state_h", "state_c"]
        else:
            self.emit(f"enc_out, fh, bh = {bi.render(ns)}({enc_in})", "root")
            self.emit(f"state_h = {ns.layer('Concatenate')}()([fh, bh])")
            states = ["state_h"]
        du = 2 * u
        if bug == "state-size":
            du = u
        if bug == "state-count":
            if kind == "LSTM":
                states = states[:1]
            else:
                bug = "state-size"
                du = u
        dec_in = self.seq_input("dec_in", t2, f2)
        dec = self.rnn_spec(kind, du, True)
        self.emit(
            f"dec = {dec.render(ns)}({dec_in}, initial_state=[{', '.join(states)}])",
            "bug" if bug in ("state-size", "state-count") else "decoder",
        )
        shape = (t2, du)
        if r.random() < 0.4 or bug == "reshape-size":
            self.kinds.add("Reshape")
            d = [t2, du, 1] if r.random() < 0.5 else [t2 * du]
            if bug == "reshape-size":
                d = [t2, u, 1] if du != u else [t2, u + 1, 1]
                self.emit(
                    f"dec = {ns.layer('Reshape')}({self.tup([str(v) for v in d])})(dec)", "bug"
                )
            else:
                self.emit(f"dec = {ns.layer('Reshape')}({self.tup([str(v) for v in d])})(dec)")
                shape = tuple(d)
                if len(d) == 3:
                    self.kinds.add("TimeDistributed")
                    self.emit(f"dec = {ns.layer('TimeDistributed')}({ns.layer('Flatten')}())(dec)")
                    self.kinds.add("Flatten")
                    shape = (t2, du)
        head, out, task = self.head(shape)
        self.emit(f"outputs = {head.render(ns)}(dec)", "head")
        if bug:
            self.bug_tag = "bug"
        xs = [("enc_x", (t, f), False), ("dec_x", (t2, f2), False)]
        self.finish_graph([enc_in, dec_in], xs, "outputs", out, task, bug, force_data=True)

    def graph_mixed_inputs(self, want_bug: bool) -> None:
        """Token ids and numeric features per step, joined on the feature axis."""
        r = self.rng
        ns = self.ns
        self.marks["graph-start"] = [len(self.lines)]
        t, f = self.timesteps, self.features
        bug = None
        if want_bug:
            bug = r.choice(("merge-dims", "merge-dims", "input-data", "input-rank"))
        tok = self.seq_input("tokens", t, None)
        t2 = t + r.randint(1, 3) if bug == "merge-dims" else t
        if bug == "input-rank":
            feats_shape = self.tup([self.dim(f, "n_features")])
            self.emit(f"feats = {ns.input()}(shape={feats_shape})", "input", "root")
        else:
            self.seq_input("feats", t2, f)
        self.kinds.update(("Embedding", "Concatenate", "Dense"))
        e = r.choice((4, 8))
        self.emit(
            f"emb = {ns.layer('Embedding')}({self.dim(self.vocab, 'vocab_size')}, {e})(tokens)"
        )
        self.emit(
            f"x = {ns.layer('Concatenate')}()([emb, feats])",
            "bug" if bug in ("merge-dims", "input-rank") else "merge",
        )
        kind = r.choice(RNN_KINDS)
        self.kinds.add(kind)
        per_step = r.random() < 0.4
        u = self.units()
        if r.random() < 0.3:
            self.kinds.add("Bidirectional")
            spec = self.bi_spec(self.rnn_spec(kind, u, per_step), "concat")
            u = 2 * u
        else:
            spec = self.rnn_spec(kind, u, per_step)
        self.emit(f"x = {spec.render(ns)}(x)")
        head, out, task = self.head((t, u) if per_step else (u,))
        self.emit(f"outputs = {head.render(ns)}(x)", "head")
        if bug == "merge-dims":
            self.meta.bug_note = "token and feature sequences differ in length"
        self.tokens = True
        xs = [("x_tok", (t,), True), ("x_num", (t, f), False)]
        if bug == "input-data":
            xs[1] = ("x_num", (t + r.randint(1, 3), f), False)
            self.bug_tag = "fit"
        elif bug:
            self.bug_tag = "bug"
        self.finish_graph(
            [tok, "feats"], xs, "outputs", out, task, bug, force_data=bug == "input-data"
        )
        if self.meta.bug == "input-data" and not (self.meta.fit or self.meta.predict):
            self.meta.bug = None

    # -- assembling ---------------------------------------------------------------------------

    bug_tag: str | None = None
    tokens_x = False
    vocab_high: int | None = None
    extra_imports: tuple[str, ...] = ()  # import lines after the layer imports (tf, ops, K)

    def finish(self) -> Script:
        ns = self.ns
        body = self.lines
        header = [f'"""Generated by tests/oracle/generate.py (seed {self.seed})."""']
        header += ns.header(numpy=any("np." in ln for ln in body))
        header += list(self.extra_imports)
        header.append("")
        if self.consts:
            for k, v in self.consts.items():
                header.append(f"{k} = {v}")
            header.append("")
        offset = len(header)
        text = "\n".join(header + body).rstrip() + "\n"
        m = self.meta

        def line_of(tag: str) -> int | None:
            idxs = self.marks.get(tag)
            return offset + idxs[0] + 1 if idxs else None

        m.fit_line = line_of("fit")
        m.compile_line = line_of("compile")
        m.model_line = line_of("model")
        if m.bug is not None:
            tag = self.bug_tag or "bug"
            if m.bug == "input-rank" and "first-layer" in self.marks and tag == "first-layer":
                m.bug_line = offset + self.marks["first-layer"][-1] + 1
            else:
                m.bug_line = line_of(tag)
            tags = [tag, "root", *EXTRA_BUG_TAGS.get(m.bug, ())]
            found = {offset + i + 1 for t in tags for i in self.marks.get(t, [])}
            m.bug_lines = sorted(found | ({m.bug_line} if m.bug_line else set()))
        m.families = sorted(
            {KIND_FAMILY[k] for k in self.kinds if k in KIND_FAMILY}
            | ({"state"} if "initial_state" in text else set())
        )
        return Script(text, m)


def generate_many(n: int, seed: int = 0, kind: str | None = None) -> list[Script]:
    """``n`` scripts from consecutive seeds starting at ``seed``."""
    return [generate(seed + i, kind) for i in range(n)]
