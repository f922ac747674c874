# Repro: three Conv1D/MaxPooling1D blocks on short texts: the third convolution has no steps left.
# Source: https://github.com/keras-team/keras/issues/10128
# Reported: ValueError: Negative dimension size caused by subtracting 3 from 2 for 'conv1d_3/convolution/Conv2D'
# Fix: padding='same' keeps the length through the convolutions.
# keras: raises ValueError
# status: caught
# Family: conv1d-window
import numpy as np
from keras.layers import Conv1D, Dense, Embedding, GlobalMaxPooling1D, Input, MaxPooling1D, SpatialDropout1D
from keras.models import Sequential

MAX_SEQUENCE_LENGTH, embedding_size, n_words = 20, 16, 100
data = np.random.randint(1, n_words, size=(8, MAX_SEQUENCE_LENGTH))
labels = np.random.randint(0, 2, size=(8, 1))

model = Sequential()
model.add(Input(shape=(MAX_SEQUENCE_LENGTH,)))
model.add(Embedding(n_words + 1, embedding_size, trainable=True))
model.add(SpatialDropout1D(0.2))
model.add(Conv1D(128, 3, activation="relu"))
model.add(MaxPooling1D(3))
model.add(Conv1D(128, 3, activation="relu"))
model.add(MaxPooling1D(3))
model.add(Conv1D(128, 3, activation="relu"))  # expect: SL108
model.add(GlobalMaxPooling1D())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(data, labels, epochs=1, verbose=0)
