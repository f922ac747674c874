"""The API table's rows that the removed-API rules can report, as generated scripts.

For one Keras release (3.15.1, or tf-keras 2.21.0) and one way of importing it, a script
holds one function per row: an import, an attribute, a keyword argument, a model method or an
optimizer member the release lacks (the table says so), each on its own line; and a control
function per row with a replacement, or per callable (the call without the keyword). seqlint
lints the script for that release (no TensorFlow); a subprocess of that Keras runs every
function (tests/keras/keras2.py). The proof: a row's function is reported exactly when it
raises, and no control is reported or raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from seqlint import keras_api_table as api
from seqlint.frontend.keras_api import TRAINING_METHODS
from seqlint.rulekit.legacy import _optimizer_classes

# The required parameters of the constructors judged, by name (a class of its own when the
# name is not enough); ``L`` is the layers module, ``K`` the Keras module.
VALUES = {
    "filters": "2",
    "kernel_size": "2",
    "units": "2",
    "factor": "0.1",
    "rate": "0.5",
    "layer": "L.LSTM(2)",
    "output_size": "2",
    "pool_size": "2",
    "height": "2",
    "width": "2",
    "num_bins": "4",
    "filepath": '"ckpt.keras"',
    "input_dim": "10",
    "output_dim": "2",
    "backup_dir": '"backup"',
    "filename": '"log.csv"',
    "schedule": "lambda epoch: 0.1",
    "activation": '"relu"',
    "axes": "1",
    "equation": '"ab,bc->ac"',
    "output_shape": "2",
    "stddev": "0.1",
    "function": "lambda t: t",
    "num_heads": "2",
    "key_dim": "2",
    "dims": "(1,)",
    "cell": "L.SimpleRNNCell(2)",
    "height_factor": "0.1",
    "width_factor": "0.1",
    "n": "2",
    "scale": "0.5",
    "target_shape": "(2,)",
    "cells": "[L.SimpleRNNCell(2)]",
    "head_dim": "2",
    "num_query_heads": "2",
    "num_key_value_heads": "1",
    "max_number": "2",
    "layers": "[]",
    "inner_optimizer": "K.optimizers.SGD()",
    "name": '"optimizer"',
}
# Keywords a constructor needs besides its required parameters.
EXTRA = {"layers.CategoryEncoding": "num_tokens=2", "layers.Discretization": "num_bins=2"}
# Keyword values where a replacement must run (the others are refused whatever they hold).
REPLACEMENT_VALUES = {"learning_rate": "0.01", "epochs": "1"}
# How each judged model method is called (``m`` the model; the row's keyword comes last).
METHOD_CALLS = {
    "fit": "m.fit(x, y, verbose=0{})",
    "evaluate": "m.evaluate(x, y, verbose=0{})",
    "predict": "m.predict(x, verbose=0{})",
    "compile": 'm.compile(optimizer="adam", loss="mse"{})',
    "train_on_batch": "m.train_on_batch(x, y{})",
    "test_on_batch": "m.test_on_batch(x, y{})",
    "predict_on_batch": "m.predict_on_batch(x{})",
    "save": 'm.save("m2.keras"{})',
    "save_weights": 'm.save_weights("w2.weights.h5"{})',
    "load_weights": 'm.load_weights("w.weights.h5"{})',
}

SETUP = """\
import numpy as np
L = K.layers
x = np.zeros((4, 5, 3))
y = np.zeros((4, 1))


def functional():
    inputs = K.Input((5, 3))
    return K.Model(inputs, L.Dense(1)(L.LSTM(2)(inputs)))


def sequential():
    return K.Sequential([K.Input((5, 3)), L.LSTM(2), L.Dense(1)])


model_f = functional()
model_f.compile(optimizer="adam", loss="mse")
model_s = sequential()
model_s.compile(optimizer="adam", loss="mse")
"""
# Run, not linted: writes the file the loading rows read.
PREPARE = """\
if "model_s" in globals():
    model_s.train_on_batch(x, y)  # tf-keras's weights files hold the loss tracker's state
    model_s.save_weights("w.weights.h5")
"""


@dataclass
class Script:
    """A generated script: its source, and what each function stands for."""

    release: str
    imports: str  # the line that binds K
    models: bool = True  # the setup: two compiled models and their data
    lines: list[str] = field(default_factory=list)
    rows: dict[str, str] = field(default_factory=dict)  # function -> row description
    controls: dict[str, str] = field(default_factory=dict)
    lines_of: dict[str, int] = field(default_factory=dict)  # function -> line of its body

    def function(self, body: str, description: str, control: bool = False) -> str:
        name = f"{'ctrl' if control else 'row'}_{len(self.rows) + len(self.controls)}"
        self.lines.append(f"def {name}():")
        self.lines.append(f"    {body}")
        (self.controls if control else self.rows)[name] = description
        self.lines_of[name] = len(self.header) + len(self.lines)
        return name

    @property
    def header(self) -> list[str]:
        return [self.imports, *(SETUP.splitlines() if self.models else [])]

    @property
    def source(self) -> str:
        return "\n".join([*self.header, *self.lines]) + "\n"


def _surface_root(surface: str, release: str) -> tuple[str, str]:
    """The import binding ``K`` and the dotted root names are written from."""
    if surface == "tf.keras":
        return "from tensorflow import keras as K", "tensorflow.keras"
    if api.distribution(release) == "tf-keras":
        return "import tf_keras as K", "tf_keras"
    return "import keras as K", "keras"


def name_rows(release: str, surface: str) -> Script:
    """Every name ``release`` lacks on ``surface`` whose parent it has: imported, reached as
    an attribute; and the exact replacement the table gives, imported."""
    imports, root = _surface_root(surface, release)
    script = Script(release, imports, models=False)
    table = api._table()["names"]
    for name in sorted(table):
        if api.has(name, release, surface) is not False:
            continue
        parent, _, last = name.rpartition(".")
        if parent and api.has(parent, release, surface) is not True:
            continue
        module = f"{root}.{parent}" if parent else root
        script.function(f"from {module} import {last}", f"import {name}")
        script.function(f"return K.{name}", f"attribute {name}")
        found = api.replacement(name, release, surface)
        if found is not None and found.exact:
            new_parent, _, new_last = found.name.rpartition(".")
            new_module = f"{root}.{new_parent}" if new_parent else root
            script.function(
                f"from {new_module} import {new_last}", f"replacement of {name}", control=True
            )
    return script


def _judged_classes() -> list[str]:
    """The constructors whose keywords the rules judge (see frontend/legacy_api.py)."""
    return sorted(
        name
        for name in api._table()["signatures"]
        if name.count(".") == 1
        and name.split(".")[0] in ("layers", "optimizers", "callbacks")
        and api.kind(name) == "class"
    )


def _ever_keywords(callable_: str) -> set[str]:
    found: set[str] = set()
    for version in api.versions():
        signature = api.signature(callable_, version)
        if signature is not None:
            found |= signature.keywords()
    return found


def _refused(callable_: str, release: str) -> list[str]:
    signature = api.signature(callable_, release)
    if signature is None:
        return []
    return sorted(
        keyword
        for keyword in _ever_keywords(callable_)
        if signature.accepts(keyword) is False and api.keyword_ever_rejected(callable_, keyword)
    )


def _required(callable_: str, release: str) -> list[str] | None:
    signature = api.signature(callable_, release)
    assert signature is not None
    names = [
        p
        for p in signature.parameters
        if not p.endswith("=") and not p.startswith("*") and p not in ("/", "self")
    ]
    if any(name not in VALUES for name in names):
        return None
    return [VALUES[name] for name in names]


def keyword_rows(release: str, surface: str, unjudged: frozenset[str]) -> Script:
    """Every keyword ``release`` refuses that the table knows for a judged constructor or a
    model method; the call without it, and with its exact replacement, as controls; then the
    members (:func:`member_rows`)."""
    imports, _root = _surface_root(surface, release)
    script = Script(release, imports)
    for callable_ in _judged_classes():
        keywords = _refused(callable_, release)
        if not keywords or callable_ in unjudged:
            continue
        required = _required(callable_, release)
        assert required is not None, f"no constructor arguments known for {callable_}"
        if callable_ in EXTRA:
            required.append(EXTRA[callable_])
        call = f"K.{callable_}({', '.join(required)}{{}})"
        lead = ", " if required else ""
        script.function(f"return {call.format('')}", f"construct {callable_}", control=True)
        for keyword in keywords:
            if f"{callable_}({keyword})" in unjudged:
                continue
            script.function(
                f"return {call.format(f'{lead}{keyword}=None')}", f"{callable_}({keyword})"
            )
            found = api.replacement(f"{callable_}({keyword})", release)
            if found is not None and found.exact and found.name in REPLACEMENT_VALUES:
                value = REPLACEMENT_VALUES[found.name]
                script.function(
                    f"return {call.format(f'{lead}{found.name}={value}')}",
                    f"replacement of {callable_}({keyword})",
                    control=True,
                )
    for cls, model in (("models.Model", "model_f"), ("models.Sequential", "model_s")):
        for method, template in METHOD_CALLS.items():
            keywords = [
                k
                for k in _refused(f"{cls}.{method}", release)
                if f"{cls}.{method}({k})" not in unjudged
            ]
            call = template.replace("m.", f"{model}.")
            for keyword in keywords:
                script.function(
                    f"return {call.format(f', {keyword}=None')}", f"{cls}.{method}({keyword})"
                )
                found = api.replacement(f"{cls}.{method}({keyword})", release)
                if found is not None and found.exact and found.name in REPLACEMENT_VALUES:
                    value = REPLACEMENT_VALUES[found.name]
                    script.function(
                        f"return {call.format(f', {found.name}={value}')}",
                        f"replacement of {cls}.{method}({keyword})",
                        control=True,
                    )
            if keywords:
                script.function(f"return {call.format('')}", f"call {cls}.{method}", control=True)
    return member_rows(script, unjudged)


def member_rows(script: Script, unjudged: frozenset[str]) -> Script:
    """Every model method the script's release lacks (called on a functional and a Sequential
    model) and every optimizer member no optimizer of it has (read on a compiled model's),
    added to ``script``."""
    release = script.release
    members = api._table()["members"]
    methods = sorted(
        {
            name.rsplit(".", 1)[1]
            for name in members
            if name.rsplit(".", 1)[0] in ("models.Model", "models.Sequential")
            and not name.rsplit(".", 1)[1].startswith("_")
            and api.kind(name) == "method"
        }
    )
    for method in methods:
        path = next(
            (
                f"{cls}.{method}"
                for cls in ("models.Model", "models.Sequential")
                if api.kind(f"{cls}.{method}") is not None
            ),
            None,
        )
        if path is None or api.has(path, release) is not False or path in unjudged:
            continue
        for model in ("model_f", "model_s"):
            script.function(f"return {model}.{method}()", f"{path} on {model}")
        found = api.replacement(path, release)
        if found is not None and found.exact:
            new = found.name.rsplit(".", 1)[1]
            script.function(f"return model_f.{new}", f"replacement of {path}", control=True)
    classes = _optimizer_classes(release)
    attributes = sorted(
        {
            name.rsplit(".", 1)[1]
            for name in members
            if name.startswith("optimizers.Optimizer.")
            and not name.rsplit(".", 1)[1].startswith("_")
        }
    )
    for attribute in attributes:
        path = f"optimizers.Optimizer.{attribute}"
        if api.has(path, release) is not False or path in unjudged:
            continue
        if any(api.has(f"{cls}.{attribute}", release) for cls in classes):
            continue
        script.function(f"return model_f.optimizer.{attribute}", f"optimizer {attribute}")
        found = api.replacement(path, release)
        if found is not None and found.exact:
            new = found.name.rsplit(".", 1)[1]
            script.function(
                f"return model_f.optimizer.{new}", f"replacement of {path}", control=True
            )
    return script


def judged_model_methods() -> frozenset[str]:
    return frozenset({*TRAINING_METHODS, "save", "save_weights", "load_weights"})
