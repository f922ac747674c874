"""Elementwise ops of one tensor: the output has the operand's shape (math functions,
activations, casts, ``clip``, ``*_like``, ``stop_gradient``). A Python number is a scalar.

Keras and TensorFlow agree: none of these checks a shape. Arguments beside the tensor (an
activation's slope, a dtype, clip bounds as numbers) do not change it.
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.shapes.ops.aliases import aliases
from seqlint.shapes.ops.common import scalar_or_shape
from seqlint.shapes.ops.registry import OpCall, op, op_spec

# canonical op: (TensorFlow spellings, keras.backend spellings, Python operators)
MATH: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "abs": (("abs", "math.abs"), ("abs",), ("abs",)),
    "negative": (("negative", "math.negative"), (), ("neg",)),
    "sign": (("sign", "math.sign"), ("sign",), ()),
    "square": (("square", "math.square"), ("square",), ()),
    "sqrt": (("sqrt", "math.sqrt"), ("sqrt",), ()),
    "exp": (("exp", "math.exp"), ("exp",), ()),
    "log": (("math.log",), ("log",), ()),
    "tanh": (("tanh", "math.tanh", "nn.tanh"), ("tanh",), ()),
    "sigmoid": (("sigmoid", "math.sigmoid", "nn.sigmoid"), ("sigmoid",), ()),
    "rsqrt": (("math.rsqrt",), (), ()),
    "reciprocal": (("math.reciprocal",), (), ()),
    "floor": (("floor", "math.floor"), (), ()),
    "ceil": (("math.ceil",), (), ()),
    "erf": (("math.erf",), (), ()),
    "log1p": (("math.log1p",), (), ()),
    "expm1": (("math.expm1",), (), ()),
    "sin": (("sin", "math.sin"), ("sin",), ()),
    "cos": (("cos", "math.cos"), ("cos",), ()),
    "tan": (("tan", "math.tan"), (), ()),
    "arcsin": (("asin", "math.asin"), (), ()),
    "arccos": (("acos", "math.acos"), (), ()),
    "arctan": (("atan", "math.atan"), (), ()),
    "sinh": (("sinh", "math.sinh"), (), ()),
    "cosh": (("cosh", "math.cosh"), (), ()),
    "arcsinh": (("asinh", "math.asinh"), (), ()),
    "arccosh": (("acosh", "math.acosh"), (), ()),
    "arctanh": (("atanh", "math.atanh"), (), ()),
    "isnan": (("math.is_nan",), (), ()),
    "isinf": (("math.is_inf",), (), ()),
    "isfinite": (("math.is_finite",), (), ()),
    "logical_not": (("logical_not", "math.logical_not"), (), ("invert",)),
    "log2": ((), (), ()),
    "log10": ((), (), ()),
    "exp2": ((), (), ()),
    "cbrt": ((), (), ()),
    "trunc": ((), (), ()),
    "conj": (("math.conj",), (), ()),
    "real": (("math.real",), (), ()),
    "imag": (("math.imag",), (), ()),
    "angle": (("math.angle",), (), ()),
    "signbit": ((), (), ()),
    "rad2deg": ((), (), ()),
    "deg2rad": ((), (), ()),
    "sinc": ((), (), ()),
    "erfinv": (("math.erfinv",), (), ()),
    "erfc": (("math.erfc",), (), ()),
    "fabs": ((), (), ()),
    "i0": ((), (), ()),
    "isneginf": ((), (), ()),
    "isposinf": ((), (), ()),
    "isreal": ((), (), ()),
    "bitwise_invert": (("bitwise.invert",), (), ()),
    "copy": (("identity",), (), ()),
    "relu": (("nn.relu",), (), ()),
    "relu6": (("nn.relu6",), (), ()),
    "selu": (("nn.selu",), (), ()),
    "softplus": ((), ("softplus",), ()),
    "softsign": ((), ("softsign",), ()),
    "silu": ((), (), ()),
    "hard_sigmoid": ((), ("hard_sigmoid",), ()),
    "hard_silu": ((), (), ()),
    "log_sigmoid": (("math.log_sigmoid",), (), ()),
    "sparse_plus": ((), (), ()),
    "hard_tanh": ((), (), ()),
    "tanh_shrink": ((), (), ()),
    "sparse_sigmoid": ((), (), ()),
}
# TensorFlow's name for the operand, where it is not x
TF_OPERAND = {
    "math.real": "input",
    "math.imag": "input",
    "math.angle": "input",
    "identity": "input",
    "nn.relu": "features",
    "nn.relu6": "features",
    "nn.selu": "features",
}
# keras.ops spellings of the same op under another name
KERAS_ALIASES = {
    "absolute": "abs",
    "conjugate": "conj",
    "bitwise_not": "bitwise_invert",
    "swish": "silu",
    "hard_swish": "hard_silu",
}
# ops with more parameters than the tensor (none of them changes the shape)
WITH_PARAMETERS = {
    "round": "x:tensor, decimals=0",
    "elu": "x:tensor, alpha=1.0",
    "celu": "x:tensor, alpha=1.0",
    "gelu": "x:tensor, approximate=True",
    "leaky_relu": "x:tensor, negative_slope=0.2",
    "squareplus": "x:tensor, b=4",
    "hard_shrink": "x:tensor, threshold=0.5",
    "soft_shrink": "x:tensor, threshold=0.5",
    "threshold": "x:tensor, threshold, default_value",
    "nan_to_num": "x:tensor, nan=0.0, posinf=None, neginf=None",
    "tril": "x:tensor, k=0",
    "triu": "x:tensor, k=0",
    "cast": "x:tensor, dtype",
    "saturate_cast": "x:tensor, dtype",
    "clip": "x:tensor, x_min, x_max",
    "zeros_like": "x:tensor, dtype=None",
    "ones_like": "x:tensor, dtype=None",
    "empty_like": "x:tensor, dtype=None",
    "full_like": "x:tensor, fill_value, dtype=None",
    "stop_gradient": "variable:tensor",
}


def same_shape(call: OpCall) -> list[Shape]:
    """The operand's shape (its first tensor parameter: the frontend's config may put the
    other arguments first, ``K.zeros_like(x)`` arrives as ``dtype=None, x=...``)."""
    spec = op_spec(call.name)
    first = next((p.name for p in spec.params if p.tensor), None) if spec else None
    value = call.args[first] if first in call.args else next(iter(call.args.values()))
    return [scalar_or_shape(value)]


for _name, (_tf, _backend, _operators) in MATH.items():
    op(_name, "x:tensor")(same_shape)
    aliases(f"{_name}(x)", f"ops.{_name}")
    for _spelling in _tf:
        aliases(f"{_name}({TF_OPERAND.get(_spelling, 'x')}->x)", f"tensorflow.{_spelling}")
    aliases(f"{_name}(x)", *(f"backend.{n}" for n in _backend))
    aliases(f"{_name}(a->x)", *(f"operator.{n}" for n in _operators))
for _alias, _name in KERAS_ALIASES.items():
    aliases(f"{_name}(x)", f"ops.{_alias}")
for _name, _signature in WITH_PARAMETERS.items():
    op(_name, _signature)(same_shape)
    _own = ", ".join(p.partition(":")[0] for p in _signature.split(", "))
    aliases(f"{_name}({_own})", f"ops.{_name}")

aliases("softplus(features->x)", "tensorflow.math.softplus", "tensorflow.nn.softplus")
aliases("softsign(features->x)", "tensorflow.math.softsign", "tensorflow.nn.softsign")
aliases("silu(features->x, beta->_)", "tensorflow.nn.silu", "tensorflow.nn.swish")
aliases("round(x)", "tensorflow.round", "tensorflow.math.round", "backend.round")
aliases("relu(x, alpha->_, max_value->_, threshold->_)", "backend.relu")
aliases("elu(features->x)", "tensorflow.nn.elu")
aliases("elu(x, alpha=1.0)", "backend.elu")
aliases("gelu(features->x, approximate=False)", "tensorflow.nn.gelu")
aliases("leaky_relu(features->x, alpha->negative_slope=0.2)", "tensorflow.nn.leaky_relu")
aliases("cast(x, dtype)", "tensorflow.cast", "backend.cast")
aliases("clip(t->x, clip_value_min->x_min, clip_value_max->x_max)", "tensorflow.clip_by_value")
aliases("clip(x, min_value->x_min, max_value->x_max)", "backend.clip")
aliases("zeros_like(input->x, dtype=None, name->_, layout->_)", "tensorflow.zeros_like")
aliases("ones_like(input->x, dtype=None, name->_, layout->_)", "tensorflow.ones_like")
aliases("zeros_like(x, dtype=None)", "backend.zeros_like")
aliases("ones_like(x, dtype=None)", "backend.ones_like")
aliases("stop_gradient(input->variable)", "tensorflow.stop_gradient")
aliases("stop_gradient(variables->variable)", "backend.stop_gradient")

op("dropout", "x:tensor, rate, noise_shape=None, seed=None")(same_shape)
aliases("dropout(x, rate, noise_shape=None, seed=None)", "tensorflow.nn.dropout")
aliases("dropout(x, level->rate, noise_shape=None, seed=None)", "backend.dropout")
