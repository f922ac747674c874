"""A small seeded mutator of Keras training scripts, and the run that hunts internal errors.

Mutations are textual, like the slips people make while editing: delete, duplicate or
swap lines; change a number; swap a layer class for another; change a keyword argument's
value; replace a name by another name of the same script; put a line under a loop or an
``if``; graft in a line of another script or one of :data:`SNIPPETS`.  A mutant may no longer parse
(seqlint then reports SL900, which is fine); what must never happen is SL901.
"""

from __future__ import annotations

import io
import random
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPROS = ROOT / "tests" / "corpus" / "repros"

LAYER_NAMES = (
    "LSTM",
    "GRU",
    "SimpleRNN",
    "Bidirectional",
    "TimeDistributed",
    "Dense",
    "Embedding",
    "Conv1D",
    "MaxPooling1D",
    "AveragePooling1D",
    "GlobalAveragePooling1D",
    "GlobalMaxPooling1D",
    "Flatten",
    "Reshape",
    "RepeatVector",
    "Permute",
    "Dropout",
    "SpatialDropout1D",
    "Concatenate",
    "Add",
    "Multiply",
    "Attention",
    "MultiHeadAttention",
    "Masking",
    "BatchNormalization",
    "LayerNormalization",
    "Activation",
    "Input",
    "Lambda",
    "InputLayer",
    "Sequential",
    "Model",
)
_LAYER_SET = frozenset(LAYER_NAMES)
NUMBERS = ("0", "1", "2", "-1", "3", "10", "64", "1000", "0.5", "None", "True", "(2, 3)")
KEYWORD_VALUES = (
    "True",
    "False",
    "None",
    "0",
    "1",
    "-1",
    "2",
    "16",
    "3.5",
    "'same'",
    "'valid'",
    "'causal'",
    "'concat'",
    "'sum'",
    "'mse'",
    "'softmax'",
    "'sigmoid'",
    "'nonsense'",
    "(10, 4)",
    "(None, 4)",
    "(None,)",
    "()",
    "[1, 2]",
    "[]",
    "{}",
    "{'a': 'mse'}",
    "['mse', 'mae']",
    "x",
    "X",
    "inputs",
    "model",
    "layers.LSTM(4)",
    "np.zeros((4, 3))",
    "lambda t: t",
    "[None]",
)
# Lines grafted in besides those of other seeds: less common constructs.
SNIPPETS = (
    "x = model(x)",
    "outputs = model.outputs",
    "model = keras.Model(inputs=model.inputs, outputs=model.layers[-2].output)",
    "x, *states = layers.LSTM(4, return_state=True)(x)",
    "x = layers.Concatenate()([x] * 3)",
    "x = [layers.Dense(1)(t) for t in x]",
    "x = layers.LSTM(**kwargs)(x)",
    "model.fit(*args)",
    "model.compile(**config)",
    "x = x[:, -1, :]",
    "x = layers.Lambda(lambda t: t)(x)",
    "model.fit(X, {'out': y})",
    "outputs = {'a': outputs, 'b': outputs}",
    "del model",
    "inputs = keras.Input(shape=X.shape[1:])",
    "inputs = keras.Input(shape=(X.shape[1], X.shape[2]))",
    "X = X.reshape(X.shape[0], X.shape[1], 1)",
    "model = keras.models.load_model('m.keras')",
    "y = keras.utils.to_categorical(y)",
    "model.fit(X, y, validation_data=(X, y))",
    "model.layers[0].trainable = False",
    "model = keras.Sequential(model.layers[:-1])",
    "model.add(keras.Input(shape=(None, 3)))",
    "model.build((None, 10, 3))",
    "x = layers.Bidirectional(layers.LSTM(4, return_sequences=True), merge_mode=None)(x)",
    "x = layers.TimeDistributed(model)(x)",
    "model = keras.Model(inputs, [outputs, outputs])",
    "model.compile(optimizer='adam', loss=['mse', 'mse'], loss_weights={'a': 1})",
    "gen = keras.preprocessing.sequence.TimeseriesGenerator(X, y, length=1)",
    "model.fit(gen)",
    "x = layers.Embedding(10, 4, weights=[np.zeros((11, 4))])(x)",
    "x = layers.Reshape((-1, -1))(x)",
    "x = layers.Dense(units=None)(x)",
    "x = layers.Conv1D(4, 100)(x)",
    "x += 1",
    "inputs, outputs = outputs, inputs",
    "X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)",
    "X = StandardScaler().fit_transform(X)",
    "y = LabelEncoder().fit_transform(y)",
    "ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(100).batch(32)",
    "ds = tf.data.Dataset.zip((ds, ds))",
    "ds = ds.map(lambda b: (b[:-1], b[1:]))",
    "model.fit(ds, epochs=1)",
    "tokenizer = Tokenizer(num_words=100)",
    "X = pad_sequences(tokenizer.texts_to_sequences(texts), maxlen=20)",
    "vocab_size = len(tokenizer.word_index) + 1",
    "X = X[..., np.newaxis]",
    "X = np.expand_dims(X, -1).astype('float32')",
    "X = tf.reshape(X, (-1, 10, 1))",
    "class Net(keras.Model):\n"
    "    def __init__(self, units=8):\n"
    "        super().__init__()\n"
    "        self.rnn = layers.LSTM(units, return_sequences=True)\n"
    "        self.heads = [layers.Dense(1) for _ in range(2)]\n"
    "    def call(self, inputs, training=None):\n"
    "        x = self.rnn(inputs)\n"
    "        return [head(x) for head in self.heads]",
    "model = Net(4)",
    "model.build((None, 10, 3))",
    "x = model(X)",
    "h, state = layers.GRU(8, return_state=True)(x)",
    "x = layers.MultiHeadAttention(2, 4)(x, x)",
)
_KEYWORD_ARG = re.compile(r"\b([A-Za-z_]\w*)\s*=\s*(?!=)")


@dataclass(frozen=True)
class Mutant:
    """A mutated source and the mutations that made it."""

    origin: str
    steps: tuple[str, ...]
    source: str


def seed_sources() -> list[tuple[str, str]]:
    """(origin, source) of every example script, every rule's bad/good example and every
    reproduced user report of the corpus."""
    from seqlint.rules import ALL_RULES

    paths = [*sorted((ROOT / "examples").glob("*.py")), *sorted(REPROS.glob("*.py"))]
    sources = [
        (path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")) for path in paths
    ]
    for rule in ALL_RULES:
        sources.append((f"{rule.code}.bad_example", rule.bad_example))
        sources.append((f"{rule.code}.good_example", rule.good_example))
    return sources


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    try:
        return list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []


def _replace(lines: list[str], row: int, start: int, end: int, text: str) -> None:
    line = lines[row - 1]
    lines[row - 1] = line[:start] + text + line[end:]


def _value_end(line: str, start: int) -> int:
    """Where the keyword value starting at ``start`` ends: the next ``,`` or closing bracket
    at its own depth (or the end of the line)."""
    depth = 0
    quote = ""
    for index in range(start, len(line)):
        char = line[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                return index
            depth -= 1
        elif char == "," and depth == 0 or char == "#":
            return index
    return len(line.rstrip("\n"))


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def mutate_once(
    source: str, rng: random.Random, donors: list[str] | None = None
) -> tuple[str, str]:
    """One mutation of ``source``: (new source, what was done).  ``donors`` are sources
    whose lines may be grafted in."""
    lines = source.splitlines(keepends=True)
    if not lines:
        return source, "nothing to mutate"
    kind = rng.choice(
        ("delete", "duplicate", "swap", "number", "layer", "keyword", "name", "block", "graft")
    )
    row = rng.randrange(len(lines))
    if kind == "block" and lines[row].strip() and not lines[row].rstrip().endswith(("(", "[", ",")):
        head = rng.choice(("for _ in range(2):", "if flag:", "while x:", "with ctx:"))
        indent = _indent(lines[row])
        lines[row] = f"{indent}{head}\n{indent}    {lines[row].lstrip()}"
        return "".join(lines), f"put line {row + 1} under {head}"
    if kind == "graft":
        donor = rng.choice(donors).splitlines(keepends=True) if donors else []
        graft = rng.choice(donor) if donor and rng.random() < 0.5 else rng.choice(SNIPPETS)
        lines.insert(row, _indent(lines[row]) + graft.strip() + "\n")
        return "".join(lines), f"graft {graft.strip()!r} before line {row + 1}"
    if kind == "delete":
        del lines[row]
        return "".join(lines), f"delete line {row + 1}"
    if kind == "duplicate":
        lines.insert(row, lines[row])
        return "".join(lines), f"duplicate line {row + 1}"
    if kind == "swap":
        other = rng.randrange(len(lines))
        lines[row], lines[other] = lines[other], lines[row]
        return "".join(lines), f"swap lines {row + 1} and {other + 1}"
    tokens = _tokens(source)
    if kind == "number":
        numbers = [t for t in tokens if t.type == tokenize.NUMBER]
        if numbers:
            tok = rng.choice(numbers)
            new = rng.choice(NUMBERS)
            _replace(lines, tok.start[0], tok.start[1], tok.end[1], new)
            return "".join(lines), f"number {tok.string} -> {new} on line {tok.start[0]}"
    if kind == "layer":
        names = [t for t in tokens if t.type == tokenize.NAME and t.string in _LAYER_SET]
        if names:
            tok = rng.choice(names)
            new = rng.choice(LAYER_NAMES)
            _replace(lines, tok.start[0], tok.start[1], tok.end[1], new)
            return "".join(lines), f"layer {tok.string} -> {new} on line {tok.start[0]}"
    if kind == "keyword":
        places = [
            (number, match.end())
            for number, line in enumerate(lines, start=1)
            for match in _KEYWORD_ARG.finditer(line)
            if "(" in line[: match.start()] or line[: match.start()].strip() == ""
        ]
        if places:
            number, start = rng.choice(places)
            end = _value_end(lines[number - 1], start)
            new = rng.choice(KEYWORD_VALUES)
            old = lines[number - 1][start:end]
            _replace(lines, number, start, end, new)
            return "".join(lines), f"keyword value {old!r} -> {new} on line {number}"
    names = [t for t in tokens if t.type == tokenize.NAME and t.string.isidentifier()]
    if len(names) >= 2:
        tok, other = rng.choice(names), rng.choice(names)
        _replace(lines, tok.start[0], tok.start[1], tok.end[1], other.string)
        return "".join(lines), f"name {tok.string} -> {other.string} on line {tok.start[0]}"
    del lines[row]
    return "".join(lines), f"delete line {row + 1}"


def mutants(n: int, seed: int, *, max_steps: int = 3) -> Iterator[Mutant]:
    """``n`` mutants of the seed sources, each 1 to ``max_steps`` mutations deep."""
    rng = random.Random(seed)
    sources = seed_sources()
    donors = [source for _, source in sources]
    for _ in range(n):
        origin, source = rng.choice(sources)
        steps = []
        for _ in range(rng.randint(1, max_steps)):
            source, step = mutate_once(source, rng, donors)
            steps.append(step)
        yield Mutant(origin, tuple(steps), source)


@dataclass(frozen=True)
class Outcome:
    """What seqlint said on one mutant."""

    mutant: Mutant
    codes: tuple[str, ...]
    traceback: str | None  # set when some command ended in an internal error


def check(mutant: Mutant) -> Outcome:
    """Run on a mutant what each command runs per file: the analysis of ``check`` (where
    an exception is SL901), the summaries of ``shapes`` and the fixes of ``check --fix
    --unsafe-fixes``.  A source that does not parse is SL900, no crash."""
    import traceback

    from seqlint import analysis
    from seqlint.fixing import fix_source
    from seqlint.frontend import ParseFailure
    from seqlint.shapes.propagate import GraphShapes
    from seqlint.summary import summarize

    try:
        found = analysis.analyse(mutant.source, "<mutant>")
    except ParseFailure:
        return Outcome(mutant, ("SL900",), None)
    except Exception:  # noqa: BLE001 - the failure is the finding
        return Outcome(mutant, ("SL901",), traceback.format_exc())
    codes = tuple(d.code for d in found.diagnostics)
    try:
        summarize(found.ir, GraphShapes(found.ir))
        if any(fix is not None for fix in found.fixes):
            fix_source(mutant.source, "<mutant>", unsafe=True)
    except Exception:  # noqa: BLE001 - the failure is the finding
        return Outcome(mutant, codes, traceback.format_exc())
    return Outcome(mutant, codes, None)


def describe(outcome: Outcome) -> str:
    """A failure report: the origin, the mutations, the mutant's source and the traceback."""
    mutant = outcome.mutant
    numbered = "".join(
        f"{number:4} | {line}"
        for number, line in enumerate(mutant.source.splitlines(keepends=True), start=1)
    )
    return (
        f"internal error on a mutant of {mutant.origin} ({'; '.join(mutant.steps)}):\n"
        f"{numbered}\n{outcome.traceback or ''}"
    )
