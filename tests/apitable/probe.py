"""Ask an installed Keras what the table claims, in a subprocess of its own (run as a script).

stdin: {"root": "keras" | "tensorflow.keras" | "tf_keras", "names": [...], "members":
{class path: [member, ...]}, "signatures": [...], "calls": {label: code with K the Keras
module}}. stdout, after a marker line: whether
each name imports the way users write it (``from ROOT.a.b import C``), whether each member
is on the class (or an instance), each callable's parameter tokens, and the exception each
call raised (None if it ran).
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys

MARKER = "@@PROBE@@"


def _imports(root: str, path: str) -> bool:
    module, _, name = path.rpartition(".")
    statement = f"from {root}{'.' + module if module else ''} import {name}"
    try:
        exec(statement, {})
    except Exception:  # noqa: BLE001 - ImportError, AttributeError from lazy loaders...
        return False
    return True


def _object(root: str, path: str):
    module, _, name = path.rpartition(".")
    namespace: dict = {}
    exec(f"from {root}{'.' + module if module else ''} import {name} as found", namespace)
    return namespace["found"]


def _instance(root: str, cls_path: str, cls):
    if cls_path == "layers.RNN":
        return cls(_object(root, "layers.LSTMCell")(2))
    if cls_path == "layers.Bidirectional":
        return cls(_object(root, "layers.LSTM")(2))
    if cls_path in ("layers.LSTM", "layers.GRU", "layers.SimpleRNN"):
        return cls(2)
    return cls()


def _tokens(callable_) -> list[str] | None:
    try:
        found = inspect.signature(callable_)
    except (TypeError, ValueError):
        return None
    tokens = []
    for param in found.parameters.values():
        if param.kind is param.KEYWORD_ONLY and not any(t.startswith("*") for t in tokens):
            tokens.append("*")
        if param.kind is param.VAR_POSITIONAL:
            tokens.append("*" + param.name)
        elif param.kind is param.VAR_KEYWORD:
            tokens.append("**" + param.name)
        else:
            tokens.append(param.name + ("=" if param.default is not param.empty else ""))
    return tokens


def main() -> None:
    request = json.load(sys.stdin)
    root = request["root"]
    importlib.import_module(root.split(".")[0])
    names = {path: _imports(root, path) for path in request["names"]}
    members = {}
    for cls_path, wanted in request["members"].items():
        cls = _object(root, cls_path)
        try:  # attributes set in __init__ are on instances only
            instance = _instance(root, cls_path, cls)
        except Exception:  # noqa: BLE001 - needs arguments (LossScaleOptimizer)
            instance = None
        for member in wanted:
            on = hasattr(cls, member) or (instance is not None and hasattr(instance, member))
            # None: only an instance could tell, and none could be made
            members[f"{cls_path}.{member}"] = on if on or instance is not None else None
    signatures = {}
    for path in request["signatures"]:
        head, _, method = path.rpartition(".")
        if method[:1].islower() and head.split(".")[-1][:1].isupper():
            cls = _object(root, head)
            target = getattr(cls, method, None)
            static = inspect.getattr_static(cls, method, None)
            bound = not isinstance(static, classmethod | staticmethod)
        else:
            target = _object(root, path)
            bound = inspect.isclass(target)
            target = target.__init__ if bound else target
        tokens = _tokens(target) if target is not None else None
        signatures[path] = tokens[1:] if tokens and bound else tokens
    calls = {}
    keras = importlib.import_module(root)
    for label, code in request.get("calls", {}).items():
        try:
            exec(code, {"K": keras})
            calls[label] = None
        except Exception as exc:  # noqa: BLE001 - the outcome is what is asked
            calls[label] = type(exc).__name__
    result = {"names": names, "members": members, "signatures": signatures, "calls": calls}
    print(MARKER + json.dumps(result))


if __name__ == "__main__":
    main()
