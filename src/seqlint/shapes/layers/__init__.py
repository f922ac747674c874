"""Shape functions, one module per Keras layer family; importing this registers them all."""

from seqlint.shapes.layers import (  # noqa: F401
    attention,
    convolutional,
    core,
    embedding,
    foreign,
    inputs,
    merging,
    models,
    pooling,
    preprocessing,
    recurrent,
    reshaping,
    wrappers,
)
