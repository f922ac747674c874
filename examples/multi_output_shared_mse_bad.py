"""Two-input LSTM with a price head and a churn-probability head, both trained with mse."""
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import LSTM, Dense, Input, concatenate

timesteps, features1, features2, units = 10, 3, 2, 16

rng = np.random.default_rng(0)
X1 = rng.normal(size=(32, timesteps, features1)).astype("float32")
X2 = rng.normal(size=(32, timesteps, features2)).astype("float32")
price = rng.normal(size=(32, 1)).astype("float32")
churn = rng.integers(0, 2, size=(32, 1))

input1 = Input(shape=(timesteps, features1))
input2 = Input(shape=(timesteps, features2))
lstm1 = LSTM(units=units)(input1)
lstm2 = LSTM(units=units)(input2)
merged = concatenate([lstm1, lstm2])
output1 = Dense(units=1, activation="linear", name="price")(merged)
output2 = Dense(units=1, activation="sigmoid", name="churn")(merged)

model = keras.Model(inputs=[input1, input2], outputs=[output1, output2])
model.compile(optimizer="adam", loss="mse")  # expect: SL207
model.fit([X1, X2], [price, churn], epochs=1, batch_size=8, verbose=0)
