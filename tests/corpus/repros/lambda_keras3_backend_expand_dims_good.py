# Fixed twin of lambda_keras3_backend_expand_dims_bad.py: from keras import ops as K, as the reporter did.
# Source: https://github.com/keras-team/keras/issues/21089
# keras: runs
# Family: lambda-ops
import numpy as np
from keras import ops as K
from keras.layers import LSTM, Dense, Input, Lambda
from keras.models import Model

inputs = Input(shape=(10,))
features = Dense(16, activation="relu")(inputs)
features_expand_dims = Lambda(lambda x:K.expand_dims(x,axis=-1))(features)
hidden = LSTM(8)(features_expand_dims)  # the 16 features read as 16 steps of one value
outputs = Dense(1)(hidden)
model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 10), np.random.rand(4, 1), epochs=1, verbose=0)
