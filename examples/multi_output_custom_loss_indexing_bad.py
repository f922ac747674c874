"""Two-head LSTM with one custom loss that indexes y_true[0] / y_true[1] as the two outputs."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras.layers import LSTM, Dense, Input

timesteps, features, units = 10, 3, 16

rng = np.random.default_rng(0)
X = rng.normal(size=(32, timesteps, features)).astype("float32")
price = rng.normal(size=(32, 1)).astype("float32")
churn = rng.integers(0, 2, size=(32, 1)).astype("float32")


def custom_loss(y_true, y_pred):
    mse_output1 = K.mean(K.square(y_true[0] - y_pred[0]))  # expect: SL208
    bce_output2 = K.mean(K.binary_crossentropy(y_true[1], y_pred[1]))
    return 0.7 * mse_output1 + 0.3 * bce_output2


inputs = Input(shape=(timesteps, features))
h = LSTM(units=units)(inputs)
output1 = Dense(units=1, activation="linear", name="price")(h)
output2 = Dense(units=1, activation="sigmoid", name="churn")(h)
model = keras.Model(inputs=inputs, outputs=[output1, output2])
model.compile(optimizer="adam", loss=custom_loss)
model.fit(X, [price, churn], epochs=1, batch_size=8, verbose=0)
