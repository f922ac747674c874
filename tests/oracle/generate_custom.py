"""Scripts whose model holds a custom layer (a ``Layer`` subclass of the script) or a ``Lambda``
whose function runs tensor ops, with bugs planted inside them (``generate(seed)`` picks this
kind for a share of the seeds; see ``generate.script_kind``).

The layers are the ones tutorials and questions copy: the attention layer of the LSTM
tutorials (``W=(input_shape[-1], 1)``, ``b=(input_shape[1], 1)``, tanh, softmax over the
steps, a weighted sum), projections (``matmul`` with a weight), gates (``x * sigmoid(...)``),
per-feature scales, residual blocks (``x + f(x)``), step features joined by concatenation,
reshapes that fold steps or flatten with an explicit batch size, Lambdas that pool, take the
last step, join two branches or flatten.  Ops are spelled in one style per script:
``keras.ops.X``, ``from keras import ops``, TensorFlow (``tf.matmul``, ``tf.nn.softmax``,
``tf.reduce_sum``...), ``tensorflow.keras.backend as K`` (``K.dot``, ``K.sum``...), with Python
operators (``x * a``, ``x + b``, sometimes ``x @ w``) in all of them.

Planted bugs: a weight sized from the wrong axis (``op-matmul``), a bias / gate / residual of
another width (``op-broadcast``), a concatenation on an axis where the others differ
(``op-concat``), a reshape target of the wrong size (``op-reshape``), ``add_weight`` given the
batch axis (``weight-batch-axis``), a ``compute_output_shape`` that disagrees with ``call``
(``declared-output``), a Lambda that pools or takes the last step before a layer that needs
the steps (``flatten-then-sequence``).  Every script has data and trains (or predicts): most
op failures only show when the model runs.  Most only predict: a forward pass shows the
same failures at a fifth of a training step's cost; the rest train, so targets meet the custom
shapes too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.oracle.generate import NEW_LAYER_KINDS, RNN_KINDS, Script, Spec, _Builder

OP_STYLES = ("keras.ops", "ops", "tf", "backend")
# Keras 2 has no keras.ops: its scripts spell those draws with TensorFlow (not the backend,
# whose scripts draw no ``x @ w``: the rest of the draws stay those of the Keras 3 script)
KERAS2_OP_STYLES = {"keras.ops": "tf", "ops": "tf"}

# canonical op -> (keras.ops name, TensorFlow spellings, tf.keras.backend name)
_NAMES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "matmul": ("matmul", ("matmul", "linalg.matmul"), "dot"),
    "tanh": ("tanh", ("tanh", "nn.tanh", "math.tanh"), "tanh"),
    "sigmoid": ("sigmoid", ("sigmoid", "nn.sigmoid", "math.sigmoid"), "sigmoid"),
    "softmax": ("softmax", ("nn.softmax",), "softmax"),
    "sum": ("sum", ("reduce_sum", "math.reduce_sum"), "sum"),
    "mean": ("mean", ("reduce_mean", "math.reduce_mean"), "mean"),
    "max": ("max", ("reduce_max",), "max"),
    "concatenate": ("concatenate", ("concat",), "concatenate"),
    "reshape": ("reshape", ("reshape",), "reshape"),
    "expand_dims": ("expand_dims", ("expand_dims",), "expand_dims"),
    "squeeze": ("squeeze", ("squeeze",), "squeeze"),
    "shape": ("shape", ("shape",), "shape"),
}
# ops seqlint reads in the frontend rather than through the op vocabulary: no "op:" need
_FRONTEND_OPS = frozenset({"shape"})
_OPERATORS = {"+": "add", "*": "mul", "-": "sub", "@": "matmul", "[]": "getitem"}


class Ops:
    """Spells tensor ops in one style and records what seqlint must know to follow them."""

    def __init__(self, style: str, rng) -> None:
        self.style = style
        self.needs: set[str] = set()
        self.used = False
        self.tf_pick = {op: rng.choice(names[1]) for op, names in _NAMES.items()}
        # some people write x @ w instead of a matmul call (never with K.dot)
        self.at_operator = style != "backend" and rng.random() < 0.2

    def callee(self, op: str) -> tuple[str, str]:
        """(spelling, the qualified name seqlint resolves) of ``op``."""
        keras_name, _tf, k_name = _NAMES[op]
        if self.style == "keras.ops":
            return f"keras.ops.{keras_name}", f"ops.{keras_name}"
        if self.style == "ops":
            return f"ops.{keras_name}", f"ops.{keras_name}"
        if self.style == "tf":
            name = self.tf_pick[op]
            return f"tf.{name}", f"tensorflow.{name}"
        return f"K.{k_name}", f"backend.{k_name}"

    def __call__(self, op: str, *args: str, **kwargs: str) -> str:
        self.used = True
        spelled, qual = self.callee(op)
        if op not in _FRONTEND_OPS:
            self.needs.add(f"op:{qual}")
        parts = list(args) + [f"{k}={v}" for k, v in kwargs.items()]
        return f"{spelled}({', '.join(parts)})"

    def matmul(self, a: str, b: str) -> str:
        if self.at_operator:
            return self.op(a, "@", b)
        return self("matmul", a, b)

    def op(self, a: str, symbol: str, b: str) -> str:
        self.needs.add(f"op:operator.{_OPERATORS[symbol]}")
        return f"{a} {symbol} {b}"

    def item(self, x: str, key: str) -> str:
        self.needs.add("op:operator.getitem")
        return f"{x}[{key}]"

    def imports(self, namer_style: str) -> list[str]:
        if not self.used:
            return []
        keras_bound = namer_style in (
            "tensorflow.keras",
            "keras",
            "from keras import layers",
            "import tensorflow.keras.layers as kl",
        )
        if self.style == "keras.ops":
            return [] if keras_bound else ["import keras"]
        if self.style == "ops":
            return ["from keras import ops"]
        if self.style == "tf":
            return [] if namer_style == "tf.keras" else ["import tensorflow as tf"]
        return ["from tensorflow.keras import backend as K"]


@dataclass
class Item:
    """One step of the model: a layer expression applied to the previous tensor, or (only in a
    functional model) an expression of it (``expr`` with ``{prev}``) after some lines of
    their own (``before``, e.g. two branches)."""

    code: str
    out: tuple
    tags: tuple[str, ...] = ()
    expr: str | None = None
    before: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    keras_layer: bool = True  # a keras.layers constructor (it may take input_shape=)


class NewKinds(_Builder):
    """What the custom-layer and new-layer builders share: a model from Items, data that
    always trains, the script's needs and families."""

    kind = "custom"
    input_tags: tuple[str, ...] = ()  # extra tags of the input declaration (a planted root)

    def __init__(self, seed: int, keras: str = "3") -> None:
        super().__init__(seed, keras)
        style = self.rng.choice(OP_STYLES)
        if keras == "2":
            style = KERAS2_OP_STYLES.get(style, style)
        self.ops = Ops(style, self.rng)
        self.extra_families: set[str] = set()
        self.shape_style = self.rng.choice(("literal", "literal", "const"))
        self.meta.kind = self.kind

    def spec(self, kind: str, *args: str, **kwargs: str) -> str:
        self.kinds.add(kind)
        return Spec(kind, list(args), dict(kwargs)).render(self.ns)

    def wrap(self, wrapper: str, inner: str, inner_kind: str, **kwargs: str) -> str:
        self.kinds.update((wrapper, inner_kind))
        extra = "".join(f", {k}={v}" for k, v in kwargs.items())
        return f"{self.ns.layer(wrapper)}({inner}{extra})"

    def pick_bug(self, want: bool, options: list[str]) -> str | None:
        return self.rng.choice(options) if want and options else None

    def layer_base(self) -> str:
        self.extra_families.add("custom-layer")
        return self.ns.layer("Layer")

    def other(self, d: int, *avoid: int) -> int:
        """A size unlike ``d`` (and ``avoid``): a wrong width that cannot broadcast."""
        for _ in range(20):
            u = self.units()
            if u != d and u != 1 and u not in avoid:
                return u
        return d + 3

    def emit_block(self, lines: list[tuple[str, tuple[str, ...]]]) -> None:
        for text, tags in lines:
            self.emit(text, *tags)

    def emit_model(
        self,
        style: str,
        input_code: str,
        items: list[Item],
        *,
        in_name: str = "inputs",
    ) -> None:
        ns = self.ns
        r = self.rng
        if style == "functional":
            var = r.choice(("x", "x", "h"))
            self.emit(
                f"{in_name} = {ns.input()}(shape={input_code})",
                "input",
                "first-layer",
                *self.input_tags,
            )
            prev = in_name
            for i, it in enumerate(items):
                target = "outputs" if i == len(items) - 1 else var
                for text, tags in it.before:
                    self.emit(text.format(prev=prev), *tags)
                rhs = it.expr.format(prev=prev) if it.expr else f"{it.code}({prev})"
                self.emit(f"{target} = {rhs}", *it.tags)
                prev = target
            model = ns.toplevel("Model")
            if r.random() < 0.5:
                self.emit(f"model = {model}({in_name}, outputs)", "model")
            else:
                self.emit(f"model = {model}(inputs={in_name}, outputs=outputs)", "model")
            return
        seq = ns.toplevel("Sequential")
        decl = "Input"
        if items[0].keras_layer and r.random() < 0.2:
            decl = "input_shape"
        codes = [(it.code, it.tags) for it in items]
        if decl == "input_shape" and self.input_tags:
            codes[0] = (codes[0][0], (*codes[0][1], *self.input_tags))
        if decl == "input_shape":
            code, tags = codes[0]
            codes[0] = (
                code[:-1] + (", " if code[-2] != "(" else "") + f"input_shape={input_code})",
                tags,
            )
        first = f"{ns.input()}(shape={input_code})"
        if style == "sequential-list":
            self.emit(f"model = {seq}([", "model")
            if decl == "Input":
                self.emit(f"    {first},", "input", "first-layer", *self.input_tags)
            for code, tags in codes:
                self.emit(f"    {code},", *tags)
            self.emit("])")
        else:
            self.emit(f"model = {seq}()", "model")
            if decl == "Input":
                self.emit(f"model.add({first})", "input", "first-layer", *self.input_tags)
            for code, tags in codes:
                self.emit(f"model.add({code})", *tags)
        self.meta.input_decl = decl

    def train(self, loss: str, n: int, predict: bool) -> None:
        opt = self.rng.choice(('"adam"', '"adam"', '"rmsprop"'))
        self.emit(f"model.compile(optimizer={opt}, loss={loss})", "compile")
        self.meta.compile = True
        self.meta.loss = loss.strip('"')
        if predict:
            self.emit("model.predict(X, verbose=0)", "fit")
            self.meta.predict = True
        else:
            bs = self.rng.choice((n, n, 2, 4))
            self.emit(f"model.fit(X, y, epochs=1, batch_size={bs}, verbose=0)", "fit")
            self.meta.fit = True

    def data(self, x_shape: tuple, out: tuple, task: str, n: int) -> str:
        """X and y lines (the targets fit the output: no planted target bug here); the loss."""
        self.meta.has_data = True
        self.emit(self.data_lines("X", x_shape, self.tokens, n), "x-data")
        loss, y, _ = self.targets(out, task, n, None)
        self.emit(f"y = {y}", "y-data")
        self.emit("")
        return loss

    def finish(self) -> Script:
        self.extra_imports = tuple(self.ops.imports(self.ns.style))
        script = super().finish()
        m = script.meta
        m.families = sorted(set(m.families) | self.extra_families)
        needs = {f"layer:{k}" for k in self.kinds if k in NEW_LAYER_KINDS}
        m.needs = sorted(needs | self.ops.needs)
        return script


def _class_header(name: str, base: str) -> str:
    return f"class {name}({base}):"


class CustomBuilder(NewKinds):
    kind = "custom"

    ARCHETYPES = (
        "attention",
        "attention",
        "attention",
        "projection",
        "projection",
        "gating",
        "gating",
        "residual",
        "residual",
        "concat",
        "concat",
        "reshape",
        "reshape",
        "pooling",
        "pooling",
    )

    def build(self) -> Script:
        r = self.rng
        self.timesteps = r.randint(3, 10)
        self.features = r.randint(2, 8)
        self.vocab = r.randint(20, 50)
        self.tokens = r.random() < 0.25
        want_bug = r.random() < 0.5
        arche = r.choice(self.ARCHETYPES)
        self.meta.archetype = f"custom-{arche}"
        style = r.choice(("functional", "functional", "functional", "sequential-list"))
        if style == "sequential-list" and r.random() < 0.35:
            style = "sequential-add"
        self.extra_families.add("ops")

        pre, d = self.encoder()
        block = getattr(self, "arch_" + arche)(d, want_bug)
        if block.functional_only:
            style = "functional"
        self.meta.style = style
        self.meta.bug = block.bug
        self.meta.bug_note = block.note
        self.bug_tag = "bug"
        items = pre + block.items
        shape = block.out
        items += self.post(shape, block)
        shape = items[-1].out
        head, out, task = self.head(shape)
        self.kinds.add("Dense")
        items.append(Item(head.render(self.ns), out, ("head",)))

        if block.lines:
            self.emit("")
            self.emit_block(block.lines)
            self.emit("")
            self.emit("")
        n = r.choice((4, 4, 8))
        t, f = self.timesteps, self.features
        x_shape = (t,) if self.tokens else (t, f)
        loss = self.data(x_shape, out, task, n)
        if self.tokens:
            input_code = self.tup([self.dim(t, "maxlen")])
        else:
            input_code = self.tup([self.dim(t, "timesteps"), self.dim(f, "n_features")])
        self.meta.input_decl = "Input"
        self.meta.shape_style = self.shape_style
        self.emit_model(style, input_code, items)
        self.train(loss, n, predict=r.random() < 0.6)
        return self.finish()

    # -- the model around the custom code -------------------------------------------------

    def encoder(self) -> tuple[list[Item], int]:
        """Embedding and / or a sequence layer before the custom code; the feature size."""
        r = self.rng
        items: list[Item] = []
        d = self.features
        if self.tokens:
            e = r.choice((4, 6, 8))
            items.append(
                Item(
                    self.spec("Embedding", self.dim(self.vocab, "vocab_size"), str(e)),
                    (self.timesteps, e),
                )
            )
            d = e
        c = r.random()
        if c < 0.55:
            u = self.units()
            kind = r.choice(RNN_KINDS)
            items.append(
                Item(self.spec(kind, str(u), return_sequences="True"), (self.timesteps, u))
            )
            d = u
        elif c < 0.75:
            u = self.units()
            kind = r.choice(("LSTM", "GRU"))
            inner = Spec(kind, [str(u)], {"return_sequences": "True"}).render(self.ns)
            items.append(Item(self.wrap("Bidirectional", inner, kind), (self.timesteps, 2 * u)))
            d = 2 * u
            self.bidirectional_units = u
        elif c < 0.87:
            k = r.choice((4, 8))
            items.append(
                Item(
                    self.spec("Conv1D", str(k), "3", padding='"same"', activation='"relu"'),
                    (self.timesteps, k),
                )
            )
            d = k
        return items, d

    bidirectional_units: int | None = None

    def post(self, shape: tuple, block: Block) -> list[Item]:
        """Layers after the custom code, fit for what it really returns."""
        r = self.rng
        if block.post is not None:
            return block.post
        items: list[Item] = []
        if len(shape) == 2:
            c = r.random()
            if c < 0.35:
                u = self.units()
                items.append(Item(self.spec(r.choice(RNN_KINDS), str(u)), (u,)))
            elif c < 0.6:
                kind = r.choice(("GlobalAveragePooling1D", "GlobalMaxPooling1D"))
                items.append(Item(self.spec(kind), (shape[1],)))
            elif c < 0.75:
                items.append(Item(self.spec("Flatten"), (shape[0] * shape[1],)))
            else:
                return items  # one output per step
        last = items[-1].out if items else shape
        if len(last) == 1 and r.random() < 0.35:
            k = r.choice((4, 8, 16))
            items.append(Item(self.spec("Dense", str(k), activation='"relu"'), (k,)))
            if r.random() < 0.3:
                items.append(Item(self.spec("Dropout", "0.2"), (k,)))
        return items

    # -- archetypes ------------------------------------------------------------------------

    def arch_attention(self, d: int, want_bug: bool) -> Block:
        """The tutorials' attention layer: a score per step, softmax over the steps."""
        r = self.rng
        o = self.ops
        t = self.timesteps
        base = self.layer_base()
        name = r.choice(("Attention", "Attention", "AttentionLayer", "TemporalAttention"))
        keep_time = r.random() < 0.25
        squeeze = r.random() < 0.35
        wn, bn = r.choice((("W", "b"), ("att_weight", "att_bias"), ("kernel", "bias")))
        feat = r.choice(("input_shape[-1]", "input_shape[-1]", "input_shape[2]"))
        w_shape, b_shape = f"({feat}, 1)", "(input_shape[1], 1)"
        options = ["weight-batch-axis", "declared-output", "declared-output"]
        if t != d:
            options += ["op-matmul", "op-matmul"]
            if d != 1 and t != 1:
                options += ["op-broadcast", "op-broadcast"]
        bug = self.pick_bug(want_bug, options)
        note = ""
        w_tags: tuple[str, ...] = ()
        b_tags: tuple[str, ...] = ()
        if bug == "op-matmul":
            w_shape, w_tags = "(input_shape[1], 1)", ("root",)
            note = f"W sized by the steps ({t}) instead of the features ({d})"
        elif bug == "op-broadcast":
            b_shape, b_tags = f"({feat}, 1)", ("root",)
            note = f"b sized by the features ({d}) instead of the steps ({t})"
        elif bug == "weight-batch-axis":
            b_shape, b_tags = r.choice(("input_shape", "(input_shape[0], 1)")), ("bug",)
            note = "a weight sized with the batch axis"
        lines: list[tuple[str, tuple[str, ...]]] = [(_class_header(name, base), ())]
        if r.random() < 0.5:
            lines += [
                ("    def __init__(self, **kwargs):", ()),
                ("        super().__init__(**kwargs)", ()),
                ("", ()),
            ]
        lines += [
            ("    def build(self, input_shape):", ()),
            (
                f'        self.{wn} = self.add_weight(name="{wn.lower()}", shape={w_shape}, '
                'initializer="normal")',
                w_tags,
            ),
            (
                f'        self.{bn} = self.add_weight(name="{bn.lower()}", shape={b_shape}, '
                'initializer="zeros")',
                b_tags,
            ),
        ]
        if r.random() < 0.4:
            lines.append(("        super().build(input_shape)", ()))
        score = o("tanh", o.op(o.matmul("x", f"self.{wn}"), "+", f"self.{bn}"))
        e_tags = ("bug",) if bug in ("op-matmul", "op-broadcast") else ()
        lines += [("", ()), ("    def call(self, x):", ()), (f"        e = {score}", e_tags)]
        if squeeze:
            lines += [
                (f"        e = {o('squeeze', 'e', axis='-1')}", ()),
                (f"        a = {o('softmax', 'e')}", ()),
                (f"        a = {o('expand_dims', 'a', axis='-1')}", ()),
            ]
        else:
            lines.append((f"        a = {o('softmax', 'e', axis='1')}", ()))
        ret_tags = ("root",) if bug == "declared-output" else ()
        if keep_time:
            lines.append((f"        return {o.op('x', '*', 'a')}", ret_tags))
            out: tuple = (t, d)
        else:
            lines.append((f"        output = {o.op('x', '*', 'a')}", ()))
            lines.append((f"        return {o('sum', 'output', axis='1')}", ret_tags))
            out = (d,)
        declared = r.random() < 0.3 or bug == "declared-output"
        if declared:
            pooled, kept = "(input_shape[0], input_shape[-1])", "input_shape"
            says = kept if keep_time else pooled
            if bug == "declared-output":
                says = pooled if keep_time else kept
                note = f"compute_output_shape says {'pooled' if keep_time else 'steps kept'}"
            lines += [
                ("", ()),
                ("    def compute_output_shape(self, input_shape):", ()),
                (f"        return {says}", ret_tags),
            ]
        use_tags = ("bug",) if bug == "declared-output" else ("root",) if bug else ()
        return Block([Item(f"{name}()", out, use_tags, keras_layer=False)], out, lines, bug, note)

    def arch_projection(self, d: int, want_bug: bool) -> Block:
        """A Dense written by hand: kernel (features, units), bias, an activation."""
        r = self.rng
        o = self.ops
        base = self.layer_base()
        name = r.choice(("Projection", "TimeDense", "Linear", "DenseProjection"))
        units = self.units()
        bug = self.pick_bug(want_bug, ["op-matmul", "op-matmul", "declared-output"])
        if bug:
            units = self.other(d)
        kshape = "(input_shape[-1], self.units)"
        k_tags: tuple[str, ...] = ()
        note = ""
        if bug == "op-matmul":
            kshape, k_tags = "(self.units, input_shape[-1])", ("root",)
            note = f"kernel ({units}, {d}) transposed"
        var = r.choice(("inputs", "x"))
        z = o.op(o.matmul(var, "self.kernel"), "+", "self.bias")
        act = r.choice(("tanh", "sigmoid", None))
        body = o(act, z) if act else z
        lines = [
            (_class_header(name, base), ()),
            ("    def __init__(self, units, **kwargs):", ()),
            ("        super().__init__(**kwargs)", ()),
            ("        self.units = units", ()),
            ("", ()),
            ("    def build(self, input_shape):", ()),
            (
                f"        self.kernel = self.add_weight(shape={kshape}, "
                'initializer="glorot_uniform", name="kernel")',
                k_tags,
            ),
            (
                '        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", '
                'name="bias")',
                (),
            ),
            ("", ()),
            (f"    def call(self, {var}):", ()),
            (f"        return {body}", ("bug",) if bug == "op-matmul" else ()),
        ]
        if r.random() < 0.4 or bug == "declared-output":
            says = "input_shape[:-1] + (self.units,)"
            if bug == "declared-output":
                says = "input_shape"
                note = f"compute_output_shape keeps the {d} features, call returns {units}"
            lines += [
                ("", ()),
                ("    def compute_output_shape(self, input_shape):", ()),
                (f"        return {says}", ("root",) if bug else ()),
            ]
        t = self.timesteps
        use_tags = ("bug",) if bug == "declared-output" else ("root",) if bug else ()
        item = Item(f"{name}({units})", (t, units), use_tags, keras_layer=False)
        return Block([item], (t, units), lines, bug, note)

    def arch_gating(self, d: int, want_bug: bool) -> Block:
        """x * sigmoid(x W + b), or a learned per-feature scale x * gamma."""
        r = self.rng
        o = self.ops
        base = self.layer_base()
        t = self.timesteps
        if r.random() < 0.35:
            name = r.choice(("Scale", "FeatureScale", "LearnedScale"))
            bug = self.pick_bug(want_bug, ["weight-batch-axis"])
            shape = r.choice(("(input_shape[-1],)", "input_shape[1:]", "input_shape[-1:]"))
            note = ""
            if bug:
                shape, note = "input_shape", "a weight sized with the batch axis"
            lines = [
                (_class_header(name, base), ()),
                ("    def build(self, input_shape):", ()),
                (
                    f'        self.gamma = self.add_weight(shape={shape}, initializer="ones", '
                    'name="gamma")',
                    ("bug",) if bug else (),
                ),
                ("", ()),
                ("    def call(self, x):", ()),
                (f"        return {o.op('x', '*', 'self.gamma')}", ()),
            ]
            item = Item(f"{name}()", (t, d), ("root",) if bug else (), keras_layer=False)
            return Block([item], (t, d), lines, bug, note)
        name = r.choice(("GatedUnit", "Gate", "GLU", "GatingLayer"))
        with_units = r.random() < 0.6
        bug = self.pick_bug(want_bug, ["op-broadcast"] if with_units else [])
        units = self.other(d) if bug else d
        width = "self.units" if with_units else "dim"
        lines = [(_class_header(name, base), ())]
        if with_units:
            lines += [
                ("    def __init__(self, units, **kwargs):", ()),
                ("        super().__init__(**kwargs)", ()),
                ("        self.units = units", ()),
                ("", ()),
            ]
        lines += [
            ("    def build(self, input_shape):", ()),
            ("        dim = input_shape[-1]", ()),
            (
                f"        self.w = self.add_weight(shape=(dim, {width}), "
                'initializer="glorot_uniform")',
                (),
            ),
            (f'        self.b = self.add_weight(shape=({width},), initializer="zeros")', ()),
            ("", ()),
            ("    def call(self, x):", ()),
            (f"        gate = {o('sigmoid', o.op(o.matmul('x', 'self.w'), '+', 'self.b'))}", ()),
            (f"        return {o.op('x', '*', 'gate')}", ("bug",) if bug else ()),
        ]
        note = f"a gate of {units} features on {d}" if bug else ""
        code = f"{name}({units})" if with_units else f"{name}()"
        item = Item(code, (t, d), ("root",) if bug else (), keras_layer=False)
        return Block([item], (t, d), lines, bug, note)

    def arch_residual(self, d: int, want_bug: bool) -> Block:
        """x + f(x): a block with a Dense inside, a functional residual, a residual Lambda."""
        r = self.rng
        o = self.ops
        t = self.timesteps
        c = r.choice(("block", "block", "functional", "lambda"))
        if c == "lambda" and want_bug:
            c = "block"
        if c == "block":
            base = self.layer_base()
            name = r.choice(("ResidualBlock", "ResidualDense", "SkipBlock"))
            bug = self.pick_bug(want_bug, ["op-broadcast"])
            units = self.other(d) if bug else d
            norm = r.random() < 0.5
            dense = self.spec("Dense", "units", activation='"relu"')
            lines = [
                (_class_header(name, base), ()),
                ("    def __init__(self, units, **kwargs):", ()),
                ("        super().__init__(**kwargs)", ()),
                (f"        self.dense = {dense}", ()),
            ]
            if norm:
                lines.append((f"        self.norm = {self.spec('LayerNormalization')}", ()))
            lines += [
                ("", ()),
                ("    def call(self, x):", ()),
                ("        h = self.dense(x)", ()),
            ]
            s = o.op("x", "+", "h")
            ret = f"self.norm({s})" if norm else s
            lines.append((f"        return {ret}", ("bug",) if bug else ()))
            note = f"a residual of {units} features added to {d}" if bug else ""
            item = Item(f"{name}({units})", (t, d), ("root",) if bug else (), keras_layer=False)
            return Block([item], (t, d), lines, bug, note)
        if c == "functional":
            bug = self.pick_bug(want_bug, ["op-broadcast"])
            units = self.other(d) if bug else d
            dense = self.spec("Dense", str(units), activation='"relu"')
            expr = o.op("{prev}", "+", f"{dense}({{prev}})")
            items = [Item(dense, (t, d), ("bug",) if bug else (), expr=expr)]
            if r.random() < 0.5:
                items.append(Item(self.spec("LayerNormalization"), (t, d)))
            note = f"a residual of {units} features added to {d}" if bug else ""
            return Block(items, (t, d), [], bug, note, functional_only=True)
        fn = o.op("t", "+", o(r.choice(("tanh", "sigmoid")), "t"))
        item = Item(f"{self.spec('Lambda', f'lambda t: {fn}')}", (t, d))
        self.extra_families.add("lambda")
        return Block([item], (t, d), [], None, "")

    def arch_concat(self, d: int, want_bug: bool) -> Block:
        """Features joined per step: a layer appending a projection, a Lambda joining two
        branches."""
        r = self.rng
        o = self.ops
        t = self.timesteps
        if r.random() < 0.5:
            base = self.layer_base()
            name = r.choice(("StepFeatures", "Enrich", "AppendProjection"))
            bug = self.pick_bug(want_bug, ["op-concat", "op-concat", "declared-output"])
            units = self.other(d) if bug else self.units()
            axis = "1" if bug == "op-concat" else r.choice(("-1", "-1", "2"))
            lines = [
                (_class_header(name, base), ()),
                ("    def __init__(self, units, **kwargs):", ()),
                ("        super().__init__(**kwargs)", ()),
                ("        self.units = units", ()),
                ("", ()),
                ("    def build(self, input_shape):", ()),
                (
                    "        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), "
                    'initializer="glorot_uniform")',
                    (),
                ),
                ("", ()),
                ("    def call(self, x):", ()),
                (f"        extra = {o('tanh', o.matmul('x', 'self.kernel'))}", ()),
                (
                    f"        return {o('concatenate', '[x, extra]', axis=axis)}",
                    ("bug",) if bug == "op-concat" else ("root",) if bug else (),
                ),
            ]
            note = ""
            if bug == "op-concat":
                note = f"joined on the steps axis: {d} and {units} features"
            if r.random() < 0.4 or bug == "declared-output":
                says = "input_shape[:-1] + (input_shape[-1] + self.units,)"
                if bug == "declared-output":
                    says = "input_shape[:-1] + (self.units,)"
                    note = f"compute_output_shape says {units} features, call returns {d + units}"
                lines += [
                    ("", ()),
                    ("    def compute_output_shape(self, input_shape):", ()),
                    (f"        return {says}", ("root",) if bug else ()),
                ]
            use = ("bug",) if bug == "declared-output" else ("root",) if bug else ()
            item = Item(f"{name}({units})", (t, d + units), use, keras_layer=False)
            return Block([item], (t, d + units), lines, bug, note)
        # two branches of the encoder output joined by a Lambda (functional only)
        bug = self.pick_bug(want_bug, ["op-concat"])
        u1 = self.units()
        u2 = self.other(u1) if bug else self.units()
        axis = "1" if bug else r.choice(("-1", "-1", "2"))
        k1, k2 = r.choice(RNN_KINDS), r.choice(RNN_KINDS)
        a = self.spec(k1, str(u1), return_sequences="True")
        b = self.spec(k2, str(u2), return_sequences="True")
        lines: list[tuple[str, tuple[str, ...]]] = []
        if r.random() < 0.5:
            fn = r.choice(("join", "concat_steps", "merge_features"))
            lines = [
                (f"def {fn}(tensors, axis=-1):", ()),
                (f"    return {o('concatenate', 'tensors', axis='axis')}", ("bug",) if bug else ()),
            ]
            args = "" if axis == "-1" and r.random() < 0.5 else f', arguments={{"axis": {axis}}}'
            lam = f"{self.ns.layer('Lambda')}({fn}{args})"
            self.kinds.add("Lambda")
        else:
            lam = self.spec("Lambda", f"lambda ts: {o('concatenate', 'ts', axis=axis)}")
        self.extra_families.add("lambda")
        before = [
            (f"a = {a}({{prev}})", ("root",) if bug else ()),
            (f"b = {b}({{prev}})", ("root",) if bug else ()),
        ]
        note = f"branches of {u1} and {u2} features joined on the steps axis" if bug else ""
        escaped = lam.replace("{", "{{").replace("}", "}}")
        item = Item(
            lam, (t, u1 + u2), ("bug",) if bug else (), expr=f"{escaped}([a, b])", before=before
        )
        return Block([item], (t, u1 + u2), lines, bug, note, functional_only=True)

    def arch_reshape(self, d: int, want_bug: bool) -> Block:
        """Reshapes with an explicit batch size: fold pairs of steps, or flatten by sizes."""
        r = self.rng
        o = self.ops
        t = self.timesteps
        if r.random() < 0.5 and t >= 4:
            factor = r.choice((2, 2, 3)) if t % 3 == 0 else 2
            if t % factor:
                self.timesteps = t = t + (factor - t % factor)
            base = self.layer_base()
            name = r.choice(("FoldSteps", "PairSteps", "StepFold"))
            bug = self.pick_bug(want_bug, ["op-reshape"])
            target = "(batch, steps // self.factor, dim * self.factor)"
            note = ""
            if bug:
                target = r.choice(
                    ("(batch, steps // self.factor, dim)", "(batch, steps, dim * self.factor)")
                )
                note = "the folded shape does not hold the steps"
            lines = [
                (_class_header(name, base), ()),
                (f"    def __init__(self, factor={factor}, **kwargs):", ()),
                ("        super().__init__(**kwargs)", ()),
                ("        self.factor = factor", ()),
                ("", ()),
                ("    def call(self, x):", ()),
                (f"        batch = {o('shape', 'x')}[0]", ()),
                ("        steps, dim = x.shape[1], x.shape[2]", ()),
                (f"        return {o('reshape', 'x', target)}", ("bug",) if bug else ()),
            ]
            if r.random() < 0.3:
                lines += [
                    ("", ()),
                    ("    def compute_output_shape(self, input_shape):", ()),
                    (
                        "        return (input_shape[0], input_shape[1] // self.factor, "
                        "input_shape[2] * self.factor)",
                        (),
                    ),
                ]
            out = (t // factor, d * factor)
            arg = "" if r.random() < 0.5 else str(factor)
            item = Item(f"{name}({arg})", out, ("root",) if bug else (), keras_layer=False)
            return Block([item], out, lines, bug, note)
        # flatten the steps with a Lambda, sizes written out
        bug = self.pick_bug(want_bug, ["op-reshape"])
        bi = self.bidirectional_units
        if bi is not None:
            size = f"{self.dim(t, 'timesteps')} * {bi} * 2"
            wrong = f"{self.dim(t, 'timesteps')} * {bi}"
        else:
            size = f"{self.dim(t, 'timesteps')} * {d}"
            wrong = f"{self.dim(t, 'timesteps')} * {self.other(d)}"
        note = "the flat size misses a factor" if bug else ""
        flat = o("reshape", "t", f"({o('shape', 't')}[0], {wrong if bug else size})")
        lam = self.spec("Lambda", f"lambda t: {flat}")
        self.extra_families.add("lambda")
        item = Item(lam, (t * d,), ("bug",) if bug else ())
        return Block([item], (t * d,), [], bug, note)

    def arch_pooling(self, d: int, want_bug: bool) -> Block:
        """Lambdas (or a tiny layer) that pool over the steps or take the last one; the bug
        puts a layer that needs the steps after them."""
        r = self.rng
        o = self.ops
        bug = self.pick_bug(want_bug, ["flatten-then-sequence"])
        c = r.choice(("last", "last", "reduce", "reduce", "attend", "layer"))
        lines: list[tuple[str, tuple[str, ...]]] = []
        root = ("root",) if bug else ()
        if c == "last":
            key = r.choice((":, -1, :", ":, -1"))
            if r.random() < 0.4:
                fn = r.choice(("last_step", "take_last"))
                lines = [(f"def {fn}(t):", ()), (f"    return {o.item('t', key)}", root)]
                code = self.spec("Lambda", fn)
            else:
                code = self.spec("Lambda", f"lambda t: {o.item('t', key)}")
        elif c == "reduce":
            op = r.choice(("mean", "max", "sum"))
            if r.random() < 0.4:
                fn = r.choice(("pool", "reduce_steps"))
                lines = [
                    (f"def {fn}(t, axis=1):", ()),
                    (f"    return {o(op, 't', axis='axis')}", root),
                ]
                code = f'{self.ns.layer("Lambda")}({fn}, arguments={{"axis": 1}})'
                self.kinds.add("Lambda")
            else:
                code = self.spec("Lambda", f"lambda t: {o(op, 't', axis='1')}")
        elif c == "attend":
            weights = o("softmax", "t", axis="1")
            code = self.spec("Lambda", f"lambda t: {o('sum', o.op('t', '*', weights), axis='1')}")
        else:
            base = self.layer_base()
            name = r.choice(("LastStep", "LastTimestep"))
            lines = [
                (_class_header(name, base), ()),
                ("    def call(self, x):", ()),
                (f"        return {o.item('x', ':, -1, :')}", root),
            ]
            code = f"{name}()"
        if c != "layer":
            self.extra_families.add("lambda")
        out = (d,)
        items = [Item(code, out, root, keras_layer=c != "layer")]
        post = None
        note = ""
        if bug:
            u = self.units()
            kind = r.choice(("LSTM", "GRU", "LSTM"))
            post = [Item(self.spec(kind, str(u)), (u,), ("bug",))]
            note = f"{kind} after the steps were pooled away"
        return Block(items, out, lines, bug, note, post=post)


@dataclass
class Block:
    """What an archetype makes: model items, the shape they return, the code before the model
    (a class, a function), the planted bug."""

    items: list[Item]
    out: tuple
    lines: list[tuple[str, tuple[str, ...]]]
    bug: str | None
    note: str
    functional_only: bool = False
    post: list[Item] | None = None  # the layers after it, when the archetype chooses them
