"""Run generated scripts in real Keras and record what happened: the oracle's verdicts.

Two arms: Keras 3 (the installed ``keras``) and Keras 2 (tf-keras run with
``TF_USE_LEGACY_KERAS=1``, the name ``keras`` resolved to ``tf_keras`` as in
``tests/keras/keras2.py``); ``keras="2"`` picks the second.

A verdict says whether the script ran (``status="ok"``) or raised (``status="error"``, with
the exception class, its message and the script line of the innermost traceback frame that
lies in the script), and, for every ``fit`` that ran, the shapes of the targets and of the
model's output and whether the loss broadcast one against the other (a silent bug).  For a
script that ran, ``declared`` lists the custom layers (classes of the script) whose
``compute_output_shape`` Keras built the model on while their ``call`` returns another shape
(another silent bug, SL113's).  A script that defines ``silent_check()`` (a reproduced silent
bug, tests/corpus/repros) has it called after it ran: ``silent`` is what it returned (None when
not a bool).

Importing TensorFlow costs seconds, so scripts run in a few long-lived worker processes
(``python -m tests.oracle.keras_runner --worker``), one script at a time each, with a fresh
``__main__`` namespace and ``keras.backend.clear_session()`` between scripts.  A watchdog
kills a worker whose script runs past the timeout and starts a new one.  Verdicts are cached
on disk by the hash of the script text (and the Keras version: each arm has its own
verdicts), so reruns are cheap.

A job whose path is a directory is a project: its ``train.py`` runs as ``python train.py``
would run it there, with the directory first on ``sys.path``, and its verdict is cached by the
text of every Python file of the directory.  The modules it imports from there are forgotten
before and after the run, so a project never sees another's ``model.py``.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

RUNNER_VERSION = "5"
DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache" / "keras"
DEFAULT_TIMEOUT = 180.0
RECYCLE_AFTER = 150  # scripts per worker before it is replaced (TF leaks a little per model)

_KERAS_VERSION: str | None = None
KERAS_ARMS = ("3", "2")
PROJECT_ENTRY = "train.py"  # the script of a job whose path is a directory


def entry_of(path: str) -> str:
    """The script a job runs: the file itself, or a project directory's ``train.py``."""
    return os.path.join(path, PROJECT_ENTRY) if os.path.isdir(path) else path


def job_text(path: str) -> str:
    """What a job's verdict depends on: a script's text, or the names and texts of every
    Python file of a project directory."""
    if not os.path.isdir(path):
        return Path(path).read_text()
    root = Path(path)
    files = sorted(root.rglob("*.py"))
    return "\0".join(f"{f.relative_to(root).as_posix()}\0{f.read_text()}" for f in files)


@contextlib.contextmanager
def project_imports(path: str):
    """For a project directory: the directory first on ``sys.path`` while the body runs, and
    the modules it provides forgotten before and after (a file is a script: nothing to do)."""
    if not os.path.isdir(path):
        yield
        return
    directory = os.path.abspath(path)
    _forget_modules(directory)
    sys.path.insert(0, directory)
    try:
        yield
    finally:
        sys.path.remove(directory)
        _forget_modules(directory)


def _forget_modules(directory: str) -> None:
    """Drop from ``sys.modules`` every module loaded from ``directory`` or named like one of
    its top-level modules and packages (an earlier project's ``model`` or ``utils``)."""
    names = {Path(entry).stem for entry in os.listdir(directory)}
    inside = directory + os.sep
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None) or ""
        if name.split(".")[0] in names or file.startswith(inside):
            del sys.modules[name]


def keras_version(keras: str = "3") -> str:
    """The installed Keras version of the arm (``"3"``: keras, ``"2"``: tf-keras), read
    without importing Keras."""
    if keras == "2":
        from importlib.metadata import version

        return f"tf-keras-{version('tf-keras')}"
    global _KERAS_VERSION
    if _KERAS_VERSION is None:
        try:
            from importlib.metadata import version

            _KERAS_VERSION = f"keras-{version('keras')}+tf-{version('tensorflow-cpu')}"
        except Exception:  # pragma: no cover - unusual installs
            try:
                from importlib.metadata import version

                _KERAS_VERSION = f"keras-{version('keras')}+tf-{version('tensorflow')}"
            except Exception:
                _KERAS_VERSION = "unknown"
    return _KERAS_VERSION


def script_key(text: str, eager: bool = False, keras: str = "3") -> str:
    h = hashlib.sha256()
    for part in (RUNNER_VERSION, keras_version(keras), "eager" if eager else "graph", text):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:32]


# -- inside a worker ----------------------------------------------------------------------------


def _broadcast(y_shape: tuple | None, out_shape: tuple | None, keras: str = "3") -> bool | None:
    """Whether a loss comparing targets ``y_shape`` with outputs ``out_shape`` broadcasts.

    Mirrors ``keras.src.losses.loss.squeeze_or_expand_to_same_rank`` (applied by every
    built-in loss; Keras 2: :func:`_keras2_ranks`) and then compares the per-sample shapes.
    None when unknown.
    """
    if y_shape is None or out_shape is None:
        return None
    if keras == "2":
        y, o = _keras2_ranks(list(y_shape), list(out_shape))
        return _differ(y[1:], o[1:])
    y, o = list(y_shape[1:]), list(out_shape[1:])
    yr, orank = len(y) + 1, len(o) + 1
    if yr == orank + 1 and y and y[-1] == 1:
        if orank == 1:
            o = o + [1]
        else:
            y = y[:-1]
    elif orank == yr + 1 and o and o[-1] == 1:
        if yr == 1:
            y = y + [1]
        else:
            o = o[:-1]
    return _differ(y, o)


def _differ(y: list, o: list) -> bool:
    if len(y) != len(o):
        return True
    return any(a is not None and b is not None and a != b for a, b in zip(y, o, strict=True))


def _keras2_ranks(y: list, o: list) -> tuple[list, list]:
    """Targets and outputs (sample axis first) as tf.keras 2's built-in losses line them up:
    ``compile_utils.match_dtype_and_rank`` expands rank-1 targets of a rank-2 output to
    ``(samples, 1)``, then ``losses_utils.squeeze_or_expand_dimensions`` squeezes the last
    axis of the higher-rank side when the ranks differ by one and that axis may be 1 (the
    output's only when its last axis may be 1 or the ranks do not differ by exactly one)."""
    if len(y) == 1 and len(o) == 2:
        y = [*y, 1]
    maybe_one = (None, 1)
    if len(o) - len(y) != 1 or o[-1] in maybe_one:
        if len(o) - len(y) == 1 and o[-1] in maybe_one:
            o = o[:-1]
        elif len(y) - len(o) == 1 and y[-1] in maybe_one:
            y = y[:-1]
    return y, o


def _shape_of(value) -> tuple | None:
    shape = getattr(value, "shape", None)
    if shape is None:
        return None
    try:
        return tuple(None if d is None else int(d) for d in shape)
    except Exception:
        return None


class _Worker:
    def __init__(self, eager: bool, keras: str = "3") -> None:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        self.arm = keras
        import warnings

        warnings.simplefilter("ignore")
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")
        try:
            tf.config.threading.set_intra_op_parallelism_threads(1)
            tf.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:
            pass
        if eager:
            tf.config.run_functions_eagerly(True)
        if keras == "2":
            from tests.keras.keras2 import KERAS2_NAMES

            tf.keras.Sequential  # noqa: B018 - loads tf-keras (TF_USE_LEGACY_KERAS=1)
            exec(KERAS2_NAMES, {})  # the name keras is tf_keras from here on
        import keras
        import numpy as np

        self.tf = tf
        # TensorFlow's objects live as long as the worker: keep the full collection that
        # every clear_session() runs from walking them again (a third of the CPU time)
        gc.collect()
        gc.freeze()
        self.keras = keras
        self.np = np
        self.fits: list[dict] = []
        self._patch_fit()

    def _patch_fit(self) -> None:
        keras = self.keras
        original = keras.Model.fit
        worker = self

        def fit(model, x=None, y=None, *args, **kwargs):
            record: dict = {"y_shape": _shape_of(y), "x_shape": _shape_of(x)}
            worker.fits.append(record)
            result = original(model, x, y, *args, **kwargs)
            try:
                outs = model.outputs
                record["out_shapes"] = [_shape_of(o) for o in outs] if outs else None
            except Exception:
                record["out_shapes"] = None
            actual = worker.actual_output_shapes(model, x)
            if actual is not None:
                # a Sequential model runs on the data's own steps, not the declared ones
                record["out_shapes"] = actual
            loss = getattr(model, "loss", None)
            record["loss"] = loss if isinstance(loss, str) else type(loss).__name__
            outs = record.get("out_shapes") or []
            sparse = isinstance(loss, str) and loss.startswith("sparse")
            if len(outs) == 1 and record["y_shape"] is not None and not sparse:
                record["broadcast"] = _broadcast(record["y_shape"], outs[0], worker.arm)
            else:
                record["broadcast"] = None
            record["ran"] = True
            return result

        keras.Model.fit = fit

    def actual_output_shapes(self, model, x) -> list | None:
        """Output shapes of the model applied to the first two samples (batch axis None)."""
        try:
            if isinstance(x, (list, tuple)):
                head = [v[:2] for v in x]
            elif isinstance(x, dict):
                head = {k: v[:2] for k, v in x.items()}
            else:
                head = x[:2]
            out = model(head, training=False)
            flat = self.tf.nest.flatten(out)
            return [(None, *(_shape_of(o) or ())[1:]) for o in flat]
        except Exception:
            return None

    def declared_mismatches(self, namespace: dict) -> list[dict] | None:
        """Custom layers whose symbolic output (what Keras built the rest of the model on: their
        ``compute_output_shape``) differs from what their ``call`` returns on data of their
        symbolic input shape.  None when it cannot be told."""
        keras, np = self.keras, self.np
        found: list[dict] = []
        try:
            models = [v for v in namespace.values() if isinstance(v, keras.Model)]
            seen: set[int] = set()
            for model in models:
                for layer in model._flatten_layers(include_self=False, recursive=True):
                    cls = type(layer)
                    if id(layer) in seen or not _declares_output(cls):
                        continue
                    seen.add(id(layer))
                    try:
                        inputs, declared = layer.input, layer.output
                    except (AttributeError, ValueError):
                        continue  # not applied exactly once
                    if isinstance(declared, (list, tuple)):
                        continue
                    flat = inputs if isinstance(inputs, (list, tuple)) else [inputs]
                    shapes = [tuple(t.shape) for t in flat]
                    if any(d is None for s in shapes for d in s[1:]):
                        continue
                    data = [np.zeros((2, *s[1:]), dtype="float32") for s in shapes]
                    actual = layer(data if isinstance(inputs, (list, tuple)) else data[0])
                    got = tuple(int(d) for d in actual.shape[1:])
                    want = tuple(declared.shape[1:])
                    if len(got) != len(want) or any(
                        w is not None and w != g for w, g in zip(want, got, strict=True)
                    ):
                        found.append(
                            {
                                "layer": cls.__name__,
                                "declared": [None, *want],
                                "actual": [None, *got],
                            }
                        )
        except Exception:  # noqa: BLE001 - a probe that cannot run says nothing
            return None
        return found

    def run(self, path: str) -> dict:
        import io
        import traceback
        import warnings

        keras, np = self.keras, self.np
        keras.backend.clear_session()
        # global settings a script may change (clear_session keeps them): each script starts
        # from Keras's defaults, whatever ran before it in this worker
        settings = keras.backend if self.arm == "2" else keras.config
        settings.set_image_data_format("channels_last")
        settings.set_floatx("float32")
        np.random.seed(0)
        self.fits = []
        script = entry_of(path)
        text = Path(script).read_text()
        start = time.perf_counter()
        verdict: dict = {"status": "ok"}
        sink = io.StringIO()
        try:
            code = compile(text, script, "exec")
            namespace = {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__}
            with (
                warnings.catch_warnings(),
                contextlib.redirect_stdout(sink),
                contextlib.redirect_stderr(sink),
                project_imports(path),
            ):
                warnings.simplefilter("ignore")
                exec(code, namespace)
                check = namespace.get("silent_check")
                if callable(check):
                    shown = check()
                    is_bool = isinstance(shown, (bool, np.bool_))
                    verdict["silent"] = bool(shown) if is_bool else None
            verdict["declared"] = self.declared_mismatches(namespace)
        except BaseException as exc:  # noqa: BLE001 - everything a script raises is a verdict
            if isinstance(exc, KeyboardInterrupt):
                raise
            frames = traceback.extract_tb(exc.__traceback__)
            lines = [f.lineno for f in frames if f.filename == script]
            verdict = {
                "status": "error",
                "exc_type": type(exc).__name__,
                "exc_module": type(exc).__module__,
                "message": " ".join(str(exc).split())[:600],
                "line": lines[-1] if lines else None,
                "script_lines": lines,
            }
        verdict["seconds"] = round(time.perf_counter() - start, 3)
        verdict["fits"] = self.fits
        verdict["broadcast"] = any(f.get("broadcast") for f in self.fits if f.get("ran"))
        return verdict


def _declares_output(cls: type) -> bool:
    """Whether a class of the script (a custom layer) defines ``compute_output_shape``."""
    for klass in cls.__mro__:
        if klass.__module__ != "__main__":
            return False
        if "compute_output_shape" in vars(klass):
            return True
    return False


def worker_main(eager: bool, keras: str = "3") -> None:
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    worker = _Worker(eager, keras)
    proto.write(json.dumps({"ready": True}) + "\n")
    for raw in sys.stdin:
        raw = raw.strip()
        if not raw:
            continue
        job = json.loads(raw)
        try:
            verdict = worker.run(job["path"])
        except BaseException as exc:  # noqa: BLE001
            verdict = {"status": "crash", "message": f"{type(exc).__name__}: {exc}"[:600]}
        proto.write(json.dumps({"id": job["id"], "verdict": verdict}) + "\n")


# -- the parent side ------------------------------------------------------------------------------


class _Proc:
    """One worker process and a thread that reads its answers."""

    def __init__(self, eager: bool, log: Path | None, keras: str = "3") -> None:
        cmd = [sys.executable, "-m", "tests.oracle.keras_runner", "--worker", "--keras", keras]
        if eager:
            cmd.append("--eager")
        env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONUNBUFFERED="1")
        env.pop("TF_USE_LEGACY_KERAS", None)
        if keras == "2":
            env["TF_USE_LEGACY_KERAS"] = "1"
        root = Path(__file__).resolve().parents[2]
        env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
        self.stderr = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            cwd=str(root),
            env=env,
        )
        self.answers: queue.Queue = queue.Queue()
        self.done = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                self.answers.put(json.loads(line))
            except json.JSONDecodeError:
                continue
        self.answers.put(None)  # EOF: the worker died

    def wait_ready(self, timeout: float) -> bool:
        try:
            msg = self.answers.get(timeout=timeout)
        except queue.Empty:
            return False
        return bool(msg and msg.get("ready"))

    def send(self, job: dict) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(timeout=10)
        except Exception:
            pass
        if self.stderr is not subprocess.DEVNULL:
            self.stderr.close()

    def close(self) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except Exception:
            self.kill()


def run_scripts(
    jobs: list[tuple[str, str]],
    *,
    workers: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    cache_dir: Path | None = DEFAULT_CACHE,
    eager: bool = False,
    progress: Callable[[int, int], None] | None = None,
    log: Path | None = None,
    keras: str = "3",
) -> dict[str, dict]:
    """Verdicts for ``jobs`` (a list of ``(id, path)``, the path a script or a project
    directory), keyed by id, in Keras ``keras``
    (``"3"`` or ``"2"``, see :data:`KERAS_ARMS`).

    Cached verdicts (by script text and Keras version) are reused; the rest run in
    ``workers`` processes.
    """
    results: dict[str, dict] = {}
    pending: list[tuple[str, str, str]] = []
    for job_id, path in jobs:
        key = script_key(job_text(path), eager, keras)
        cached = _cache_get(cache_dir, key)
        if cached is not None:
            results[job_id] = cached
        else:
            pending.append((job_id, path, key))
    total = len(jobs)
    if progress:
        progress(len(results), total)
    if not pending:
        return results

    lock = threading.Lock()
    todo = list(reversed(pending))

    def next_job() -> tuple[str, str, str] | None:
        with lock:
            return todo.pop() if todo else None

    def record(job: tuple[str, str, str], verdict: dict) -> None:
        job_id, _path, key = job
        with lock:
            results[job_id] = verdict
            if verdict.get("status") in ("ok", "error"):
                _cache_put(cache_dir, key, verdict)
            if progress:
                progress(len(results), total)

    def slot() -> None:
        proc: _Proc | None = None
        try:
            while True:
                job = next_job()
                if job is None:
                    return
                if proc is None or proc.done >= RECYCLE_AFTER:
                    if proc is not None:
                        proc.close()
                    proc = _Proc(eager, log, keras)
                    if not proc.wait_ready(timeout=180):
                        proc.kill()
                        proc = None
                        record(job, {"status": "crash", "message": "worker did not start"})
                        continue
                proc.send({"id": job[0], "path": job[1]})
                started = time.monotonic()
                try:
                    msg = proc.answers.get(timeout=timeout)
                except queue.Empty:
                    msg = None
                    verdict = {"status": "timeout", "seconds": round(time.monotonic() - started)}
                else:
                    verdict = (msg or {}).get("verdict") or {
                        "status": "crash",
                        "message": "worker died",
                    }
                if msg is None or verdict.get("status") == "crash":
                    proc.kill()
                    proc = None
                else:
                    proc.done += 1
                record(job, verdict)
        finally:
            if proc is not None:
                proc.close()

    threads = [threading.Thread(target=slot) for _ in range(max(1, min(workers, len(pending))))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def _cache_get(cache_dir: Path | None, key: str) -> dict | None:
    if cache_dir is None:
        return None
    path = cache_dir / key[:2] / f"{key}.json"
    try:
        return json.loads(path.read_text())
    except (OSError, json.JSONDecodeError):
        return None


def _cache_put(cache_dir: Path | None, key: str, verdict: dict) -> None:
    if cache_dir is None:
        return
    path = cache_dir / key[:2] / f"{key}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(verdict))
        tmp.replace(path)
    except OSError:
        pass


if __name__ == "__main__":
    arm = sys.argv[sys.argv.index("--keras") + 1] if "--keras" in sys.argv else "3"
    if "--worker" in sys.argv:
        worker_main(eager="--eager" in sys.argv, keras=arm)
    else:  # run the given files and print their verdicts
        files = [a for a in sys.argv[1:] if not a.startswith("--") and a not in KERAS_ARMS]
        out = run_scripts(
            [(f, f) for f in files], cache_dir=None, eager="--eager" in sys.argv, keras=arm
        )
        for f in files:
            print(f, json.dumps(out[f]))
