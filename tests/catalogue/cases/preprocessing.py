"""Cases for the text and structured-data preprocessing layers.

Keras's ``compute_output_shape`` of the encoding layers is not what they compute when they
run (a multi_hot lookup of ``(batch, a, b)`` indices gives ``(batch, b, depth)``, not ``(batch,
a, depth)``; TextVectorization squeezes the ``(batch, 1)`` strings it splits): the cases that
can run (a vocabulary given, outputs with a batch axis) are compared with a run
(``runtime=True``). Lookups get a vocabulary most of the time, and none otherwise (Keras
builds them unadapted, with an undefined depth).
"""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, size
from tests.catalogue.harness import Case, Nest

WORDS = ["the", "cat", "sat", "on", "mat", "dog", "ran", "far", "away", "home"]
COUNTING = ("multi_hot", "count", "tf_idf")


def _indices_shape(rng: random.Random) -> tuple[Any, ...]:
    """Shapes of categorical features: scalars, ``(1,)``, ``(n,)``, ``(n, 1)``, rank 3."""
    return rng.choice(
        [
            (),
            (1,),
            (1,),
            (size(rng, 2, 5),),
            (size(rng, 2, 4), 1),
            (size(rng, 2, 4), size(rng, 1, 3)),
            (size(rng, 1, 3), size(rng, 1, 3), size(rng, 1, 3)),
        ]
    )


def _runs(shape: tuple[Any, ...], mode: str) -> bool:
    """Whether a run can check the output: it keeps the batch axis (a rank-1 batch is one
    sample to the counting modes) and its rank does not hang on an undefined last axis."""
    if mode in COUNTING and not shape:
        return False
    return not (mode == "one_hot" and shape and shape[-1] is None)


def _as_built(shape: tuple[Any, ...], mode: str) -> bool:
    """Whether Keras's ``compute_output_shape`` of an encoding is the shape it computes: the
    cases that cannot run (no vocabulary) are drawn among these."""
    return mode not in COUNTING or len(shape) <= 1


@generates("TextVectorization")
def text_vectorization(rng: random.Random, kind: str) -> Case:
    mode = rng.choice(["int", "int", "multi_hot", "count", "tf_idf", "one_hot"])
    config: dict[str, Any] = {"output_mode": mode}
    vocabulary = None
    if rng.random() < 0.75:
        vocabulary = rng.sample(WORDS, rng.randint(1, 6))
        if rng.random() < 0.2:
            vocabulary = ["[UNK]", *vocabulary]
        config["vocabulary"] = vocabulary
        if mode == "tf_idf":
            config["idf_weights"] = [1.0] * len(vocabulary)
    if rng.random() < 0.3:
        config["max_tokens"] = rng.randint(8, 12)
        maybe(rng, config, "pad_to_max_tokens", True, False)
    if mode == "int":
        maybe(rng, config, "output_sequence_length", rng.randint(1, 6), None)
        if rng.random() < 0.2:
            config["ragged"] = True
    split = rng.choice(["whitespace", "whitespace", "character", None])
    if split != "whitespace":
        config["split"] = split
    elif rng.random() < 0.2:
        config["ngrams"] = 2
    cut = mode == "int" and config.get("output_sequence_length") is not None
    if vocabulary is None:  # unadapted: Keras cannot run it; shapes where its build is right
        shape = rng.choice(
            _TEXT_AS_BUILT[(split is None, mode if mode in ("int", "one_hot") else "counting", cut)]
        )
        return Case(kind, config, (shape,), dtypes=("string",))
    shape = rng.choice(
        [(), (1,), (1,), (None,), (size(rng, 2, 4, 0),), (size(rng, 2, 3), 1), (2, 2, 1)]
    )
    batchless = split is None and not shape and (mode in COUNTING or cut)
    runtime = not batchless and not (shape and shape[-1] is None)
    return Case(kind, config, (shape,), dtypes=("string",), runtime=runtime)


# String inputs on which TextVectorization computes what Keras's compute_output_shape says, by
# (split=None, mode, output_sequence_length given).
_TEXT_AS_BUILT: dict[tuple[bool, str, bool], list[tuple[Any, ...]]] = {
    (False, "int", False): [(), (1,)],
    (False, "int", True): [(), (1,)],
    (False, "one_hot", False): [()],
    (False, "counting", False): [()],
    (True, "int", False): [(None,)],
    (True, "int", True): [(1,), (3,), (None,)],
    (True, "one_hot", False): [(), (1,), (3,), (3, 1), (2, 3)],
    (True, "counting", False): [(1,), (3,), (None,)],
}


def _lookup_config(
    rng: random.Random, vocabulary: list, mask: Any, oov: Any
) -> tuple[dict[str, Any], str]:
    mode = rng.choice(["int", "int", "one_hot", "multi_hot", "count", "tf_idf"])
    config: dict[str, Any] = {"output_mode": mode}
    maybe(rng, config, "num_oov_indices", 0, 1, 2)
    if rng.random() < 0.3:
        config["mask_token"] = mask
    if rng.random() < 0.8:
        num_oov = config.get("num_oov_indices", 1)
        head = [mask] if mode == "int" and "mask_token" in config else []
        if rng.random() < 0.2:  # a vocabulary that lists its special tokens first
            vocabulary = [*head, *[oov] * num_oov, *vocabulary]
        config["vocabulary"] = vocabulary
        if mode == "tf_idf":
            config["idf_weights"] = [1.0] * len(vocabulary)
    if rng.random() < 0.25:
        config["max_tokens"] = rng.randint(8, 12)
        maybe(rng, config, "pad_to_max_tokens", True, False)
    if mode == "int" and rng.random() < 0.2:
        config["invert"] = True
    return config, mode


def _encoding_case(
    rng: random.Random, kind: str, config: dict[str, Any], mode: str, runnable: bool, dtype: str
) -> Case:
    """A case encoding indices of a drawn shape: run when it can, else drawn among the shapes
    Keras's build gets right."""
    shape = _indices_shape(rng)
    while not runnable and not _as_built(shape, mode):
        shape = _indices_shape(rng)
    runtime = runnable and _runs(shape, mode)
    return Case(kind, config, (shape,), dtypes=(dtype,), runtime=runtime)


@generates("StringLookup")
def string_lookup(rng: random.Random, kind: str) -> Case:
    config, mode = _lookup_config(rng, rng.sample(WORDS, rng.randint(1, 6)), "", "[UNK]")
    runnable = "vocabulary" in config and config.get("num_oov_indices", 1) > 0
    dtype = "int64" if config.get("invert") else "string"
    return _encoding_case(rng, kind, config, mode, runnable, dtype)


@generates("IntegerLookup")
def integer_lookup(rng: random.Random, kind: str) -> Case:
    vocabulary = rng.sample(range(1, 40), rng.randint(1, 6))
    config, mode = _lookup_config(rng, vocabulary, 0, -1)
    if config.get("num_oov_indices", 1) == 0 and "vocabulary" in config:
        config["vocabulary"] = [v for v in config["vocabulary"] if v not in (0, -1)]
        if "mask_token" not in config:  # the zeros of a run must be in the vocabulary
            config["vocabulary"].append(0)
    return _encoding_case(rng, kind, config, mode, "vocabulary" in config, "int64")


@generates("CategoryEncoding")
def category_encoding(rng: random.Random, kind: str) -> Case:
    config: dict[str, Any] = {"num_tokens": rng.randint(1, 9)}
    maybe(rng, config, "output_mode", "one_hot", "multi_hot", "count")
    mode = config.get("output_mode", "multi_hot")
    return _encoding_case(rng, kind, config, mode, True, "int64")


@generates("Hashing")
def hashing(rng: random.Random, kind: str) -> Case:
    config: dict[str, Any] = {"num_bins": rng.randint(1, 9)}
    maybe(rng, config, "output_mode", "int", "one_hot", "multi_hot", "count")
    dtype = rng.choice(["int64", "string", "float32"])
    maybe(rng, config, "mask_value", "" if dtype == "string" else 0)
    maybe(rng, config, "salt", 7)
    case = _encoding_case(rng, kind, config, config.get("output_mode", "int"), True, dtype)
    shape = case.inputs[0]
    if case.runtime and config.get("output_mode") == "one_hot" and shape[-1:] == (1,):
        case.runtime = len(shape) < 2 or shape[-2] is not None  # one_hot of the squeezed axis
    return case


@generates("Discretization")
def discretization(rng: random.Random, kind: str) -> Case:
    config: dict[str, Any] = {}
    if rng.random() < 0.7:
        config["bin_boundaries"] = sorted(rng.sample(range(-5, 6), rng.randint(1, 4)))
    else:
        config["num_bins"] = rng.randint(2, 6)
    maybe(rng, config, "output_mode", "int", "one_hot", "multi_hot", "count")
    mode = config.get("output_mode", "int")
    return _encoding_case(rng, kind, config, mode, "bin_boundaries" in config, "float32")


@generates("HashedCrossing")
def hashed_crossing(rng: random.Random, kind: str) -> Case:
    config: dict[str, Any] = {"num_bins": rng.randint(2, 9)}
    maybe(rng, config, "output_mode", "int", "one_hot")
    feature = rng.choice([(), (1,)])
    shapes = [feature, feature]
    dtypes = [rng.choice(["int64", "string"]) for _ in range(3)]
    if rng.random() < 0.35:  # what Keras refuses: other shapes, one tensor, three features
        odd = rng.choice([(), (1,), (None,), (size(rng, 2, 3),), (size(rng, 1, 2), 1)])
        shapes = rng.choice([[odd, odd], [feature, odd], [odd], [feature] * 3])
    as_list = len(shapes) > 1 or rng.random() < 0.5
    return Case(kind, config, tuple(shapes), as_list=as_list, dtypes=tuple(dtypes[: len(shapes)]))


@generates("Normalization")
def normalization(rng: random.Random, kind: str) -> Case:
    shape = tuple(size(rng, 1, 5) for _ in range(rng.choice([1, 2, 2, 3])))
    config: dict[str, Any] = {}
    maybe(rng, config, "axis", -1, 1, 2, (1, 2), None, 3, -3)
    if rng.random() < 0.3:
        if rng.random() < 0.5 or config.get("axis", -1) is None:  # a vector needs an axis
            config["mean"], config["variance"] = 0.5, 2.0
        else:
            n = rng.choice([1, 2, 3, 4])
            config["mean"], config["variance"] = [0.0] * n, [1.0] * n
    maybe(rng, config, "invert", True)
    return Case(kind, config, (shape,))


@generates("Rescaling")
def rescaling(rng: random.Random, kind: str) -> Case:
    config: dict[str, Any] = {"scale": rng.choice([1 / 255, 2.0, [0.5], [1.0, 2.0, 3.0]])}
    maybe(rng, config, "offset", -1.0, [0.0, 1.0, 2.0], [1.0, 2.0])
    shape = tuple(size(rng, 1, 4) for _ in range(rng.choice([1, 2, 3])))
    vector = any(isinstance(config.get(k), list) for k in ("scale", "offset"))
    return Case(kind, config, (shape,), runtime=vector and shape[-1] is not None)


_STAGES = [
    lambda rng: Nest("Rescaling", {"scale": 1 / 255}),
    lambda rng: Nest("RandomFlip", {"mode": "horizontal"}),
    lambda rng: Nest("RandomRotation", {"factor": 0.1}),
    lambda rng: Nest("Resizing", {"height": rng.randint(2, 6), "width": rng.randint(2, 6)}),
    lambda rng: Nest("CenterCrop", {"height": rng.randint(2, 6), "width": rng.randint(2, 6)}),
    lambda rng: Nest("Dense", {"units": rng.randint(1, 4)}),
    lambda rng: Nest("RandomContrast", {"factor": 0.2}),
]


@generates("Pipeline")
def pipeline(rng: random.Random, kind: str) -> Case:
    """Compared with a run: Keras builds a Pipeline by tracing its ``call``, which loses the
    sizes CenterCrop sets."""
    stages = [rng.choice(_STAGES)(rng) for _ in range(rng.randint(1, 3))]
    images = (size(rng, 3, 8), size(rng, 3, 8), rng.choice([1, 3]))
    shape = images if rng.random() < 0.85 else (size(rng, 3, 8),)
    return Case(kind, {"layers": stages}, (shape,), runtime=True)
