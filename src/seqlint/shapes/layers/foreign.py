"""Layer classes seqlint cannot model, and why: their shapes come from outside the source."""

from __future__ import annotations

from seqlint.shapes.catalogue import opaque

_FOREIGN = "wraps a model of another framework: its shapes are in that code, not in Keras's"

opaque(
    "TFSMLayer",
    "foreign",
    "loads a TensorFlow SavedModel from a file: its shapes are in the file",
    ("filepath", "call_endpoint", "call_training_endpoint", "trainable", "name", "dtype"),
)
opaque(
    "JaxLayer",
    "foreign",
    f"calls JAX functions: {_FOREIGN}",
    ("call_fn", "init_fn", "params", "state", "seed", "native_serialization_platforms"),
)
opaque(
    "FlaxLayer", "foreign", f"wraps a Flax module: {_FOREIGN}", ("module", "method", "variables")
)
opaque(
    "TorchModuleWrapper",
    "foreign",
    f"wraps a PyTorch module: {_FOREIGN}",
    ("module", "name", "output_shape"),
)
