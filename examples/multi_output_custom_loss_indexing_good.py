"""Two-head LSTM: one loss per output, weighted 0.7 / 0.3, routed by Keras."""
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import LSTM, Dense, Input

timesteps, features, units = 10, 3, 16

rng = np.random.default_rng(0)
X = rng.normal(size=(32, timesteps, features)).astype("float32")
price = rng.normal(size=(32, 1)).astype("float32")
churn = rng.integers(0, 2, size=(32, 1)).astype("float32")

inputs = Input(shape=(timesteps, features))
h = LSTM(units=units)(inputs)
output1 = Dense(units=1, activation="linear", name="price")(h)
output2 = Dense(units=1, activation="sigmoid", name="churn")(h)
model = keras.Model(inputs=inputs, outputs=[output1, output2])
model.compile(
    optimizer="adam",
    loss={"price": "mse", "churn": "binary_crossentropy"},
    loss_weights={"price": 0.7, "churn": 0.3},
)
model.fit(X, [price, churn], epochs=1, batch_size=8, verbose=0)
