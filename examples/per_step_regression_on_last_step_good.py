"""Per-step sensor regression : one prediction per step."""
import numpy as np
import tensorflow as tf

# 32 series of 10 steps, 3 sensors; one target value per step
X = np.random.rand(32, 10, 3).astype("float32")
y = np.random.rand(32, 10, 1).astype("float32")

model = tf.keras.Sequential([
    tf.keras.Input(shape=(10, 3)),
    tf.keras.layers.LSTM(16, return_sequences=True),
    tf.keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)
