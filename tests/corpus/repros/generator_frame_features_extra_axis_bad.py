# Repro: per-frame CNN features saved as (1, 2048) rows; the sequence generator stacks them into (batch, frames, 1, features) for an LSTM declared (frames, features).
# Source: https://github.com/harvitronix/five-video-classification-methods/issues/120
# Reported: ValueError: Error when checking input: expected lstm_1_input to have 3 dimensions, but got array with shape (32, 40, 1, 2048)
# Fix: keep each frame's features as a (2048,) vector (features[0], or reshape) so that a sequence is (frames, features).
# keras: raises ValueError
# status: caught
# Family: generator-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Dropout
from tensorflow.keras.models import Sequential

seq_length, n_features, n_classes, batch_size = 4, 16, 3, 2


def extract_features(frame):
    return np.random.rand(1, n_features)


def frame_generator(batch_size):
    while True:
        X, y = [], []
        for _ in range(batch_size):
            frames = [np.random.rand(8, 8, 3) for _ in range(seq_length)]
            sequence = [extract_features(frame) for frame in frames]
            X.append(sequence)
            y.append(np.eye(n_classes)[np.random.randint(n_classes)])
        yield np.array(X), np.array(y)


model = Sequential()
model.add(LSTM(32, return_sequences=False, input_shape=(seq_length, n_features), dropout=0.5))
model.add(Dense(16, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(n_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(frame_generator(batch_size), steps_per_epoch=2, epochs=1, verbose=0)  # expect: SL209
