"""The IR the frontend extracts from a script: layers, their applications, models.

Nothing here knows libcst.  Source positions are resolved lazily (see
:class:`Loc`): computing positions costs more than parsing, so only the
locations that end up in a diagnostic are ever resolved.

Values
------
A value the frontend could evaluate is a plain Python constant (``int``,
``float``, ``str``, ``bool``, ``None``), a ``tuple``/``list``/``dict`` of
values, a :class:`~seqlint.dims.Sym` (an int known only by name),
:data:`~seqlint.dims.UNKNOWN`, or one of the classes below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from seqlint.dims import NONE, UNKNOWN, Dim, Sym, is_known

if TYPE_CHECKING:
    from seqlint.project import Dependency

Value = Any  # see the module docstring


class StaticSize(int):
    """An int read off a tensor's static shape (``x.shape[1]``, ``ops.shape(x)[1]``): a Python
    int in Keras too, where ``tf.shape(x)[1]`` is a tensor. Arithmetic gives plain ints."""

    __slots__ = ()


@dataclass(frozen=True)
class Span:
    """1-based line and column of a source range."""

    line: int
    column: int
    end_line: int
    end_column: int


class Loc:
    """A source location resolved on first use by the frontend's resolver.

    Code of an imported module of the project runs where the script reaches it: its Locs
    are that place of the script, and ``origin`` says where in the module they really are.
    """

    __slots__ = ("_key", "_resolve", "_span", "origin")

    def __init__(
        self, resolve: Callable[[object], Span], key: object, origin: ImportedLoc | None = None
    ) -> None:
        self._resolve = resolve
        self._key = key
        self._span: Span | None = None
        self.origin = origin

    @staticmethod
    def fixed(span: Span) -> Loc:
        loc = Loc(lambda _key: span, None)
        loc._span = span
        return loc

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = self._resolve(self._key)
        return self._span

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def place(self) -> str:
        """``line 12`` for messages; ``model.py:12`` for code of an imported module."""
        return self.origin.where if self.origin is not None else f"line {self.line}"

    @property
    def key(self) -> object:
        """What the frontend made this Loc for (a syntax node): opaque outside the frontend."""
        return self._key


@dataclass(frozen=True)
class ImportedLoc:
    """A place in an imported module of the project: its file (``path``, absolute;
    ``display``, relative to the script's directory), the Loc in it, and the place in another
    imported module whose code ran it (``through``: None when the script ran it)."""

    path: str
    display: str
    loc: Loc
    through: ImportedLoc | None = None

    @property
    def where(self) -> str:
        """``model.py:12``."""
        return f"{self.display}:{self.loc.line}"

    def chain(self) -> list[ImportedLoc]:
        """This place, then those that ran it, outwards (the script's place excluded)."""
        found: list[ImportedLoc] = []
        place: ImportedLoc | None = self
        while place is not None and len(found) < 64:
            found.append(place)
            place = place.through
        return found


@dataclass(frozen=True)
class UnresolvedImport:
    """A name the script imports from a module seqlint could not follow (not in the project,
    circular, too large, not parsing...): what it binds, from where, and why."""

    name: str
    module: str
    loc: Loc  # the import statement
    reason: str
    whole: bool = False  # ``import module``: the name is the module, not a value of it

    @property
    def text(self) -> str:
        what = f"the module `{self.module}` imported" if self.whole else "imported from"
        if not self.whole:
            what += f" `{self.module}`"
        return (
            f"`{self.name}` is {what} (line {self.loc.line}), which seqlint could not follow: "
            f"{self.reason}"
        )


@dataclass(frozen=True)
class Unfollowed:
    """A model the script trains whose value comes from an unresolved import: where it is
    first trained, what it is (``model `model```), and the import."""

    loc: Loc
    what: str
    cause: UnresolvedImport


@dataclass(frozen=True)
class ShapeTuple:
    """The whole ``.shape`` of an array (``X.shape``) or of a tensor (``x.shape``, the
    ``input_shape`` a layer's ``build`` gets: ``tensor`` is that tensor, None its unknown
    sizes): it includes the batch axis."""

    items: tuple[Value, ...]
    origin: str  # source text, e.g. "X.shape"
    tensor: TensorRef | None = None


@dataclass(frozen=True)
class PyNumbers:
    """Python numbers of values seqlint does not know (``array.tolist()``, and the lists a
    loop or a comprehension builds of them), nested in lists of ``shape`` (``()``: one number;
    None when the nesting is not known).
    ``np.array`` makes an array of that shape of them; Keras 3 refuses them as data."""

    shape: tuple[Dim, ...] | None


@dataclass(frozen=True)
class Array:
    """A data array whose shape the script states (``np.zeros((100, 20))``).

    What else the code says about its content: ``dtype`` ("int" or "float"),
    ``value_range`` (integers in ``[low, high)``, e.g. from ``randint``; ``high`` may be a
    :class:`~seqlint.dims.Sym`: the ids of a vocabulary of ``len(word_index)`` words are in
    ``[1, len(word_index)+1)``, and :func:`~seqlint.dims.difference` compares it),
    ``one_hot`` (the last axis one-hot encodes a class: ``to_categorical``,
    ``tf.one_hot``, ``np.eye(n)[labels]``), ``zero_padded`` (made by
    ``pad_sequences`` padding with 0, or by a TextVectorization layer called on texts),
    ``padded_at`` (the side it pads, "pre" or "post", when the call states it),
    ``padded_by`` (where that call is, kept by the arrays derived from it) and ``padder``
    (which function or layer it is: "pad_sequences" or "TextVectorization").  ``literal``
    holds the items of a 1-D array numpy made from a literal list
    (``np.array(["Heat", "Fargo"])``), for what needs the values themselves (a lookup's
    vocabulary, the largest label); anything computed from the array drops it, except adding
    or subtracting an int (``labels - 1``).  ``loc`` is where it was made.
    """

    shape: tuple[Dim, ...] | None
    name: str | None = None
    dtype: str | None = None
    value_range: tuple[int, Dim] | None = None
    one_hot: bool = False
    zero_padded: bool = False
    padded_at: str | None = None
    padded_by: Loc | None = None
    padder: str | None = None
    loc: Loc | None = None
    covers_range: tuple | None = None  # every int of value_range occurs while the shape is
    # this one (LabelEncoder's labels; a part of them may miss classes)
    literal: tuple[Value, ...] | None = None
    at_most: Dim | None = None  # shape[0] is unknown but at most this (a filtered comprehension)


@dataclass(frozen=True)
class Batches:
    """Data delivered batch by batch: windows of a series (TimeseriesGenerator,
    ``timeseries_dataset_from_array``) or the elements of a ``tf.data`` pipeline;
    ``x``/``y`` describe one batch (``y`` None when it yields no targets)."""

    x: Value
    y: Value
    maker: str  # "TimeseriesGenerator" | "timeseries_dataset_from_array" | "tf.data.Dataset"
    window: Value  # length / sequence_length; None for a tf.data.Dataset
    loc: Loc
    batched: bool = True  # False: a dataset never batched hands fit one sample as a batch
    windows: Loc | None = None  # its elements are the datasets this ``window()`` call made


@dataclass(frozen=True)
class KerasObject:
    """A non-layer Keras object constructed in the source, e.g.
    ``keras.losses.SparseCategoricalCrossentropy(from_logits=True)``."""

    kind: str
    config: dict[str, Value]
    loc: Loc
    label: str


@dataclass(frozen=True)
class KerasName:
    """A Keras function or class named but not called, e.g. ``keras.losses.mse``."""

    name: str


@dataclass(frozen=True)
class UserFunction:
    """A function defined in the script, as a value (e.g. a custom loss; an instance of a
    ``keras.losses.Loss`` subclass is its ``call()``, named after the class, without ``self``).

    ``subscripts`` lists every ``param[constant]`` in its body:
    ``(param, index, loc)``, e.g. ``("y_true", 0, loc)``.
    """

    name: str
    params: tuple[str, ...]
    subscripts: tuple[tuple[str, int, Loc], ...]
    loc: Loc
    wraps: WrappedLoss | None = None  # the Keras loss it returns, as compile sees it


@dataclass(frozen=True)
class WrappedLoss:
    """A Keras loss a function of the script returns on its own ``(y_true, y_pred)``:
    ``loss`` a loss function or instance, ``keywords`` the call's (``from_logits=True``).
    ``fitted`` is False for the ``call()`` of a ``keras.losses.Loss`` subclass: Keras hands it
    the targets without fitting their rank to the output's."""

    loss: KerasName | KerasObject
    keywords: tuple[tuple[str, Value], ...] = ()
    fitted: bool = True


@dataclass(eq=False)
class Layer:
    """A layer object as constructed in the source (it may be applied several times).

    ``kind`` is the Keras class name (``"LSTM"``, ``"Dense"``...).  ``config``
    holds the constructor arguments by keyword; the frontend maps positional
    arguments to their Keras names (``LSTM(64)`` -> ``{"units": 64}``).
    Nested layers (``Bidirectional(LSTM(...))``) are :class:`Layer` values.
    """

    kind: str
    config: dict[str, Value]
    loc: Loc
    text: str | Callable[[], str]
    """Its label, or what makes the label on first use (most labels are never shown)."""
    sizes: dict[int, str] = field(default_factory=dict, repr=False)
    """The names that hold sizes where the layer is made (``{7: "n_out"}``): what a fix or
    hint there writes for a size instead of its value."""

    @property
    def label(self) -> str:
        """Short source text, e.g. ``"LSTM(64)"``."""
        if not isinstance(self.text, str):
            self.text = self.text()
        return self.text

    def get(self, name: str, default: Value = None) -> Value:
        return self.config.get(name, default)


@dataclass(frozen=True)
class TensorRef:
    """Output ``index`` of node ``node_id``; ``index=None`` is the node's whole output."""

    node_id: int
    index: int | None = 0


@dataclass(eq=False)
class Node:
    """One application of a layer to input tensors.

    ``inputs`` holds the tensors passed as the layer's first argument;
    ``as_list`` says whether they were passed as a list (merge layers).
    ``state_inputs`` are the tensors of ``initial_state=``.  Input layers have
    no inputs.  ``sequential`` marks the nodes of a Sequential model.
    ``declared_by`` names what declared an Input node's shape (e.g.
    ``"input_shape"`` on the first layer, ``"Input"``, ``"build"``); ``added_by`` is the
    ``model.add(layer)`` call that appended the node's layer to a Sequential model.
    ``within`` is the :class:`LayerCall` (its index in ``ModuleIR.layer_calls``) whose
    ``call()`` made the node: the ops and layers inside a custom layer or a Lambda.
    ``keywords`` are the tensors a call gets by keyword besides its inputs, by the name of
    the layer's parameter (``attention_mask``), and the Keras masks of its inputs as Keras
    hands them to the layer (``query_mask``, ``value_mask``, ``key_mask``): a mask seqlint
    cannot tell (there may be one or none) is None, a tensor without mask is left out.

    Besides Keras layers, a node's layer may be a tensor op (kind ``"ops.<name>"``, the
    canonical ``keras.ops`` name, with the op's other arguments as its config and the
    spelling the source used under ``"__spelling__"``: ``"tensorflow.matmul"``), a
    ``"Weight"`` made by ``add_weight`` (config ``shape``) or a ``"Constant"`` array used as
    a tensor (config ``shape``).
    """

    id: int
    layer: Layer
    inputs: tuple[TensorRef, ...]
    loc: Loc
    as_list: bool = False
    state_inputs: tuple[TensorRef, ...] = ()
    sequential: bool = False
    declared_by: str | None = None
    added_by: Loc | None = None
    within: int | None = None
    keywords: tuple[tuple[str, TensorRef | None], ...] = ()

    @property
    def keyword_refs(self) -> tuple[TensorRef, ...]:
        """The known tensors of ``keywords``."""
        return tuple(ref for _, ref in self.keywords if ref is not None)


@dataclass(eq=False)
class LayerCall:
    """One call of a custom layer (a ``keras.layers.Layer`` subclass of the script) or of a
    ``Lambda``: what ``model.summary()`` shows as one row. Its ``call()`` (or function) made
    the nodes ``nodes``, among them the ``Weight`` nodes of ``weights`` (its own weights,
    made by ``add_weight``); ``inputs`` are the tensors it was called on, ``outputs`` what it
    returned. ``declared`` is the output shape its ``compute_output_shape`` (a Lambda's
    ``output_shape``) gives, when seqlint could evaluate it (a tuple with the batch axis, None
    for undefined sizes; a list of them for a call that returns a list or tuple of as many
    tensors): Keras builds what follows for that shape, so ``outputs`` is then a
    ``Declared`` node of it and ``returned`` what ``call`` itself returned.
    """

    id: int
    kind: str  # the class name, or "Lambda"
    label: str
    loc: Loc
    inputs: tuple[TensorRef, ...]
    outputs: Value = None
    nodes: list[int] = field(default_factory=list)
    weights: list[int] = field(default_factory=list)
    declared: Value = None
    returned: Value = None
    declared_at: Loc | None = None  # the return statement of compute_output_shape that gave it
    declared_items: tuple[Loc, ...] = ()  # the items of the literal list of shapes it returned


@dataclass(eq=False)
class Model:
    """A model: its input and output tensors, in the structure the source gives."""

    kind: str  # "sequential" | "functional" | "subclassed"
    inputs: Value  # TensorRef, or a list/tuple/dict of them; UNKNOWN if not known
    outputs: Value
    loc: Loc
    name: str | None = None  # the variable it was bound to


@dataclass(eq=False)
class TrainingCall:
    """``model.compile(...)``, ``model.fit(...)`` and their kin, in source order.

    ``method`` is the method name (compile, fit, evaluate, train_on_batch,
    test_on_batch, fit_generator...); ``args`` maps Keras parameter names to
    values, positional arguments included (``fit(X, y)`` -> ``x``, ``y``).
    """

    method: str
    model: Model
    args: dict[str, Value]
    loc: Loc
    unknown_data: UnresolvedImport | None = None  # the import ``x`` comes from, if unknown


@dataclass(frozen=True)
class LegacyUse:
    """A use of Keras API that some Keras release lacks, where the source makes it (the
    rules judge it against the target's release with :mod:`seqlint.keras_api_table`).

    ``what`` says which kind of API:

    - ``"import"``: a name imported (``name="CuDNNLSTM"``, ``owner`` its module path
      ``"layers"``; ``path`` the whole ``"layers.CuDNNLSTM"``; ``statement`` the import
      statement, ``siblings`` the names it imports);
    - ``"attribute"``: reached as an attribute (``owner`` and ``path`` are its path);
    - ``"layer-keyword"`` / ``"optimizer-keyword"`` / ``"keyword"``: a keyword argument of
      a Keras layer class, optimizer class, or other Keras callable (``owner`` its class or
      function name, ``path`` its table path ``"layers.LSTM"``, ``name`` the keyword);
    - ``"method"``: a model method some release lacks (``name="predict_classes"``, ``owner``
      the receiver's text, ``path`` ``"models.Model.predict_classes"``);
    - ``"method-keyword"``: a keyword of a model method (``owner="fit"``, ``name="nb_epoch"``,
      ``path="models.Model.fit"``);
    - ``"member"``: an attribute read (or method call) on an optimizer (``name="lr"``,
      ``owner`` the receiver's text, ``path="optimizers.Optimizer.lr"``; ``call`` the
      ``K.set_value(...)``/``K.get_value(...)`` call around it, ``value`` its new value);
    - ``"save-path"``: a path Keras checks the extension of (``path`` the callable,
      ``owner`` its name, ``name`` the path's known end, ``value`` its text, ``literals``
      the keywords deciding the check);
    - ``"super-init-self"`` (``super().__init__(self)`` in a class of the script deriving
      from a Keras model or layer, ``owner`` the class, ``name`` "model" or "layer") and
      ``"add-weight-name"`` (``self.add_weight("w", ...)``: the weight's name given first,
      ``name`` the string);
    - ``"layer-call"``: a ``keras.layers`` class constructed (``owner`` the class, ``path``
      its table path, ``arguments`` what the call passes; SL117 checks its required ones);
    - ``"initial-state-tensor"``: ``rnn.get_initial_state(x)`` given a tensor (``owner`` the
      layer's label).

    ``surface`` is how the code reaches Keras for names: ``"keras"``, ``"tf.keras"``,
    ``"tf_keras"``, or ``""`` (another root, or a member whatever the root); ``qualname`` the
    full dotted name imported or reached. ``value`` is the source text of a keyword's value;
    ``call`` the call a keyword is passed to (``loc`` is the call itself for a method);
    ``arguments`` the parameters that call passes (positional ones by Keras name when known,
    else ``"*"``; ``"**"`` for unpacking); ``caught`` names the exceptions an enclosing
    ``try`` handles (``"*"`` for a bare ``except:``).
    """

    what: str
    name: str
    owner: str
    loc: Loc
    value: str = ""
    call: Loc | None = None
    arguments: tuple[str, ...] = ()
    caught: frozenset[str] = frozenset()
    path: str = ""
    surface: str = ""
    qualname: str = ""
    statement: Loc | None = None
    siblings: tuple[str, ...] = ()
    literals: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True)
class TfCall:
    """A TensorFlow function (``tensorflow.*``, and ``tensorflow.keras.backend.*``, which
    runs TensorFlow on its arguments) called on tensors of the graph: ``inputs`` the tensors
    among its arguments; ``within`` the custom layer or
    Lambda call (its index in ``ModuleIR.layer_calls``) whose ``call()`` made it, else None;
    ``callee`` the callee's location and ``spelled`` its text (``tf.reduce_mean``; "" when
    not a dotted name), ``arguments`` the arguments passed (``"*"`` per positional one, then
    the keywords' names) and ``tensors`` whether each holds tensors of the graph."""

    qualname: str
    inputs: tuple[TensorRef, ...]
    loc: Loc
    callee: Loc
    within: int | None
    arguments: tuple[str, ...] = ()
    spelled: str = ""
    tensors: tuple[bool, ...] = ()


@dataclass(frozen=True)
class ShapeRead:
    """``x.shape[i]`` (or ``input_shape[i]`` in ``build``) of a tensor of known rank ``rank``
    with ``i`` out of range: Python raises IndexError there. ``call`` is the custom layer call
    whose code reads it (its index in ``ModuleIR.layer_calls``), if any."""

    tensor: TensorRef
    index: int
    rank: int
    origin: str
    loc: Loc
    call: int | None = None


@dataclass(frozen=True)
class IndexedWindow:
    """A window ``Dataset.window`` made (a dataset, not a tensor) indexed or sliced, which
    raises TypeError (``window[:-1]`` in a ``map`` over windows); ``made`` is the
    ``window()`` call."""

    loc: Loc
    made: Loc


@dataclass(frozen=True)
class BuiltinMisuse:
    """A call of a Python builtin that certainly raises TypeError (``tuple(a, b, c)``),
    in code Keras runs when it builds the model (a Lambda's function or ``output_shape``
    function, a custom layer's ``call`` or ``compute_output_shape``), on no uncertain path:
    ``call`` is the :class:`LayerCall` (index in ``ModuleIR.layer_calls``) running it."""

    loc: Loc
    builtin: str
    reason: str
    call: int


@dataclass(frozen=True)
class CallArguments:
    """A layer called with arguments Keras refuses before the layer runs: ``problem`` is
    ``"not-a-tensor"`` (``argument`` a positional value that is not a tensor, which Keras 3
    refuses), ``"missing"``, ``"unexpected"``, ``"twice"`` (``argument`` a parameter of the
    layer's ``call()``) or ``"too-many"`` (``argument`` how many positional arguments
    ``call()`` takes), as Python's binding raises. ``keras3`` when only Keras 3 raises;
    ``on_run`` when it raises only once a model holding the call runs (``training`` passed on
    positionally is None while Keras builds the model, a bool in ``fit`` and ``predict``):
    ``call`` and ``model`` say which call (index in ``ModuleIR.layer_calls``) or subclassed
    model's ``call`` holds it. ``expected`` names the parameter a wrong keyword stands for.
    ``built_in`` is the ``keras.layers`` class of a built-in layer (empty for the script's
    own); ``sequential`` when Keras makes the call itself as the layer is added to a
    Sequential model (Keras 3 refuses a layer whose ``call()`` requires more than its input
    there)."""

    label: str
    problem: str
    argument: str
    loc: Loc
    keras3: bool
    on_run: bool = False
    call: int | None = None
    model: Model | None = None
    expected: str = ""
    built_in: str = ""
    sequential: bool = False


@dataclass(frozen=True)
class Unpacking:
    """``a, b, c = layer(x)`` into ``targets`` names (without a starred name). ``outputs`` is
    how many tensors the call provably returns when the frontend knows it (then Python raises
    for any other count); None when the shapes must tell (a call that returns one symbolic
    tensor cannot be unpacked at all)."""

    ref: TensorRef
    outputs: int | None
    targets: int
    loc: Loc


@dataclass(frozen=True)
class ArrayReshape:
    """``a.reshape(shape)`` / ``np.reshape(a, shape)`` where ``shape`` provably cannot hold
    the elements of ``array``: numpy raises ``cannot reshape array of size N into shape``.
    ``origin`` is the source text of the array reshaped."""

    array: Array
    shape: tuple[Dim, ...]
    origin: str
    loc: Loc


@dataclass(frozen=True)
class LabelsBeyondClasses:
    """``to_categorical(labels, num_classes)`` where the largest label, ``top`` (known to
    occur), is ``num_classes`` or more: numpy raises ``IndexError: index N is out of bounds
    for axis 1 with size C``.  ``origin`` is the labels' source text, ``labels_loc`` where
    they were made."""

    top: int
    classes: int
    origin: str
    labels_loc: Loc | None
    loc: Loc


@dataclass(frozen=True)
class ScalerFeatures:
    """``scaler.transform(X)`` (or ``inverse_transform``) given ``given`` features, the
    scaler ``kind`` having learnt ``fitted`` features at ``fit`` (line ``fit_loc``):
    scikit-learn raises ValueError. ``data`` is the array given, ``origin`` its source text."""

    kind: str
    method: str
    fitted: int
    given: int
    fit_loc: Loc
    data: Array
    origin: str
    loc: Loc


@dataclass
class ModuleIR:
    """Everything extracted from one source file."""

    nodes: list[Node] = field(default_factory=list)
    models: list[Model] = field(default_factory=list)
    training: list[TrainingCall] = field(default_factory=list)
    windows: list[Batches] = field(default_factory=list)  # every windows generator made
    legacy: list[LegacyUse] = field(default_factory=list)  # API some Keras release lacks
    tf_calls: list[TfCall] = field(default_factory=list)  # TensorFlow functions on tensors
    imported: dict[str, str] = field(default_factory=dict)  # module names bound by imports only
    unpackings: list[Unpacking] = field(default_factory=list)  # of a wrong number of tensors
    layer_calls: list[LayerCall] = field(default_factory=list)  # custom layers and Lambdas
    shape_reads: list[ShapeRead] = field(default_factory=list)  # axes a tensor does not have
    call_arguments: list[CallArguments] = field(default_factory=list)  # refused by Keras
    builtin_misuses: list[BuiltinMisuse] = field(default_factory=list)  # Python raises
    indexed_windows: list[IndexedWindow] = field(default_factory=list)  # TensorFlow raises
    array_reshapes: list[ArrayReshape] = field(default_factory=list)  # numpy raises
    scaler_features: list[ScalerFeatures] = field(default_factory=list)  # scikit-learn raises
    labels_beyond_classes: list[LabelsBeyondClasses] = field(default_factory=list)  # numpy raises
    unfollowed: list[Unfollowed] = field(default_factory=list)  # models from unresolved imports
    dependencies: tuple[Dependency, ...] = ()  # the module lookups made across files
    tree: object = None  # the parsed module, opaque outside the frontend (fixes edit it)

    def node(self, ref: TensorRef) -> Node:
        return self.nodes[ref.node_id]

    def graph_of(self, model: Model) -> set[int]:
        """Ids of every node the model's known outputs depend on (none when they are unknown)."""
        return self.upstream(tensor_refs(model.outputs))

    def upstream(self, refs: Iterable[TensorRef]) -> set[int]:
        """Ids of the nodes that make ``refs``, and of every node they depend on."""
        stack = [ref.node_id for ref in refs]
        seen: set[int] = set()
        while stack:
            node_id = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            node = self.nodes[node_id]
            stack.extend(
                ref.node_id for ref in (*node.inputs, *node.state_inputs, *node.keyword_refs)
            )
        return seen


def tensor_refs(value: Value) -> list[TensorRef]:
    """Every :class:`TensorRef` in a structure of lists, tuples and dicts, in order.

    Model inputs and outputs may be only partly known (an unknown leaf, or
    :data:`~seqlint.dims.UNKNOWN` for the whole): what is not a tensor
    is skipped.  Bounded, as shared containers can nest deeply.
    """
    found: list[TensorRef] = []
    stack: list[tuple[Value, int]] = [(value, 0)]
    budget = _MAX_VISITS
    while stack and budget:
        budget -= 1
        item, depth = stack.pop()
        if isinstance(item, TensorRef):
            found.append(item)
        elif depth < _MAX_DEPTH and isinstance(item, (list, tuple, dict)):
            parts = list(item.values()) if isinstance(item, dict) else list(item)
            stack.extend((part, depth + 1) for part in reversed(parts))
    return found


_MAX_VISITS = 10_000
_MAX_DEPTH = 16


def value_to_dim(value: Value) -> Dim:
    """A dimension from an evaluated value: ints and symbols carry over, ``None`` is unknown."""
    if is_known(value) or isinstance(value, Sym):
        return value
    return UNKNOWN


def value_to_dims(value: Value) -> tuple[Dim, ...] | None:
    """Dims of a Keras shape declaration (tuple, list, ShapeTuple, single int); None if
    unknown. A ``None`` in it is a size Keras leaves undefined (:data:`NONE`)."""
    if isinstance(value, ShapeTuple):
        value = value.items
    if isinstance(value, (tuple, list)):
        return tuple(NONE if v is None else value_to_dim(v) for v in value)
    if is_known(value) or isinstance(value, Sym):
        return (value,)
    return None
