# Fixed twin of stateful_batch_not_divisible_bad.py: 96 samples, three full batches of 32.
# Source: https://github.com/tensorflow/tensorflow/issues/86310
# keras: runs
# Family: input-data
import numpy as np
import tensorflow as tf

batch_size, sequence_length, num_features, num_samples = 32, 5, 1, 100
num_samples = (num_samples // batch_size) * batch_size
X_train = np.random.rand(num_samples, sequence_length, num_features)
y_train = np.random.rand(num_samples, 1)

model = tf.keras.Sequential([
    tf.keras.Input(batch_shape=(batch_size, sequence_length, num_features)),
    tf.keras.layers.LSTM(8, stateful=True),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
