"""Proof of SL117 (layer-constructor-arguments) in Keras 3.15 and tf-keras 2.21.

For every ``keras.layers`` class the API table has a signature of in that release, a script
constructs it three times: with its required arguments (it must run; a class whose
generated arguments Keras refuses is counted and left out), with a keyword no release takes
too, and without its first required argument. Keras must raise on the last two, and seqlint
must report SL117 on exactly their lines. Each Keras runs in a subprocess of its own.
"""

from __future__ import annotations

import pytest

from seqlint import keras_api_table as api
from seqlint.analysis import lint_source
from seqlint.rulekit.legacy import UNJUDGED
from tests.keras.keras2 import run_scripts

pytestmark = pytest.mark.keras

# a value Keras accepts for each required parameter the classes name (else ``2``)
FILL = {
    "layer": "L.LSTM(2)",
    "cell": "L.LSTMCell(2)",
    "cells": "[L.LSTMCell(2)]",
    "function": "(lambda x: x)",
    "target_shape": "(2,)",
    "dims": "(1,)",
    "rate": "0.5",
    "stddev": "0.1",
    "output_size": "(2,)",
    "equation": "'ab,bc->ac'",
    "output_shape": "(2,)",
    "mean": "0.0",
    "variance": "1.0",
    "scale": "1.0",
    "factor": "0.1",
    "max_tokens": "5",
    "num_bins": "3",
    "filepath": "'x'",
    "vocabulary": "['a']",
    "module": "None",
    "value_range": "(0, 1)",
    "axis": "-1",
    "input_dim": "5",
    "offset": "0.0",
    "bins": "[0.5]",
    "crop": "(1, 1)",
    "activation": "'relu'",
    "num_tokens": "3",
    "height_factor": "0.1",
    "width_factor": "0.1",
}
BOGUS = "zzz_not_a_keyword"


def _classes(release: str) -> list[tuple[str, list[str], bool]]:
    """(class, required parameters, whether SL117 claims an unknown keyword: no release
    takes it) of every layer class the table has in ``release``."""
    found = []
    for path in sorted(api._table()["signatures"]):
        parts = path.split(".")
        if len(parts) != 2 or parts[0] != "layers" or path in UNJUDGED:
            continue
        if api.kind(path) != "class" or not api.has(path, release):
            continue
        signature = api.signature(path, release)
        if signature is None or "/" in signature.parameters or signature.unknown != "raise":
            continue
        required = [
            t for t in signature.parameters if not t.startswith("*") and not t.endswith("=")
        ]
        found.append((parts[1], required, api.keyword_never_accepted(path, BOGUS)))
    return found


def _call(name: str, arguments: list[str], extra: str = "") -> str:
    given = [f"{a}={FILL.get(a, '2')}" for a in arguments] + ([extra] if extra else [])
    return f"L.{name}({', '.join(given)})"


def _script(name: str, required: list[str], claimed: bool) -> tuple[str, dict[str, int]]:
    """The script and the line of each function's constructor call."""
    lines = ["import keras", "from keras import layers as L", ""]
    where = {}
    calls = {"base": _call(name, required)}
    if claimed:
        calls["unknown"] = _call(name, required, f"{BOGUS}=1")
    if required:
        calls["missing"] = _call(name, required[1:])
    for function, call in calls.items():
        lines.append(f"def {function}():")
        lines.append(f"    {call}")
        where[function] = len(lines)
        lines.append("")
    return "\n".join(lines), where


def _prove(release: str, keras2: bool) -> None:
    scripts = {name: _script(name, *rest) for name, *rest in _classes(release)}
    work = {name: {"source": s, "call": list(w)} for name, (s, w) in scripts.items()}
    results = run_scripts(work, keras2=keras2)
    proven, skipped, wrong = 0, [], []
    for name, (source, where) in scripts.items():
        outcome = results[name]
        if "<setup>" in outcome or outcome["base"] is not None:
            skipped.append(name)
            continue
        reported = {
            d.line for d in lint_source(source, "gen.py", target=release) if d.code == "SL117"
        }
        for function, line in where.items():
            should = function != "base"
            if (outcome[function] is not None) != should or (line in reported) != should:
                wrong.append((name, function, outcome[function], sorted(reported)))
            elif should:
                proven += 1
    print(f"{release}: {proven} cases proven, {len(skipped)} classes skipped: {skipped}")
    assert not wrong, wrong
    assert proven > 150


def test_keras3_constructor_arguments():
    _prove("3.15.1", keras2=False)


def test_keras2_constructor_arguments():
    _prove("2.21.0", keras2=True)
