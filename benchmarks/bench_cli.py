"""Cold-start wall time of ``seqlint check`` on one realistic training script.

Prints numbers; asserts nothing. Run: ``python benchmarks/bench_cli.py [--runs N]``.

Measures, each as a fresh subprocess (what a pre-commit hook or an editor pays):
  * ``python -c pass`` and ``python -c "import libcst"``: the floor and the parser's import,
  * ``python -c "import seqlint.cli"``: the command line itself,
  * ``seqlint check`` on a file without model code (the pre-filter: no parse, no libcst),
  * ``seqlint check`` on a ~100-line Keras LSTM training script (the full pipeline),
then where the time goes for the full check, from ``python -X importtime`` and an in-process
split into decode / import pipeline / lint.

Bytecode is cached (in a temporary ``PYTHONPYCACHEPREFIX``, even when the environment sets
``PYTHONDONTWRITEBYTECODE``), as in an installed package: compiling seqlint's sources at each
start would otherwise be a third of the figure. ``--against SRC`` first times the one-file
check with another checkout's ``src`` and with this one (before and after a change), in turns
in the same run, in wall and CPU time, and the CPU time of the pipeline alone in process
(importing the analysis and linting the script: no interpreter start, no command line).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAINING_SCRIPT = '''\
"""Train a two-layer LSTM tagger on padded token sequences."""

import os
import json

import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.callbacks import EarlyStopping, ModelCheckpoint

SEED = 42
VOCAB_SIZE = 20000
EMBED_DIM = 128
MAX_LEN = 60
NUM_TAGS = 17
LSTM_UNITS = 64
DROPOUT = 0.3
BATCH_SIZE = 32
EPOCHS = 10
CHECKPOINT_DIR = os.path.join("checkpoints", "tagger")

np.random.seed(SEED)
tf.random.set_seed(SEED)


def load_corpus(n_sentences=2000):
    """Random stand-in for a tokenised, padded corpus."""
    lengths = np.random.randint(5, MAX_LEN, size=n_sentences)
    tokens = np.zeros((n_sentences, MAX_LEN), dtype="int32")
    tags = np.zeros((n_sentences, MAX_LEN), dtype="int32")
    for i, length in enumerate(lengths):
        tokens[i, :length] = np.random.randint(1, VOCAB_SIZE, size=length)
        tags[i, :length] = np.random.randint(1, NUM_TAGS, size=length)
    return tokens, tags


def split(x, y, fraction=0.1):
    cut = int(len(x) * (1 - fraction))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])


def build_model():
    inputs = keras.Input(shape=(MAX_LEN,), dtype="int32", name="tokens")
    x = layers.Embedding(VOCAB_SIZE, EMBED_DIM, mask_zero=True, name="embed")(inputs)
    x = layers.SpatialDropout1D(DROPOUT)(x)
    x = layers.Bidirectional(
        layers.LSTM(LSTM_UNITS, return_sequences=True, dropout=DROPOUT), name="bilstm_1"
    )(x)
    x = layers.LayerNormalization()(x)
    x = layers.LSTM(LSTM_UNITS, return_sequences=True, name="lstm_2")(x)
    x = layers.Dropout(DROPOUT)(x)
    x = layers.TimeDistributed(layers.Dense(64, activation="relu"), name="proj")(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(NUM_TAGS, activation="softmax", name="tags")(x)
    model = keras.Model(inputs, outputs, name="lstm_tagger")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def callbacks():
    os.makedirs(CHECKPOINT_DIR, exist_ok=True)
    return [
        EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True),
        ModelCheckpoint(os.path.join(CHECKPOINT_DIR, "best.keras"), save_best_only=True),
    ]


def main():
    tokens, tags = load_corpus()
    (x_train, y_train), (x_val, y_val) = split(tokens, tags)
    print("train:", x_train.shape, y_train.shape, "val:", x_val.shape, y_val.shape)

    model = build_model()
    model.summary()
    history = model.fit(
        x_train,
        y_train,
        validation_data=(x_val, y_val),
        batch_size=BATCH_SIZE,
        epochs=EPOCHS,
        callbacks=callbacks(),
    )
    with open(os.path.join(CHECKPOINT_DIR, "history.json"), "w") as fh:
        json.dump({k: [float(v) for v in vs] for k, vs in history.history.items()}, fh)

    loss, accuracy = model.evaluate(x_val, y_val, verbose=0)
    print(f"val loss {loss:.4f}  val accuracy {accuracy:.4f}")
    predictions = model.predict(x_val[:4])
    print("predicted tags:", predictions.argmax(axis=-1)[:, :10])


if __name__ == "__main__":
    main()
'''

PLAIN_SCRIPT = '''\
"""Data utilities with no model code."""

import csv
import numpy as np


def load(path):
    with open(path) as fh:
        return np.array([[float(v) for v in row] for row in csv.reader(fh)])


def normalise(x):
    return (x - x.mean(axis=0)) / (x.std(axis=0) + 1e-8)
'''


def bytecode_env(env: dict[str, str], cache: str) -> dict[str, str]:
    """``env`` with compiled bytecode written to and read from ``cache``."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def load_average() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as handle:
            return " ".join(handle.read().split()[:3])
    except OSError:
        return "unknown"


def timed(cmd: list[str], runs: int, env: dict[str, str]) -> list[float]:
    subprocess.run(cmd, capture_output=True, env=env, check=False)  # warm the OS file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    if proc.returncode not in (0, 1):
        print(f"    (exit {proc.returncode}: {proc.stderr.decode(errors='replace').strip()[:200]})")
    return times


def show(label: str, times: list[float]) -> None:
    print(
        f"  {label:<44} min {min(times) * 1000:6.0f} ms   median "
        f"{statistics.median(times) * 1000:6.0f} ms   max {max(times) * 1000:6.0f} ms"
    )


def import_breakdown(cmd: list[str], env: dict[str, str], top: int = 12) -> None:
    """Top-level imports of one cold run by cumulative time, from ``-X importtime``."""
    proc = subprocess.run(
        [cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True, text=True, env=env
    )
    rows = []
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match.group(3)) == 1:  # top level: one space of indent
            rows.append((int(match.group(2)), match.group(4)))
    total = sum(us for us, _ in rows)
    print(f"  top-level imports, cumulative (sum {total / 1000:.0f} ms):")
    for us, name in sorted(rows, reverse=True)[:top]:
        print(f"    {us / 1000:7.1f} ms  {name}")


def in_process_split(path: Path, env: dict[str, str]) -> None:
    code = f"""
import time
t0 = time.perf_counter()
from seqlint.sources import read_source
source = read_source({str(path)!r}).text
t1 = time.perf_counter()
try:
    from seqlint.engine import load_analysis
    lint_file, _ = load_analysis()
except Exception as exc:
    print(f"    pipeline not importable yet: {{type(exc).__name__}}: {{exc}}")
    raise SystemExit(0)
t2 = time.perf_counter()
diagnostics = lint_file(source, {str(path)!r}).diagnostics
t3 = time.perf_counter()
diagnostics = lint_file(source, {str(path)!r}).diagnostics
t4 = time.perf_counter()
print(f"    read+decode {{(t1 - t0) * 1000:6.1f}} ms")
print(f"    import pipeline (libcst, frontend, shapes, rules) {{(t2 - t1) * 1000:6.1f}} ms")
print(f"    lint_file, first call {{(t3 - t2) * 1000:6.1f}} ms; second call "
      f"{{(t4 - t3) * 1000:6.1f}} ms; {{len(diagnostics)}} diagnostics")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    print("  in-process split of the full check:")
    print(proc.stdout.rstrip() or f"    failed: {proc.stderr.strip()[-300:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--against", metavar="SRC", help="also time the one-file check with another src/"
    )
    args = parser.parse_args()
    py = sys.executable

    with tempfile.TemporaryDirectory() as tmp:
        env = bytecode_env(dict(os.environ, NO_COLOR="1"), str(Path(tmp, "pycache")))
        src = str(Path(__file__).resolve().parents[1] / "src")  # this checkout, not an install
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
        model = Path(tmp, "train_tagger.py")
        model.write_text(TRAINING_SCRIPT, encoding="utf-8")
        plain = Path(tmp, "data_utils.py")
        plain.write_text(PLAIN_SCRIPT, encoding="utf-8")
        print(
            f"seqlint cold start, {args.runs} runs each, python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs; model script {len(TRAINING_SCRIPT.splitlines())} lines; "
            f"load average {load_average()}"
        )
        if args.against:
            against(model, Path(args.against), Path(src), env, args.runs)
        show("python -c pass", timed([py, "-c", "pass"], args.runs, env))
        show("python -c 'import libcst'", timed([py, "-c", "import libcst"], args.runs, env))
        show(
            "python -c 'import seqlint.cli'",
            timed([py, "-c", "import seqlint.cli"], args.runs, env),
        )
        show(
            "seqlint check <no model> (pre-filter)",
            timed([py, "-m", "seqlint", "check", "--no-cache", str(plain)], args.runs, env),
        )
        full = [py, "-m", "seqlint", "check", "--no-cache", str(model)]
        show("seqlint check <training script>", timed(full, args.runs, env))
        show(
            "seqlint check --format json <training script>",
            timed([*full[:5], "--format", "json", str(model)], args.runs, env),
        )
        script = shutil.which("seqlint")
        if script:
            show(
                "console script: seqlint check <training>",
                timed([script, "check", "--no-cache", str(model)], args.runs, env),
            )
        print()
        import_breakdown(full, env)
        in_process_split(model, env)
        print(f"  load average at the end: {load_average()}")


def against(model: Path, other: Path, this: Path, env: dict[str, str], runs: int) -> None:
    """The one-file check with ``other`` and this checkout, in turns (both meet the same
    load), against ``import libcst`` measured in the same turns."""
    cmd = [sys.executable, "-m", "seqlint", "check", "--no-cache", str(model)]
    envs = {"other": dict(env, PYTHONPATH=str(other)), "this": dict(env, PYTHONPATH=str(this))}
    for run_env in envs.values():  # warm the OS file cache and write the bytecode
        subprocess.run(cmd, capture_output=True, env=run_env, check=False)
    wall: dict[str, list[float]] = {"libcst": [], "other": [], "this": []}
    cpu: dict[str, list[float]] = {"libcst": [], "other": [], "this": []}

    def once(name: str, command: list[str], run_env: dict[str, str]) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=run_env, check=False)
        wall[name].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    pipeline: dict[str, list[float]] = {"other": [], "this": []}
    for _ in range(runs):
        once("libcst", [sys.executable, "-c", "import libcst"], env)
        for name, run_env in envs.items():
            once(name, cmd, run_env)
            pipeline[name].append(_pipeline_cpu(model, run_env))
    print(f"  in turns, {runs} runs each (CPU: user + system time of the process)")
    ratio = statistics.median(pipeline["this"]) / statistics.median(pipeline["other"])
    print(
        "  the pipeline alone, in process (import libcst, frontend, shapes, rules; lint the "
        f"script), CPU medians: other {statistics.median(pipeline['other']) * 1000:.0f} ms, "
        f"this {statistics.median(pipeline['this']) * 1000:.0f} ms ({ratio:.3f})"
    )
    labels = {"libcst": "python -c 'import libcst'", "other": f"other: {other}", "this": "this"}
    for name, label in labels.items():
        show(f"{label}"[:44], wall[name])
        show("  CPU", cpu[name])
        if name != "libcst":
            print(
                f"  {'':<44} / import libcst, medians: wall "
                f"{statistics.median(wall[name]) / statistics.median(wall['libcst']):.2f}x, "
                f"CPU {statistics.median(cpu[name]) / statistics.median(cpu['libcst']):.2f}x"
            )
    print()


def _pipeline_cpu(model: Path, env: dict[str, str]) -> float:
    """CPU seconds one process spends importing the analysis and linting ``model`` (no
    interpreter start-up, no command line)."""
    code = (
        "import time\nt = time.process_time()\nfrom seqlint.analysis import lint_file\n"
        f"lint_file(open({str(model)!r}).read(), {str(model)!r})\n"
        "print(time.process_time() - t)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return float(proc.stdout) if proc.returncode == 0 else float("nan")


if __name__ == "__main__":
    main()
