# Repro: word ids padded with pad_sequences(..., padding="post") feed an Embedding without mask_zero and an LSTM that returns its last state.
# Source: https://stackoverflow.com/questions/46298793/how-does-choosing-between-pre-and-post-zero-padding-of-sequences-impact-results
# Reported: how does choosing between pre and post zero padding change the results of an RNN? Answer: the prediction is made from the final hidden state, which the zeros sent after the last word "flush out"; hence pre-padding is the common choice.
# Fix: pad_sequences(..., padding="pre") (the default): the words are the last steps the LSTM reads.
# keras: silent
# status: caught
# Family: post-padding
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences

keras.utils.set_random_seed(0)
PADDING = "post"
sequences = [list(np.random.randint(1, 50, size=n)) for n in np.random.randint(3, 20, size=32)]
X = pad_sequences(sequences, maxlen=20, padding=PADDING)
y = np.random.randint(0, 2, size=(32, 1))

model = keras.Sequential(
    [
        keras.Input(shape=(None,)),
        layers.Embedding(50, 16),
        layers.LSTM(16),  # expect: SL243
        layers.Dense(1, activation="sigmoid"),
    ]
)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, verbose=0)


def _prediction(ids: list, steps: int) -> float:
    row = pad_sequences([ids], maxlen=steps, padding=PADDING)
    return float(model.predict(row, verbose=0)[0, 0])


def silent_check() -> bool:
    """Two different sentences padded to 200 steps get the same prediction (to a thousandth
    of what tells them apart unpadded): the padding washed the words out of the last state."""
    a, b = [5, 17, 42], [38, 3, 21]
    unpadded = abs(_prediction(a, len(a)) - _prediction(b, len(b)))
    padded = abs(_prediction(a, 200) - _prediction(b, 200))
    return padded < 1e-3 * unpadded
