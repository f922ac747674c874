"""What a shape function reports when Keras would reject its inputs."""

from __future__ import annotations

from enum import Enum

from seqlint.dims import Shape


class ProblemKind(Enum):
    """The kinds of shape problem; rules claim the kinds they report."""

    RANK = "rank"  # input rank outside what the layer accepts
    MERGE_NOT_LIST = "merge-not-list"  # a merge layer called on one tensor
    MERGE_RANK = "merge-rank"  # merge inputs of different ranks
    MERGE_DIMS = "merge-dims"  # merge inputs differing on an axis that must match
    MERGE_AXIS = "merge-axis"  # concatenation axis out of range
    RESHAPE_SIZE = "reshape-size"  # element count of the target cannot match
    STATE_SIZE = "state-size"  # initial_state sizes differ from the layer's units
    STATE_COUNT = "state-count"  # wrong number of initial states
    LENGTH = "length"  # an axis shorter than a kernel/pool window (output length <= 0)
    UNDEFINED_AXIS = "undefined-axis"  # weights sized by an axis Keras leaves undefined (None)
    LAYER_CONFIG = "layer-config"  # the layer's configuration cannot apply to this input
    OP = "op"  # a tensor op (keras.ops, tf, keras.backend) cannot apply to its operands
    WEIGHT_SHAPE = "weight-shape"  # add_weight given a shape that is not fully defined


class ShapeProblem(Exception):
    """Raised by a shape function: Keras would raise on these inputs.

    ``input_index`` is the offending input (None: the call as a whole),
    ``expected`` a human description of what the layer needs, ``got`` the
    shape that came (when a single shape is to blame).
    """

    def __init__(
        self,
        kind: ProblemKind,
        message: str,
        *,
        input_index: int | None = None,
        expected: str = "",
        got: Shape | None = None,
        expected_rank: int | None = None,
        axis: int | None = None,
        hint: str = "",
        keyword: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.input_index = input_index
        self.expected = expected
        self.got = got
        self.expected_rank = expected_rank
        self.axis = axis  # the input axis at fault (UNDEFINED_AXIS), counting the batch axis
        self.hint = hint  # how to fix it, when the shape function knows better than the rule
        self.keyword = keyword  # the tensor given by keyword at fault (``attention_mask``)
