"""The rules, one module each; ALL_RULES is the order they run in."""

from seqlint.rulekit.base import Rule
from seqlint.rules.add_weight_positional_name import AddWeightPositionalName
from seqlint.rules.array_reshape_size import ArrayReshapeSize
from seqlint.rules.axis_out_of_range import AxisOutOfRange
from seqlint.rules.batch_axis_lost import BatchAxisLost
from seqlint.rules.batch_input_shape import BatchInputShape
from seqlint.rules.builtin_call_raises import BuiltinCallRaises
from seqlint.rules.classification_target_mismatch import ClassificationTargetMismatch
from seqlint.rules.cudnn_layer import CudnnLayer
from seqlint.rules.custom_loss_indexes_outputs import CustomLossIndexesOutputs
from seqlint.rules.data_input_mismatch import DataInputMismatch
from seqlint.rules.data_size_breaks_layer import DataSizeBreaksLayer
from seqlint.rules.declared_output_breaks_layer import DeclaredOutputBreaksLayer
from seqlint.rules.declared_output_mismatch import DeclaredOutputMismatch
from seqlint.rules.declared_shape_invalid import DeclaredShapeInvalid
from seqlint.rules.degenerate_window import DegenerateWindow
from seqlint.rules.embedding_index_range import EmbeddingIndexRange
from seqlint.rules.embedding_negative_index import EmbeddingNegativeIndex
from seqlint.rules.embedding_weights_shape import EmbeddingWeightsShape
from seqlint.rules.initial_state_mismatch import InitialStateMismatch
from seqlint.rules.initial_state_tensor import InitialStateTensor
from seqlint.rules.input_declaration_rank import InputDeclarationRank
from seqlint.rules.keras3_migration import Keras3Migration
from seqlint.rules.labels_beyond_classes import LabelsBeyondClassesRule
from seqlint.rules.layer_call_arguments import LayerCallArguments
from seqlint.rules.layer_constructor_arguments import LayerConstructorArguments
from seqlint.rules.layer_input_mismatch import LayerInputMismatch
from seqlint.rules.loss_activation_mismatch import LossActivationMismatch
from seqlint.rules.loss_outputs_mismatch import LossOutputsMismatch
from seqlint.rules.merge_shape_mismatch import MergeShapeMismatch
from seqlint.rules.merge_single_tensor import MergeSingleTensor
from seqlint.rules.metric_target_mismatch import MetricTargetMismatch
from seqlint.rules.metrics_list_outputs import MetricsListOutputs
from seqlint.rules.missing_time_axis import MissingTimeAxis
from seqlint.rules.non_data_argument import NonDataArgument
from seqlint.rules.op_shape_mismatch import OpShapeMismatch
from seqlint.rules.optimizer_lr import OptimizerLr
from seqlint.rules.output_units_vs_classes import OutputUnitsVsClasses
from seqlint.rules.padding_without_mask import PaddingWithoutMask
from seqlint.rules.post_padding_last_state import PostPaddingLastState
from seqlint.rules.regression_target_mismatch import RegressionTargetMismatch
from seqlint.rules.removed_api import RemovedApi
from seqlint.rules.removed_generator_method import RemovedGeneratorMethod
from seqlint.rules.removed_predict_method import RemovedPredictMethod
from seqlint.rules.removed_training_argument import RemovedTrainingArgument
from seqlint.rules.reshape_size_mismatch import ReshapeSizeMismatch
from seqlint.rules.return_state_unpacking import ReturnStateUnpacking
from seqlint.rules.save_path_extension import SavePathExtension
from seqlint.rules.scaler_feature_mismatch import ScalerFeatureMismatch
from seqlint.rules.shared_loss_mixed_outputs import SharedLossMixedOutputs
from seqlint.rules.silent_target_mismatch import SilentTargetMismatch
from seqlint.rules.stateful_batch_mismatch import StatefulBatchMismatch
from seqlint.rules.stateful_without_batch import StatefulWithoutBatch
from seqlint.rules.super_init_self import SuperInitSelf
from seqlint.rules.swapped_losses import SwappedLosses
from seqlint.rules.swapped_metrics import SwappedMetrics
from seqlint.rules.tf_op_on_keras_tensor import TfOpOnKerasTensor
from seqlint.rules.time_distributed_rank import TimeDistributedRank
from seqlint.rules.unused_suppression import UnusedSuppression
from seqlint.rules.weight_shape_undefined import WeightShapeUndefined
from seqlint.rules.weights_on_undefined_axis import WeightsOnUndefinedAxis
from seqlint.rules.window_longer_than_sequence import WindowLongerThanSequence
from seqlint.rules.window_not_flattened import WindowNotFlattened

ALL_RULES: tuple[Rule, ...] = (
    MissingTimeAxis(),
    InputDeclarationRank(),
    TimeDistributedRank(),
    MergeShapeMismatch(),
    MergeSingleTensor(),
    ReshapeSizeMismatch(),
    InitialStateMismatch(),
    WindowLongerThanSequence(),
    EmbeddingWeightsShape(),
    WeightsOnUndefinedAxis(),
    OpShapeMismatch(),
    WeightShapeUndefined(),
    DeclaredOutputMismatch(),
    DeclaredOutputBreaksLayer(),
    BuiltinCallRaises(),
    LayerInputMismatch(),
    AxisOutOfRange(),
    LayerCallArguments(),
    LayerConstructorArguments(),
    ClassificationTargetMismatch(),
    OutputUnitsVsClasses(),
    RegressionTargetMismatch(),
    SilentTargetMismatch(),
    SwappedLosses(),
    SwappedMetrics(),
    MetricTargetMismatch(),
    LossActivationMismatch(),
    LossOutputsMismatch(),
    SharedLossMixedOutputs(),
    CustomLossIndexesOutputs(),
    DataInputMismatch(),
    DataSizeBreaksLayer(),
    EmbeddingIndexRange(),
    EmbeddingNegativeIndex(),
    PaddingWithoutMask(),
    PostPaddingLastState(),
    DegenerateWindow(),
    Keras3Migration(),
    RemovedGeneratorMethod(),
    BatchInputShape(),
    CudnnLayer(),
    OptimizerLr(),
    RemovedTrainingArgument(),
    RemovedPredictMethod(),
    MetricsListOutputs(),
    RemovedApi(),
    TfOpOnKerasTensor(),
    SavePathExtension(),
    SuperInitSelf(),
    AddWeightPositionalName(),
    InitialStateTensor(),
    StatefulBatchMismatch(),
    StatefulWithoutBatch(),
    ReturnStateUnpacking(),
    BatchAxisLost(),
    DeclaredShapeInvalid(),
    ArrayReshapeSize(),
    ScalerFeatureMismatch(),
    NonDataArgument(),
    LabelsBeyondClassesRule(),
    WindowNotFlattened(),
    UnusedSuppression(),
)
