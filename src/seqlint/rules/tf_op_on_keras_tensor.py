"""SL222: a TensorFlow function applied to the symbolic tensors of a functional model."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint import keras_api_table as api
from seqlint.diagnostic import Applicability, Severity
from seqlint.fixes import Fix, RewriteDotted
from seqlint.ir import ModuleIR, TensorRef, TfCall, tensor_refs
from seqlint.rulekit.base import Finding, Rule, RuleContext
from seqlint.shapes.ops.aliases import Alias, resolve
from seqlint.shapes.ops.elementwise import BITWISE, NUMBERS_REFUSED

# What declares a model input in Keras's symbolic world (a KerasTensor): ``keras.Input`` and a
# Sequential model's first layer. Inputs seqlint makes for a subclassed model's ``call()``
# (from fit data or ``build``) are real tensors when Keras runs it: ops on them are fine.
_SYMBOLIC = frozenset(
    {"Input", "input_shape", "input_dim", "batch_input_shape", "batch_shape", "input_length"}
)
_KERAS_ERROR = "A KerasTensor cannot be used as input to a TensorFlow function"
_BACKEND = "tensorflow.keras.backend."
# tf.keras.backend functions that take KerasTensors under Keras 3 (they read the static shape
# or the type): the others run TensorFlow on their arguments and raise.
_KERAS_TENSOR_SAFE = frozenset({"int_shape", "is_keras_tensor"})


class TfOpOnKerasTensor(Rule):
    code = "SL222"
    name = "tf-op-on-keras-tensor"
    summary = "A TensorFlow function applied between the layers of a functional model."
    severity = Severity.ERROR
    keras3_only = True
    fixable = (
        "safe: tf.<op>(...) becomes keras.ops.<op>(...) when keras.ops has the same op taking "
        "the same arguments and the script names keras (or tensorflow)"
    )
    explanation = """\
Keras 2 wrapped a TensorFlow function applied to its symbolic tensors in a
hidden layer (`TFOpLambda`), so that `tf.reduce_mean(h, axis=1)`,
`tf.one_hot(inputs, depth)`, `tf.shape(x)` or `tf.concat([a, b], -1)` between
the layers of a functional model just worked. Keras 3's symbolic tensors are
`KerasTensor`s, which no TensorFlow function accepts: building the model
raises `ValueError: A KerasTensor cannot be used as input to a TensorFlow
function. ... You can only use it as input to a Keras layer or a Keras
operation (from the namespaces keras.layers and keras.ops)`. It is the most
common Keras 3 failure in functional code. The legacy `tf.keras.backend`
functions (`K.sum`, `K.concatenate`, `K.shape`...) run TensorFlow the same
way and raise too (`K.int_shape` and `K.is_keras_tensor` work).

Use the `keras.ops` function instead (`keras.ops.mean(h, axis=1)`,
`keras.ops.one_hot`, `keras.ops.shape`, `keras.ops.concatenate`), or a layer
(`layers.GlobalAveragePooling1D()`), or wrap the TensorFlow code in a
`layers.Lambda` or a custom layer: inside a layer's `call()` (and a
subclassed model's) TensorFlow functions get real tensors and work. Python
operators (`h + 1`, `h[:, -1]`) work on KerasTensors and are not reported."""
    bad_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(8, return_sequences=True)(inputs)
        pooled = tf.reduce_mean(h, axis=1)  # expect: SL222
        outputs = layers.Dense(1)(pooled)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )
    keras_error = _KERAS_ERROR
    good_example = dedent(
        """\
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 10, 3)
        y = np.random.rand(16, 1)
        inputs = keras.Input(shape=(10, 3))
        h = layers.LSTM(8, return_sequences=True)(inputs)
        pooled = layers.Lambda(lambda t: tf.reduce_mean(t, axis=1))(h)
        outputs = layers.Dense(1)(pooled)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        inside = _subclassed_inputs(ctx.ir)
        seen: set[object] = set()
        for call in ctx.ir.tf_calls:
            if call.within is not None or call.loc.key in seen:
                continue
            if call.qualname.removeprefix(_BACKEND) in _KERAS_TENSOR_SAFE:
                continue
            if not all(_symbolic(ref, ctx.ir, inside) for ref in call.inputs):
                continue
            seen.add(call.loc.key)
            yield _finding(call, ctx)


def _subclassed_inputs(ir: ModuleIR) -> frozenset[int]:
    """The Input nodes of subclassed models: their ``call()`` runs on real tensors."""
    return frozenset(
        ref.node_id for model in ir.models if model.kind == "subclassed"
        for ref in tensor_refs(model.inputs)
    )  # fmt: skip


def _symbolic(ref: TensorRef, ir: ModuleIR, inside: frozenset[int]) -> bool:
    """Is ``ref`` a KerasTensor: made from a declared model input, outside any subclassed
    model's call()?"""
    upstream = ir.upstream([ref])
    if upstream & inside:
        return False
    return any(
        ir.nodes[i].layer.kind == "Input" and ir.nodes[i].declared_by in _SYMBOLIC for i in upstream
    )


def _finding(call: TfCall, ctx: RuleContext) -> Finding:
    spelled = call.spelled or call.qualname
    if call.qualname.startswith(_BACKEND):
        message = (
            f"{spelled}(...) is a tf.keras backend function, which Keras 3 keeps only as legacy "
            "code running TensorFlow: applied to the symbolic tensors of a model it raises "
            f"({_KERAS_ERROR}, or an AttributeError)"
        )
    else:
        message = (
            f"{spelled}(...) is a TensorFlow function applied to the symbolic tensors of a "
            f"model: Keras 3 raises ValueError ({_KERAS_ERROR})"
        )
    ops = keras_ops(call, ctx)
    if ops is not None:
        name, spelling = ops
        hint = f"use {spelling}(...), which takes KerasTensors (keras.ops.{name})"
        fix = None
        if call.spelled:
            edit = RewriteDotted(call.callee, call.spelled, spelling, whole=True)
            fix = Fix(Applicability.SAFE, f"call {spelling}(...)", (edit,))
        return Finding(call.loc, message, hint, fix=fix)
    short = spelled.rpartition(".")[2] if call.qualname.startswith(_BACKEND) else ""
    name = f"{spelled.rpartition('.')[0]}.{short}" if short else f"tf.{call.qualname[11:]}"
    hint = (
        f"keras.ops has no one-to-one counterpart of {name} here: wrap it in a layer, "
        f"layers.Lambda(lambda t: {name}(t, ...))(x), or call it in a custom layer's call()"
    )
    return Finding(call.loc, message, hint)


def keras_ops(call: TfCall, ctx: RuleContext) -> tuple[str, str] | None:
    """The ``keras.ops`` function that takes exactly this call's arguments (the op of the
    TensorFlow spelling, same positions, same keyword names, same defaults), and how the
    script can name it; None when there is none or the script names neither keras nor
    tensorflow."""
    key = call.qualname
    if key.startswith(_BACKEND):
        key = "backend." + key.removeprefix(_BACKEND)  # the alias table's spelling
    tf_alias = resolve(key)
    if tf_alias is None:
        return None
    name = tf_alias.op.name
    ops_key = f"ops.{name}"
    ops_alias = resolve(ops_key)
    release = ctx.release
    if ops_alias is None or release is None or not api.has(ops_key, release):
        return None
    if not _same_arguments(tf_alias, ops_alias, call.arguments):
        return None
    if not _operands_accepted(name, tf_alias, call):
        return None
    spelling = _ops_spelling(ctx.ir.imported)
    return None if spelling is None else (name, f"{spelling}.{name}")


def _same_arguments(tf_alias: Alias, ops_alias: Alias, arguments: tuple[str, ...]) -> bool:
    """Would the call's arguments mean the same to the keras.ops spelling?"""
    positional = sum(1 for a in arguments if a == "*")
    keywords = [a for a in arguments if a != "*"]
    if positional > len(tf_alias.params) or positional > len(ops_alias.params):
        return False
    for tf_param, ops_param in zip(tf_alias.params[:positional], ops_alias.params, strict=False):
        if tf_param.target != ops_param.target:
            return False
    ops_by_name = {p.name: p for p in ops_alias.params}
    tf_by_name = {p.name: p for p in tf_alias.params}
    passed = {p.target for p in tf_alias.params[:positional]}
    for keyword in keywords:
        tf_param = tf_by_name.get(keyword)
        if keyword == "name" and tf_param is None:
            return False  # TensorFlow's name= has no keras.ops counterpart
        ops_param = ops_by_name.get(keyword)
        if tf_param is None or ops_param is None or tf_param.target != ops_param.target:
            return False
        passed.add(tf_param.target)
    if _arguments(tf_alias.fixed) != _arguments(ops_alias.fixed):
        return False
    for param in tf_alias.op.params:  # what is not passed must default alike
        if param.name not in passed and _default(tf_alias, param.name) != _default(
            ops_alias, param.name
        ):
            return False
    return True


# keras.ops functions that read the dtype of each operand (seqlint.shapes.ops.elementwise):
# given a Python number there, they raise on KerasTensors (but a shift count).
_TENSORS_ONLY = frozenset({*BITWISE, *NUMBERS_REFUSED})


def _operands_accepted(name: str, tf_alias: Alias, call: TfCall) -> bool:
    """Are the operands the keras.ops function needs as tensors tensors of the graph?"""
    if name not in _TENSORS_ONLY:
        return True
    by_name = {p.name: p.target for p in tf_alias.params}
    positional = [p.target for p in tf_alias.params]
    targets = [
        (positional[index] if index < len(positional) else None)
        if argument == "*"
        else by_name.get(argument)
        for index, argument in enumerate(call.arguments)
    ]
    tensors = {t for t, tensor in zip(targets, call.tensors, strict=False) if tensor}
    needed = ("x",) if name.endswith("_shift") else ("x", "y", "x1", "x2")
    params = {p.name for p in tf_alias.op.params}
    return all(n in tensors for n in needed if n in params)


_NO_DEFAULT = object()


# Fixed values that say how a spelling computes static shapes (TensorFlow's or Keras's;
# TensorFlow merging unknown sizes), not what the call computes.
_SHAPE_SEMANTICS = frozenset({"static", "merge"})


def _arguments(fixed: tuple[tuple[str, object], ...]) -> dict[str, object]:
    """An alias's fixed arguments, without the shape-semantics flags."""
    return {name: value for name, value in fixed if name not in _SHAPE_SEMANTICS}


def _default(alias: Alias, target: str) -> object:
    for param in alias.params:
        if param.target == target:
            return param.default if param.has_default else _NO_DEFAULT
    spec = alias.op.param(target)
    return _NO_DEFAULT if spec is None or spec.required else spec.default


def _ops_spelling(imported: dict[str, str]) -> str | None:
    """How the module names ``keras.ops``: a name bound to it, else ``<keras>.ops``, else
    ``<tensorflow>.keras.ops``."""
    for wanted, suffix in (
        (("keras.ops", "tensorflow.keras.ops"), ""),
        (("keras", "tensorflow.keras"), ".ops"),
        (("tensorflow",), ".keras.ops"),
    ):
        names = sorted(name for name, qualname in imported.items() if qualname in wanted)
        if names:
            return names[0] + suffix
    return None
