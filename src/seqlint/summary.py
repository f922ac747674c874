"""A static ``model.summary()``: every model of a file, layer by layer, without TensorFlow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from seqlint.diagnostic import TraceRow
from seqlint.ir import Model, ModuleIR
from seqlint.shapes.dims import Shape
from seqlint.shapes.params import count_params
from seqlint.shapes.propagate import GraphShapes


@dataclass(frozen=True)
class LayerSummary:
    """One application of a layer in a model: what ``model.summary()`` shows for it."""

    label: str  # short source text, e.g. "LSTM(64)"
    kind: str  # the Keras class, e.g. "LSTM"
    line: int  # where it is applied
    layer_line: int  # where the layer object is made
    outputs: tuple[Shape, ...] | None  # None when unknown
    params: int | None  # None when unknown

    @property
    def row(self) -> TraceRow:
        return TraceRow(self.label, self.line, show_shape(self.outputs))

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
            "layers": [
                {
                    "layer": layer.label,
                    "kind": layer.kind,
                    "line": layer.line,
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


def summarize_source(source: str) -> list[ModelSummary]:
    """Parse ``source`` and summarise its models (raises ``ParseFailure`` like ``extract``)."""
    from seqlint.frontend import extract

    ir = extract(source)
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
    from seqlint.notebooks import NOTEBOOK_SUFFIX
    from seqlint.sources import SourceError, read_source, to_source

    run = SummaryRun()
    found = discover(paths)
    run.errors.extend(f"seqlint: error: path not found: {path}" for path in found.missing)
    run.errors.extend(found.errors)
    for path in found.files:
        text, problem, action = read_source(path)
        if text is None:
            run.errors.append(f"seqlint: error: cannot {action or 'read'} {path}: {problem}")
            continue
        if path.endswith(NOTEBOOK_SUFFIX):
            run.errors.append(f"seqlint: warning: skipping {path}: shapes does not read notebooks")
            continue
        try:
            source = to_source(path, text).text
        except SourceError as exc:
            run.errors.append(f"seqlint: error: {exc}")
            continue
        try:
            run.files.append((path, summarize_source(source)))
        except ParseFailure as exc:
            run.errors.append(f"seqlint: error: {path}:{exc.line}:{exc.column}: {exc.message}")
    if found.missing or (not run.files and (found.files or found.unreadable)):
        run.exit_code = 2
    return run


def show_shape(shapes: tuple[Shape, ...] | None) -> str:
    """``(batch, 20, 64)``; ``?`` for a shape seqlint does not know; several joined by ``, ``."""
    if not shapes:
        return "?"
    return ", ".join("?" if shape.dims is None else str(shape) for shape in shapes)


def _summary(model: Model, ir: ModuleIR, shapes: GraphShapes) -> ModelSummary:
    layers = []
    for node in (ir.nodes[i] for i in sorted(ir.graph_of(model))):
        at = shapes.at(node)
        params = count_params(node.layer, at.inputs) if at.outputs is not None else None
        layers.append(
            LayerSummary(
                label=node.layer.label,
                kind=node.layer.kind,
                line=node.loc.line,
                layer_line=node.layer.loc.line,
                outputs=at.outputs,
                params=params,
            )
        )
    line = model.loc.line
    return ModelSummary(model.name or f"model at line {line}", model.kind, line, tuple(layers))
