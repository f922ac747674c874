"""The rules, one module each; ALL_RULES is the order they run in."""

from seqlint.rules.base import Rule
from seqlint.rules.classification_target_mismatch import ClassificationTargetMismatch
from seqlint.rules.initial_state_mismatch import InitialStateMismatch
from seqlint.rules.input_declaration_rank import InputDeclarationRank
from seqlint.rules.merge_shape_mismatch import MergeShapeMismatch
from seqlint.rules.merge_single_tensor import MergeSingleTensor
from seqlint.rules.missing_time_axis import MissingTimeAxis
from seqlint.rules.output_units_vs_classes import OutputUnitsVsClasses
from seqlint.rules.regression_target_mismatch import RegressionTargetMismatch
from seqlint.rules.reshape_size_mismatch import ReshapeSizeMismatch
from seqlint.rules.silent_target_mismatch import SilentTargetMismatch
from seqlint.rules.time_distributed_rank import TimeDistributedRank

ALL_RULES: tuple[Rule, ...] = (
    MissingTimeAxis(),
    InputDeclarationRank(),
    TimeDistributedRank(),
    MergeShapeMismatch(),
    MergeSingleTensor(),
    ReshapeSizeMismatch(),
    InitialStateMismatch(),
    ClassificationTargetMismatch(),
    OutputUnitsVsClasses(),
    RegressionTargetMismatch(),
    SilentTargetMismatch(),
)
