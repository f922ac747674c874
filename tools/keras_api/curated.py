"""What the wheels cannot say, written by hand: what replaces a removed name.

Keys are table paths (``layers.CuDNNLSTM``, ``models.Model.fit_generator``) or keywords of a
callable (``models.Model.fit(nb_epoch)``); ``*`` stands for one path segment and is carried
into the value. A value starting with ``~`` is the nearest replacement but not a drop-in one
(different arguments or semantics), so a rule should name it without rewriting the code.
"""

from __future__ import annotations

_MERGED_LAYER_MODULES = (
    "advanced_activations",
    "convolutional",
    "convolutional_recurrent",
    "core",
    "cudnn_recurrent",
    "dense_attention",
    "einsum_dense",
    "embeddings",
    "merge",
    "multi_head_attention",
    "noise",
    "normalization",
    "pooling",
    "recurrent",
    "recurrent_v2",
    "wrappers",
)
_GENERATOR_METHODS = {
    "fit_generator": "fit",
    "evaluate_generator": "evaluate",
    "predict_generator": "predict",
}
_PREDICT_METHODS = ("predict_classes", "predict_proba")

REPLACEMENTS: dict[str, str] = {
    "layers.CuDNNLSTM": "layers.LSTM",
    "layers.CuDNNGRU": "layers.GRU",
    "layers.experimental.preprocessing.*": "layers.*",
    "layers.experimental.EinsumDense": "layers.EinsumDense",
    "layers.experimental.SyncBatchNormalization": "~layers.BatchNormalization",
    **{f"layers.{m}.*": "layers.*" for m in _MERGED_LAYER_MODULES},
    **{f"layers.{m}": "layers" for m in _MERGED_LAYER_MODULES},
    "utils.np_utils.*": "utils.*",
    "utils.np_utils": "utils",
    "utils.vis_utils.*": "utils.*",
    "utils.data_utils.*": "utils.*",
    "engine.topology.Layer": "layers.Layer",
    "engine.topology.Input": "layers.Input",
    "engine.topology.InputLayer": "layers.InputLayer",
    "engine.topology.InputSpec": "layers.InputSpec",
    "engine.topology.Network": "~models.Model",
    "engine.topology.Container": "~models.Model",
    "engine.base_layer.Layer": "layers.Layer",
    "engine.training.Model": "models.Model",
    "engine.sequential.Sequential": "models.Sequential",
    "engine.input_layer.Input": "layers.Input",
    "engine.input_layer.InputLayer": "layers.InputLayer",
    "wrappers.scikit_learn.KerasClassifier": "~wrappers.SKLearnClassifier",
    "wrappers.scikit_learn.KerasRegressor": "~wrappers.SKLearnRegressor",
    "preprocessing.sequence.TimeseriesGenerator": "~utils.timeseries_dataset_from_array",
    "preprocessing.text.Tokenizer": "~layers.TextVectorization",
    "preprocessing.image.ImageDataGenerator": "~utils.image_dataset_from_directory",
    "optimizers.*.lr": "optimizers.*.learning_rate",
    "optimizers.*(lr)": "learning_rate",
    "optimizers.*(decay)": "~learning_rate",
    "layers.*(batch_input_shape)": "~batch_shape",
    "layers.*(input_dim)": "~input_shape",
    "models.Model.fit(nb_epoch)": "epochs",
    "models.Model.fit(samples_per_epoch)": "~steps_per_epoch",
    "models.Model.fit(nb_val_samples)": "~validation_steps",
    "models.Sequential.fit(nb_epoch)": "epochs",
    "models.Sequential.fit(samples_per_epoch)": "~steps_per_epoch",
    "models.Sequential.fit(nb_val_samples)": "~validation_steps",
}
for _cls in ("models.Model", "models.Sequential"):
    for _old, _new in _GENERATOR_METHODS.items():
        REPLACEMENTS[f"{_cls}.{_old}"] = f"{_cls}.{_new}"
    for _old in _PREDICT_METHODS:
        REPLACEMENTS[f"{_cls}.{_old}"] = f"~{_cls}.predict"
