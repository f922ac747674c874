"""Import statements: which local names denote Keras, TensorFlow or numpy objects.

A name imported from one of :data:`KNOWN_ROOTS` (Keras, TensorFlow, numpy, pandas,
scikit-learn) is bound to an
:class:`~seqlint.frontend.objects.ExtName` carrying its fully qualified name
(``from tensorflow.keras.layers import LSTM as L`` binds ``L`` to
``ExtName("tensorflow.keras.layers.LSTM")``); attribute access extends it
(``tf.keras.layers.LSTM``).  Any other import binds an unknown value, so a
local or third-party ``LSTM`` is never mistaken for Keras's.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from seqlint.dims import UNKNOWN
from seqlint.frontend.objects import ExtName
from seqlint.ir import Value

KNOWN_ROOTS = frozenset({"keras", "tensorflow", "tf_keras", "numpy", "sklearn", "pandas"})

# Longest first: "keras.src" before "keras".
_KERAS_PREFIXES = (
    "tensorflow.python.keras",
    "tensorflow.compat.v1.keras",
    "tensorflow.compat.v2.keras",
    "tensorflow.keras",
    "tf_keras",
    "keras.src",
    "keras",
)


def keras_path(qualname: str) -> str | None:
    """The path below the Keras root (``"layers.LSTM"``; ``""`` for the root), or None.

    ``tensorflow.keras.layers.LSTM``, ``keras.src.layers.rnn.lstm.LSTM`` and
    ``tf_keras.layers.LSTM`` all lie below the Keras root.
    """
    for prefix in _KERAS_PREFIXES:
        if qualname == prefix:
            return ""
        if qualname.startswith(prefix) and qualname[len(prefix)] == ".":
            return qualname[len(prefix) + 1 :]
    return None


def keras_surface(qualname: str) -> str:
    """How a Keras qualname reaches Keras, as the API table's surfaces name it: ``"keras"``
    (``import keras``), ``"tf.keras"`` (``tensorflow.keras``), ``"tf_keras"`` (``import
    tf_keras``); ``""`` for the other roots (``keras.src``, ``tensorflow.python.keras``,
    ``tensorflow.compat.v1.keras``), which the table does not cover."""
    for prefix, surface in (("tensorflow.keras", "tf.keras"), ("tf_keras", "tf_keras")):
        if qualname == prefix or qualname.startswith(prefix + "."):
            return surface
    if qualname.startswith("keras.src"):
        return ""
    if qualname == "keras" or qualname.startswith("keras."):
        return "keras"
    return ""


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``a.b.c`` for a Name/Attribute chain, else None (exact types: libcst's classes are
    ABCs, whose ``isinstance`` is slow, and this runs on every attribute)."""
    parts: list[str] = []
    while type(node) is cst.Attribute:
        parts.append(node.attr.value)
        node = node.value
    if type(node) is not cst.Name:
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def is_known_module(qualname: str) -> bool:
    """A module of Keras, TensorFlow, numpy or scikit-learn (never looked for in the project)."""
    return qualname.split(".", 1)[0] in KNOWN_ROOTS


def _external(qualname: str) -> Value:
    return ExtName(qualname) if is_known_module(qualname) else UNKNOWN


def import_bindings(node: cst.Import) -> Iterator[tuple[str, Value]]:
    """The names an ``import`` statement binds, with their values."""
    for alias in node.names:
        qualname = dotted_name(alias.name) or ""
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            yield alias.asname.name.value, _external(qualname)
        else:
            root = qualname.split(".", 1)[0]
            yield root, _external(root)


def from_import_bindings(node: cst.ImportFrom) -> Iterator[tuple[str, Value]]:
    """The names a ``from ... import ...`` statement binds (none for a star import)."""
    if isinstance(node.names, cst.ImportStar):
        return
    module = dotted_name(node.module) if node.module is not None else None
    for alias in node.names:
        name = alias.name.value if isinstance(alias.name, cst.Name) else ""
        local = name
        if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
            local = alias.asname.name.value
        if node.relative or module is None:
            yield local, UNKNOWN
        else:
            yield local, _external(f"{module}.{name}")


def star_module(node: cst.ImportFrom) -> str | None:
    """The module of a ``from M import *`` statement ("" if relative), else None."""
    if not isinstance(node.names, cst.ImportStar):
        return None
    if node.relative or node.module is None:
        return ""
    return dotted_name(node.module) or ""
