"""A Sequential or functional model used as a layer (``TimeDistributed(cnn)``).

The frontend gives the model's layers in order (``layers``; a functional model
only when its graph is one chain) and its Input layer (``declared``, or None).
The input first goes through Keras's rank adjustment at a declared model input
(:func:`~seqlint.shapes.layers.inputs.model_input`), then through each layer.
A problem inside the model makes its output unknown: the layers' own nodes, where
the model is built, are where such a problem is reported.
"""

from __future__ import annotations

from seqlint.dims import Shape
from seqlint.ir import Layer
from seqlint.shapes.catalogue import Call, lookup
from seqlint.shapes.layers.common import keras_layer
from seqlint.shapes.layers.inputs import model_input
from seqlint.shapes.problems import ShapeProblem


@keras_layer("Functional")
@keras_layer("Sequential")
def model_as_layer(call: Call) -> list[Shape]:
    chain = call.layer.get("layers")
    declared = call.layer.get("declared")
    if not isinstance(chain, tuple) or call.as_list or call.states:
        return [Shape.unknown()]
    shape = call.input
    if isinstance(declared, Layer):
        shape = model_input(
            Call(
                Layer("ModelInput", {"declared": declared}, call.layer.loc, call.layer.label),
                (shape,),
            )
        )[0]
    for layer in chain:
        fn = lookup(layer.kind) if isinstance(layer, Layer) else None
        if fn is None or shape.dims is None:
            return [Shape.unknown()]
        try:
            outputs = fn(Call(layer, (shape,)))
        except ShapeProblem:
            return [Shape.unknown()]
        if len(outputs) != 1:
            return [Shape.unknown()]
        shape = outputs[0]
    return [shape]
