"""Character model sized by len(chars): one-hot next characters at every step, but the
LSTM keeps only its last step."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

text = "to be or not to be that is the question " * 20
chars = sorted(set(text))
char_to_index = {c: i for i, c in enumerate(chars)}
maxlen = 30
starts = range(0, len(text) - maxlen - 1, 7)

X = np.zeros((len(starts), maxlen, len(chars)), dtype="float32")
y = np.zeros((len(starts), maxlen, len(chars)), dtype="float32")
for i, start in enumerate(starts):
    for t in range(maxlen):
        X[i, t, char_to_index[text[start + t]]] = 1.0
        y[i, t, char_to_index[text[start + t + 1]]] = 1.0

model = keras.Sequential([
    keras.Input(shape=(maxlen, len(chars))),
    layers.LSTM(64),
    layers.Dense(len(chars), activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, y, batch_size=32, epochs=1, verbose=0)  # expect: SL201
