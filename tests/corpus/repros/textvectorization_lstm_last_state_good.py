# Fixed twin of textvectorization_lstm_last_state_bad.py: the Embedding masks the padding (mask_zero=True), so the LSTM returns the state after the last word.
# Source: https://github.com/keras-team/keras/issues/20898
# keras: runs
# Family: post-padding
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(0)
texts = np.array(["a great film", "an awful boring film", "great", "boring and awful"] * 8)
labels = np.array([1, 0, 1, 0] * 8)

vectorize_layer = layers.TextVectorization(max_tokens=20, output_sequence_length=12)
vectorize_layer.adapt(texts)
x_train = vectorize_layer(texts)

inputs = keras.Input(shape=(None,), dtype="int64")
x = layers.Embedding(20, 8, mask_zero=True)(inputs)
x = layers.LSTM(8)(x)
predictions = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, predictions)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, labels, epochs=1, verbose=0)


def _prediction(ids: np.ndarray, steps: int) -> float:
    row = np.zeros((1, steps), dtype="int64")
    row[0, : len(ids)] = ids
    return float(model.predict(row, verbose=0)[0, 0])


def silent_check() -> bool:
    """Two different texts followed by 200 padding steps get the same prediction (to a
    thousandth of what tells them apart unpadded): the padding washed them out of the state."""
    a, b = (np.trim_zeros(vectorize_layer([t]).numpy()[0]) for t in ("a great film", "awful"))
    unpadded = abs(_prediction(a, len(a)) - _prediction(b, len(b)))
    padded = abs(_prediction(a, 200) - _prediction(b, 200))
    return padded < 1e-3 * unpadded
