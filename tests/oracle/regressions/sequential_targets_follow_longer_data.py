# oracle-regression: a Sequential model declared for 5 steps trains on data of 6 steps with
# per-step targets of 6 steps.  Keras 3 only warns that the data does not match the declared
# input, runs the layers on the data's own shape (outputs (batch, 6, 1)) and trains.  seqlint
# once compared the targets with the declared output (batch, 5, 1) and reported SL203.
# keras: runs
# status: fixed
import keras
import numpy as np

X = np.random.rand(4, 6, 3).astype("float32")
y = np.random.rand(4, 6, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    keras.layers.LSTM(4, return_sequences=True),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=4, verbose=0)
