"""How Keras 3 calls each layer class, against seqlint's SL116 on the same source.

``src/seqlint/data/layer_calls.json`` (the parameters of every ``keras.layers`` class's
``call()``, and whether it takes data positionally) must be what the installed Keras says.
Then, for every modelled class with generated cases, one configuration Keras builds is called
in six ways (the inputs by their parameters' names, the first as ``inputs=``, with an unknown
keyword, with ``training=False``, with an extra None and an extra int by position): seqlint
reports SL116 exactly where Keras raises. Not called: the cells (they need states), Lambda
(its function is no literal) and Pipeline (no generated configuration builds alone).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from seqlint.analysis import lint_source
from seqlint.shapes.catalogue import call_spec, spec
from tests.catalogue.cases import cases_for, generated_kinds
from tests.catalogue.harness import Case, Nest, keras_outcome

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SEED = 0
TRIES = 12  # generated configurations tried per class for one that Keras builds
# How each variant calls the layer, given the sources of its tensor arguments and the names
# of call()'s parameters.
VARIANTS = {
    "by name": lambda xs, names: ", ".join(f"{n}={x}" for n, x in zip(names, xs, strict=False)),
    "as inputs=": lambda xs, names: ", ".join(
        f"{n}={x}" for n, x in zip(["inputs", *names[1:]], xs, strict=False)
    ),
    "unknown keyword": lambda xs, names: f"{', '.join(xs)}, bogus=1",
    "training=False": lambda xs, names: f"{', '.join(xs)}, training=False",
    "extra None": lambda xs, names: f"{', '.join(xs)}, None",
    "extra int": lambda xs, names: f"{', '.join(xs)}, 1",
}


def test_the_table_is_the_installed_keras_s():
    from tools.layer_calls import TABLE, generate

    assert TABLE.read_text() == generate(), "run python -m tools.layer_calls"


def _literal(value: Any) -> str:
    if isinstance(value, Nest):
        arguments = ", ".join(f"{k}={_literal(v)}" for k, v in value.config.items())
        return f"keras.layers.{value.kind}({arguments})"
    if isinstance(value, list):
        return "[" + ", ".join(map(_literal, value)) + "]"
    if isinstance(value, tuple):
        return "(" + "".join(f"{_literal(v)}, " for v in value) + ")"
    return repr(value)


def _written(value: Any) -> bool:
    """Whether ``value`` can be written as a literal (a Lambda's function cannot)."""
    if isinstance(value, Nest):
        return _written(value.config)
    if isinstance(value, dict):
        return all(map(_written, value.values()))
    if isinstance(value, (list, tuple)):
        return all(map(_written, value))
    return value is None or isinstance(value, (bool, int, float, str))


def _built(kind: str) -> Case | None:
    """A generated configuration of ``kind`` Keras builds, called on tensors alone (no
    states, no call options)."""
    for case in cases_for(kind, TRIES, SEED):
        if case.states or case.call or case.runtime:
            continue
        if _written(case.config) and not keras_outcome(case).error:
            return case
    return None


def _source(case: Case, variant: str, names: list[str]) -> str:
    dtypes = case.dtypes or ("float32",) * len(case.inputs)
    lines = ["import keras"]
    for i, (shape, dtype) in enumerate(zip(case.inputs, dtypes, strict=True)):
        batch_shape = _literal((case.batch, *shape))
        lines.append(f"x{i} = keras.Input(batch_shape={batch_shape}, dtype={dtype!r})")
    xs = [f"x{i}" for i in range(len(case.inputs))]
    if case.as_list:
        xs = [f"[{', '.join(xs)}]"]
    lines.append(f"layer = {_literal(Nest(case.kind, case.config))}")
    lines.append(f"out = layer({VARIANTS[variant](xs, names)})")
    return "\n".join(lines) + "\n"


def _keras_raises(source: str) -> bool:
    try:
        exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})
    except Exception:  # noqa: BLE001  (any refusal counts)
        return True
    return False


def _kinds() -> list[str]:
    return sorted(
        k
        for k in generated_kinds()
        if spec(k) is not None and call_spec(k) is not None and call_spec(k).parameters
    )


@pytest.mark.parametrize("kind", _kinds())
def test_sl116_where_keras_refuses_the_call(kind):
    import keras

    case = _built(kind)
    if case is None:
        pytest.skip(f"no generated configuration of {kind} that Keras builds alone")
    names = [p.rstrip("=") for p in call_spec(kind).parameters.split()]
    wrong = []
    for variant in VARIANTS:
        source = _source(case, variant, names)
        reported = any(d.code == "SL116" for d in lint_source(source, "<case>", target="3"))
        raises = _keras_raises(source)
        if reported != raises:
            wrong.append(f"{variant}: seqlint {reported}, Keras raises {raises}\n{source}")
    keras.backend.clear_session()
    assert not wrong, "\n".join(wrong)
