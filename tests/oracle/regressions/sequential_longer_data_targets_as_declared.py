# oracle-regression: a Sequential model declared for 5 steps gets data of 6 steps and per-step
# targets of the declared 5 steps.  Keras 3 runs the layers on the data's 6 steps (it only warns
# at the input), so the outputs are (batch, 6, 1) and the loss raises (5 against 6).  seqlint
# sees the data disagree with the declaration and stays silent about both.
# keras: raises ValueError (Dimensions must be equal, but are 5 and 6)
# status: open
import keras
import numpy as np

X = np.random.rand(4, 6, 3).astype("float32")
y = np.random.rand(4, 5, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(5, 3)),
    keras.layers.LSTM(4, return_sequences=True),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=4, verbose=0)  # seqlint: error
