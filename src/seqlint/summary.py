"""A static ``model.summary()``: every model of a file, layer by layer, without TensorFlow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from seqlint.diagnostic import TraceRow
from seqlint.dims import Shape
from seqlint.ir import LayerCall, Model, ModuleIR, Node, Span, tensor_refs
from seqlint.shapes.catalogue import count_params
from seqlint.shapes.propagate import GraphShapes

if TYPE_CHECKING:
    from seqlint.notebooks import CellMap


@dataclass(frozen=True)
class LayerSummary:
    """One application of a layer in a model: what ``model.summary()`` shows for it."""

    label: str  # short source text, e.g. "LSTM(64)"
    kind: str  # the Keras class, e.g. "LSTM"
    line: int  # where it is applied
    layer_line: int  # where the layer object is made (in a notebook: the line in its cell)
    outputs: tuple[Shape, ...] | None  # None when unknown
    params: int | None  # None when unknown
    cell: int | None = None  # in a notebook: the cell of ``line``, which counts in the cell
    place: str | None = None  # applied by an imported module's code: ``model.py:12``

    @property
    def row(self) -> TraceRow:
        shape = show_shape(self.outputs)
        return TraceRow(self.label, self.line, shape, cell=self.cell, place=self.place)

    @property
    def params_text(self) -> str:
        return "?" if self.params is None else f"{self.params:,}"


@dataclass(frozen=True)
class ModelSummary:
    """One model: where it is made, its layers in the order they are applied, the total."""

    name: str
    kind: str  # "sequential" | "functional"
    line: int
    layers: tuple[LayerSummary, ...]
    cell: int | None = None  # in a notebook: the cell of ``line``, which counts in the cell

    @property
    def location(self) -> str:
        """``line``, or ``cell N:line`` in a notebook (as diagnostics name places)."""
        return str(self.line) if self.cell is None else f"cell {self.cell}:{self.line}"

    def located(self, cells: CellMap) -> ModelSummary:
        """This summary of a notebook's joined code, its lines placed in their cells."""
        from seqlint.notebooks import place_line, relabel

        layers = []
        for layer in self.layers:
            cell, line = place_line(layer.line, cells)
            _, layer_line = place_line(layer.layer_line, cells)
            layers.append(replace(layer, cell=cell, line=line, layer_line=layer_line))
        cell, line = place_line(self.line, cells)
        name = relabel(self.name, cells)  # "model at line 14" -> "model at cell 3, line 2"
        return replace(self, name=name, cell=cell, line=line, layers=tuple(layers))

    @property
    def rows(self) -> tuple[TraceRow, ...]:
        return tuple(layer.row for layer in self.layers)

    @property
    def total(self) -> int | None:
        """Total parameter count, None when any layer's is unknown."""
        counts = [layer.params for layer in self.layers]
        return None if None in counts else sum(c for c in counts if c is not None)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "kind": self.kind,
            "line": self.line,
            "cell": self.cell,
            "layers": [
                {
                    "layer": layer.label,
                    "kind": layer.kind,
                    "line": layer.line,
                    "cell": layer.cell,
                    "output_shape": layer.row.shape,
                    "params": layer.params,
                }
                for layer in self.layers
            ],
            "total_params": self.total,
        }


def summarize(ir: ModuleIR, shapes: GraphShapes) -> list[ModelSummary]:
    """A summary of every model in ``ir``, in source order."""
    return [_summary(model, ir, shapes) for model in ir.models]


@dataclass(frozen=True)
class Application:
    """One application of a layer, where an editor shows it: its summary row, the source it
    spans (the ``model.add(...)`` call that adds it to a Sequential model, else the layer call
    itself) and the applications its input tensors and states come from (indexes into the same
    list)."""

    layer: LayerSummary
    span: Span
    inputs: tuple[int, ...]
    imported: bool = False  # made by an imported module's code (``span`` is the line running it)


def applications(ir: ModuleIR, shapes: GraphShapes) -> list[Application]:
    """Every application of a layer in ``ir``, in the order the script makes them (models or
    not), summarised as ``seqlint shapes`` summarises them."""
    return [
        Application(
            _layer_summary(node, shapes),
            (node.added_by or node.loc).span,
            tuple(ref.node_id for ref in (*node.inputs, *node.state_inputs, *node.keyword_refs)),
            node.loc.origin is not None,
        )
        for node in ir.nodes
    ]


def trace(found: Sequence[Application], index: int) -> tuple[Application, ...]:
    """The applications that lead to ``found[index]``, in the order they are made, itself last."""
    seen: set[int] = set()
    stack = [index]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(found[current].inputs)
    return tuple(found[i] for i in sorted(seen))


def summarize_source(source: str, path: str | None = None) -> list[ModelSummary]:
    """Parse ``source`` (read from ``path``: the modules of its project it imports are
    followed) and summarise its models (raises ``ParseFailure`` like ``extract``)."""
    from seqlint.frontend import extract

    ir = extract(source, path=path)
    return summarize(ir, GraphShapes(ir))


@dataclass
class SummaryRun:
    """``seqlint shapes`` over paths: the models of each file, and one-line errors."""

    files: list[tuple[str, Sequence[ModelSummary]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    exit_code: int = 0


def summarize_paths(paths: list[str]) -> SummaryRun:
    """Summaries of every model in the files under ``paths``, in path order."""
    from seqlint.discover import discover
    from seqlint.frontend import ParseFailure
    from seqlint.notebooks import place_line
    from seqlint.sources import SourceError, read_source, to_source

    run = SummaryRun()
    found = discover(paths)
    run.errors.extend(f"seqlint: error: path not found: {path}" for path in found.missing)
    run.errors.extend(found.errors)
    for path in found.files:
        read = read_source(path)
        if read.text is None:
            run.errors.append(
                f"seqlint: error: cannot {read.action or 'read'} {path}: {read.problem}"
            )
            continue
        try:
            source = to_source(path, read.text)
        except SourceError as exc:
            run.errors.append(f"seqlint: error: {exc}")
            continue
        try:
            models = summarize_source(source.text, path)
        except ParseFailure as exc:
            where = f"{exc.line}"
            if source.cells is not None:
                where = "cell {}:{}".format(*place_line(exc.line, source.cells))
            run.errors.append(f"seqlint: error: {path}:{where}:{exc.column}: {exc.message}")
            continue
        cells = source.cells
        run.files.append((path, models if cells is None else [m.located(cells) for m in models]))
    if found.missing or (not run.files and (found.files or found.unreadable)):
        run.exit_code = 2
    return run


def show_shape(shapes: tuple[Shape, ...] | None) -> str:
    """``(batch, 20, 64)``; ``?`` for a shape seqlint does not know; several joined by ``, ``."""
    if not shapes:
        return "?"
    return ", ".join("?" if shape.dims is None else str(shape) for shape in shapes)


def _summary(model: Model, ir: ModuleIR, shapes: GraphShapes) -> ModelSummary:
    """One row per node of the model's graph; the nodes a custom layer's (or a Lambda's)
    ``call()`` made are one row, that layer's, as ``model.summary()`` shows it."""
    rows: list[tuple[int, LayerSummary]] = []
    shown: set[int] = set()
    owner = {w: call.id for call in reversed(ir.layer_calls) for w in call.weights}
    for node_id in sorted(ir.graph_of(model)):
        node = ir.nodes[node_id]
        within = node.within if node.within is not None else owner.get(node_id)
        if within is None:
            rows.append((node_id, _layer_summary(node, shapes)))
        elif within not in shown:  # a custom layer's nodes, and the weights it made earlier
            shown.add(within)
            call = ir.layer_calls[within]
            rows.append((min(call.nodes, default=node_id), _call_summary(call, ir, shapes)))
    line = model.loc.line
    ordered = tuple(row for _, row in sorted(rows, key=lambda pair: pair[0]))
    return ModelSummary(model.name or f"model at line {line}", model.kind, line, ordered)


def _call_summary(call: LayerCall, ir: ModuleIR, shapes: GraphShapes) -> LayerSummary:
    """A custom layer's row: what its call returned, and its parameters: its weights and
    those of the Keras layers its call applied (each layer object once)."""
    outputs = tuple(shapes.of(ref) for ref in tensor_refs(call.outputs)) or None
    if outputs is not None and any(s.dims is None for s in outputs):
        outputs = None
    counts: list[int | None] = []
    layers: set[int] = set()
    for node_id in sorted({*call.nodes, *call.weights}):
        node = ir.nodes[node_id]
        if id(node.layer) in layers:
            continue
        layers.add(id(node.layer))
        at = shapes.at(node)
        counts.append(count_params(node.layer, at.inputs) if at.outputs is not None else None)
    params = None if None in counts else sum(c for c in counts if c is not None)
    return LayerSummary(
        label=call.label,
        kind=call.kind,
        line=call.loc.line,
        layer_line=call.loc.line,
        outputs=outputs,
        params=params,
        place=call.loc.origin.where if call.loc.origin is not None else None,
    )


def _layer_summary(node: Node, shapes: GraphShapes) -> LayerSummary:
    at = shapes.at(node)
    return LayerSummary(
        label=node.layer.label,
        kind=node.layer.kind,
        line=node.loc.line,
        layer_line=node.layer.loc.line,
        outputs=at.outputs,
        params=count_params(node.layer, at.inputs) if at.outputs is not None else None,
        place=node.loc.origin.where if node.loc.origin is not None else None,
    )
