"""Scripts built from the layer families seqlint learns after the recurrent core, with bugs
planted in them (``generate(seed)`` picks this kind for a share of the seeds).

* video classifiers: ``TimeDistributed(Conv2D / MaxPooling2D / Flatten)`` on rank-5 clips,
  then an LSTM or GRU;
* CRNNs: a Conv2D stack over a spectrogram or a text-line image, ``Permute`` and ``Reshape``
  to a sequence, a (bidirectional) GRU or LSTM;
* ConvLSTM2D stacks (``return_sequences``), ending in a classifier or a ``Conv3D`` that
  predicts the next frames;
* ``RNN(cell)`` with ``LSTMCell``, ``GRUCell``, ``SimpleRNNCell``, ``StackedRNNCells`` or a list
  of cells, also as an encoder-decoder with ``return_state`` / ``initial_state``;
* Transformer encoder blocks: ``MultiHeadAttention``, residual ``Add`` (or ``+``) and
  ``LayerNormalization``, a feed-forward part of ``Dense`` or ``EinsumDense``, inline or as a
  ``TransformerBlock`` layer of the script.

Planted bugs: a kernel or pooling window larger than the feature map (``conv-window``), a
tensor of the wrong rank for Conv2D / ConvLSTM2D / the RNN after the convolutions
(``conv-rank``), a missing ``return_sequences`` before another ConvLSTM2D or RNN
(``missing-return-sequences``), a Reshape that cannot hold the convolution output
(``reshape-size``), a residual of another width (``merge-dims`` through ``Add``,
``op-broadcast`` through ``+``), decoder states of another size (``state-size``).
"""

from __future__ import annotations

from tests.oracle.generate import RNN_KINDS, Script, Spec
from tests.oracle.generate_custom import Item, NewKinds

CELLS = {"LSTM": "LSTMCell", "GRU": "GRUCell", "SimpleRNN": "SimpleRNNCell"}


class LayersBuilder(NewKinds):
    kind = "layers"

    ARCHETYPES = (
        "video",
        "video",
        "video",
        "crnn",
        "crnn",
        "convlstm",
        "convlstm",
        "rnn_cell",
        "rnn_cell",
        "transformer",
        "transformer",
        "transformer",
    )

    def build(self) -> Script:
        r = self.rng
        self.vocab = r.randint(20, 50)
        self.tokens = False
        self.timesteps = self.features = -1  # set by archetypes with steps / features
        self.lines_before: list[tuple[str, tuple[str, ...]]] = []
        want_bug = r.random() < 0.5
        arche = r.choice(self.ARCHETYPES)
        self.meta.archetype = arche.replace("_", "-")
        self.bug_tag = "bug"
        getattr(self, "arch_" + arche)(want_bug)
        return self.finish()

    # -- shared ----------------------------------------------------------------------------

    def style(self, functional_only: bool = False) -> str:
        if functional_only:
            return "functional"
        return self.rng.choice(
            ("functional", "functional", "sequential-list", "sequential-list", "sequential-add")
        )

    def td(self, inner: Spec) -> str:
        """TimeDistributed(inner)."""
        self.kinds.update(("TimeDistributed", inner.kind))
        return f"{self.ns.layer('TimeDistributed')}({inner.render(self.ns)})"

    def conv2d(self, filters: int, k: int, same: bool) -> Spec:
        r = self.rng
        kw = {}
        if same:
            kw["padding"] = '"same"'
        kw["activation"] = '"relu"'
        size = f"({k}, {k})" if r.random() < 0.8 else str(k)
        return Spec("Conv2D", [str(filters), size], kw)

    def pool2d(self, p: int = 2) -> Spec:
        r = self.rng
        c = r.random()
        if c < 0.6:
            return Spec("MaxPooling2D", [f"({p}, {p})"])
        if c < 0.8:
            return Spec("MaxPooling2D", [], {"pool_size": f"({p}, {p})"})
        return Spec(r.choice(("MaxPooling2D", "AveragePooling2D")), [str(p)])

    def finish_model(
        self,
        style: str,
        x_shape: tuple,
        input_shape: tuple,
        items: list[Item],
        *,
        head_items: bool = True,
        custom_y: tuple[str, str] | None = None,
    ) -> None:
        """Data (X of ``x_shape``), the head, the model (input declared as ``input_shape``),
        compile and fit."""
        r = self.rng
        n = r.choice((4, 4, 8))
        if head_items:
            head, out, task = self.head(items[-1].out)
            self.kinds.add("Dense")
            items.append(Item(head.render(self.ns), out, ("head",)))
        if self.lines_before:
            self.emit("")
            self.emit_block(self.lines_before)
            self.emit("")
            self.emit("")
        if custom_y is None:
            loss = self.data(x_shape, out, task, n)
        else:
            loss, y = custom_y
            self.meta.has_data = True
            self.emit(self.data_lines("X", x_shape, self.tokens, n), "x-data")
            self.emit(f"y = {y.format(n=n)}", "y-data")
            self.emit("")
        code = self.tup([str(d) for d in input_shape])
        self.meta.style = style
        self.meta.input_decl = "Input"
        self.meta.shape_style = self.shape_style
        self.emit_model(style, code, items)
        self.train(loss, n, predict=r.random() < 0.6)

    # -- video: TimeDistributed CNN + LSTM ------------------------------------------------

    def arch_video(self, want_bug: bool) -> None:
        r = self.rng
        t = r.randint(3, 6)
        h = r.choice((8, 10, 12, 16))
        c = r.choice((1, 3, 3))
        self.timesteps = t
        options = ["conv-window", "conv-rank", "conv-rank", "missing-return-sequences"]
        bug = r.choice(options) if want_bug else None
        rank_mode = r.choice(("no-time-input", "no-td", "no-flatten")) if bug == "conv-rank" else ""
        blocks = r.choice((1, 2, 2))
        items: list[Item] = []
        size = h
        filters = 0
        for i in range(blocks):
            last = i == blocks - 1
            if size < 4 and not (bug == "conv-window" and last):
                break  # a second block would pool the frames away
            filters = r.choice((4, 8, 16))
            same = r.random() < 0.4
            k = 3
            tags: tuple[str, ...] = ()
            if bug == "conv-window" and last:
                pool_bug = r.random() < 0.3 and not same and size - k + 1 >= 2
                if not pool_bug:
                    k, same, tags = size + r.randint(1, 3), False, ("bug",)
            conv = self.conv2d(filters, k, same)
            if rank_mode == "no-td" and i == 0:
                self.kinds.add("Conv2D")
                items.append(Item(conv.render(self.ns), (), ("bug",)))
            else:
                items.append(Item(self.td(conv), (), tags))
            if tags:
                break
            size = size if same else size - k + 1
            p = 2
            ptags: tuple[str, ...] = ()
            if bug == "conv-window" and last:
                p, ptags = size + r.randint(1, 2), ("bug",)
            items.append(Item(self.td(self.pool2d(p)), (), ptags))
            if ptags:
                break
            size //= 2
        flat = r.choice(("Flatten", "Flatten", "GlobalAveragePooling2D"))
        feat = size * size * filters if flat == "Flatten" else filters
        if rank_mode != "no-flatten":
            items.append(Item(self.td(Spec(flat)), (t, feat)))
        if r.random() < 0.3:
            items.append(Item(self.spec("Dropout", "0.3"), (t, feat)))
        kind = r.choice(("LSTM", "LSTM", "GRU"))
        u = self.units()
        stacked = r.random() < 0.35 or bug == "missing-return-sequences"
        rnn_tags = ("bug",) if rank_mode == "no-flatten" else ()
        if stacked:
            seq = {} if bug == "missing-return-sequences" else {"return_sequences": "True"}
            first = ("root",) if bug == "missing-return-sequences" else rnn_tags
            items.append(Item(self.spec(kind, str(u), **seq), (t, u), first))
            u2 = self.units()
            second = ("bug",) if bug == "missing-return-sequences" else ()
            items.append(Item(self.spec(r.choice(RNN_KINDS), str(u2)), (u2,), second))
        else:
            items.append(Item(self.spec(kind, str(u)), (u,), rnn_tags))
        self.meta.bug = bug
        self.meta.bug_note = rank_mode or (f"{h}x{h} frames" if bug else "")
        x_shape = (t, h, h, c)
        declared = x_shape
        if rank_mode == "no-time-input":
            declared = x_shape = (h, h, c)
            items[0].tags = (*items[0].tags, "bug")
            self.input_tags = ("root",)
        self.finish_model(self.style(), x_shape, declared, items)

    # -- CRNN --------------------------------------------------------------------------------

    def arch_crnn(self, want_bug: bool) -> None:
        r = self.rng
        hh = r.choice((8, 12, 16, 16))
        ww = r.choice((12, 16, 24))
        options = ["reshape-size", "reshape-size", "conv-window", "conv-rank"]
        bug = r.choice(options) if want_bug else None
        items: list[Item] = []
        a, b = hh, ww
        blocks = r.choice((1, 2, 2))
        filters = 0
        for _ in range(blocks):
            filters = r.choice((4, 8, 16))
            items.append(Item(self.conv(filters, 3, True), ()))
            items.append(Item(self.pool(2), ()))
            a, b = a // 2, b // 2
        if bug == "conv-window":
            k = a + r.randint(1, 3)
            items.append(Item(self.conv(filters, k, False), (), ("bug",)))
        permute = r.random() < 0.5
        if permute:
            items.append(Item(self.spec("Permute", "(2, 1, 3)"), (b, a, filters)))
            steps, feat = b, a * filters
        else:
            steps, feat = a, b * filters
        target = (steps, feat)
        tags: tuple[str, ...] = ()
        note = ""
        if bug == "reshape-size":
            c = r.random()
            if c < 0.4:
                target = (steps * 2, feat)  # forgot a pooling on the steps
                note = "forgot a pooling on the steps"
            elif c < 0.7:
                target = (steps, feat // filters * (filters * 2))
                note = "channels of another Conv2D"
            else:
                target = (steps, feat * 2)
                note = "forgot a pooling on the features"
            tags = ("bug",)
        if bug == "reshape-size" or r.random() < 0.7:
            shape = self.tup([str(target[0]), str(target[1])])
        else:
            shape = self.tup(["-1", str(feat)])
        items.append(Item(self.spec("Reshape", shape), (steps, feat), tags))
        if r.random() < 0.4:
            items.append(Item(self.spec("Dense", str(r.choice((8, 16))), activation='"relu"'), ()))
        u = self.units()
        kind = r.choice(("GRU", "LSTM"))
        if r.random() < 0.4:
            inner = Spec(kind, [str(u)], {"return_sequences": "True"}).render(self.ns)
            items.append(Item(self.wrap("Bidirectional", inner, kind), (steps, 2 * u)))
            u2 = self.units()
            items.append(Item(self.spec(r.choice(("GRU", "LSTM")), str(u2)), (u2,)))
        else:
            items.append(Item(self.spec(kind, str(u)), (u,)))
        self.meta.bug = bug
        x_shape = (hh, ww, 1)
        declared = x_shape
        if bug == "conv-rank":
            declared = x_shape = (hh, ww)
            items[0].tags = ("bug",)
            self.input_tags = ("root",)
            note = "images without a channel axis"
        self.meta.bug_note = note
        self.finish_model(self.style(), x_shape, declared, items)

    def conv(self, filters: int, k: int, same: bool) -> str:
        spec = self.conv2d(filters, k, same)
        self.kinds.add("Conv2D")
        return spec.render(self.ns)

    def pool(self, p: int) -> str:
        spec = self.pool2d(p)
        self.kinds.add(spec.kind)
        return spec.render(self.ns)

    # -- ConvLSTM2D -------------------------------------------------------------------------

    def arch_convlstm(self, want_bug: bool) -> None:
        r = self.rng
        t = r.randint(3, 4)
        h = r.choice((6, 8))
        c = 1
        self.timesteps = t
        options = (
            "missing-return-sequences",
            "missing-return-sequences",
            "conv-rank",
            "conv-window",
        )
        bug = r.choice(options) if want_bug else None
        next_frame = r.random() < 0.35
        items: list[Item] = []
        f1 = r.choice((4, 8))
        k1 = 3
        same1 = True
        tags1: tuple[str, ...] = ()
        if bug == "conv-window":
            k1, same1, tags1 = h + r.randint(1, 3), False, ("bug",)
        kw1 = {"return_sequences": "True"}
        if bug == "missing-return-sequences":
            kw1 = {}
            tags1 = ("root",)
        if same1:
            kw1["padding"] = '"same"'
        items.append(Item(self.spec("ConvLSTM2D", str(f1), f"({k1}, {k1})", **kw1), (), tags1))
        if r.random() < 0.6:
            items.append(Item(self.spec("BatchNormalization"), ()))
        f2 = r.choice((4, 8))
        kw2 = {"padding": '"same"'}
        if next_frame:
            kw2["return_sequences"] = "True"
        tags2 = ("bug",) if bug == "missing-return-sequences" else ()
        items.append(Item(self.spec("ConvLSTM2D", str(f2), "(3, 3)", **kw2), (), tags2))
        x_shape = (t, h, h, c)
        declared = x_shape
        if bug == "conv-rank":
            declared = x_shape = (h, h, c)
            items[0].tags = ("bug",)
            self.input_tags = ("root",)
        self.meta.bug = bug
        self.meta.bug_note = "frames without a time axis" if bug == "conv-rank" else ""
        style = self.style()
        if next_frame:
            self.kinds.add("Conv3D")
            items.append(
                Item(
                    self.spec("Conv3D", "1", "(3, 3, 3)", activation='"sigmoid"', padding='"same"'),
                    (t, h, h, 1),
                    ("head",),
                )
            )
            loss = r.choice(('"mse"', '"binary_crossentropy"'))
            y = f'np.random.rand({{n}}, {t}, {h}, {h}, 1).astype("float32")'
            self.finish_model(style, x_shape, declared, items, head_items=False, custom_y=(loss, y))
            return
        if r.random() < 0.5:
            items.append(Item(self.spec("Flatten"), (h * h * f2,)))
        else:
            self.kinds.add("GlobalAveragePooling2D")
            items.append(Item(self.spec("GlobalAveragePooling2D"), (f2,)))
        if r.random() < 0.3:
            items.append(Item(self.spec("Dense", "8", activation='"relu"'), (8,)))
        self.finish_model(style, x_shape, declared, items)

    # -- RNN(cell) ----------------------------------------------------------------------------

    def cell(self, kind: str, units: int) -> str:
        name = CELLS[kind]
        self.kinds.add(name)
        return f"{self.ns.layer(name)}({units})"

    def rnn(self, cell: str, **kwargs: str) -> str:
        self.kinds.add("RNN")
        extra = "".join(f", {k}={v}" for k, v in kwargs.items())
        return f"{self.ns.layer('RNN')}({cell}{extra})"

    def arch_rnn_cell(self, want_bug: bool) -> None:
        r = self.rng
        t = self.timesteps = r.randint(3, 10)
        f = self.features = r.randint(1, 8)
        if r.random() < 0.3:
            return self.rnn_cell_seq2seq(want_bug)
        bug = "missing-return-sequences" if want_bug else None
        items: list[Item] = []
        self.tokens = r.random() < 0.3
        if self.tokens:
            e = r.choice((4, 8))
            items.append(
                Item(self.spec("Embedding", self.dim(self.vocab, "vocab_size"), str(e)), (t, e))
            )
        kind = r.choice(RNN_KINDS)
        u = self.units()
        c = r.random()
        if c < 0.6:
            cell = self.cell(kind, u)
        elif c < 0.8:
            u2 = self.units()
            self.kinds.add("StackedRNNCells")
            inner = f"[{self.cell(kind, u2)}, {self.cell(kind, u)}]"
            cell = f"{self.ns.layer('StackedRNNCells')}({inner})"
        else:
            u2 = self.units()
            cell = f"[{self.cell(kind, u2)}, {self.cell(kind, u)}]"
        stacked = r.random() < 0.5 or bug
        if stacked:
            kw = {} if bug else {"return_sequences": "True"}
            items.append(Item(self.rnn(cell, **kw), (t, u), ("root",) if bug else ()))
            u3 = self.units()
            if r.random() < 0.5:
                second = self.rnn(self.cell(r.choice(RNN_KINDS), u3))
            else:
                second = self.spec(r.choice(RNN_KINDS), str(u3))
            items.append(Item(second, (u3,), ("bug",) if bug else ()))
        else:
            per_step = r.random() < 0.3
            kw = {"return_sequences": "True"} if per_step else {}
            items.append(Item(self.rnn(cell, **kw), (t, u) if per_step else (u,)))
        self.meta.bug = bug
        x_shape = (t,) if self.tokens else (t, f)
        self.finish_model(self.style(), x_shape, x_shape, items)
        return None

    def rnn_cell_seq2seq(self, want_bug: bool) -> None:
        """Encoder RNN(cell, return_state=True), decoder RNN(cell) from its states."""
        r = self.rng
        ns = self.ns
        t, f = self.timesteps, self.features
        t2, f2 = r.randint(2, 8), r.randint(1, 6)
        kind = r.choice(("LSTM", "GRU"))
        u = self.units()
        bug = "state-size" if want_bug else None
        du = self.other(u) if bug else u
        self.meta.style = "functional"
        self.meta.input_decl = "Input"
        self.meta.shape_style = self.shape_style
        n = r.choice((4, 8))
        head, out, task = self.head((t2, du))
        self.kinds.add("Dense")
        self.meta.has_data = True
        self.emit(self.data_lines("enc_x", (t, f), False, n), "x-data")
        self.emit(self.data_lines("dec_x", (t2, f2), False, n), "x-data")
        loss, y, _ = self.targets(out, task, n, None)
        self.emit(f"y = {y}", "y-data")
        self.emit("")
        self.emit(f"enc_in = {ns.input()}(shape=({t}, {f}))", "input")
        states = ["state_h", "state_c"] if kind == "LSTM" else ["state_h"]
        enc = self.rnn(self.cell(kind, u), return_state="True")
        self.emit(f"enc_out, {', '.join(states)} = {enc}(enc_in)", "root" if bug else "encoder")
        self.emit(f"dec_in = {ns.input()}(shape=({t2}, {f2}))", "input")
        dec = self.rnn(self.cell(kind, du), return_sequences="True")
        self.emit(
            f"dec = {dec}(dec_in, initial_state=[{', '.join(states)}])",
            "bug" if bug else "decoder",
        )
        self.emit(f"outputs = {head.render(ns)}(dec)", "head")
        model = ns.toplevel("Model")
        self.emit(f"model = {model}([enc_in, dec_in], outputs)", "model")
        self.meta.bug = bug
        self.meta.bug_note = f"decoder of {du} units from states of {u}" if bug else ""
        self.emit(f'model.compile(optimizer="adam", loss={loss})', "compile")
        self.meta.compile = True
        self.meta.loss = loss.strip('"')
        if r.random() < 0.6:  # a forward pass shows the state sizes, at a fifth of a step's cost
            self.emit("model.predict([enc_x, dec_x], verbose=0)", "fit")
            self.meta.predict = True
        else:
            self.emit(f"model.fit([enc_x, dec_x], y, epochs=1, batch_size={n}, verbose=0)", "fit")
            self.meta.fit = True
        self.meta.archetype = "rnn-cell-seq2seq"

    # -- Transformer blocks -----------------------------------------------------------------

    def arch_transformer(self, want_bug: bool) -> None:
        r = self.rng
        t = self.timesteps = r.randint(4, 12)
        self.features = r.randint(2, 8)
        self.tokens = r.random() < 0.6
        e = r.choice((8, 8, 16))
        if r.random() < 0.4:
            return self.transformer_class(want_bug, e)
        heads = r.choice((1, 2, 4))
        key_dim = r.choice((4, 8, e // heads if e // heads else 4))
        ff = r.choice((16, 32))
        operator = r.random() < 0.35
        bug = None
        if want_bug:
            bug = "op-broadcast" if operator else "merge-dims"
        wrong_at = r.choice(("ffn", "ffn", "mha")) if bug else ""
        e2 = self.other(e) if bug else e
        items: list[Item] = []
        if self.tokens:
            items.append(
                Item(self.spec("Embedding", self.dim(self.vocab, "vocab_size"), str(e)), (t, e))
            )
        elif r.random() < 0.5:
            items.append(Item(self.spec("Dense", str(e)), (t, e)))
        else:
            einsum = self.einsum(e)
            items.append(Item(einsum, (t, e)))
        mha_kw = {"num_heads": str(heads), "key_dim": str(key_dim)}
        if wrong_at == "mha":
            mha_kw["output_shape"] = str(e2)
        elif r.random() < 0.2:
            mha_kw["output_shape"] = str(e)
        mha = self.spec("MultiHeadAttention", **mha_kw)
        mha_tags = ("root",) if wrong_at == "mha" else ()
        attend = f"{mha}({{prev}}, {{prev}})"
        items_before: list[tuple[str, tuple[str, ...]]] = [(f"attn = {attend}", mha_tags)]
        if r.random() < 0.5:
            items_before.append((f"attn = {self.spec('Dropout', '0.1')}(attn)", ()))
        norm = self.spec("LayerNormalization", epsilon="1e-6")
        res_tags = ("bug",) if wrong_at == "mha" else ()
        items.append(
            Item(
                norm,
                (t, e),
                res_tags,
                expr=self.residual(norm, "{prev}", "attn", operator),
                before=items_before,
            )
        )
        inner = self.spec("Dense", str(ff), activation='"relu"')
        ffn_lines: list[tuple[str, tuple[str, ...]]] = [(f"ffn = {inner}({{prev}})", ())]
        width = e2 if wrong_at == "ffn" else e
        ffn_tags = ("root",) if wrong_at == "ffn" else ()
        out_layer = self.einsum(width) if r.random() < 0.3 else self.spec("Dense", str(width))
        ffn_lines.append((f"ffn = {out_layer}(ffn)", ffn_tags))
        res2_tags = ("bug",) if wrong_at == "ffn" else ()
        items.append(
            Item(
                norm,
                (t, e),
                res2_tags,
                expr=self.residual(norm, "{prev}", "ffn", operator),
                before=ffn_lines,
            )
        )
        pool = r.choice(("GlobalAveragePooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling1D"))
        items.append(Item(self.spec(pool), (e,)))
        if r.random() < 0.4:
            items.append(Item(self.spec("Dropout", "0.1"), (e,)))
        self.meta.bug = bug
        self.meta.bug_note = f"a residual of {e2} features on {e} ({wrong_at})" if bug else ""
        x_shape = (t,) if self.tokens else (t, self.features)
        self.finish_model("functional", x_shape, x_shape, items)
        return None

    def einsum(self, width: int) -> str:
        """EinsumDense as a Dense over the last axis of (batch, steps, features)."""
        self.kinds.add("EinsumDense")
        layer = self.ns.layer("EinsumDense")
        return f'{layer}("abc,cd->abd", output_shape=(None, {width}), bias_axes="d")'

    def residual(self, norm: str, x: str, y: str, operator: bool) -> str:
        if operator:
            return f"{norm}({self.ops.op(x, '+', y)})"
        return f"{norm}({self.spec('Add')}([{x}, {y}]))"

    def transformer_class(self, want_bug: bool, e: int) -> None:
        """The Keras example's TransformerBlock layer, residuals in call()."""
        r = self.rng
        t = self.timesteps
        base = self.ns.layer("Layer")
        self.extra_families.add("custom-layer")
        bug = "op-broadcast" if want_bug else None
        dim = self.other(e) if bug else e
        heads = r.choice((1, 2))
        ff = r.choice((16, 32))
        mha = self.spec("MultiHeadAttention", num_heads="num_heads", key_dim="embed_dim")
        seq = self.ns.toplevel("Sequential")
        d1 = self.spec("Dense", "ff_dim", activation='"relu"')
        d2 = self.spec("Dense", "embed_dim")
        norm = self.spec("LayerNormalization", epsilon="1e-6")
        drop = self.spec("Dropout", "rate")
        o = self.ops
        self.lines_before = [
            (f"class TransformerBlock({base}):", ()),
            ("    def __init__(self, embed_dim, num_heads, ff_dim, rate=0.1, **kwargs):", ()),
            ("        super().__init__(**kwargs)", ()),
            (f"        self.att = {mha}", ()),
            (f"        self.ffn = {seq}([{d1}, {d2}])", ()),
            (f"        self.layernorm1 = {norm}", ()),
            (f"        self.layernorm2 = {norm}", ()),
            (f"        self.dropout1 = {drop}", ()),
            (f"        self.dropout2 = {drop}", ()),
            ("", ()),
            ("    def call(self, inputs, training=False):", ()),
            ("        attn_output = self.att(inputs, inputs)", ()),
            ("        attn_output = self.dropout1(attn_output, training=training)", ()),
            (f"        out1 = self.layernorm1({o.op('inputs', '+', 'attn_output')})", ()),
            ("        ffn_output = self.ffn(out1)", ()),
            ("        ffn_output = self.dropout2(ffn_output, training=training)", ()),
            (
                f"        return self.layernorm2({o.op('out1', '+', 'ffn_output')})",
                ("bug",) if bug else (),
            ),
        ]
        items: list[Item] = []
        if self.tokens:
            items.append(
                Item(self.spec("Embedding", self.dim(self.vocab, "vocab_size"), str(e)), (t, e))
            )
        else:
            items.append(Item(self.spec("Dense", str(e)), (t, e)))
        items.append(
            Item(
                f"TransformerBlock({dim}, {heads}, {ff})",
                (t, e),
                ("root",) if bug else (),
                keras_layer=False,
            )
        )
        pool = r.choice(("GlobalAveragePooling1D", "GlobalMaxPooling1D"))
        items.append(Item(self.spec(pool), (e,)))
        self.meta.bug = bug
        self.meta.bug_note = f"TransformerBlock({dim}) on {e} features" if bug else ""
        self.meta.archetype = "transformer-class"
        x_shape = (t,) if self.tokens else (t, self.features)
        self.finish_model(self.style(), x_shape, x_shape, items)
