# Fixed twin of td_conv1d_on_embedded_words_bad.py: Conv1D and pooling slide over the embedded words directly.
# Source: https://github.com/keras-team/keras/issues/4380
# keras: runs
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, Embedding, Input, MaxPooling1D
from keras.models import Sequential

maxlen = 40
model_aa = Sequential()
model_aa.add(Input(shape=(maxlen,)))
model_aa.add(Embedding(input_dim=1000, output_dim=16))
model_aa.add(Conv1D(filters=20, kernel_size=5, padding="valid", activation="relu"))
model_aa.add(MaxPooling1D(pool_size=3, padding="valid"))
model_aa.add(LSTM(8))
model_aa.add(Dense(1, activation="sigmoid"))
model_aa.compile(loss="binary_crossentropy", optimizer="adam")
model_aa.fit(np.random.randint(1, 1000, size=(4, maxlen)), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
