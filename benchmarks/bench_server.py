"""Latency and memory of ``seqlint server`` on a 300-line training script, against the same
analysis from the command line, in one run.

Prints numbers; asserts nothing. Run: ``python benchmarks/bench_server.py [--edits 1000]``
(needs the server extra and pytest-lsp, the LSP client used here).

* start-up: from launching the server to the first diagnostics of the opened file;
* latency: from sending a change (the whole new text, as a client with full sync does) to
  receiving the diagnostics of that version, for each edit (the debounce included);
* command line: ``seqlint check --no-cache`` of the same file, a fresh process each time (what
  a save hook pays), and the in-process analysis alone (``engine.check_text``);
* memory: the server's resident set size after start-up and every 100 edits.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEADER = '''\
"""A per-step tagger, with the data preparation and reporting around it."""

import json
import os

import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

VOCAB, MAX_LEN, TAGS, UNITS = 20000, 60, 17, 64
'''

HELPER = '''

def report_{n}(history, path="report_{n}.json"):
    """Summarise one training run ({n})."""
    best = min(history["val_loss"])
    epochs = len(history["loss"])
    summary = {{"best": best, "epochs": epochs, "run": {n}}}
    with open(path, "w") as fh:
        json.dump(summary, fh)
    return summary
'''

MODEL = """

def build(units=UNITS):
    inputs = keras.Input(shape=(MAX_LEN,))
    x = layers.Embedding(VOCAB, 128, mask_zero=True)(inputs)
    x = layers.Bidirectional(layers.LSTM(units, return_sequences=True))(x)
    x = layers.LSTM(units)(x)
    outputs = layers.TimeDistributed(layers.Dense(TAGS, activation="softmax"))(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    return model


X = np.zeros((256, MAX_LEN), dtype="int32")
y = np.zeros((256, MAX_LEN), dtype="int32")
model = build()
model.fit(X, y, epochs=1, batch_size=32)
"""


def script(lines: int = 300) -> str:
    """A training script of about ``lines`` lines with one shape bug (SL103)."""
    text, n = HEADER + MODEL, 0
    while text.count("\n") + HELPER.count("\n") <= lines:
        text = text.replace(MODEL, HELPER.format(n=n) + MODEL)
        n += 1
    return text


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def serve(path: Path, text: str, edits: int) -> dict[str, object]:
    from lsprotocol import types
    from pytest_lsp import client_capabilities
    from pytest_lsp.client import make_test_lsp_client

    client = make_test_lsp_client()
    arrived: dict[int | None, float] = {}

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def _register(params: types.RegistrationParams) -> None:
        return None

    client.protocol.fm._features.pop(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: types.PublishDiagnosticsParams) -> None:
        arrived[params.version] = time.perf_counter()

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "seqlint", "server", env=env)
    pid = client._server.pid
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=path.parent.as_uri()
        )
    )
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, text))
    )

    async def wait(version: int) -> float:
        while version not in arrived:
            await asyncio.sleep(0.001)
        return arrived[version]

    startup = await wait(1) - started
    memory = [(0, rss_mb(pid))]
    latencies = []
    for edit in range(1, edits + 1):
        version = edit + 1
        changed = text.replace('"run": 0', f'"run": {edit}')  # one line typed on
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(changed)],
            )
        )
        latencies.append(await wait(version) - sent)
        if edit % 100 == 0:
            memory.append((edit, rss_mb(pid)))
    await client.shutdown_session()
    return {"startup": startup, "latencies": latencies, "memory": memory}


def command_line(path: Path, runs: int) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "seqlint", "check", "--no-cache", str(path)],
            env=env,
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - start)
    return times


def in_process(path: Path, text: str, runs: int) -> list[float]:
    sys.path.insert(0, str(ROOT / "src"))
    from seqlint.engine import check_text
    from seqlint.sources import Source

    check_text(Source(str(path), text))  # imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_text(Source(str(path), text))
        times.append(time.perf_counter() - start)
    return times


def ms(values: list[float], q: float) -> str:
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--cli-runs", type=int, default=5)
    options = parser.parse_args()
    text = script()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tagger.py"
        path.write_text(text)
        print(f"file: {text.count(chr(10))} lines, {len(text.encode()) / 1024:.1f} KB")
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        served = asyncio.run(serve(path, text, options.edits))
        latencies = served["latencies"]
        print(f"server start-up to first diagnostics: {served['startup'] * 1000:.0f} ms")
        print(
            f"server, change -> diagnostics over {len(latencies)} edits: "
            f"median {ms(latencies, 0.5)}, p90 {ms(latencies, 0.9)}, "
            f"p99 {ms(latencies, 0.99)}, max {ms(latencies, 1.0)}, "
            f"under 100 ms: {sum(t < 0.1 for t in latencies) / len(latencies):.0%}"
        )
        cli = command_line(path, options.cli_runs)
        print(f"seqlint check --no-cache (fresh process): median {ms(cli, 0.5)}")
        analysis = in_process(path, text, 20)
        print(f"the analysis alone (engine.check_text, in process): median {ms(analysis, 0.5)}")
        print(
            "server memory (RSS): "
            + ", ".join(f"{count} edits {mb:.0f} MB" for count, mb in served["memory"])
        )


if __name__ == "__main__":
    main()
