# Repro: a stateful LSTM with a fixed batch of 32 fitted on 100 samples: the last batch has 4.
# Source: https://github.com/tensorflow/tensorflow/issues/86310 (also https://github.com/keras-team/keras/issues/2030)
# Reported: a stateful LSTM fails unless every batch has the declared size (here: Incompatible shapes in the loss of the last, short batch)
# Fix: a number of samples that is a multiple of the batch size (96).
# keras: raises InvalidArgumentError
# status: caught
# Family: input-data
import numpy as np
import tensorflow as tf

batch_size, sequence_length, num_features, num_samples = 32, 5, 1, 100
X_train = np.random.rand(num_samples, sequence_length, num_features)
y_train = np.random.rand(num_samples, 1)

model = tf.keras.Sequential([
    tf.keras.Input(batch_shape=(batch_size, sequence_length, num_features)),
    tf.keras.layers.LSTM(8, stateful=True),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)  # expect: SL230
