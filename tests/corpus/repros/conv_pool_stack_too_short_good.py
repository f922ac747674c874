# Fixed twin of conv_pool_stack_too_short_bad.py: 'same' padding keeps enough steps.
# Source: https://github.com/keras-team/keras/issues/10128
# keras: runs
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
model.add(Conv1D(128, 3, activation="relu", padding="same"))
model.add(MaxPooling1D(3))
model.add(Conv1D(128, 3, activation="relu", padding="same"))
model.add(MaxPooling1D(3))
model.add(Conv1D(128, 3, activation="relu", padding="same"))
model.add(GlobalMaxPooling1D())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(data, labels, epochs=1, verbose=0)
