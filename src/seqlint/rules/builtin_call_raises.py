"""SL119: a Python builtin called in a way that raises TypeError, in code Keras runs."""

from __future__ import annotations

from collections.abc import Iterator
from textwrap import dedent

from seqlint.diagnostic import Severity
from seqlint.ir import BuiltinMisuse
from seqlint.rulekit.base import Finding, Rule, RuleContext

_HINTS = {
    "tuple": "give tuple() one iterable, or write the tuple itself: (a, b, c)",
    "list": "give list() one iterable, or write the list itself: [a, b, c]",
}


class BuiltinCallRaises(Rule):
    code = "SL119"
    name = "builtin-call-raises"
    summary = "A Python builtin is called with arguments it refuses, in code Keras runs."
    severity = Severity.ERROR
    explanation = """\
Keras runs a Lambda's function and its `output_shape` function, and a custom
layer's `call` and `compute_output_shape`, when the layer is called on the
model's tensors. Python's builtins raise `TypeError` there as anywhere when
they get arguments their signature refuses: `tuple(a, b, c)` (tuple takes one
iterable), `len(3)`, `range(2.5)`, `zip(n)` of a number, `max(5)`, a keyword a
builtin does not take. The model is never built.

seqlint checks the builtins' calls against CPython's signatures where it knows
the number of arguments, or that an argument is a number or None, and reports
only calls on a path that certainly runs (no `if` of unknown outcome, no `try`
around them)."""
    bad_example = dedent(
        """\
        import keras
        from keras import layers

        def mean_shape(input_shape):
            return tuple(input_shape[0], 1, input_shape[2])  # expect: SL119

        inputs = keras.Input(shape=(21, 105))
        x = layers.Lambda(lambda t: keras.ops.mean(t, axis=1), output_shape=mean_shape)(inputs)
        outputs = layers.Dense(3)(x)
        """
    )
    keras_error = r"tuple expected at most 1 argument"
    good_example = dedent(
        """\
        import keras
        from keras import layers

        def mean_shape(input_shape):
            return (input_shape[0], input_shape[2])

        inputs = keras.Input(shape=(21, 105))
        x = layers.Lambda(lambda t: keras.ops.mean(t, axis=1), output_shape=mean_shape)(inputs)
        outputs = layers.Dense(3)(x)
        """
    )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for misuse in ctx.ir.builtin_misuses:
            yield self._finding(misuse, ctx)

    def _finding(self, misuse: BuiltinMisuse, ctx: RuleContext) -> Finding:
        label = ctx.ir.layer_calls[misuse.call].label
        message = f"{misuse.reason}: Python raises TypeError when Keras runs {label}"
        hint = _HINTS.get(misuse.builtin, f"call {misuse.builtin}() as its signature allows")
        return Finding(misuse.loc, message, hint)
