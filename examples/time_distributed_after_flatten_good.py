"""Per-step regressor: without the Flatten, TimeDistributed applies the Dense to every step."""
import numpy as np
import tensorflow as tf

timesteps, n_features = 12, 3

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")
y = rng.normal(size=(16, timesteps, 1)).astype("float32")

model = tf.keras.Sequential([
    tf.keras.Input(shape=(timesteps, n_features)),
    tf.keras.layers.Conv1D(16, kernel_size=3, padding="same", activation="relu"),
    tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(1)),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
