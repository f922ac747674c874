# Repro: an LSTM built in a helper function, applied to Input(shape=(129,)); its input_shape= is ignored.
# Source: https://github.com/keras-team/keras/issues/12782
# Reported: ValueError: Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=2
# Fix: declare the sequence on the Input: Input(shape=(1, 129)).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Input
from keras.models import Model


def build_lstm(lstm_input, hidden_dim=256):
    out = LSTM(hidden_dim, input_shape=(1, 129))(lstm_input)
    return out


lstm_input = Input(shape=(129,), name="lstm_input")  # expect: SL102
out = build_lstm(lstm_input)
predictions = Dense(256, activation="softmax")(out)
model = Model(inputs=lstm_input, outputs=predictions)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
model.fit(np.random.rand(4, 129), np.eye(256)[np.random.randint(0, 256, size=4)], epochs=1, verbose=0)
