"""One release's API facts, read from its wheel: names per surface, members of the model,
layer and optimizer classes, signatures, and save-path checks.
"""

from __future__ import annotations

import ast
import gc
from dataclasses import dataclass, field
from pathlib import Path

from tools.keras_api.classes import (
    find_method,
    function_signature,
    members,
    mro,
    path_rules,
    signature,
)
from tools.keras_api.releases import Release
from tools.keras_api.source import Entity, Wheel
from tools.keras_api.surfaces import surface

# Classes whose members are recorded (optimizer classes are found in the surface).
MEMBER_CLASSES = (
    "models.Model",
    "models.Sequential",
    "layers.Layer",
    "layers.RNN",
    "layers.LSTM",
    "layers.GRU",
    "layers.SimpleRNN",
    "layers.Bidirectional",
)
# Methods of these classes get signatures (all their public methods).
SIGNED_CLASSES = ("models.Model", "models.Sequential", "layers.Layer")
# Constructors recorded: every class directly in these modules.
CONSTRUCTOR_MODULES = ("layers", "optimizers", "optimizers.legacy", "callbacks")
# Functions recorded: every function directly in these modules.
FUNCTION_MODULES = (
    "",
    "models",
    "saving",
    "utils",
    "preprocessing.sequence",
    "preprocessing.text",
    "backend",
)
# (callable, parameter) whose save-path suffix checks are recorded.
PATH_CHECKS = (
    ("models.Model.save", "filepath"),
    ("models.Model.save_weights", "filepath"),
    ("models.save_model", "filepath"),
    ("saving.save_model", "filepath"),
    ("callbacks.ModelCheckpoint", "filepath"),
)


@dataclass
class ReleaseFacts:
    keras: dict[str, str]  # path -> kind letter
    tf_keras: dict[str, str] | None
    members: dict[str, str] = field(default_factory=dict)  # "models.Model.fit" -> kind letter
    signatures: dict[str, str] = field(default_factory=dict)  # callable -> encoded signature
    path_rules: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)


def read_release(release: Release, wheel_path: Path) -> ReleaseFacts:
    """Everything the table records about one release (garbage collection paused: parsing
    makes many objects and no cycles worth collecting)."""
    gc.disable()
    try:
        return _read(release, Wheel(wheel_path))
    finally:
        gc.enable()


def _read(release: Release, wheel: Wheel) -> ReleaseFacts:
    keras = surface(wheel, *release.keras_root)
    tf_root = release.tf_keras_root
    facts = ReleaseFacts(keras, surface(wheel, tf_root, True) if tf_root else None)
    root, generated = release.primary
    names = facts.tf_keras if root == tf_root and facts.tf_keras is not None else keras
    lookup = _Lookup(wheel, root)
    optimizers = [
        p
        for p, kind in names.items()
        if kind == "c" and p.rpartition(".")[0] in ("optimizers", "optimizers.legacy")
    ]
    for path in (*MEMBER_CLASSES, *sorted(optimizers)):
        cls = lookup.entity(path)
        if cls is None or cls.kind != "class":
            continue
        for name, kind in members(wheel, cls).items():
            facts.members[f"{path}.{name}"] = kind[0]
        if path in SIGNED_CLASSES:
            chain = mro(wheel, cls)
            for name, kind in members(wheel, cls).items():
                if kind == "method":
                    _sign(facts, f"{path}.{name}", wheel, chain, name)
    for path, kind in sorted(names.items()):
        module = path.rpartition(".")[0]
        if kind == "c" and module in CONSTRUCTOR_MODULES:
            cls = lookup.entity(path)
            if cls is not None and cls.kind == "class":
                _sign(facts, path, wheel, mro(wheel, cls), "__init__")
        elif kind == "f" and module in FUNCTION_MODULES:
            function = lookup.entity(path)
            if function is not None and function.kind == "function":
                _sign_function(facts, path, wheel, function)
    for path, param in PATH_CHECKS:
        _path_checks(facts, lookup, wheel, path, param)
    return facts


def _sign(facts: ReleaseFacts, key: str, wheel: Wheel, chain: list[Entity], name: str) -> None:
    found = signature(wheel, chain, name)
    if found is not None:
        tokens, flow = found
        facts.signatures[key] = encode(tokens, flow.accepted, flow.unknown)


def _sign_function(facts: ReleaseFacts, key: str, wheel: Wheel, function: Entity) -> None:
    found = function_signature(wheel, function)
    if found is not None:
        tokens, flow = found
        facts.signatures[key] = encode(tokens, flow.accepted, flow.unknown)


def encode(tokens: list[str], accepted: set[str], unknown: str) -> str:
    """``params|extra keywords|policy``: see seqlint.keras_api_table.Signature."""
    named = {t.rstrip("=") for t in tokens}
    extra = sorted(accepted - named)
    return f"{' '.join(tokens)}|{' '.join(extra)}|{unknown[0]}"


def _path_checks(facts: ReleaseFacts, lookup: _Lookup, wheel: Wheel, path: str, param: str) -> None:
    cls_path, _, method = path.rpartition(".")
    entity = lookup.entity(path)
    if entity is not None:
        entity = wheel.load(entity)
    if entity is not None and entity.kind == "function":
        node, module = entity.node, entity.module
    elif entity is not None and entity.kind == "class":
        found = find_method(mro(wheel, entity), "__init__")
        if found is None:
            return
        node, module = found.node, found.owner.module
    else:
        cls = lookup.entity(cls_path)
        if cls is None or cls.kind != "class":
            return
        found = find_method(mro(wheel, cls), method)
        if found is None:
            return
        node, module = found.node, found.owner.module
    assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    rules = path_rules(wheel, node, module, param)
    if rules:
        facts.path_rules[path] = [(r.suffixes, r.when) for r in rules]


class _Lookup:
    """Public paths of one surface resolved to entities."""

    def __init__(self, wheel: Wheel, root: str) -> None:
        self.wheel = wheel
        self.root = root

    def entity(self, path: str) -> Entity | None:
        current = Entity("module", self.root)
        for part in path.split("."):
            if current.kind != "module":
                return None
            found = self.wheel.resolve(current.qualname, part)
            if found is None:
                return None
            current = found
        return current
