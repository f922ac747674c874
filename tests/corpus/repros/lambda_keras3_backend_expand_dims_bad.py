# Repro: a Lambda written for Keras 2.15 expands the features with keras.backend.expand_dims; Keras 3's keras.backend has no expand_dims, so the Lambda cannot be traced and Keras asks for its output_shape.
# Source: https://github.com/keras-team/keras/issues/21089
# Reported: We could not automatically infer the shape of the Lambda's output. Please specify the `output_shape` argument for this Lambda layer. (features_expand_dims = Lambda(lambda x:K.expand_dims(x,axis=-1))(features), after moving from keras 2.15 to 3.9)
# Fix (the reporter's): from keras import ops as K, so K.expand_dims is keras.ops.expand_dims.
# keras: raises NotImplementedError
# status: caught
# Family: lambda-ops
import numpy as np
from keras import backend as K
from keras.layers import LSTM, Dense, Input, Lambda
from keras.models import Model

inputs = Input(shape=(10,))
features = Dense(16, activation="relu")(inputs)
features_expand_dims = Lambda(lambda x:K.expand_dims(x,axis=-1))(features)  # expect: SL111
hidden = LSTM(8)(features_expand_dims)  # the 16 features read as 16 steps of one value
outputs = Dense(1)(hidden)
model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 10), np.random.rand(4, 1), epochs=1, verbose=0)
