"""Generated data-preparation programs (numpy, tf.data, generators, scikit-learn), each
ending in ``result = ...``: seqlint's value of ``result`` is compared with what the real
libraries compute (``test_generated_keras.py``).  A fixed seed makes them the same each run.
"""

from __future__ import annotations

import random

HEADER = """\
import io

import numpy as np
import pandas as pd
import tensorflow as tf
import keras
from sklearn.preprocessing import (
    LabelEncoder,
    MaxAbsScaler,
    MinMaxScaler,
    RobustScaler,
    StandardScaler,
)
"""


def _numpy(rng: random.Random) -> str:
    n, f = rng.choice([24, 30, 36]), rng.randint(1, 4)
    steps = rng.choice([2, 3, 6])
    ops = [
        "np.cumsum(base, axis=0)",
        "np.cumsum(base)",
        f"np.diff(base, n={rng.randint(1, 3)}, axis=0)",
        "np.diff(base[:, 0])",
        "np.log(base + 1.0)",
        "np.hstack([base, base[:, :1]])",
        "np.hstack([base[:, 0], base[:, 0]])",
        "np.vstack([base, base])",
        "np.vstack([base[:, 0], base[:, 0]])",
        "np.column_stack([base[:, 0], base[:, 0] * 2])",
        "np.concatenate([base, np.log(base + 1)], axis=1)",
        "np.expand_dims(base, -1)",
        f"base.reshape(-1, {steps}, {f})",
        f"np.array([base[i:i + {steps}] for i in range(len(base) - {steps})])",
        "np.unique([3, 1, 3, 2, 1])",
    ]
    return f"base = np.random.rand({n}, {f})\nresult = {rng.choice(ops)}"


def _dataset(rng: random.Random) -> str:
    n, t, f = rng.choice([20, 24]), rng.choice([5, 6]), rng.randint(1, 3)
    source = rng.choice(
        [
            "(X, y)",
            "X",
            '{"a": X, "b": y}',
        ]
    )
    lines = [
        f"X = np.random.rand({n}, {t}, {f}).astype('float32')",
        f"y = np.random.randint(0, 4, size=({n},))",
        f"ds = tf.data.Dataset.from_tensor_slices({source})",
    ]
    if source.startswith("{"):
        lines.append('ds = ds.map(lambda d: (d["a"], d["b"]))')
        source = "(X, y)"
    batched = False
    for _ in range(rng.randint(1, 4)):
        choices = ["shuffle(8)", "repeat(2)", "take(10)", "skip(1)", "prefetch(1)", "cache()"]
        choices += [f"batch({rng.randint(2, 5)}, drop_remainder={rng.choice([True, False])})"]
        if source == "(X, y)" and not batched:
            choices += [
                "map(lambda a, b: (a[:-1], tf.one_hot(b, 4)))",
                "map(lambda a, b: (tf.expand_dims(a, -1), b))",
            ]
        if source == "X" and not batched:
            choices += ["map(lambda a: (a[:-1], a[-1]))"]
        if batched:
            choices += ["unbatch()", "rebatch(2, drop_remainder=True)"]
        choices += ["concatenate(ds)"]
        step = rng.choice(choices)
        if step.startswith("map("):
            source = "mapped"  # one map of the pair only: its targets may be floats now
        if step.startswith(("batch", "rebatch")):
            batched = True
        if step.startswith("unbatch"):
            batched = False
        lines.append(f"ds = ds.{step}")
    lines.append("result = ds.element_spec")
    return "\n".join(lines)


def _windows(rng: random.Random) -> str:
    size = rng.randint(3, 6)
    drop = rng.choice(["True", "False"])
    return "\n".join(
        [
            f"series = np.random.rand(40, {rng.randint(1, 3)})",
            "ds = tf.data.Dataset.from_tensor_slices(series)",
            f"ds = ds.window({size}, shift=1, drop_remainder=True)",
            f"ds = ds.flat_map(lambda w: w.batch({size}, drop_remainder={drop}))",
            "ds = ds.map(lambda w: (w[:-1], w[-1:, 0])).batch(4)",
            "result = ds.element_spec",
        ]
    )


def _generator(rng: random.Random) -> str:
    b = rng.randint(2, 8)
    return "\n".join(
        [
            f"X = np.random.rand(50, {rng.randint(2, 6)}, 2)",
            "Y = np.random.rand(50, 1)",
            "def batches(size):",
            "    while True:",
            "        idx = np.random.randint(0, len(X), size)",
            "        yield X[idx], Y[idx]",
            f"result = batches({b})",
        ]
    )


def _labels(rng: random.Random) -> str:
    labels = [rng.choice("abcdefg") for _ in range(rng.randint(4, 12))]
    expression = rng.choice(
        [
            "len(encoder.classes_)",
            "keras.utils.to_categorical(codes)",
            "np.max(codes) + 1",
            "len(set(labels))",
            "len({c: i for i, c in enumerate(sorted(set(labels)))})",
            "np.unique(labels)",
        ]
    )
    return "\n".join(
        [
            f"labels = {labels!r}",
            "encoder = LabelEncoder()",
            "codes = encoder.fit_transform(labels)",
            f"result = {expression}",
        ]
    )


def _scaler(rng: random.Random) -> str:
    f = rng.randint(1, 4)
    scaler = rng.choice(["MinMaxScaler()", "StandardScaler()", "RobustScaler()", "MaxAbsScaler()"])
    fit = rng.choice(["scaler.fit(data)", "scaler.fit_transform(data)", "scaler.partial_fit(data)"])
    expression = rng.choice(
        [
            "scaler.fit_transform(data)",
            "scaler.transform(data[:5])",
            "scaler.inverse_transform(data)",
            "scaler.n_features_in_",
            "scaler.fit(data[:, :1]).n_features_in_",
        ]
    )
    lines = [f"data = np.random.rand(30, {f})", f"scaler = {scaler}", fit]
    return "\n".join([*lines, f"result = {expression}"])


def _predict(rng: random.Random) -> str:
    """A small model and what ``predict`` returns for it."""
    n, t, f, units = rng.choice([5, 7]), rng.choice([4, 6]), rng.randint(1, 3), rng.randint(1, 4)
    sequences = rng.choice(["True", "False"])
    lines = [f"X = np.random.rand({n}, {t}, {f})"]
    if rng.random() < 0.5:
        lines.append(
            "model = keras.Sequential([\n"
            f"    keras.Input(shape=({t}, {f})),\n"
            f"    keras.layers.LSTM(3, return_sequences={sequences}),\n"
            f"    keras.layers.Dense({units}),\n"
            "])"
        )
    else:
        lines += [
            f"inputs = keras.Input(shape=({t}, {f}))",
            f"hidden = keras.layers.GRU(3, return_sequences={sequences})(inputs)",
            f"first = keras.layers.Dense({units})(hidden)",
            "second = keras.layers.Dense(2)(hidden)",
            f"model = keras.Model(inputs, {rng.choice(['first', '[first, second]'])})",
        ]
    data = rng.choice(["X", "X[:3]", f"X.reshape(-1, {t}, {f})"])
    return "\n".join([*lines, f"result = model.predict({data}, verbose=0)"])


def _pandas(rng: random.Random) -> str:
    """A frame read or built, columns selected, an array taken."""
    names = ["a", "b", "c", "d", "e"][: rng.randint(2, 5)]
    rows = rng.randint(4, 9)
    made = rng.choice(["dict", "array", "csv"])
    if made == "dict":
        body = ", ".join(f'"{n}": np.random.rand({rows})' for n in names)
        lines = [f"df = pd.DataFrame({{{body}}})"]
    elif made == "array":
        lines = [f"df = pd.DataFrame(np.random.rand({rows}, {len(names)}), columns={names!r})"]
    else:
        text = (
            ",".join(names)
            + "\\n"
            + "\\n".join(",".join(["1"] * len(names)) * 1 for _ in range(rows))
        )
        lines = [f'df = pd.read_csv(io.StringIO("{text}"))']
    picked = rng.sample(names, rng.randint(1, len(names)))
    selection = rng.choice(
        [
            f"df[{picked!r}].values",
            f"df[{picked!r}].to_numpy()",
            f"df[{picked[0]!r}].values",
            "df.iloc[:, 1:].values",
            "df.iloc[:, 0].values",
            f"df.iloc[:3, :{rng.randint(1, 4)}].to_numpy()",
            f"df.drop(columns={picked[:1]!r}).values",
            f"df.drop({picked[:1]!r}, axis=1).values",
            "df.dropna().values",
            "df.shape",
            "len(df.columns)",
            f"MinMaxScaler().fit_transform(df[{picked!r}])",
            f"StandardScaler().fit(df[{picked!r}]).n_features_in_",
        ]
    )
    return "\n".join([*lines, f"result = {selection}"])


_MAKERS = (_numpy, _dataset, _windows, _generator, _labels, _scaler, _predict, _pandas)


def _nested_lists(rng: random.Random) -> str:
    """``np.array`` of a list of rows, each row a list of arrays (frames, windows, feature
    vectors), made by loops that append, list literals or comprehensions."""
    n, f, steps, k = rng.choice([20, 24]), rng.randint(1, 4), rng.randint(2, 5), rng.randint(1, 4)
    row = rng.choice(
        [
            f"[base[i + j] for j in range({steps})]",
            f"[base[i + j:i + j + 1] for j in range({steps})]",
            f"[np.random.rand(1, {f}) for _ in range({steps})]",
            f"[np.zeros(({f},)) for _ in range({steps})]",
        ]
    )
    made = rng.choice(["loop", "literal", "comprehension", "unknown count"])
    lines = [f"base = np.random.rand({n}, {f})"]
    if made == "literal":
        rows = ", ".join(row.replace("i + ", f"{i} + ") for i in range(k))
        return "\n".join([*lines, f"result = np.array([{rows}])"])
    if made == "comprehension":
        return "\n".join([*lines, f"result = np.array([{row} for i in range({k})])"])
    count = f"{k}" if made == "loop" else f"len(base) - {steps}"
    lines += ["rows = []", f"for i in range({count}):", f"    rows.append({row})"]
    return "\n".join([*lines, "result = np.array(rows)"])


def nested_lists(count: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    return [_nested_lists(rng) for _ in range(count)]


def programs(count: int, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(_MAKERS)(rng) for _ in range(count)]


def _python_lists(rng: random.Random) -> tuple[str, str]:
    """Python lists of numbers built from arrays (``.tolist()`` of a row, of a slice, of a
    stacked row, or rows left as arrays), one row per step of a ``for i in range(n)`` loop
    (unrolled, or too long for that), per row of ``for day in base``, in a comprehension, or
    the whole array's ``.tolist()``: the list, and ``np.array``/``np.asarray`` of it."""
    n = rng.choice([3, 8, 20, 24])
    steps, f = rng.randint(2, 6), rng.randint(2, 3)
    row = rng.choice(
        [
            "{r}.tolist()",
            f"{{r}}[:{steps}].tolist()",
            "np.column_stack(({r}[:, 0], {r}[:, 1])).tolist()",
            "{r}",
        ]
    )
    made = rng.choice(["range loop", "array loop", "comprehension", "whole"])
    lines = [f"base = np.random.rand({n}, {steps + 2}, {f})"]
    if made == "whole":
        lines.append("rows = base.tolist()")
    elif made == "comprehension":
        lines.append(f"rows = [{row.format(r='base[i]')} for i in range({n})]")
    else:
        loop = f"for i in range({n}):" if made == "range loop" else "for day in base:"
        item = "base[i]" if made == "range loop" else "day"
        lines += ["rows = []", loop, f"    rows.append({row.format(r=item)})"]
    convert = rng.choice(["np.array", "np.asarray"])
    return "\n".join(lines), f"{convert}(rows)"


def python_lists(count: int, seed: int = 16) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [_python_lists(rng) for _ in range(count)]
