# oracle-regression: the input declares an unknown number of steps (None); the data has 6, the
# pooling halves them to 3, and the per-step targets still have 6.  Keras builds the training
# step from the data and raises at fit; seqlint keeps the step count symbolic (None) and cannot
# compare it with the targets' 6.
# keras: raises ValueError (Arguments `target` and `output` must have the same shape)
# status: open
import keras
import numpy as np

X = np.random.rand(4, 6, 4).astype("float32")
y = np.eye(5)[np.random.randint(0, 5, size=(4, 6))]

model = keras.Sequential(
    [
        keras.Input(shape=(None, 4)),
        keras.layers.LSTM(8, return_sequences=True),
        keras.layers.MaxPooling1D(2),
        keras.layers.Dense(5, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, y, epochs=1, batch_size=4, verbose=0)  # seqlint: error
