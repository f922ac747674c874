# Repro: TimeDistributed(Conv1D) stacked on an Embedding: each time step is one word vector, too few axes for a convolution.
# Source: https://github.com/keras-team/keras/issues/4380
# Reported: error when adding the TimeDistributed-wrapped Convolution1D layers on the Embedding layer
# Fix: the embedded sequence is already (steps, features): apply Conv1D and MaxPooling1D directly, without TimeDistributed.
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, Embedding, Input, MaxPooling1D, TimeDistributed
from keras.models import Sequential

maxlen = 40
model_aa = Sequential()
model_aa.add(Input(shape=(maxlen,)))
model_aa.add(Embedding(input_dim=1000, output_dim=16))
model_aa.add(TimeDistributed(Conv1D(filters=20, kernel_size=5, padding="valid", activation="relu")))  # expect: SL114
model_aa.add(TimeDistributed(MaxPooling1D(pool_size=3, padding="valid")))
model_aa.add(LSTM(8))
model_aa.add(Dense(1, activation="sigmoid"))
model_aa.compile(loss="binary_crossentropy", optimizer="adam")
model_aa.fit(np.random.randint(1, 1000, size=(4, maxlen)), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
