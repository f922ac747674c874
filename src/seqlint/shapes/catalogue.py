"""The layer catalogue: everything seqlint knows about each Keras layer class, in one entry.

Each family module of :mod:`seqlint.shapes.layers` declares its layers with
:func:`~seqlint.shapes.layers.common.layer`: the shape function (the static twin of
Keras's ``compute_output_shape``), the parameter count (of ``count_params``), the
constructor's positional parameters, the class's aliases, and the traits rules ask
about. A class seqlint cannot model is declared :func:`opaque`, with the reason. Nothing
outside the catalogue lists layer names: a new layer is added in one place. The parameters
of each class's ``call()`` (:func:`call_spec`) come from ``data/layer_calls.json``, which
``tools/layer_calls.py`` generates from the installed Keras.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from importlib import resources

from seqlint.dims import Dim, Shape
from seqlint.ir import Layer


@dataclass(frozen=True)
class Call:
    """A layer applied to input shapes.

    ``inputs`` has one shape per tensor passed; ``as_list`` is True when they
    were passed as a list (``Concatenate()([a, b])``).  ``states`` are the
    shapes given as ``initial_state``. ``keywords`` are the shapes of the tensors given by
    keyword (``attention_mask``) and of the Keras masks of the inputs as Keras hands them to
    the layer (``query_mask``...), by name (:attr:`seqlint.ir.Node.keywords`; an unknown
    shape for a mask that may be there or not).
    """

    layer: Layer
    inputs: tuple[Shape, ...]
    as_list: bool = False
    states: tuple[Shape, ...] = ()
    keywords: tuple[tuple[str, Shape], ...] = ()

    def keyword(self, name: str) -> Shape | None:
        """The shape of the tensor given as ``name``; None when there is none."""
        return next((shape for key, shape in self.keywords if key == name), None)

    @property
    def input(self) -> Shape:
        """The single input of a one-tensor layer (unknown if there is not exactly one)."""
        return self.inputs[0] if len(self.inputs) == 1 else Shape.unknown()


ShapeFn = Callable[[Call], list[Shape]]
"""Returns one shape per output tensor, or raises ShapeProblem."""

ParamFn = Callable[[Call], "int | None"]
"""The number of weights Keras creates for the call's layer (trainable or not); None when
it cannot be known (a size that is a symbol or unknown, an option that cannot be read)."""


@dataclass(frozen=True)
class Indices:
    """The integer indices a layer outputs: ``[low, high)``, each one an index some input maps
    to (a lookup's tokens after its mask and OOV indices); ``detail`` says what makes up the
    range, for messages (``"1 OOV index and 5 tokens"``); ``vocabulary`` that ``high`` is
    the layer's ``vocabulary_size()``."""

    low: int
    high: Dim
    detail: str = ""
    vocabulary: bool = False  # ``high`` is the layer's ``vocabulary_size()``


IndexFn = Callable[[Layer], "Indices | None"]
"""The indices a layer outputs; None when it outputs none or their range is not known."""


class Trait(Enum):
    """What rules ask about a layer, whatever its class."""

    NEEDS_TIME_AXIS = "needs-time-axis"  # its input is (batch, steps, ...): a rank error is SL101
    RECURRENT = "recurrent"  # walks the time axis; return_sequences says if it keeps it
    KEEPS_SHAPE = "keeps-shape"  # the output has the input's shape, every axis in place
    KEEPS_STEPS = "keeps-steps"  # keeps axis 1 of a channels-last (batch, steps, channels) input
    PER_STEP = "per-step"  # maps each step on its own (Dense on the last axis, TimeDistributed)
    SIZED_BY_FEATURES = "sized-by-features"  # weights sized by the input's last axis
    ACTIVATION_LAST = "activation-last"  # its ``activation=`` is the last thing it does
    PASSES_VALUES = "passes-values"  # hands its input on unchanged (Identity)
    DECLARES_INPUT = "declares-input"  # a model input: Input, InputLayer
    QUERY_VALUE = "query-value"  # called as layer(query, value[, key]), tensors as arguments


@dataclass(frozen=True)
class LayerSpec:
    """One Keras layer class as seqlint knows it.

    ``shape`` None: the class is not modelled (its outputs are unknown). ``params`` None:
    its parameter count is not known. ``indices`` gives the range of the integer indices
    the layer outputs (None: it outputs no indices seqlint can bound). ``drops_time_axis``
    says why the layer's output has
    no time axis when it never has one (global pooling, Flatten). ``states`` names the
    states ``return_state=True`` adds (``("h", "c")`` for an LSTM). ``call_options`` are the
    call keywords that change the outputs (``return_attention_scores``, ``reverse``): the
    frontend records them in the layer config of the call's node. ``opaque`` is why seqlint
    cannot model the class at all.
    """

    kind: str
    family: str
    shape: ShapeFn | None = None
    params: ParamFn | None = None
    positional: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    traits: frozenset[Trait] = field(default_factory=frozenset)
    drops_time_axis: str = ""
    states: tuple[str, ...] = ()
    call_options: tuple[str, ...] = ()
    opaque: str = ""
    indices: IndexFn | None = None

    def has(self, trait: Trait) -> bool:
        return trait in self.traits


_SPECS: dict[str, LayerSpec] = {}
_ALIASES: dict[str, str] = {}


def declare(spec: LayerSpec) -> None:
    """Add ``spec`` to the catalogue (each kind and alias once)."""
    for name in (spec.kind, *spec.aliases):
        if name in _SPECS or name in _ALIASES:
            raise ValueError(f"{name} is declared twice in the layer catalogue")
    _SPECS[spec.kind] = spec
    _ALIASES.update((alias, spec.kind) for alias in spec.aliases)


def opaque(kind: str, family: str, reason: str, positional: tuple[str, ...] = ()) -> None:
    """Declare a class seqlint cannot model: its outputs stay unknown, for ``reason``."""
    declare(LayerSpec(kind, family, positional=positional, opaque=reason))


@functools.cache
def _family_of() -> dict[str, str]:
    """The module of :mod:`seqlint.shapes.layers` that declares each kind and alias."""
    from seqlint.shapes.layers import FAMILIES

    return {kind: family for family, kinds in FAMILIES.items() for kind in kinds}


def _load(kind: str) -> None:
    """Declare the family of layers ``kind`` belongs to, if it has one and is not declared."""
    if kind in _SPECS or kind in _ALIASES:
        return
    family = _family_of().get(kind)
    if family is not None:
        importlib.import_module(f"seqlint.shapes.layers.{family}")


def canonical(kind: str) -> str:
    """The class name Keras's alias ``kind`` stands for (``MaxPool1D`` -> ``MaxPooling1D``)."""
    _load(kind)
    return _ALIASES.get(kind, kind)


def spec(kind: str) -> LayerSpec | None:
    """The catalogue entry of a layer kind or alias; None for a class not in it (a custom
    layer, a kind the frontend could not name)."""
    _load(kind)
    return _SPECS.get(_ALIASES.get(kind, kind))


def specs() -> Iterable[LayerSpec]:
    """Every entry (every family declared), family by family in the order each module
    declares them: the same order whichever families a run loaded first."""
    families = _family_of()
    for family in sorted(set(families.values())):
        importlib.import_module(f"seqlint.shapes.layers.{family}")
    return sorted(_SPECS.values(), key=lambda entry: families.get(entry.kind, ""))


@dataclass(frozen=True)
class CallSpec:
    """How Keras 3 calls a layer class: its ``call()`` parameters without ``self`` as
    ``tools/layer_calls.py`` spells them (None when the class replaces ``Layer.__call__``),
    whether it takes data as well as tensors positionally, and what it does with the Keras
    mask of its first input: ``"passes"`` it on, ``"drops"`` it or ``"own"`` (its own
    ``compute_mask``)."""

    parameters: str | None
    takes_data: bool
    masking: str = "own"


@functools.cache
def _calls() -> dict[str, CallSpec]:
    text = resources.files("seqlint").joinpath("data/layer_calls.json").read_text("utf-8")
    table = json.loads(text)["layers"]
    return {
        name: CallSpec(entry["call"], entry["takes_data"], entry.get("masking", "own"))
        for name, entry in table.items()
    }


def call_spec(kind: str) -> CallSpec | None:
    """How Keras 3 calls the ``keras.layers`` class ``kind`` (from the generated table
    ``data/layer_calls.json``); None for a class not in it."""
    return _calls().get(kind)


def has_trait(layer: Layer, trait: Trait) -> bool:
    found = spec(layer.kind)
    return found is not None and trait in found.traits


def lookup(kind: str) -> ShapeFn | None:
    """The shape function for a layer kind (or an op node's ``ops.<name>``), None for a layer
    seqlint does not model."""
    if kind.startswith("ops."):
        return _op_node
    found = spec(kind)
    return None if found is None else found.shape


def _op_node(call: Call) -> list[Shape]:
    from seqlint.shapes.ops.nodes import output_shapes as op_outputs

    return op_outputs(call.layer.kind, call.layer.config, call.inputs)


def output_shapes(call: Call) -> list[Shape] | None:
    """Output shapes of ``call``; None when the layer is not modelled (unknown)."""
    fn = lookup(call.layer.kind)
    return None if fn is None else fn(call)


def index_range(layer: Layer) -> Indices | None:
    """The integer indices ``layer`` outputs (a StringLookup's vocabulary with its OOV index,
    a Hashing layer's bins); None when it outputs no indices or their range is not known."""
    found = spec(layer.kind)
    return None if found is None or found.indices is None else found.indices(layer)


def count_params(layer: Layer, inputs: tuple[Shape, ...]) -> int | None:
    """Weights Keras creates for ``layer`` applied to ``inputs``; None when not known."""
    if layer.kind.startswith("ops."):
        return 0
    found = spec(layer.kind)
    if found is None or found.params is None:
        return None
    return found.params(Call(layer, inputs))
