"""The public names of one Keras surface (what ``import keras`` or ``tensorflow.keras`` gives),
as paths below its root: ``layers.LSTM``, ``utils.np_utils``, ``engine.topology``.

A generated API (Keras 2.6+'s ``api/_v2/keras``, Keras 3, tf-keras) is walked from its root
through the submodules each module binds or has as files (``from tensorflow.keras.saving
import ...`` imports a submodule that Keras 3's ``tf.keras`` never binds). An older
package tree (standalone Keras 2.2/2.3, ``keras`` 2.6-2.12 under ``import keras``) is the
API itself: every module file is importable, and exports what it binds (star imports
resolved; ``from keras.models import Model``, ``engine/topology.py``'s re-exports), except
modules and what it imports from other distributions (``np``, ``keras_export``). What it
re-binds from another distribution (``Tokenizer = text.Tokenizer`` from
keras_preprocessing) is kept, its kind guessed from its spelling, as are the names a
generated API imports from one.
"""

from __future__ import annotations

from tools.keras_api.source import Wheel

# Kinds, one letter each in the table.
KINDS = {"module": "m", "class": "c", "function": "f", "value": "v"}
# Folders of a package tree that are not API.
_NOT_API = frozenset(
    {
        "api",
        "src",
        "tests",
        "integration_test",
        "benchmarks",
        "testing_infra",
        "protobuf",
        "tools",
        "dtensor",
    }
)


def surface(wheel: Wheel, root: str, generated: bool) -> dict[str, str]:
    """Public path -> kind letter."""
    return _generated(wheel, root) if generated else _tree(wheel, root)


def _generated(wheel: Wheel, root: str) -> dict[str, str]:
    names: dict[str, str] = {}
    queue = [("", root)]
    seen = {root}
    while queue:
        path, module = queue.pop(0)
        children = [c[len(module) + 1 :] for c in wheel.modules_under(module) if c != module]
        unbound = {c for c in children if "." not in c} - set(wheel.public_names(module))
        submodules = {c for c in unbound if not c.startswith("_") and c not in _NOT_API}
        bindings = wheel.module(module).bindings if wheel.module(module) else {}
        for name in sorted({*wheel.public_names(module), *submodules}):
            entity = wheel.resolve(module, name)
            if entity is None:
                continue
            public = f"{path}.{name}" if path else name
            if entity.kind == "external":
                binding = bindings.get(name)
                if binding is not None and binding.how == "from":
                    names[public] = external_kind(name)
                continue
            if entity.kind == "module":
                target = entity.qualname
                if ".src." in f"{target}." or "api._v1" in target:
                    continue
                if "._tf_keras" in target and "._tf_keras" not in root:
                    continue
                if not target.startswith(root.split(".", 1)[0]):
                    continue
                names[public] = "m"
                if target not in seen:
                    seen.add(target)
                    queue.append((public, target))
                continue
            names[public] = KINDS[entity.kind]
    return names


def _tree(wheel: Wheel, root: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for module in wheel.modules_under(root):
        path = module[len(root) + 1 :]
        parts = path.split(".") if path else []
        if any(p in _NOT_API or p.startswith("_") or p.endswith("_test") for p in parts):
            continue
        if parts and parts[-1].startswith("test"):
            continue
        if path:
            names[path] = "m"
        mod = wheel.module(module)
        if mod is None:
            continue
        for name in wheel.public_names(module):
            entity = wheel.resolve(module, name)
            public = f"{path}.{name}" if path else name
            if entity is None or entity.kind == "module":
                continue  # submodules are listed as files
            if entity.kind == "external":
                binding = mod.bindings.get(name)
                if binding is not None and binding.how == "assign":
                    names[public] = external_kind(name)  # Tokenizer = text.Tokenizer
                continue
            names[public] = KINDS[entity.kind]
    return names


def external_kind(name: str) -> str:
    """The kind of a name another distribution defines (keras_preprocessing,
    keras_applications, tensorflow), guessed from its spelling: its source is not in the
    wheel."""
    if name.isupper():
        return "v"
    return "c" if name[:1].isupper() else "f"
