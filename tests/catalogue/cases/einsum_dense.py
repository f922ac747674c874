"""Cases for EinsumDense: the usual equations (a dense layer, per-step projections, heads),
with ``...`` on either side, ``None`` output sizes, bias axes, and equations that do not fit
their input."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import size
from tests.catalogue.harness import Case


def _steps(rng: random.Random) -> int | None:
    return size(rng, 1, 6)


@generates("EinsumDense")
def einsum_dense(rng: random.Random, kind: str) -> Case:
    units, features = rng.randint(1, 6), size(rng, 1, 8, unknown=0.08)
    form = rng.randrange(8)
    runtime = False
    if form == 0:  # a Dense
        config: dict = {"equation": "ab,bc->ac", "output_shape": units}
        config["bias_axes"] = rng.choice([None, "c", "c", "a", "b"])
        x: tuple = (features,)
    elif form == 1:  # per step
        steps = _steps(rng)
        config = {"equation": "abc,cd->abd", "output_shape": (rng.choice([None, steps, 9]), units)}
        config["bias_axes"] = rng.choice([None, "d"])
        x = (steps, features)
    elif form == 2:  # heads, as MultiHeadAttention's projections
        config = {
            "equation": "abc,cde->abde",
            "output_shape": (None, rng.randint(1, 3), rng.randint(1, 4)),
            "bias_axes": rng.choice([None, "de", "d", "e"]),
        }
        x = (_steps(rng), features)
    elif form == 3:  # a leading ellipsis, over any number of axes
        config = {"equation": "...b,bc->...c", "output_shape": units}
        config["bias_axes"] = rng.choice([None, "c"])
        x = (*(_steps(rng) for _ in range(rng.randint(0, 2))), features)
        runtime = len(x) >= 3  # Keras's symbolic shape lists the elided axes reversed
    elif form == 4:  # a trailing ellipsis
        config = {"equation": "ab...,bc->ac...", "output_shape": units}
        x = (features, *(_steps(rng) for _ in range(rng.randint(0, 2))))
    elif form == 5:  # summing over the steps
        config = {"equation": "abc,cd->ad", "output_shape": units, "bias_axes": "d"}
        x = (_steps(rng), features)
    elif form == 6:  # an equation that does not fit, or a weight left undefined
        config = rng.choice(
            [
                {"equation": "ab->b", "output_shape": units},
                {"equation": "ab,bc->ad", "output_shape": units},
                {"equation": "ab,bce->ac", "output_shape": units},
                {"equation": "ab,bc->ac", "output_shape": (None,)},
                {"equation": "abc,cd->abd", "output_shape": units},
            ]
        )
        x = (features,) if config["equation"].startswith("ab,") else (_steps(rng), features)
    else:  # the right equation on an input of another rank, or output sizes one too many
        config = {"equation": "abc,cd->abd", "output_shape": (None, units)}
        if rng.random() < 0.5:
            x = rng.choice([(features,), (_steps(rng), _steps(rng), features)])
        else:
            steps = rng.randint(1, 6)  # Keras's symbolic shape keeps the 2, not a real run
            config["output_shape"] = (steps, units, 2)
            x, runtime = (steps, features), True
    if rng.random() < 0.15:
        config["lora_rank"] = rng.randint(1, 3)
    if rng.random() < 0.3:
        config["activation"] = "relu"
    return Case(kind, config, (x,), runtime=runtime)
