# Repro: next-word generation with an LSTM language model calls predict_classes, removed in TF 2.6 / Keras 3.
# Source: https://github.com/tensorflow/tensorflow/issues/53391 (also https://github.com/keras-team/keras/issues/15838)
# Reported: AttributeError: 'Sequential' object has no attribute 'predict_classes'
# Fix: np.argmax(model.predict(x), axis=-1).
# keras: raises AttributeError
# status: caught
# Family: keras3-api
import numpy as np
from tensorflow.keras.layers import LSTM, Bidirectional, Dense, Embedding
from tensorflow.keras.models import Sequential

total_words, max_sequence_len = 40, 11
xs = np.random.randint(1, total_words, size=(8, max_sequence_len - 1))
ys = np.eye(total_words)[np.random.randint(1, total_words, size=8)]

model = Sequential()
model.add(Embedding(total_words, 16))
model.add(Bidirectional(LSTM(20)))
model.add(Dense(total_words, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(xs, ys, epochs=1, verbose=0)

token_list = np.random.randint(1, total_words, size=(1, max_sequence_len - 1))
predicted = model.predict_classes(token_list, verbose=0)  # expect: SL219
