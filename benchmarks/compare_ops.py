"""Every tensor op of seqlint's vocabulary against Keras and TensorFlow, through every spelling.

    python benchmarks/compare_ops.py                      # 100 calls per op, seed 1
    python benchmarks/compare_ops.py --ops einsum reshape # some ops; prints disagreements
    python benchmarks/compare_ops.py --write docs/ops.md

For each op (``src/seqlint/shapes/ops/``), draws ``--n`` calls (tests/catalogue/op_cases),
makes each through every spelling of the op that can express it (``keras.ops`` on Keras
tensors, Python operators, TensorFlow and ``tf_keras.backend`` on placeholders) and asks
seqlint through the same alias (tests/catalogue/ops_harness.py), and tallies how the answers
relate per spelling. ``--write`` renders the table of every op with its spellings and
agreement, and every ``keras.ops`` function left out with the reason: the page
docs/ops.md is. The CI test (tests/catalogue/test_ops_keras.py) runs 30 calls per op from
seed 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from seqlint.shapes.ops.aliases import every_spelling, resolve  # noqa: E402
from seqlint.shapes.ops.registry import OpSpec, op_specs  # noqa: E402
from tests.catalogue import harness  # noqa: E402
from tests.catalogue.op_cases import op_cases_for  # noqa: E402
from tests.catalogue.ops_harness import compare_op  # noqa: E402

SHAPES = (harness.AGREE, harness.IMPRECISE, harness.WRONG_SHAPE)
ERRORS = (harness.AGREE_ERROR, harness.MISSED_ERROR, harness.FALSE_ERROR)

# keras.ops functions seqlint does not model, by reason
LEFT_OUT = {
    "the output's shape is a Python function's (control flow and transforms)": (
        "associative_scan cond custom_gradient fori_loop jvp map scan switch vectorize "
        "vectorized_map while_loop"
    ),
    "not a tensor (a shape, a size, a dtype, a test, a NumPy array)": (
        "convert_to_numpy dtype is_tensor ndim shape size"
    ),
    "the shape depends on the values (data-dependent)": (
        "argpartition bincount histogram nonzero unique"
    ),
    "convolution and pooling ops: the layers (Conv1D, MaxPooling1D...) are modelled instead": (
        "adaptive_average_pool adaptive_max_pool average_pool conv conv_transpose "
        "depthwise_conv max_pool separable_conv depth_to_space space_to_depth unfold fold"
    ),
    "signal processing (FFT, STFT, windows)": (
        "fft fft2 ifft2 irfft rfft istft stft bartlett blackman hamming hanning kaiser"
    ),
    "linear-algebra decompositions and solvers, not used in sequence layers": (
        "cholesky cholesky_inverse det eig eigh inv logdet lstsq lu_factor matrix_rank pinv "
        "qr slogdet solve solve_triangular svd"
    ),
    "submodules (their functions are the same ops)": "image linalg nn numpy",
    "losses and metrics outside sequence layers": "ctc_decode ctc_loss psnr",
    "segment ops (the number of segments is a value)": (
        "segment_max segment_min segment_prod segment_sum"
    ),
    "dtype views and complex numbers": "polar view view_as_complex view_as_real",
    "arrays made from Python data, ranges or grids": (
        "array convert_to_tensor geomspace linspace logspace meshgrid vander"
    ),
}


def spellings(spec: OpSpec) -> list[str]:
    return [name for name in every_spelling() if resolve(name).op is spec]  # type: ignore[union-attr]


def compare(spec: OpSpec, n: int, seed: int) -> tuple[dict[str, Counter], list[str]]:
    tallies: dict[str, Counter] = {name: Counter() for name in spellings(spec)}
    failures = []
    for case in op_cases_for(spec.name, n, seed):
        for name, tally in tallies.items():
            result = compare_op(case, name)
            if result is None:
                continue
            tally[result.verdict] += 1
            if not result.agrees:
                failures.append(str(result))
    return tallies, failures


def _pct(good: int, total: int) -> str:
    return "-" if total == 0 else f"{good}/{total} ({100 * good / total:.0f}%)"


def _summary(tally: Counter) -> tuple[int, str, str]:
    compared = sum(tally[v] for v in (*SHAPES, *ERRORS, harness.UNMODELLED))
    shapes = _pct(tally[harness.AGREE], sum(tally[v] for v in SHAPES))
    errors = _pct(tally[harness.AGREE_ERROR], sum(tally[v] for v in ERRORS))
    return compared, shapes, errors


def _spelling(name: str) -> str:
    root, _, path = name.partition(".")
    prefix = {"ops": "keras.ops.", "backend": "K.", "tensorflow": "tf.", "operator": "operator."}
    return f"`{prefix[root]}{path}`"


def keras_ops_exports() -> list[str]:
    import keras

    return sorted(n for n in dir(keras.ops) if not n.startswith("_") and n[:1].islower())


def left_out(covered: set[str], exports: list[str]) -> list[str]:
    """The ``keras.ops`` functions not covered, by reason (or not modelled yet)."""
    reasons = {name: reason for reason, names in LEFT_OUT.items() for name in names.split()}
    lines = []
    for reason in LEFT_OUT:
        names = [n for n in exports if reasons.get(n) == reason and n not in covered]
        lines.append(f"- {reason}: " + ", ".join(f"`{n}`" for n in names))
    pending = [n for n in exports if n not in covered and n not in reasons]
    lines.append("- not modelled yet: " + ", ".join(f"`{n}`" for n in pending))
    return lines


def render(results: dict[str, dict[str, Counter]], n: int, seed: int) -> str:
    specs = sorted(op_specs(), key=lambda s: (s.family, s.name))
    exports = keras_ops_exports()
    covered = {name[len("ops.") :] for name in every_spelling() if name.startswith("ops.")}
    total: Counter = Counter()
    for tallies in results.values():
        for tally in tallies.values():
            total.update(tally)
    compared, shapes, errors = _summary(total)
    lines = [
        "# Tensor ops in seqlint",
        "",
        "<!-- generated by benchmarks/compare_ops.py --write docs/ops.md: do not edit -->",
        "",
        "The tensor ops seqlint knows the shapes of (`src/seqlint/shapes/ops/`, one module per",
        "family): each op under its canonical `keras.ops` name (or, where no `keras.ops`",
        "function has its semantics, the name of its spelling: `backend_dot` is `K.dot`), with",
        "every spelling that reaches it: `keras.ops`, Python's operators on Keras tensors",
        "(`x @ w` is `operator.matmul`), TensorFlow (`tf`, `tf.math`, `tf.nn`, `tf.linalg`) and",
        "Keras 2's backend (`K`, `tf_keras.backend`).",
        "",
        f"Each op was compared on {n} generated calls (seed {seed}; `tests/catalogue/op_cases/`),",
        "each made through every spelling that can express it: the real function on symbolic",
        "tensors (`keras.ops` on `KerasTensor`s, TensorFlow and `K` on graph placeholders) and",
        "seqlint through the same spelling. *Shapes*: calls the function accepts whose output",
        "shapes seqlint gives exactly (a size the framework leaves undefined must be undefined",
        "in seqlint too). *Errors*: calls the function refuses that seqlint reports, counting",
        "as refused a call whose static shapes pass but which fails whenever it runs (every",
        "undefined size filled with 1, 3 and 5: `keras.ops.einsum`'s static shapes do not",
        "compare a shared letter's sizes). Calls refused before any shape is looked at (a",
        "wrong argument type) are not counted. CI runs 30 calls per op",
        "(`tests/catalogue/test_ops_keras.py`).",
        "",
        f"Ops: {len(specs)}; spellings: {len(every_spelling())}. "
        f"Over all {compared} compared calls: "
        f"shapes {shapes}, errors {errors}; {total[harness.FALSE_ERROR]} false errors, "
        f"{total[harness.MISSED_ERROR]} missed errors.",
        "",
        "| op | family | spellings | calls | shapes | errors |",
        "|---|---|---|---|---|---|",
    ]
    for spec in specs:
        tallies = results.get(spec.name, {})
        merged: Counter = Counter()
        for tally in tallies.values():
            merged.update(tally)
        names = ", ".join(_spelling(name) for name in spellings(spec))
        if not tallies:
            lines.append(f"| `{spec.name}` | {spec.family} | {names} | not compared | | |")
            continue
        calls, op_shapes, op_errors = _summary(merged)
        lines.append(
            f"| `{spec.name}` | {spec.family} | {names} | {calls} | {op_shapes} | {op_errors} |"
        )
    lines += [
        "",
        "## `keras.ops` functions left out",
        "",
        f"`keras.ops` exports {len(exports)} functions; seqlint models {len(covered)}. The",
        "others, by reason:",
        "",
        *left_out(covered, exports),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="calls per op")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ops", nargs="*", help="only these ops")
    parser.add_argument("--write", type=Path, help="write the docs/ops.md table here")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    specs = [s for s in op_specs() if not args.ops or s.name in args.ops]
    results: dict[str, dict[str, Counter]] = {}
    started = time.perf_counter()
    total: Counter = Counter()
    for spec in specs:
        tallies, failures = compare(spec, args.n, args.seed)
        results[spec.name] = tallies
        for name, tally in tallies.items():
            total.update(tally)
            agreeing = tally[harness.AGREE] + tally[harness.AGREE_ERROR]
            compared = _summary(tally)[0]
            print(f"{spec.name:22} {name:38} {agreeing:4}/{compared:<4} agree  {dict(tally)}")
        for failure in failures[:5]:
            print(f"    {failure}")
    compared, shapes, errors = _summary(total)
    print(
        f"{len(specs)} ops, {sum(len(t) for t in results.values())} spellings, {compared} "
        f"calls compared: shapes {shapes}, errors {errors}; {dict(total)}; "
        f"{time.perf_counter() - started:.0f} s"
    )
    if args.write:
        args.write.write_text(render(results, args.n, args.seed), encoding="utf-8")
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
